import type { inferRouterOutputs } from "@trpc/server";
import { DateTime } from "luxon";
import type { AppRouter } from "@/server/api/root";

export type Board = inferRouterOutputs<AppRouter>["rosters"]["board"];
export type BoardPerson = Board["people"][number];
export type BoardShift = Board["shifts"][number];

/** What the shift dialog opens on: an existing shift, or a new one for a person. */
export type ShiftTarget = { kind: "edit"; shiftId: number } | { kind: "add"; personId: number };

/** The board's x-axis: real time from the period's first instant, as a percentage of its width. */
export interface Axis {
  startMs: number;
  endMs: number;
  x: (ms: number) => number;
}

export function axisFor(board: Board): Axis {
  const startMs = Date.parse(board.roster.periodStart);
  const endMs = startMs + board.roster.days * 86_400_000;
  const spanMs = endMs - startMs;
  return { startMs, endMs, x: (ms) => Math.max(0, Math.min(100, ((ms - startMs) / spanMs) * 100)) };
}

export interface DaySegment {
  key: string;
  /** Percent from the left of the axis. */
  left: number;
  width: number;
  label: string;
  /** Real hours in this local day: 23 or 25 on DST changes. */
  hours: number;
  /** Local midnight at the left edge (false for a day cut by the period's start). */
  startsAtMidnight: boolean;
  ticks: { left: number; label: string }[];
}

/**
 * The local days of the chosen zone laid over the real-time axis: each starts at a local
 * midnight (luxon startOf("day") / plus({ days: 1 })), so a 23- or 25-hour day is drawn
 * narrower or wider exactly as it is.
 */
export function daySegments(axis: Axis, zone: string): DaySegment[] {
  const out: DaySegment[] = [];
  let day = DateTime.fromMillis(axis.startMs, { zone }).startOf("day");
  while (day.toMillis() < axis.endMs) {
    const next = day.plus({ days: 1 });
    const a = Math.max(day.toMillis(), axis.startMs);
    const b = Math.min(next.toMillis(), axis.endMs);
    const ticks = [6, 12, 18]
      .map((hour) => day.set({ hour }))
      .filter((t) => t.toMillis() > axis.startMs && t.toMillis() < axis.endMs)
      .map((t) => ({ left: axis.x(t.toMillis()), label: t.toFormat("HH") }));
    out.push({
      key: day.toISODate() ?? String(a),
      left: axis.x(a),
      width: axis.x(b) - axis.x(a),
      label: day.toFormat("ccc d LLL"),
      hours: Math.round((next.toMillis() - day.toMillis()) / 3_600_000),
      startsAtMidnight: day.toMillis() >= axis.startMs,
      ticks,
    });
    day = next;
  }
  return out;
}
