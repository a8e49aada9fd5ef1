/**
 * Client-side shaping of today's intraday answer for the page: the chart series and the table
 * rows of one channel or of all channels together. Pure functions of the server's answer; every
 * figure (re-forecast, required agents, on task) comes from the engine.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type TodayData = inferRouterOutputs<AppRouter>["intraday"]["today"];
export type TodayInterval = TodayData["intervals"][number];
export type TodayMove = TodayData["moves"][number];

/** "All channels" in the channel picker. */
export const ALL_CHANNELS = "";

/** One row of the table (and one point of the chart) for the picked channel or all of them. */
export interface TodayRow {
  startMs: number;
  phase: TodayInterval["phase"];
  actual: number | null;
  forecast: number;
  reforecast: number | null;
  required: number;
  onTask: number;
  gap: number;
}

/** The rows of `channel` (or of every channel summed when it is {@link ALL_CHANNELS}). */
export function rowsOf(data: TodayData, channel: string): TodayRow[] {
  return data.intervals.map((iv) => {
    if (channel === ALL_CHANNELS) {
      return { startMs: iv.startMs, phase: iv.phase, actual: iv.actual, forecast: iv.forecast, reforecast: iv.reforecast, required: iv.required, onTask: iv.onTask, gap: iv.gap };
    }
    const c = iv.channels.find((x) => x.channelId === channel);
    const required = c?.required ?? 0;
    const onTask = c?.onTask ?? 0;
    return { startMs: iv.startMs, phase: iv.phase, actual: c?.actual ?? null, forecast: c?.forecast ?? 0, reforecast: c?.reforecast ?? null, required, onTask, gap: onTask - required };
  });
}

/** Chart points: the re-forecast line starts at the last actual so the two lines meet. */
export function chartSeries(rows: readonly TodayRow[]): { t: number; actual: number | null; forecast: number; reforecast: number | null }[] {
  const tenth = (x: number) => Math.round(x * 10) / 10;
  const round = (x: number | null) => (x === null ? null : tenth(x));
  const firstOpen = rows.findIndex((r) => r.phase !== "complete");
  return rows.map((r, i) => ({
    t: r.startMs,
    actual: r.phase === "complete" ? round(r.actual) : null,
    forecast: tenth(r.forecast),
    reforecast: i === firstOpen - 1 ? round(r.actual ?? r.forecast) : round(r.reforecast),
  }));
}

/** A count with one decimal, or "—" when there is none. */
export function countText(x: number | null): string {
  return x === null ? "—" : x.toFixed(1);
}

/** A gap in agents: "−2", "+1.5", "0". */
export function gapText(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  if (rounded === 0) return "0";
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}
