/**
 * Client-side shaping of a coverage report for the page: the slice a region / channel filter
 * selects, the heatmap's layout in local days of a zone (DST days drawn as they are), the colour
 * scale, and the order of the gap list. Pure functions of the report; no fetching.
 */
import type { inferRouterOutputs } from "@trpc/server";
import { DateTime } from "luxon";
import type { AppRouter } from "@/server/api/root";

export type CoverageReport = inferRouterOutputs<AppRouter>["coverage"]["report"];
export type CoverageIntervalRow = CoverageReport["intervals"][number];
export type CoverageGapRow = CoverageReport["gaps"][number];
export type CoverageSummaryRow = CoverageReport["period"];

/** The region id the server uses for "no region's window is open". */
export const NO_REGION = "none";

export interface CoverageSelection {
  regionId: string | null;
  channelId: string | null;
}

export interface CoverageSlice {
  required: number;
  scheduled: number;
  /** scheduled − required: negative is short, positive is over. */
  gap: number;
  /** Projected service level of the slice, null when it has none (deferred channel, no live contacts). */
  serviceLevel: number | null;
  /** False when the selected region's working window is closed in this interval. */
  open: boolean;
}

function regionOpen(iv: CoverageIntervalRow, regionId: string): boolean {
  return regionId === NO_REGION ? iv.openRegionIds.length === 0 : iv.openRegionIds.includes(regionId);
}

/**
 * The part of an interval a selection looks at. A region alone: its slice of the requirement and
 * its agents. A channel alone: that channel's requirement and the agents allocated to it. Both:
 * the channel's figures scaled by the region's share of the interval, the same split the CSV
 * export uses. Null when the interval has nothing for the selected region.
 */
export function sliceOf(iv: CoverageIntervalRow, selection: CoverageSelection): CoverageSlice | null {
  const region = selection.regionId === null ? null : iv.regions.find((r) => r.regionId === selection.regionId);
  const channel = selection.channelId === null ? null : iv.channels.find((c) => c.channelId === selection.channelId);
  if (selection.regionId !== null && !region) {
    // "No region open" has a slice only where no window is open: elsewhere it is empty, not missing.
    return selection.regionId === NO_REGION ? { required: 0, scheduled: 0, gap: 0, serviceLevel: null, open: false } : null;
  }
  if (selection.channelId !== null && !channel) return null;
  const open = selection.regionId === null ? true : regionOpen(iv, selection.regionId);
  if (region && channel) {
    const requiredShare = iv.required > 0 ? region.required / iv.required : 0;
    const scheduledShare = iv.scheduled > 0 ? region.scheduled / iv.scheduled : 0;
    const required = channel.required * requiredShare;
    const scheduled = channel.allocated * scheduledShare;
    return { required, scheduled, gap: scheduled - required, serviceLevel: channel.serviceLevel, open };
  }
  if (region) return { required: region.required, scheduled: region.scheduled, gap: region.gap, serviceLevel: iv.serviceLevel, open };
  if (channel) return { required: channel.required, scheduled: channel.allocated, gap: channel.allocated - channel.required, serviceLevel: channel.serviceLevel, open };
  return { required: iv.required, scheduled: iv.scheduled, gap: iv.gap, serviceLevel: iv.serviceLevel, open };
}

/** Gaps smaller than this (in agents) count as met: shares of a requirement are fractions. */
export const GAP_EPSILON = 0.05;

export interface SelectionTotals {
  /** Intervals in which the selection is open (all of them without a region filter). */
  intervals: number;
  shortIntervals: number;
  overIntervals: number;
  shortAgentHours: number;
  excessAgentHours: number;
  /** Largest shortfall in one interval, with its interval index; null when nothing is short. */
  worst: { index: number; shortAgents: number } | null;
}

export function totalsOf(slices: readonly (CoverageSlice | null)[], intervalMinutes: number): SelectionTotals {
  const hours = intervalMinutes / 60;
  const totals: SelectionTotals = { intervals: 0, shortIntervals: 0, overIntervals: 0, shortAgentHours: 0, excessAgentHours: 0, worst: null };
  slices.forEach((s, index) => {
    if (!s) return;
    // A closed region's intervals need nobody: "n of m short" counts the open ones.
    if (s.open) totals.intervals++;
    if (s.gap < -GAP_EPSILON) {
      totals.shortIntervals++;
      totals.shortAgentHours += -s.gap * hours;
      if (!totals.worst || -s.gap > totals.worst.shortAgents) totals.worst = { index, shortAgents: -s.gap };
    } else if (s.gap > GAP_EPSILON) {
      totals.overIntervals++;
      totals.excessAgentHours += s.gap * hours;
    }
  });
  return totals;
}

