/**
 * The coverage model for a roster: per interval, channel and region, the agents required and
 * scheduled on task, the gap, the projected service level and ASA, and leads on duty against
 * the one-per-15 rule; runs of short intervals (gaps) with reasons; summaries per local day and
 * for the whole period, with staff cost (paid hours and tools) and the cost of closing the gaps.
 *
 * The requirement is organisation-wide (any region can serve it). For the region view it is
 * attributed to the regions whose working window is open in that interval, in proportion to the
 * agents each has on task (equal shares when none), so the regions' gaps add up to the whole
 * gap; an interval with no open window keeps its requirement under "no region".
 *
 * With `scopeRegionIds` (a lead's view) the interval totals, gaps, lead span, costs and
 * summaries cover only those regions' slices and shifts; projected service stays organisation-wide
 * because customers are served by every region together.
 */
import { DateTime } from "luxon";
import type { TRegion } from "../roster/problem";
import { regionWindows } from "../time/windows";
import type { ChannelSettings } from "../staffing/requirements";
import { coverageFromShifts, type TimedShift } from "./coverage-from-shifts";
import { projectCoverage, type ChannelDemand, type ProjectedChannel } from "./project-coverage";

export interface CoverageRegion extends TRegion {
  name: string;
  /** Staff cost per paid hour in the organisation's currency. */
  hourlyCost: number;
}

export interface CoverageShift extends TimedShift {
  personId: string;
  regionId: string;
}

export interface EngineUnmetRun {
  startMs: number;
  endMs: number;
  reasons: readonly string[];
}

export interface CoverageReportInput {
  startMs: number;
  intervalMinutes: number;
  intervalCount: number;
  channels: readonly ChannelSettings[];
  demand: readonly ChannelDemand[];
  regions: readonly CoverageRegion[];
  shifts: readonly CoverageShift[];
  /** Leads needed per interval: ceil(agents on task / leadSpanMax). */
  leadSpanMax: number;
  /** The roster engine's own reasons for what it could not cover, matched by time. */
  engineUnmet?: readonly EngineUnmetRun[];
  /** Zone whose local days the daily summary uses. */
  summaryZone: string;
  /** Limit totals, gaps and summaries to these regions (a lead's teams' regions). */
  scopeRegionIds?: readonly string[];
  /** Tools (licences) per rostered person and month in the organisation's currency; default 0. */
  toolsCostPerUserMonth?: number;
}

export interface RegionSlice {
  regionId: string;
  required: number;
  scheduled: number;
  gap: number;
}

export interface CoverageInterval {
  startMs: number;
  contacts: number;
  required: number;
  scheduled: number;
  gap: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  leadsOnDuty: number;
  leadsNeeded: number;
  /** Every channel's target met in this interval. */
  targetMet: boolean;
  openRegionIds: string[];
  regions: RegionSlice[];
  channels: ProjectedChannel[];
}

export interface CoverageGap {
  startMs: number;
  endMs: number;
  /** Most agents short in one interval of the run. */
  maxShortAgents: number;
  shortAgentHours: number;
  /** Leads short at most (lead span), 0 when the gap is about agents only. */
  maxShortLeads: number;
  openRegionIds: string[];
  reasons: string[];
}

export interface CoverageSummary {
  label: string;
  intervals: number;
  intervalsMeetingTarget: number;
  shareMeetingTarget: number;
  /** Volume-weighted projected service level over voice and chat. */
  weightedServiceLevel: number | null;
  shortAgentHours: number;
  excessAgentHours: number;
  leadSpanBreaches: number;
  paidHours: number;
  /** Paid hours at each region's rate plus the tools cost. */
  staffCost: number;
  /** Tools for everyone on the roster (in scope), pro rata for the summary's span of a month. */
  toolsCost: number;
  gapClosingCost: number;
}

export interface CoverageReport {
  intervals: CoverageInterval[];
  gaps: CoverageGap[];
  days: CoverageSummary[];
  period: CoverageSummary;
  worstGaps: CoverageGap[];
}

export const NO_REGION = "none";
/** An average month, for pricing monthly tools pro rata: 365.25 / 12 days. */
export const MONTH_MS = (365.25 / 12) * 86_400_000;
export const REASON_NO_WINDOW = "no region's working window covers this time";

/**
 * @example
 * buildCoverageReport({ startMs, intervalMinutes: 30, intervalCount: 336, channels, demand, regions, shifts,
 *   leadSpanMax: 15, summaryZone: "Europe/Dublin" }).period.shareMeetingTarget //=> 0.97
 */
