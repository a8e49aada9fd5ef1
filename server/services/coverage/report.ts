/**
 * The coverage page's report: required vs scheduled per interval, region and channel, gaps
 * with reasons and fixes, and the same period's other roster for comparison. A lead's view is
 * scoped to the regions of the teams they lead: totals, gaps, costs, summaries and fixes.
 */
import type { Actor } from "@/server/auth/actor";
import { NO_REGION } from "@/server/domain/coverage/coverage-report";
import type { FixSuggestion } from "@/server/domain/coverage/suggest-fixes";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/roster-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { idOf, regionKey } from "../engine-input/keys";
import { computeRosterCoverage } from "./roster-coverage";
import { visiblePersonIds, visibleRegionIds } from "./scope";

export interface CoverageInput {
  rosterId: number;
  /** The zone days are summarised in: "UTC" or an IANA zone. */
  zone: string;
}

/** The coverage report of one roster as the caller may see it, shaped for the page. */
export function getCoverage(db: Store, actor: Actor, input: CoverageInput) {
  const visible = visibleRegionIds(db, actor);
  const visiblePeople = visiblePersonIds(db, actor);
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
