/**
 * Coverage gaps for managers (and leads, for their teams' regions): loads a roster and the
 * requirements of its period, runs the pure coverage model and fix suggestions, and shapes
 * the result for the page and the CSV export.
 */
import type { Queryable } from "@/db/types";
import type { Actor } from "@/server/auth/actor";
import { buildCoverageReport, NO_REGION, type CoverageReport } from "@/server/domain/coverage/coverage-report";
import { suggestFixes, type FixSuggestion } from "@/server/domain/coverage/suggest-fixes";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/roster-repository";
import { idOf, personKey, regionKey, templateKey, toResultShift } from "./engine-input/keys";
import { channelSettingsFrom } from "./engine-input/channels";
import { loadChannelDemand } from "./engine-input/requirements";
import { loadDesignProblem, loadRosterProblem, LEAD_SPAN } from "./engine-input/roster-problem";
import { getRosterJob, startRosterJob } from "@/server/jobs/roster-jobs";


/** Regions a caller may look at: all for managers, the regions of the teams a lead leads. */
function visibleRegionIds(db: Queryable, actor: Actor): Set<number> | "all" {
  if (actor.role === "manager") return "all";
  if (actor.role !== "lead") throw new AppError("FORBIDDEN", { message: "Coverage is for leads and managers." });
  return new Set(orgRepo.listTeams(db).filter((t) => t.leadId === actor.id).map((t) => t.regionId));
}

function visiblePersonIds(db: Queryable, actor: Actor): Set<number> | "all" {
  if (actor.role === "manager") return "all";
  const teamIds = orgRepo.listTeams(db).filter((t) => t.leadId === actor.id).map((t) => t.id);
  return new Set([actor.id, ...orgRepo.listPeopleInTeams(db, teamIds).map((p) => p.id)]);
}

interface Computed {
  report: CoverageReport;
  fixes: { byGap: Map<number, FixSuggestion[]>; hiring: FixSuggestion[] };
  roster: NonNullable<ReturnType<typeof repo.getRoster>>;
  intervalMinutes: number;
}

export function computeRosterCoverage(
  db: Queryable,
  rosterId: number,
  summaryZone: string,
  withFixes = true,
  scopeRegionIds?: readonly number[],
): Computed {
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
    leadSpanMax: LEAD_SPAN.max,
    engineUnmet: (roster.solveSummary?.unmet ?? []).map((u) => ({ startMs: Date.parse(u.start), endMs: Date.parse(u.end), reasons: u.reasons })),
    summaryZone,
    ...(scopeRegionIds ? { scopeRegionIds: scopeRegionIds.map((id) => regionKey(id)) } : {}),
  });
  let fixes: Computed["fixes"] = { byGap: new Map(), hiring: [] };
  if (withFixes && report.gaps.length > 0 && stored > 0) {
    const problem = loadRosterProblem(db, { periodStart: roster.periodStart, days: roster.days });
    fixes = suggestFixes({
      problem,
      shifts: shiftRows
        .filter((s) => s.personId !== null)
        .map(toResultShift),
      // Suggestions for the worst gaps only: each candidate is re-checked against every rule.
      gaps: [...report.gaps].sort((a, b) => b.shortAgentHours - a.shortAgentHours).slice(0, 12),
      names: {
        people: new Map(people.map((p) => [personKey(p.id), p.name])),
        regions: new Map(regions.map((r) => [regionKey(r.id), r.name])),
        templates: new Map(orgRepo.listTemplates(db).map((t) => [templateKey(t.id), t.name])),
      },
    });
  }
  return { report, fixes, roster, intervalMinutes };
}

export function getCoverage(db: Queryable, actor: Actor, input: { rosterId: number; zone: string }) {
  const visible = visibleRegionIds(db, actor);
  const visiblePeople = visiblePersonIds(db, actor);
  // A lead's view is scoped to the regions of the teams they lead: totals, gaps, costs, summaries.
  const scope = visible === "all" ? undefined : [...visible];
  const { report, fixes, roster, intervalMinutes } = computeRosterCoverage(db, input.rosterId, input.zone, true, scope);
  const regions = orgRepo.listRegions(db).filter((r) => visible === "all" || visible.has(r.id));
  const regionKeys = new Set(regions.map((r) => regionKey(r.id)));
  const showRegion = (regionId: string) => regionKeys.has(regionId) || (visible === "all" && regionId === NO_REGION);
  const channelRows = orgRepo.listChannels(db);
  const currency = orgRepo.getSettings(db).currency;
  // The same period's other roster (draft vs published), for comparison.
  const others = repo.listRosters(db).filter((r) => r.id !== roster.id && r.periodStart.getTime() === roster.periodStart.getTime() && r.status !== "archived");
  const compareTo = others.find((r) => r.status !== roster.status) ?? null;
  const comparison = compareTo ? { rosterId: compareTo.id, name: compareTo.name, status: compareTo.status, period: computeRosterCoverage(db, compareTo.id, input.zone, false, scope).report.period } : null;
  const fixFilter = (f: FixSuggestion) => f.kind !== "overtime" || visiblePeople === "all" || visiblePeople.has(idOf(f.personId));
  return {
    roster: { id: roster.id, name: roster.name, status: roster.status, periodStart: roster.periodStart.toISOString(), days: roster.days },
    intervalMinutes,
    currency,
    zone: input.zone,
    regions: [
      ...regions.map((r) => ({ id: regionKey(r.id), name: r.name, timeZone: r.timeZone })),
      ...(visible === "all" ? [{ id: NO_REGION, name: "No region open", timeZone: "UTC" }] : []),
    ],
    channels: channelRows.map((c) => ({ id: c.key, name: c.name, kind: c.kind, targetSl: c.targetSl, targetSeconds: c.targetSeconds, responseMinutes: c.responseMinutes })),
    intervals: report.intervals.map((iv) => ({ ...iv, regions: iv.regions.filter((r) => showRegion(r.regionId)) })),
    gaps: report.gaps
      .filter((g) => visible === "all" || g.openRegionIds.some((id) => regionKeys.has(id)))
      .map((g) => ({ ...g, fixes: (fixes.byGap.get(g.startMs) ?? []).filter(fixFilter).filter((f) => f.kind === "hire" || showRegion(f.regionId)) })),
    hiring: fixes.hiring.filter((f) => showRegion(f.regionId)),
    days: report.days,
    period: report.period,
    worstGaps: report.worstGaps.map((g) => g.startMs),
    comparison,
  };
}

