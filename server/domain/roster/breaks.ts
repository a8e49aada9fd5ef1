/**
 * Break placement: each break goes to the allowed offset where the shift is least needed
 * (coverage furthest above the requirement), one shift at a time, a few passes. A lead's break
 * goes where it opens the fewest lead-span breaches (see leadBreakCost).
 */
import type { Role } from "./context";
import type { PlacedShift, RosterState } from "./roster-state";

function overlaps(aStart: number, aLength: number, bStart: number, bLength: number): boolean {
  return aStart < bStart + bLength && bStart < aStart + aLength;
}

/** The over-supervision line for a slot: max(1, ceil(agents on task / leadSpan.min)). */
function leadCap(agentsOnTask: number, leadSpan: { min: number }): number {
  return Math.max(1, Math.ceil(agentsOnTask / leadSpan.min));
}

/**
 * What a lead's break costs in one slot where `onDuty` leads (the breaking one included) are on
 * duty: a breach opened (the reported metric) far above a lead missing from one already breached,
 * less the over-supervision it removes, plus a hair for thinning the spare leads. Leads break where
 * another lead covers them or no agent is on task — not where their own role's coverage is highest.
 * @example leadBreakCost(1, 1, 1) //=> 1010.01 (the only lead on duty where one is needed)
 */
export function leadBreakCost(onDuty: number, need: number, cap: number): number {
  let cost = 0;
  if (onDuty - 1 < need) cost += (onDuty >= need ? 1000 : 0) + 10;
  if (onDuty > cap) cost -= 1;
  return cost + 1e-2 / Math.max(1, onDuty);
}

/**
 * Re-places the breaks of one shift against the current coverage of its role.
 * @example placeShiftBreaks(state, shift, requirement) // moves shift.breakOffsets, coverage follows
 */
export function placeShiftBreaks(state: RosterState, shift: PlacedShift, requirement: ArrayLike<number>): void {
  if (shift.breaksFixed) return;
  const template = state.context.templates[shift.candidate.templateIndex];
  if (!template || template.breaks.length === 0) return;
  const coverage = state.coverageOf(shift.role);
  const leadSpan = shift.role === "lead" ? state.context.problem.leadSpan : undefined;
  const offsets = [...shift.breakOffsets];
  template.breaks.forEach((rule, breakIndex) => {
    const current = offsets[breakIndex] ?? rule.offsetSlots[0] ?? 0;
    const inCurrent = (slot: number) => slot >= shift.candidate.startSlot + current && slot < shift.candidate.startSlot + current + rule.lengthSlots;
    let best = current;
    let bestScore = -Infinity;
    const middle = rule.offsetSlots[Math.floor((rule.offsetSlots.length - 1) / 2)] ?? current;
    for (const offset of rule.offsetSlots) {
      const clash = template.breaks.some(
        (other, otherIndex) => otherIndex !== breakIndex && overlaps(offset, rule.lengthSlots, offsets[otherIndex] ?? 0, other.lengthSlots),
      );
      if (clash) continue;
      // Surplus if this shift were on task here; a break is cheapest where the surplus is highest.
      let score = 0;
      for (let step = 0; step < rule.lengthSlots; step++) {
        const slot = shift.candidate.startSlot + offset + step;
        const onTask = (coverage[slot] ?? 0) + (inCurrent(slot) ? 1 : 0);
        if (leadSpan) {
          score -= leadBreakCost(onTask, requirement[slot] ?? 0, leadCap(state.agentsOnTask[slot] ?? 0, leadSpan));
          continue;
        }
        const surplus = onTask - (requirement[slot] ?? 0);
        // Beyond the first spare person the surplus has no further value; below it, each short agent counts.
        score += Math.min(surplus, 1) * 1000 + surplus;
      }
      // Prefer the middle of the allowed range on ties: breaks people expect.
      score -= Math.abs(offset - middle) * 1e-3;
      if (score > bestScore) {
        bestScore = score;
        best = offset;
      }
    }
    if (best !== current) {
      offsets[breakIndex] = best;
      state.setBreakOffsets(shift, [...offsets]);
    }
  });
}

/**
 * Re-places every break of a role's shifts, a few passes so later moves can answer earlier ones.
 * @example placeBreaks(state, "agent", problem.requirement)
 */
export function placeBreaks(state: RosterState, role: Role, requirement: ArrayLike<number>, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    for (const shift of state.shiftsOf(role)) placeShiftBreaks(state, shift, requirement);
  }
}
