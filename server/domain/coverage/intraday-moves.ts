/**
 * Same-day moves for named people: overtime at the end of a published shift where the rest of
 * the day is short, and early finishes where it is over.
 *
 * - Overtime: an agent whose shift today ends at or just before a stretch short by at least one
 *   agent may extend it by 30–120 minutes (whole intervals, covering the stretch, or as much of
 *   it as the rules allow). The extended
 *   shift is re-checked with the roster rule checker against every rule of the week's problem
 *   (rest before the next shift, weekly hours and days, absences, the region's window), as
 *   `suggestFixes` re-checks an extra shift: the extension is checked as a shift of a template
 *   the overtime longer, so worked hours count the extra minutes.
 * - Early finish: an agent on a shift that ends later today may leave up to 120 minutes early
 *   where every interval they would leave keeps at least its requirement without them, and at
 *   least one of them is over by one agent or more. Leaving early breaks no rule of the format
 *   (weekly minimums do not bind on a week being edited), so only coverage is checked.
 *
 * Each accepted move changes the figures the next candidate is judged against, so two people are
 * not offered the same short half hour, and two early finishes never open a gap together.
 */
import { checkShifts } from "../roster/check-shifts";
import { instantMs, type TRosterProblem } from "../roster/problem";
import type { RosterResultShift } from "../roster/result";
import { formatInstant } from "../time/format";
import { coverageFromShifts, type CoverageGrid } from "./coverage-from-shifts";

export type IntradayMove =
  | { kind: "overtime"; personId: string; shiftEndMs: number; fromMs: number; toMs: number; minutes: number; timeZone: string; text: string }
  | { kind: "early-finish"; personId: string; shiftEndMs: number; fromMs: number; toMs: number; minutes: number; timeZone: string; text: string };

export interface SuggestIntradayMovesInput {
  /** The published roster's problem (its people, templates, regions and rules). */
  problem: TRosterProblem;
  /** The roster's shifts with people, as result shifts. */
  shifts: readonly RosterResultShift[];
  /** Today's grid. */
  grid: CoverageGrid;
  /** Agents on task − agents required, per interval of the grid (negative is short). */
  gapAgents: readonly number[];
  nowMs: number;
  /** Name and zone of each person key, for the words. */
  people: ReadonlyMap<string, { name: string; timeZone: string }>;
  /** At most this many moves of each kind; default 8. */
  maxMoves?: number;
}

export const OVERTIME_MINUTES = { min: 30, max: 120 } as const;
export const MAX_EARLY_FINISH_MINUTES = 120;
/** An extension may start this long before the short stretch (a shift ending 14:30 before a gap at 15:00). */
const MAX_LEAD_IN_MINUTES = 30;
const EPSILON = 1e-9;

function timeText(ms: number, zone: string): string {
  return formatInstant(ms, zone, "HH:mm", "none");
}

/**
 * Overtime and early finishes that help today without breaking a rule, best first by time.
 * @example suggestIntradayMoves({ problem, shifts, grid, gapAgents, nowMs, people })[0]?.text
 * //=> "Ask Aoife Murphy to stay 60 min longer, from 16:30 until 17:30 GMT (Europe/Dublin): it covers a short stretch and keeps every rule"
 */