const CSV_COLUMNS = [
  "interval_start",
  "region",
  "channel",
  "contacts",
  "aht_seconds",
  "target_sl",
  "target_seconds",
  "required",
  "scheduled",
  "gap",
  "projected_sl",
  "projected_asa_seconds",
  "leads_on_duty",
] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The coverage table as CSV: one row per interval, region and channel. A region's share of a
 * channel's requirement and contacts follows the region's share of the interval's requirement;
 * its scheduled agents are split between channels like the whole interval's.
 */
export function exportCoverageCsv(db: Queryable, actor: Actor, input: { rosterId: number; zone: string; regionId?: string | undefined; channelId?: string | undefined }) {
  const coverage = getCoverage(db, actor, input);
  const regionName = new Map(coverage.regions.map((r) => [r.id, r.name]));
  const channelById = new Map(coverage.channels.map((c) => [c.id, c]));
  const lines = [CSV_COLUMNS.join(",")];
  for (const iv of coverage.intervals) {
    const at = new Date(iv.startMs).toISOString();
    for (const region of iv.regions) {
      if (input.regionId && region.regionId !== input.regionId) continue;
      const requiredShare = iv.required > 0 ? region.required / iv.required : 0;
      const scheduledShare = iv.scheduled > 0 ? region.scheduled / iv.scheduled : 0;
      for (const c of iv.channels) {
        if (input.channelId && c.channelId !== input.channelId) continue;
        const channel = channelById.get(c.channelId);
        const required = c.required * requiredShare;
        const scheduled = c.allocated * scheduledShare;
        lines.push(
          [
            at,
            regionName.get(region.regionId) ?? region.regionId,
            c.channelId,
            c.contacts * requiredShare,
            c.ahtSeconds,
            channel?.targetSl ?? null,
            channel?.targetSeconds ?? null,
            required,
            scheduled,
            scheduled - required,
            c.serviceLevel,
            c.asaSeconds,
            iv.leadsOnDuty,
          ]
            .map(csvCell)
            .join(","),
        );
      }
    }
  }
  return { filename: `coverage-${coverage.roster.periodStart.slice(0, 10)}-roster-${coverage.roster.id}.csv`, csv: `${lines.join("\n")}\n` };
}

export function listCoverageRosters(db: Queryable, actor: Actor) {
  visibleRegionIds(db, actor);
  return repo
    .listRosters(db)
    .filter((r) => r.status !== "archived")
    .map((r) => ({ id: r.id, name: r.name, status: r.status, periodStart: r.periodStart.toISOString(), days: r.days }));
}

export interface HiringPlan {
  rosterId: number;
  regions: { regionId: string; name: string; needed: number; agentsNow: number; toHire: number }[];
  shortageAgentMinutes: number;
  status: string;
}

/**
 * Plans hiring with the roster engine's design mode: the same period and requirement with
 * an unlimited pool per region (no people), default contracts; the engine reports how many
 * people each region needs. Runs as a background job like a roster solve; saves nothing.
 */
export function startHiringPlan(db: Queryable, actor: Actor, input: { rosterId: number; timeLimitSeconds?: number | undefined }) {
  visibleRegionIds(db, actor);
  const roster = repo.getRoster(db, input.rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  const designProblem = loadDesignProblem(db, { periodStart: roster.periodStart, days: roster.days }, { timeLimitSeconds: input.timeLimitSeconds ?? 30 });
  const regions = orgRepo.listRegions(db);
  const agentsByRegion = new Map<number, number>();
  for (const p of orgRepo.listPeople(db)) if (p.active && p.role === "agent") agentsByRegion.set(p.regionId, (agentsByRegion.get(p.regionId) ?? 0) + 1);
  return startRosterJob({
    ownerId: actor.id,
    label: `Hiring plan for ${roster.name}`,
    problem: designProblem,
    onResult: (result): { rosterId: null; summary: HiringPlan } => ({
      rosterId: null,
      summary: {
        rosterId: roster.id,
        status: result.status,
        shortageAgentMinutes: result.metrics.shortageAgentMinutes,
        regions: regions.map((r) => {
          const needed = result.headcount.find((h) => h.regionId === regionKey(r.id))?.people ?? 0;
          const agentsNow = agentsByRegion.get(r.id) ?? 0;
          return { regionId: regionKey(r.id), name: r.name, needed, agentsNow, toHire: Math.max(0, needed - agentsNow) };
        }),
      },
    }),
  });
}

export function getHiringPlanStatus(actor: Actor, jobId: string) {
  const job = getRosterJob(jobId);
  if (!job || (job.ownerId !== actor.id && actor.role !== "manager")) throw new AppError("NOT_FOUND", { message: "No such hiring plan" });
  return { ...job, summary: job.summary as HiringPlan | null };
}
