/**
 * Re-checks a set of shifts (a hand edit, a swap, a suggested extra shift) against the
 * per-person rules of a problem, without a full result: the bookkeeping rules that judge a
 * result's coverage arrays, metrics and unmet runs do not apply, nor do weekly minimums
 * (a week being edited is allowed to be below them) or pinned shifts.
 */
import { checkRoster } from "./check-roster";
import type { TRosterProblem } from "./problem";
import type { RosterResult, RosterResultShift } from "./result";
import type { RosterViolation, ViolationCode } from "./violations";

/** Codes that judge a whole result (its arrays, metrics, unmet runs, weekly minimums, pins), not a set of shifts. */
export const BOOKKEEPING_CODES: ReadonlySet<ViolationCode> = new Set<ViolationCode>([
  "coverage-mismatch",
  "metrics-mismatch",
  "unmet-missing",
  "bound-above-excess",
  "weekly-min-minutes",
  "pinned-shift-missing",
]);

/** A plan made of the given shifts alone, with empty bookkeeping, for the checker. */
export function planOfShifts(shifts: readonly RosterResultShift[]): RosterResult {
  return {
    version: 1,
    status: "feasible",
    shifts: [...shifts],
    coverage: [],
    leadsOnDuty: [],
    unmet: [],
    headcount: [],
    metrics: {
      requiredAgentMinutes: 0,
      onTaskAgentMinutes: 0,
      shortageAgentMinutes: 0,
      excessAgentMinutes: 0,
      lowerBoundExcessAgentMinutes: 0,
      leadSpanViolations: 0,
      overSupervisedIntervals: 0,
      solveSeconds: 0,
    },
  };
}

/**
 * Every per-person rule the shifts break, as data (`describeViolation` words it).
 * @example checkShifts(problem, [twoShiftsOnOneDay]).map((v) => v.code) //=> ["one-shift-per-day"]
 */
export function checkShifts(problem: TRosterProblem, shifts: readonly RosterResultShift[]): RosterViolation[] {
  return checkRoster({ ...problem, pinnedShifts: [] }, planOfShifts(shifts)).filter((v) => !BOOKKEEPING_CODES.has(v.code));
}
