/**
 * Client-side shaping of the staffing week for the page: local days in the chosen zone, the chart
 * series, the week's totals, the interval picked for an explanation, and the what-if state. Pure
 * functions of the server's answer; no fetching and no Erlang maths (every figure, traffic and
 * P(wait) included, comes from the engine).
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { DateTime } from "luxon";
import type { AppRouter } from "@/server/api/root";

export type StaffingWeek = inferRouterOutputs<AppRouter>["staffing"]["week"];
export type StaffingChannel = StaffingWeek["channels"][number];
export type StaffingInterval = StaffingWeek["intervals"][number];
/** One channel's requirement in one interval, with the engine's working behind it. */
export type ChannelFigures = StaffingInterval["channels"][number];
export type EffectiveSettings = StaffingChannel["effective"];
export type ForecastRun = StaffingWeek["forecastRun"];
export type Adjustment = NonNullable<ForecastRun>["adjustments"][number];
export type WhatIf = NonNullable<inferRouterInputs<AppRouter>["staffing"]["week"]["whatIf"]>[number];
export type WhatIfField = keyof Omit<WhatIf, "channel">;
/** What-if overrides by channel key. */
export type WhatIfState = Record<string, WhatIf>;

export const CHANNEL_COLOURS: Record<string, string> = { voice: "#d97706", chat: "#0284c7", email: "#7c3aed", social: "#059669" };

/** Seconds with one decimal, "7.8 s"; "—" when there are none. */
export const secs = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${x.toFixed(1)} s`);

/** An instant shown in `zone` with a luxon pattern. */
export function formatInZone(ms: number, zone: string, pattern: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(pattern);
}

/** The local dates (YYYY-MM-DD in `zone`) the week's intervals fall on, in order. */
export function localDays(intervals: readonly StaffingInterval[], zone: string): string[] {
  const days: string[] = [];
  for (const iv of intervals) {
    const d = DateTime.fromMillis(iv.startsAtMs, { zone }).toISODate() ?? "";
    if (!days.includes(d)) days.push(d);
  }
  return days;
}

/** The picked day when it is in the week, else the week's first day. */
export function pickDay(days: readonly string[], selectedDay: string | null): string | null {
  return selectedDay && days.includes(selectedDay) ? selectedDay : (days[0] ?? null);
}

/** The intervals starting on local date `day` in `zone`. */
export function intervalsOnDay(intervals: readonly StaffingInterval[], zone: string, day: string | null): StaffingInterval[] {
  return intervals.filter((iv) => DateTime.fromMillis(iv.startsAtMs, { zone }).toISODate() === day);
}

/** A row of the stacked chart: the interval start `t` and agents to schedule keyed by channel. */
export type RequiredRow = Record<string, number | string>;

/** A point of the volume chart: the interval start `t`, actual and forecast contacts where known. */
export interface VolumePoint {
  t: number;
  actual?: number;
  forecast?: number;
}

/** The stacked chart's rows: agents to schedule per channel, keyed by channel, at each interval start `t`. */
export function requiredSeries(intervals: readonly StaffingInterval[]): RequiredRow[] {
  return intervals.map((iv) => {
    const row: RequiredRow = { t: iv.startsAtMs };
    for (const c of iv.channels) row[c.channelId] = c.agentsWithShrinkage;
    return row;
  });
}

/** One channel's actual and forecast contacts per interval start `t` (forecast to one decimal), in time order. */
export function volumeSeries(week: StaffingWeek, channel: string): VolumePoint[] {
  const byTime = new Map<number, VolumePoint>();
  for (const a of week.actuals) {
    if (a.channel !== channel) continue;
    const t = Date.parse(a.intervalStart);
    byTime.set(t, { ...(byTime.get(t) ?? { t }), actual: a.contacts });
  }
  for (const iv of week.intervals) {
    const c = iv.channels.find((x) => x.channelId === channel);
    if (!c) continue;
    byTime.set(iv.startsAtMs, { ...(byTime.get(iv.startsAtMs) ?? { t: iv.startsAtMs }), forecast: Math.round(c.contacts * 10) / 10 });
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** Agent-hours to schedule over the week: agents after shrinkage summed over intervals, times the interval. */
export function weekAgentHours(week: StaffingWeek | undefined): number {
  return (week?.intervals ?? []).reduce((s, iv) => s + iv.total.agentsWithShrinkage, 0) * ((week?.week.intervalMinutes ?? 30) / 60);
}

/** A channel's contacts forecast over the week and its peak agents to schedule in any interval. */
export function channelWeekSummary(week: StaffingWeek, channelKey: string): { contacts: number; peak: number } {
  const peak = Math.max(0, ...week.intervals.map((iv) => iv.channels.find((x) => x.channelId === channelKey)?.agentsWithShrinkage ?? 0));
  const contacts = week.intervals.reduce((s, iv) => s + (iv.channels.find((x) => x.channelId === channelKey)?.contacts ?? 0), 0);
  return { contacts, peak };
}

/** The share of agent-hours a channel's model saves against the simpler one; null when the simpler one needs none. */
export function savedShare(m: StaffingWeek["modelComparison"][number]): number | null {
  return m.alternativeAgentHours > 0 ? 1 - m.agentHours / m.alternativeAgentHours : null;
}

/** The interval cell picked in the table. */
export interface CellSelection {
  startsAtMs: number;
  channel: string;
}

/** The picked cell's interval, the channel's figures there and the settings it was staffed with. */
export function findSelection(
  week: StaffingWeek | undefined,
  selected: CellSelection | null,
): { interval: StaffingInterval | undefined; channel: ChannelFigures | undefined; settings: EffectiveSettings | undefined } {
  const interval = selected ? week?.intervals.find((iv) => iv.startsAtMs === selected.startsAtMs) : undefined;
  return {
    interval,
    channel: interval?.channels.find((c) => c.channelId === selected?.channel),
    settings: week?.channels.find((c) => c.key === selected?.channel)?.effective,
  };
}

/**
 * The what-if state after typing `raw` into a field: a number divided by `scale` (a percentage
 * field has scale 100), or the field removed when emptied, so the channel's setting applies.
 */
export function withWhatIf(prev: WhatIfState, channel: string, field: WhatIfField, raw: string, scale = 1): WhatIfState {
  const next = { ...prev, [channel]: { ...(prev[channel] ?? { channel }) } };
  const entry = next[channel] as WhatIf;
  if (raw.trim() === "") delete entry[field];
  else entry[field] = Number(raw) / scale;
  return next;
}
