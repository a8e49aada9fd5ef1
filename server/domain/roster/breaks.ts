/**
 * Break placement: each break goes to the allowed offset where the shift is least needed
 * (coverage furthest above the requirement), one shift at a time, a few passes.
 */
import type { Role } from "./context";
import type { PlacedShift, RosterState } from "./roster-state";

function overlaps(aStart: number, aLength: number, bStart: number, bLength: number): boolean {
  return aStart < bStart + bLength && bStart < aStart + aLength;
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