/** One column of the heatmap: a local wall-clock slot, or the second pass through a repeated one. */
export interface HeatColumn {
  /** Sort key: the slot number, or slot + 0.5… for a repeated (fall-back) slot. */
  key: number;
  /** Local minutes after midnight the slot starts at. */
  minuteOfDay: number;
  repeat: boolean;
}

export type HeatEntry =
  | { kind: "cell"; index: number; startMs: number }
  /** A wall-clock time the day does not have: clocks went forward. */
  | { kind: "skipped" }
  /** Before or after the roster period in this local day, or a repeat column on a day without one. */
  | { kind: "empty" };

export interface HeatRow {
  /** Local date, ISO. */
  date: string;
  /** Offsets in force during the day, e.g. ["IST"] or ["IST", "GMT"] on a clock change. */
  offsets: string[];
  /** Length of the local day in hours: 23, 24 or 25 (or a half-hour zone's 23.5 / 24.5). */
  hours: number;
  entries: HeatEntry[];
  /** Interval indexes of the row, in time order. */
  indexes: number[];
}

export interface HeatmapLayout {
  columns: HeatColumn[];
  rows: HeatRow[];
}

/**
 * Lays intervals out as local days (rows) × local time of day (columns) in `zone`. Cells sit at
 * their wall-clock time, so a spring-forward day leaves its missing hour empty ("skipped") and a
 * fall-back day's repeated hour gets extra columns after the first pass (empty on other days).
 * @example layoutHeatmap([Date.UTC(2026, 2, 29, 0), Date.UTC(2026, 2, 29, 0, 30), Date.UTC(2026, 2, 29, 1)], 30, "Europe/Dublin")
 *   .rows[0].entries.map((e) => e.kind).slice(0, 5) //=> ["cell", "cell", "skipped", "skipped", "cell"]
 */
export function layoutHeatmap(startMsList: readonly number[], intervalMinutes: number, zone: string): HeatmapLayout {
  const slotsPerDay = Math.ceil(1440 / intervalMinutes);
  const byDate = new Map<string, { index: number; startMs: number; local: DateTime }[]>();
  startMsList.forEach((startMs, index) => {
    const local = DateTime.fromMillis(startMs, { zone });
    const date = local.toISODate() ?? "";
    const list = byDate.get(date) ?? [];
    list.push({ index, startMs, local });
    byDate.set(date, list);
  });

  /** Repeat column key → the wall-clock slot it repeats. */
  const repeatKeys = new Map<number, number>();
  const placed: { date: string; cells: { key: number; index: number; startMs: number }[]; offsets: string[]; hours: number; indexes: number[] }[] = [];
  for (const [date, cells] of byDate) {
    let maxSlot = -1;
    let repeatRun = 0;
    const keyed = cells.map((c) => {
      const slot = Math.floor((c.local.hour * 60 + c.local.minute) / intervalMinutes);
      if (slot <= maxSlot) {
        // The wall clock went back: a second pass through slots this day already had.
        const key = maxSlot + 0.5 + repeatRun / 1000;
        repeatRun++;
        repeatKeys.set(key, slot);
        return { key, index: c.index, startMs: c.startMs };
      }
      maxSlot = slot;
      repeatRun = 0;
      return { key: slot, index: c.index, startMs: c.startMs };
    });
    const offsets = [...new Set(cells.map((c) => c.local.offsetNameShort ?? c.local.toFormat("ZZ")))];
    const dayStart = DateTime.fromISO(date, { zone }).startOf("day");
    const hours = dayStart.plus({ days: 1 }).diff(dayStart, "hours").hours;
    placed.push({ date, cells: keyed, offsets, hours, indexes: cells.map((c) => c.index) });
  }

  const columns: HeatColumn[] = [
    ...Array.from({ length: slotsPerDay }, (_, slot) => ({ key: slot, minuteOfDay: slot * intervalMinutes, repeat: false })),
    ...[...repeatKeys].map(([key, slot]) => ({ key, minuteOfDay: slot * intervalMinutes, repeat: true })),
  ].sort((a, b) => a.key - b.key);

  const rows: HeatRow[] = placed.map((p) => {
    const byKey = new Map(p.cells.map((c) => [c.key, c]));
    const firstKey = p.cells[0]?.key ?? 0;
    const lastKey = p.cells.reduce((m, c) => Math.max(m, c.key), -1);
    const entries: HeatEntry[] = columns.map((column) => {
      const cell = byKey.get(column.key);
      if (cell) return { kind: "cell", index: cell.index, startMs: cell.startMs };
      // Inside the day's span but absent: the clocks skipped this wall-clock time.
      if (!column.repeat && column.key > firstKey && column.key < lastKey) return { kind: "skipped" };
      return { kind: "empty" };
    });
    return { date: p.date, offsets: p.offsets, hours: p.hours, entries, indexes: p.indexes };
  });
  return { columns, rows };
}

