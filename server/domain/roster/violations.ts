/**
 * Rule breaches as data. The checker (`checkRoster`) and the move checks of swaps
 * (`server/domain/swaps/eligibility.ts`) return these; `describeViolation` in
 * `violation-messages.ts` turns them into words. Nobody parses a sentence back.
 *
 * Keys (`personId`, `regionId`, `templateId`) are the engine's keys as the problem gives them;
 * instants are epoch milliseconds; week numbers count from 1 at the horizon start.
 */

/** A shift a violation is about. */
export interface ShiftRef {
  /** Its place in the checked plan's `shifts`; absent for a shift of another roster. */
  index?: number;
  personId: string | null;
  startMs: number;
  endMs: number;
}

/** What went wrong with a shift's breaks, one case per kind. */
export type BreakProblem =
  | { kind: "count"; breaks: number; templateId: string; templateBreaks: number }
  | { kind: "length"; breakNumber: number; minutes: number; neededMinutes: number }
  | { kind: "start"; breakNumber: number; afterMinutes: number; earliestAfterMinutes: number; latestAfterMinutes: number }
  | { kind: "off-interval"; breakNumber: number }
  | { kind: "past-end"; breakNumber: number }
  | { kind: "overlap"; breakNumber: number; otherBreakNumber: number };

/** Metrics of a result the checker recomputes from its shifts. */
export type CheckedMetric =
  | "requiredAgentMinutes"
  | "onTaskAgentMinutes"
  | "shortageAgentMinutes"
  | "excessAgentMinutes"
  | "leadSpanViolations"
  | "overSupervisedIntervals";

/** The parameters of each code: the numbers and instants its words need. */
export interface ViolationParams {
  // One shift (shiftRefs: that shift).
  "unknown-template": { templateId: string };
  "unknown-region": { regionId: string };
  /** `personId` null: the shift has nobody, but the problem lists people. */
  "unknown-person": { personId: string | null };
  "wrong-region": { personRegionId: string; shiftRegionId: string };
  "template-not-allowed": { templateId: string };
  "shift-length": { minutes: number; templateId: string; templateMinutes: number };
  "off-grid": { stepMinutes: number };
  "outside-horizon": { horizonStartMs: number; horizonEndMs: number };
  /** The region's window as local wall-clock times in its zone. */
  "outside-window": { regionId: string; timeZone: string; earliestStart: string; latestEnd: string };
  break: BreakProblem;
  // One person (personId set).
  /** Two shifts overlap; `acrossRosters`: the other one is in another roster. */
  overlap: { startMs: number; otherStartMs: number; acrossRosters: boolean };
  /** Too little rest between a shift ending at `endMs` and the next starting at `nextStartMs`. */
  rest: { restMinutes: number; neededMinutes: number; endMs: number; nextStartMs: number; acrossRosters: boolean };
  /** `date`: the local date (yyyy-MM-dd) in the person's zone. */
  "one-shift-per-day": { date: string; shifts: number };
  unavailable: { startMs: number; endMs: number; unavailableStartMs: number; unavailableEndMs: number };
  "weekly-max-minutes": { week: number; minutes: number; maxMinutes: number };
  "weekly-min-minutes": { week: number; minutes: number; minMinutes: number };
  "weekly-max-days": { week: number; days: number; maxDays: number };
  /** `pinnedIndex`: its place in the problem's `pinnedShifts`. */
  "pinned-shift-missing": { pinnedIndex: number; startMs: number; templateId: string };
  // A result's bookkeeping, recomputed from its shifts (no person, no shift).
  /** `reported`/`expected` null: the array is shorter than the horizon. */
  "coverage-mismatch": { series: "coverage" | "leadsOnDuty"; interval: number; startMs: number; reported: number | null; expected: number | null };
  "metrics-mismatch": { metric: CheckedMetric; reported: number; expected: number };
  "unmet-missing": { startMs: number; shortAgents: number };
  "bound-above-excess": { boundMinutes: number; excessMinutes: number };
  // Moving a published shift to someone else (swaps); shiftRefs empty.
  /** After the move, the interval at `startMs` has fewer leads than one per `spanMax` agents on task. */
  "lead-span": { startMs: number; agentsOnTask: number; leadsOnDuty: number; leadsNeeded: number; spanMax: number };
  /** The taker (personId) lacks live-channel skills the giver covers on the shift starting `startMs`. */
  "missing-skill": { skills: string[]; fromPersonId: string | null; startMs: number };
  /** The taker (personId, absent when unknown) is inactive or neither an agent nor a lead. */
  "cannot-work": Record<string, never>;
  /** The taker's contract holds no shift template, so the roster problem does not list them. */
  "no-templates": Record<string, never>;
}

/** Every rule a violation can name. */
export type ViolationCode = keyof ViolationParams;

/** One broken rule, as data. */
export type RosterViolation = {
  [C in ViolationCode]: {
    code: C;
    /** The person whose rule it is (per-person rules and move checks). */
    personId?: string;
    shiftRefs: ShiftRef[];
    params: ViolationParams[C];
  };
}[ViolationCode];

/** The violation of one code. */
export type ViolationOf<C extends ViolationCode> = Extract<RosterViolation, { code: C }>;
