/** Instant ranges on a grid of intervals, and the minutes a shift is worked. */

/** A half-open UTC range in epoch milliseconds. */
export interface InstantRange {
  startMs: number;
  endMs: number;
}

/**
 * Indexes of the intervals of a grid that a range [startMs, endMs) touches, clipped to the grid.
 * @example intervalIndexesOf({ startMs: 0, intervalMinutes: 30, intervalCount: 48 }, 45 * 60_000, 120 * 60_000) //=> [1, 2, 3]
 */
export function intervalIndexesOf(grid: { startMs: number; intervalMinutes: number; intervalCount: number }, startMs: number, endMs: number): number[] {
  const ms = grid.intervalMinutes * 60_000;
  const first = Math.max(0, Math.floor((startMs - grid.startMs) / ms));
  const last = Math.min(grid.intervalCount - 1, Math.ceil((endMs - grid.startMs) / ms) - 1);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/**
 * Minutes worked in a shift: its length less its breaks (clipped to the shift).
 * @example workedMinutes({ startMs: 0, endMs: 30_600_000, breaks: [{ startMs: 10_800_000, endMs: 12_600_000 }] }) //=> 480
 */
export function workedMinutes(shift: InstantRange & { breaks: readonly InstantRange[] }): number {
  const breakMs = shift.breaks.reduce((sum, b) => sum + Math.max(0, Math.min(b.endMs, shift.endMs) - Math.max(b.startMs, shift.startMs)), 0);
  return Math.round((shift.endMs - shift.startMs - breakMs) / 60_000);
}
