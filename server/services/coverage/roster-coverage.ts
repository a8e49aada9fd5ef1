/**
 * A stored roster's coverage: its shifts and the requirements of its period, run through the
 * pure coverage model, with fix suggestions for the worst gaps. Reads only.
 */
import { buildCoverageReport, type CoverageReport } from "@/server/domain/coverage/coverage-report";
import { suggestFixes, type FixSuggestion } from "@/server/domain/coverage/suggest-fixes";
import type { TRosterProblem } from "@/server/domain/roster/problem";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/roster-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { channelSettingsFrom } from "../engine-input/channels";
import { personKey, regionKey, templateKey, toResultShift } from "../engine-input/keys";
import { loadChannelDemand } from "../engine-input/requirements";
import { loadRosterProblem } from "../engine-input/roster-problem";

export interface RosterCoverage {
  report: CoverageReport;
  fixes: { byGap: Map<number, FixSuggestion[]>; hiring: FixSuggestion[] };
  roster: repo.RosterRecord;
  intervalMinutes: number;
}

/**
 * An overtime offer with its price: the shift's paid hours at its region's rate plus the
 * organisation's overtime premium.
 */
function priceOvertime(fix: FixSuggestion, problem: TRosterProblem, regions: readonly orgRepo.RegionRecord[], settings: orgRepo.OrgSettingsRecord): FixSuggestion {
  if (fix.kind !== "overtime") return fix;
  const minutes = problem.shiftTemplates.find((t) => t.id === fix.templateId)?.minutes ?? 0;
  const rate = (regions.find((r) => regionKey(r.id) === fix.regionId)?.hourlyCostCents ?? 0) / 100;
  const cost = (minutes / 60) * rate * (1 + settings.overtimePremium);
  const premium = Math.round(settings.overtimePremium * 100);
  return { ...fix, text: `${fix.text} (about ${cost.toFixed(2)} ${settings.currency} with the ${premium}% overtime premium)` };
}

/**
 * The coverage report of one roster, summarised by local days of `summaryZone`; with fixes
 * (only when there are gaps and stored requirements), and scoped to `scopeRegionIds` if given.
 */
export function computeRosterCoverage(db: Store, rosterId: number, summaryZone: string, withFixes = true, scopeRegionIds?: readonly number[]): RosterCoverage {
  const roster = repo.getRoster(db, rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  const settings = orgRepo.getSettings(db);
  const channelRows = orgRepo.listChannels(db);
  const regions = orgRepo.listRegions(db);
  const people = orgRepo.listPeople(db);
  const roleOf = new Map(people.map((p) => [p.id, p.role]));
  const intervalMinutes = settings.intervalMinutes;
  const n = (roster.days * 1440) / intervalMinutes;
  const startMs = roster.periodStart.getTime();
  const { demand, stored } = loadChannelDemand(db, channelRows, { periodStart: roster.periodStart, days: roster.days }, intervalMinutes);
  const shiftRows = repo.listShiftsWithBreaks(db, roster.id);
  const shifts = shiftRows.filter((s) => s.personId !== null).map((s) => ({
    personId: personKey(s.personId ?? 0),
    regionId: regionKey(s.regionId),
    role: roleOf.get(s.personId ?? 0) === "lead" ? ("lead" as const) : ("agent" as const),
    startMs: s.startsAt.getTime(),
    endMs: s.endsAt.getTime(),
    breaks: s.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })),
  }));
  const report = buildCoverageReport({
    startMs,
    intervalMinutes,
    intervalCount: n,
    channels: channelRows.map(channelSettingsFrom),
    demand,
    regions: regions.map((r) => ({
      id: regionKey(r.id),
      name: r.name,
      timeZone: r.timeZone,
      earliestStart: r.windowStart,
      latestEnd: r.windowEnd,
      hourlyCost: r.hourlyCostCents / 100,
    })),
    shifts,
    leadSpanMax: settings.leadSpanMax,
    engineUnmet: (roster.solveSummary?.unmet ?? []).map((u) => ({ startMs: Date.parse(u.start), endMs: Date.parse(u.end), reasons: u.reasons })),
    summaryZone,
    toolsCostPerUserMonth: settings.toolsCostCentsPerUserMonth / 100,
    ...(scopeRegionIds ? { scopeRegionIds: scopeRegionIds.map((id) => regionKey(id)) } : {}),
  });
  let fixes: RosterCoverage["fixes"] = { byGap: new Map(), hiring: [] };
  if (withFixes && report.gaps.length > 0 && stored > 0) {
    const problem = loadRosterProblem(db, { periodStart: roster.periodStart, days: roster.days });
    fixes = suggestFixes({
      problem,
      shifts: shiftRows.filter((s) => s.personId !== null).map(toResultShift),
      // Suggestions for the worst gaps only: each candidate is re-checked against every rule.
      gaps: [...report.gaps].sort((a, b) => b.shortAgentHours - a.shortAgentHours).slice(0, 12),
      names: {
        people: new Map(people.map((p) => [personKey(p.id), p.name])),
        regions: new Map(regions.map((r) => [regionKey(r.id), r.name])),
        templates: new Map(orgRepo.listTemplates(db).map((t) => [templateKey(t.id), t.name])),
      },
    });
    fixes = { ...fixes, byGap: new Map([...fixes.byGap].map(([at, list]) => [at, list.map((fix) => priceOvertime(fix, problem, regions, settings))])) };
  }
  return { report, fixes, roster, intervalMinutes };
}