export function buildCoverageReport(input: CoverageReportInput): CoverageReport {
  const n = input.intervalCount;
  const intervalMs = input.intervalMinutes * 60_000;
  const endMs = input.startMs + n * intervalMs;
  const grid = { startMs: input.startMs, intervalMinutes: input.intervalMinutes, intervalCount: n };
  const total = coverageFromShifts(grid, input.shifts);
  const byRegion = new Map(
    input.regions.map((r) => [r.id, coverageFromShifts(grid, input.shifts.filter((s) => s.regionId === r.id && s.role === "agent")).agentsOnTask]),
  );
  const projected = projectCoverage({
    startMs: input.startMs,
    intervalMinutes: input.intervalMinutes,
    channels: input.channels,
    demand: input.demand,
    scheduledAgents: total.agentsOnTask,
  }).intervals;

  // Which regions are open in each interval (any overlap with a working window counts).
  const open: string[][] = Array.from({ length: n }, () => []);
  for (const region of input.regions) {
    for (const w of regionWindows(region, input.startMs, endMs)) {
      const first = Math.max(0, Math.floor((w.startMs - input.startMs) / intervalMs));
      const last = Math.min(n - 1, Math.ceil((w.endMs - input.startMs) / intervalMs) - 1);
      for (let i = first; i <= last; i++) open[i]?.push(region.id);
    }
  }

  const scope = input.scopeRegionIds ? new Set(input.scopeRegionIds) : null;
  const scopedShifts = scope ? input.shifts.filter((sh) => scope.has(sh.regionId)) : input.shifts;
  const scopedTotal = scope ? coverageFromShifts(grid, scopedShifts) : total;
  const intervals: CoverageInterval[] = projected.map((p, i) => {
    const openIds = open[i] ?? [];
    const leadsNeeded = Math.ceil(Math.floor((total.agentsOnTask[i] ?? 0) + 1e-9) / input.leadSpanMax);
    // The org-wide requirement is shared by the open regions in proportion to the agents each
    // has on task (equal shares when nobody is on), so region gaps add up to the org's gap.
    const openScheduled = openIds.reduce((sum, id) => sum + (byRegion.get(id)?.[i] ?? 0), 0);
    const regions: RegionSlice[] = input.regions.map((r) => {
      const scheduled = byRegion.get(r.id)?.[i] ?? 0;
      const share = !openIds.includes(r.id) ? 0 : openScheduled > 0 ? scheduled / openScheduled : 1 / openIds.length;
      const required = p.required * share;
      return { regionId: r.id, required, scheduled, gap: scheduled - required };
    });
    if (openIds.length === 0) regions.push({ regionId: NO_REGION, required: p.required, scheduled: 0, gap: -p.required });
    if (scope) {
      const mine = regions.filter((r) => scope.has(r.regionId));
      const required = mine.reduce((sum, r) => sum + r.required, 0);
      const scheduled = mine.reduce((sum, r) => sum + r.scheduled, 0);
      const gap = Math.round((scheduled - required) * 1e9) / 1e9;
      return {
        startMs: p.startMs,
        contacts: p.contacts,
        required,
        scheduled,
        gap,
        serviceLevel: p.serviceLevel,
        asaSeconds: p.asaSeconds,
        leadsOnDuty: scopedTotal.leadsOnDuty[i] ?? 0,
        leadsNeeded: Math.ceil(Math.floor((scopedTotal.agentsOnTask[i] ?? 0) + 1e-9) / input.leadSpanMax),
        targetMet: gap >= -1e-9,
        openRegionIds: openIds.filter((id) => scope.has(id)),
        regions: mine,
        channels: p.channels,
      };
    }
    return {
      startMs: p.startMs,
      contacts: p.contacts,
      required: p.required,
      scheduled: p.scheduled,
      gap: p.gap,
      serviceLevel: p.serviceLevel,
      asaSeconds: p.asaSeconds,
      leadsOnDuty: total.leadsOnDuty[i] ?? 0,
      leadsNeeded,
      targetMet: p.channels.every((c) => c.targetMet),
      openRegionIds: openIds,
      regions,
      channels: p.channels,
    };
  });

  const gaps = findGaps(intervals, input);
  const costOf = (hours: number, regionIds: readonly string[]) => {
    const rates = input.regions.filter((r) => regionIds.includes(r.id)).map((r) => r.hourlyCost);
    const rate = rates.length > 0 ? Math.min(...rates) : Math.min(...input.regions.map((r) => r.hourlyCost), Infinity);
    return Number.isFinite(rate) ? hours * rate : 0;
  };

  const rostered = new Set(scopedShifts.map((s) => s.personId)).size;
  const summarise = (label: string, from: number, to: number): CoverageSummary => {
    const slice = intervals.filter((iv) => iv.startMs >= from && iv.startMs < to);
    let liveContacts = 0;
    let weighted = 0;
    for (const iv of slice) {
      for (const c of iv.channels) {
        if (c.serviceLevel !== null && c.contacts > 0) {
          liveContacts += c.contacts;
          weighted += c.contacts * c.serviceLevel;
        }
      }
    }
    const hours = input.intervalMinutes / 60;
    const paid = scopedShifts.map((s) => ({ s, hours: (Math.min(s.endMs, to) - Math.max(s.startMs, from)) / 3_600_000 })).filter((x) => x.hours > 0);
    const rateOf = new Map(input.regions.map((r) => [r.id, r.hourlyCost]));
    const gapCost = slice.reduce((sum, iv) => sum + (iv.gap < 0 ? costOf(-iv.gap * hours, iv.openRegionIds) : 0), 0);
    const meeting = slice.filter((iv) => iv.targetMet && iv.gap >= 0).length;
    // Everyone on the roster holds a licence for the whole period, so the days add up to it.
    const toolsCost = rostered * (input.toolsCostPerUserMonth ?? 0) * ((to - from) / MONTH_MS);
    return {
      label,
      intervals: slice.length,
      intervalsMeetingTarget: meeting,
      shareMeetingTarget: slice.length > 0 ? meeting / slice.length : 1,
      weightedServiceLevel: liveContacts > 0 ? weighted / liveContacts : null,
      shortAgentHours: slice.reduce((s, iv) => s + Math.max(0, -iv.gap) * hours, 0),
      excessAgentHours: slice.reduce((s, iv) => s + Math.max(0, iv.gap) * hours, 0),
      leadSpanBreaches: slice.filter((iv) => iv.leadsOnDuty + 1e-9 < iv.leadsNeeded).length,
      paidHours: paid.reduce((s, x) => s + x.hours, 0),
      staffCost: paid.reduce((s, x) => s + x.hours * (rateOf.get(x.s.regionId) ?? 0), 0) + toolsCost,
      toolsCost,
      gapClosingCost: gapCost,
    };
  };

  const days: CoverageSummary[] = [];
  let day = DateTime.fromMillis(input.startMs, { zone: input.summaryZone }).startOf("day");
  while (day.toMillis() < endMs) {
    const next = day.plus({ days: 1 });
    days.push(summarise(day.toISODate() ?? "", Math.max(day.toMillis(), input.startMs), Math.min(next.toMillis(), endMs)));
    day = next;
  }
  const worstGaps = [...gaps].sort((a, b) => b.shortAgentHours - a.shortAgentHours || b.maxShortLeads - a.maxShortLeads).slice(0, 5);
  return { intervals, gaps, days, period: summarise("period", input.startMs, endMs), worstGaps };
}