/** The heatmap's colour scale: red short, neutral met, blue over; darker for bigger gaps. */
export const GAP_SCALE = [
  { label: "6+ short", min: -Infinity, max: -6, colour: "#991b1b", text: "#fff" },
  { label: "3–6 short", min: -6, max: -3, colour: "#dc2626", text: "#fff" },
  { label: "1–3 short", min: -3, max: -1, colour: "#f87171", text: "#000" },
  { label: "< 1 short", min: -1, max: -GAP_EPSILON, colour: "#fecaca", text: "#000" },
  { label: "Met", min: -GAP_EPSILON, max: GAP_EPSILON, colour: "#e2e8f0", text: "#000" },
  { label: "< 1 over", min: GAP_EPSILON, max: 1, colour: "#dbeafe", text: "#000" },
  { label: "1–3 over", min: 1, max: 3, colour: "#93c5fd", text: "#000" },
  { label: "3–6 over", min: 3, max: 6, colour: "#3b82f6", text: "#fff" },
  { label: "6+ over", min: 6, max: Infinity, colour: "#1e40af", text: "#fff" },
] as const;

export function gapStep(gap: number): (typeof GAP_SCALE)[number] {
  return GAP_SCALE.find((step) => gap < step.max) ?? GAP_SCALE[8];
}

/**
 * Gaps to list for a selection, in order. "worst": the server's worst gaps first in its order,
 * then the rest by short agent-hours, short leads and time. A region selection keeps gaps while
 * that region is open ("no region open": while none is); a channel selection keeps gaps in which
 * that channel is short in at least one interval.
 */
export function listGaps(report: CoverageReport, selection: CoverageSelection, order: "worst" | "time"): CoverageGapRow[] {
  const intervalMs = report.intervalMinutes * 60_000;
  const firstMs = report.intervals[0]?.startMs ?? 0;
  const kept = report.gaps.filter((g) => {
    if (selection.regionId !== null) {
      const open = selection.regionId === NO_REGION ? g.openRegionIds.length === 0 || gapHasNoRegionInterval(report, g) : g.openRegionIds.includes(selection.regionId);
      if (!open) return false;
    }
    if (selection.channelId !== null) {
      let short = false;
      for (let t = g.startMs; t < g.endMs && !short; t += intervalMs) {
        const iv = report.intervals[Math.round((t - firstMs) / intervalMs)];
        const c = iv?.channels.find((x) => x.channelId === selection.channelId);
        if (c && c.allocated < c.required) short = true;
      }
      if (!short) return false;
    }
    return true;
  });
  if (order === "time") return kept.sort((a, b) => a.startMs - b.startMs);
  const rank = new Map(report.worstGaps.map((startMs, i) => [startMs, i]));
  return kept.sort(
    (a, b) =>
      (rank.get(a.startMs) ?? Infinity) - (rank.get(b.startMs) ?? Infinity) ||
      b.shortAgentHours - a.shortAgentHours ||
      b.maxShortLeads - a.maxShortLeads ||
      a.startMs - b.startMs,
  );
}

function gapHasNoRegionInterval(report: CoverageReport, gap: CoverageGapRow): boolean {
  return report.intervals.some((iv) => iv.startMs >= gap.startMs && iv.startMs < gap.endMs && iv.openRegionIds.length === 0);
}

/** The roster a page opens on: the published one covering now, else the newest. */
export function defaultRosterId(rosters: readonly { id: number; status: string; periodStart: string; days: number }[], nowMs: number): number | null {
  const current = rosters.find((r) => {
    const start = Date.parse(r.periodStart);
    return r.status === "published" && start <= nowMs && nowMs < start + r.days * 86_400_000;
  });
  if (current) return current.id;
  const newest = [...rosters].sort((a, b) => Date.parse(b.periodStart) - Date.parse(a.periodStart) || b.id - a.id)[0];
  return newest?.id ?? null;
}