export function suggestIntradayMoves(input: SuggestIntradayMovesInput): IntradayMove[] {
  const { grid, problem } = input;
  const intervalMs = grid.intervalMinutes * 60_000;
  const dayEndMs = grid.startMs + grid.intervalCount * intervalMs;
  const maxMoves = input.maxMoves ?? 8;
  const gap = [...input.gapAgents];
  const indexOf = (ms: number) => Math.round((ms - grid.startMs) / intervalMs);
  const onGrid = (ms: number) => (ms - grid.startMs) % intervalMs === 0;
  const people = new Map((problem.people ?? []).map((p) => [p.id, p]));
  const agentShifts = input.shifts
    .map((shift, index) => ({ shift, index, startMs: instantMs(shift.start), endMs: instantMs(shift.end) }))
    .filter((s) => s.shift.personId !== null && people.get(s.shift.personId)?.role === "agent");
  const describe = (personId: string) => input.people.get(personId) ?? { name: personId, timeZone: "UTC" };
  const moves: IntradayMove[] = [];

  // Overtime: shifts ending today, not yet over, in order of their end.
  let overtime = 0;
  for (const candidate of [...agentShifts].sort((a, b) => a.endMs - b.endMs || a.index - b.index)) {
    if (overtime >= maxMoves) break;
    const { shift, endMs } = candidate;
    if (endMs < input.nowMs || endMs < grid.startMs || endMs >= dayEndMs || !onGrid(endMs)) continue;
    const first = indexOf(endMs);
    const reach = Math.floor(OVERTIME_MINUTES.max / grid.intervalMinutes);
    const leadIn = Math.floor(MAX_LEAD_IN_MINUTES / grid.intervalMinutes);
    let firstShort = -1;
    let lastShort = -1;
    for (let i = first; i < Math.min(grid.intervalCount, first + reach); i++) {
      const short = (gap[i] ?? 0) <= -1 + EPSILON;
      if (short && firstShort < 0) {
        if (i - first > leadIn) break;
        firstShort = i;
      }
      if (firstShort >= 0) {
        if (!short) break;
        lastShort = i;
      }
    }
    if (firstShort < 0) continue;
    const wanted = Math.max(OVERTIME_MINUTES.min, (lastShort - first + 1) * grid.intervalMinutes);
    // The longest extension up to the one wanted that keeps every rule (a window closing, rest before tomorrow).
    let rounded = Math.ceil(wanted / grid.intervalMinutes) * grid.intervalMinutes;
    while (rounded >= OVERTIME_MINUTES.min && first + rounded / grid.intervalMinutes > firstShort && !keepsEveryRule(problem, input.shifts, candidate.index, rounded)) {
      rounded -= grid.intervalMinutes;
    }
    if (rounded < OVERTIME_MINUTES.min || first + rounded / grid.intervalMinutes <= firstShort) continue;
    const personId = shift.personId as string;
    const toMs = endMs + rounded * 60_000;
    const added = coverageFromShifts(grid, [{ role: "agent", startMs: endMs, endMs: toMs, breaks: [] }]).agentsOnTask;
    added.forEach((value, i) => (gap[i] = (gap[i] ?? 0) + value));
    const who = describe(personId);
    moves.push({
      kind: "overtime",
      personId,
      shiftEndMs: endMs,
      fromMs: endMs,
      toMs,
      minutes: rounded,
      timeZone: who.timeZone,
      text: `Ask ${who.name} to stay ${rounded} min longer, from ${timeText(endMs, who.timeZone)} until ${formatInstant(toMs, who.timeZone, "HH:mm")} (${who.timeZone}): it covers a short stretch and keeps every rule`,
    });
    overtime++;
  }

  // Early finishes: shifts ending later today, the latest first (they have the most to give).
  let early = 0;
  const firstLeave = grid.startMs + Math.ceil((input.nowMs - grid.startMs) / intervalMs) * intervalMs;
  for (const candidate of [...agentShifts].sort((a, b) => b.endMs - a.endMs || a.index - b.index)) {
    if (early >= maxMoves) break;
    const { shift, startMs, endMs } = candidate;
    if (endMs <= firstLeave || endMs > dayEndMs || !onGrid(endMs)) continue;
    const breaks = shift.breaks.map((b) => ({ startMs: instantMs(b.start), endMs: instantMs(b.end) }));
    // Walk back from the end while leaving keeps the requirement met.
    let leaveMs = endMs;
    let overSeen = false;
    while (leaveMs - intervalMs >= Math.max(firstLeave, startMs + intervalMs, endMs - MAX_EARLY_FINISH_MINUTES * 60_000)) {
      const i = indexOf(leaveMs - intervalMs);
      const share = coverageFromShifts(grid, [{ role: "agent", startMs: leaveMs - intervalMs, endMs: leaveMs, breaks }]).agentsOnTask[i] ?? 0;
      if ((gap[i] ?? 0) - share < -EPSILON) break;
      if ((gap[i] ?? 0) >= 1 - EPSILON) overSeen = true;
      leaveMs -= intervalMs;
    }
    const minutes = (endMs - leaveMs) / 60_000;
    if (minutes < OVERTIME_MINUTES.min || !overSeen) continue;
    const removed = coverageFromShifts(grid, [{ role: "agent", startMs: leaveMs, endMs, breaks }]).agentsOnTask;
    removed.forEach((value, i) => (gap[i] = (gap[i] ?? 0) - value));
    const personId = shift.personId as string;
    const who = describe(personId);
    moves.push({
      kind: "early-finish",
      personId,
      shiftEndMs: endMs,
      fromMs: leaveMs,
      toMs: endMs,
      minutes,
      timeZone: who.timeZone,
      text: `Offer ${who.name} an early finish at ${formatInstant(leaveMs, who.timeZone, "HH:mm")} (${who.timeZone}) instead of ${timeText(endMs, who.timeZone)}: ${minutes} min the rest of the day can spare without a gap`,
    });
    early++;
  }
  return moves.sort((a, b) => a.fromMs - b.fromMs || a.kind.localeCompare(b.kind));
}

/**
 * Whether the person's shifts, with shift `index` made `extraMinutes` longer, keep every
 * per-person rule. The longer shift is checked as a shift of a template that much longer (same
 * breaks and start step), so the shift-length rule holds and the weekly hours count the overtime.
 */
function keepsEveryRule(problem: TRosterProblem, shifts: readonly RosterResultShift[], index: number, extraMinutes: number): boolean {
  const shift = shifts[index];
  const person = problem.people?.find((p) => p.id === shift?.personId);
  const template = problem.shiftTemplates.find((t) => t.id === shift?.templateId);
  if (!shift || !person || !template) return false;
  const overtimeTemplate = { ...template, id: `${template.id}+${extraMinutes}`, minutes: template.minutes + extraMinutes };
  const extended: RosterResultShift = {
    ...shift,
    templateId: overtimeTemplate.id,
    end: new Date(instantMs(shift.end) + extraMinutes * 60_000).toISOString(),
  };
  const own = shifts.flatMap((s, i) => (i === index ? [extended] : s.personId === person.id ? [s] : []));
  const checked: TRosterProblem = {
    ...problem,
    shiftTemplates: [...problem.shiftTemplates, overtimeTemplate],
    people: [{ ...person, templateIds: [...person.templateIds, overtimeTemplate.id] }],
  };
  return checkShifts(checked, own).length === 0;
}