/** Runs of consecutive intervals short of agents or of leads, with the reasons that apply. */
function findGaps(intervals: readonly CoverageInterval[], input: CoverageReportInput): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  const intervalMs = input.intervalMinutes * 60_000;
  let current: CoverageGap | null = null;
  for (const iv of intervals) {
    const shortAgents = Math.max(0, -iv.gap);
    const shortLeads = Math.max(0, iv.leadsNeeded - iv.leadsOnDuty);
    if (shortAgents <= 1e-9 && shortLeads <= 1e-9) {
      current = null;
      continue;
    }
    if (!current || current.endMs !== iv.startMs) {
      current = { startMs: iv.startMs, endMs: iv.startMs, maxShortAgents: 0, shortAgentHours: 0, maxShortLeads: 0, openRegionIds: [], reasons: [] };
      gaps.push(current);
    }
    current.endMs = iv.startMs + intervalMs;
    current.maxShortAgents = Math.max(current.maxShortAgents, Math.ceil(shortAgents - 1e-9));
    current.maxShortLeads = Math.max(current.maxShortLeads, Math.ceil(shortLeads - 1e-9));
    current.shortAgentHours += (shortAgents * input.intervalMinutes) / 60;
    for (const id of iv.openRegionIds) if (!current.openRegionIds.includes(id)) current.openRegionIds.push(id);
    if (iv.openRegionIds.length === 0 && !current.reasons.includes(REASON_NO_WINDOW)) current.reasons.push(REASON_NO_WINDOW);
    if (shortLeads > 0 && !current.reasons.includes("no lead available")) current.reasons.push("no lead available");
  }
  for (const gap of gaps) {
    for (const run of input.engineUnmet ?? []) {
      if (run.startMs < gap.endMs && run.endMs > gap.startMs) {
        for (const reason of run.reasons) if (!gap.reasons.includes(reason)) gap.reasons.push(reason);
      }
    }
    if (gap.reasons.length === 0) gap.reasons.push("the roster leaves it uncovered although people could work it (hand edits or an old plan)");
  }
  return gaps;
}
