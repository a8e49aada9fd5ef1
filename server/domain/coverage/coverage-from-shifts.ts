/**
 * Agents on task and leads on duty per interval, from shifts as UTC instants. An interval
 * counts the share of it each person is on shift and not on break, so a shift that starts
 * at :15 on a 30-minute grid counts half in its first interval.
 */

export interface TimedShift {
  role: "agent" | "lead";
  startMs: number;
  endMs: number;
  breaks: readonly { startMs: number; endMs: number }[];
}

export interface CoverageGrid {
  startMs: number;
  intervalMinutes: number;
  intervalCount: number;
}

export interface ShiftCoverage {
  agentsOnTask: number[];
  leadsOnDuty: number[];
}

function addOverlap(target: number[], grid: CoverageGrid, fromMs: number, toMs: number, sign: 1 | -1) {
  const intervalMs = grid.intervalMinutes * 60_000;
  const first = Math.max(0, Math.floor((fromMs - grid.startMs) / intervalMs));
  const last = Math.min(grid.intervalCount - 1, Math.ceil((toMs - grid.startMs) / intervalMs) - 1);
  for (let i = first; i <= last; i++) {
    const ivStart = grid.startMs + i * intervalMs;
    const overlap = Math.min(toMs, ivStart + intervalMs) - Math.max(fromMs, ivStart);
    if (overlap > 0) target[i] = (target[i] ?? 0) + (sign * overlap) / intervalMs;
  }
}

/**
 * @example
 * coverageFromShifts({ startMs: 0, intervalMinutes: 30, intervalCount: 4 },
 *   [{ role: "agent", startMs: 0, endMs: 7_200_000, breaks: [{ startMs: 1_800_000, endMs: 3_600_000 }] }]).agentsOnTask
 * //=> [1, 0, 1, 1]
 */
export function coverageFromShifts(grid: CoverageGrid, shifts: readonly TimedShift[]): ShiftCoverage {
  const agentsOnTask = new Array<number>(grid.intervalCount).fill(0);
  const leadsOnDuty = new Array<number>(grid.intervalCount).fill(0);
  for (const shift of shifts) {
    const target = shift.role === "lead" ? leadsOnDuty : agentsOnTask;
    addOverlap(target, grid, shift.startMs, shift.endMs, 1);
    for (const b of shift.breaks) addOverlap(target, grid, Math.max(b.startMs, shift.startMs), Math.min(b.endMs, shift.endMs), -1);
  }
  // Overlaps are exact multiples of the interval in the common case; round away float dust.
  const tidy = (x: number) => Math.round(x * 1e9) / 1e9;
  return { agentsOnTask: agentsOnTask.map(tidy), leadsOnDuty: leadsOnDuty.map(tidy) };
}
