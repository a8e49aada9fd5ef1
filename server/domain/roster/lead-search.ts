/**
 * Lead placement by local search, scored by the lead-span metric itself.
 *
 * The shift-count design treats leads like agents (cover a count, place breaks afterwards), which
 * leaves breaches a person-by-person view sees at once: a lone lead's break while agents are on
 * task, a lead on duty where few agents are. Leads are few, so the search works on their shifts
 * directly: re-place each shift (same person, same week, any legal start, breaks at their best
 * offsets) where it lowers the cost, add shifts for leads with time left, drop shifts that only
 * over-supervise; then kick a few shifts at random and search again, keeping the best plan seen.
 * Cost per interval: a breach (leads on duty below ceil(onTask / max)) far above everything, a
 * missing lead inside a breach next, then each lead above the over-supervision line.
 */
import { regionTemplateKey, type Candidate, type PersonInfo } from "./context";
import { isFullWeek } from "./assign";
import type { RoleTargets } from "./engine";
import type { PlacedShift, RosterState } from "./roster-state";

/** One interval below the span: what the result reports as a lead-span violation. */
export const LEAD_BREACH_COST = 1000;
/** Each lead missing inside a breach (2 needed, 1 on duty is still better than none). */
export const LEAD_DEFICIT_COST = 10;
/** Each lead above the over-supervision line. */
export const LEAD_OVER_COST = 1;

export interface LeadSearchOptions {
  /** Time limit or cancellation. */
  shouldStop: () => boolean;
  /** Kick-and-search rounds at most (the time limit usually ends the search first). */
  maxRounds?: number;
  /** Stop after this many rounds without a better plan (default 300). */
  patienceRounds?: number;
  /** Seed of the kicks: the search is deterministic for a given seed and round count. */
  seed?: number;
}

/**
 * Cost of one interval with `onDuty` leads.
 * @example leadSlotCost(0, 1, 1) //=> 1010
 */
export function leadSlotCost(onDuty: number, need: number, cap: number): number {
  return (onDuty < need ? LEAD_BREACH_COST + LEAD_DEFICIT_COST * (need - onDuty) : 0) + Math.max(0, onDuty - cap) * LEAD_OVER_COST;
}

/**
 * Total lead cost of the current plan against the targets.
 * @example leadPlanCost(state, leadTargets(state)!) //=> 2005 (2 breaches, 5 over-supervised intervals)
 */
export function leadPlanCost(state: RosterState, targets: RoleTargets): number {
  let cost = 0;
  for (let slot = 0; slot < state.context.slotCount; slot++) cost += leadSlotCost(state.leadsOnDuty[slot] ?? 0, targets.requirement[slot] ?? 0, targets.cap[slot] ?? 0);
  return cost;
}

interface Placement {
  candidate: Candidate;
  breakOffsets: number[];
  /** Change in plan cost if added. */
  delta: number;
}

function randomFrom(seed: number): () => number {
  let value = seed >>> 0 || 1;
  return () => {
    value ^= value << 13;
    value ^= value >>> 17;
    value ^= value << 5;
    return (value >>> 0) / 4294967296;
  };
}

/**
 * Improves lead placement in place; returns the plan cost before and after.
 * @example improveLeadCover(state, leadTargets(state)!, { shouldStop: () => false, maxRounds: 50 }) //=> { before: 3012, after: 1004 }
 */
export function improveLeadCover(state: RosterState, targets: RoleTargets, options: LeadSearchOptions): { before: number; after: number } {
  const context = state.context;
  const coverage = state.leadsOnDuty;
  const need = targets.requirement;
  const cap = targets.cap;
  const random = randomFrom(options.seed ?? 1);
  const leads = context.people.filter((person) => person.role === "lead");
  const before = leadPlanCost(state, targets);
  if (leads.length === 0) return { before, after: before };

  // Candidates per (person, week): the region's starts of the templates they hold.
  const byRegionTemplate = new Map<string, Candidate[]>();
  for (const candidate of context.candidates) {
    const key = regionTemplateKey(candidate.regionIndex, candidate.templateIndex);
    const list = byRegionTemplate.get(key) ?? [];
    list.push(candidate);
    byRegionTemplate.set(key, list);
  }
  const optionsCache = new Map<string, Candidate[]>();
  const candidatesOf = (person: PersonInfo, week: number) => {
    const key = `${person.index}:${week}`;
    let list = optionsCache.get(key);
    if (!list) {
      list = [];
      for (const templateIndex of person.templateIndexes) {
        for (const candidate of byRegionTemplate.get(regionTemplateKey(person.regionIndex, templateIndex)) ?? []) if (candidate.week === week) list.push(candidate);
      }
      optionsCache.set(key, list);
    }
    return list;
  };

  /** Cost change of one more lead on duty at the slot. */
  const addGain = (slot: number) => {
    if (slot < 0 || slot >= coverage.length) return 0;
    const have = coverage[slot] ?? 0;
    return leadSlotCost(have + 1, need[slot] ?? 0, cap[slot] ?? 0) - leadSlotCost(have, need[slot] ?? 0, cap[slot] ?? 0);
  };

  /** The candidate's cost change with each break where it costs least (breaks kept apart). */
  const placementOf = (candidate: Candidate): Placement | undefined => {
    const template = context.templates[candidate.templateIndex];
    if (!template) return undefined;
    let delta = 0;
    for (let slot = candidate.startSlot; slot < candidate.endSlot; slot++) delta += addGain(slot);
    const breakOffsets: number[] = [];
    for (const [breakIndex, rule] of template.breaks.entries()) {
      let bestOffset: number | undefined;
      let bestSaving = -Infinity;
      for (const offset of rule.offsetSlots) {
        const clash = breakOffsets.some((other, otherIndex) => {
          const length = template.breaks[otherIndex]?.lengthSlots ?? 0;
          return offset < other + length && other < offset + rule.lengthSlots;
        });
        if (clash) continue;
        let saving = 0;
        for (let step = 0; step < rule.lengthSlots; step++) saving += addGain(candidate.startSlot + offset + step);
        // Ties go to the middle of the allowed range: breaks people expect.
        saving -= Math.abs(offset - (rule.offsetSlots[Math.floor((rule.offsetSlots.length - 1) / 2)] ?? offset)) * 1e-6;
        if (saving > bestSaving) {
          bestSaving = saving;
          bestOffset = offset;
        }
      }
      if (bestOffset === undefined) return undefined;
      breakOffsets[breakIndex] = bestOffset;
      delta -= bestSaving;
    }
    return { candidate, breakOffsets, delta };
  };

  const bestFor = (person: PersonInfo, week: number): Placement | undefined => {
    let best: Placement | undefined;
    for (const candidate of candidatesOf(person, week)) {
      if (state.blocker(person, candidate, "lead") !== null) continue;
      const placement = placementOf(candidate);
      if (placement && (!best || placement.delta < best.delta - 1e-9)) best = placement;
    }
    return best;
  };

  const belowMinimumWithout = (shift: PlacedShift, person: PersonInfo) => {
    const week = shift.candidate.week;
    if (!isFullWeek(context, week)) return false;
    const minutes = state.tallies[person.index]?.weekMinutes[week] ?? 0;
    return minutes - state.workedMinutes(shift.candidate) < person.minMinutesPerWeek;
  };

  /** One sweep of re-placements, additions and drops; returns whether anything changed. */
  const sweep = (): boolean => {
    let changed = false;
    const shifts = state.shiftsOf("lead").filter((shift) => !shift.pinned && shift.personIndex !== null);
    for (let index = shifts.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [shifts[index], shifts[other]] = [shifts[other]!, shifts[index]!];
    }
    for (const shift of shifts) {
      if (options.shouldStop()) return changed;
      const person = context.people[shift.personIndex ?? -1];
      if (!person) continue;
      state.remove(shift);
      const keep = placementOf(shift.candidate);
      const best = bestFor(person, shift.candidate.week);
      const keepDelta = keep?.delta ?? Infinity;
      // Dropping: the shift only adds cost (over-supervision) and no minimum needs it.
      if (keepDelta > 1e-9 && (!best || best.delta > 1e-9) && !belowMinimumWithout(shift, person)) {
        changed = true;
        continue;
      }
      const chosen = best && best.delta < keepDelta - 1e-9 ? best : (keep ?? best);
      if (!chosen) {
        state.add(shift.candidate, shift.personIndex, "lead", { breakOffsets: shift.breakOffsets });
        continue;
      }
      if (chosen.candidate !== shift.candidate || chosen.breakOffsets.some((offset, breakIndex) => offset !== shift.breakOffsets[breakIndex])) changed = true;
      state.add(chosen.candidate, person.index, "lead", { breakOffsets: chosen.breakOffsets });
    }
    // Leads with time left: add the shift that lowers the cost most, while one does.
    for (const person of leads) {
      for (let week = 0; week < context.weekCount; week++) {
        for (;;) {
          if (options.shouldStop()) return changed;
          const best = bestFor(person, week);
          if (!best || best.delta >= -1e-9) break;
          state.add(best.candidate, person.index, "lead", { breakOffsets: best.breakOffsets });
          changed = true;
        }
      }
    }
    return changed;
  };

  const descend = () => {
    for (let pass = 0; pass < 20 && sweep(); pass++);
  };

  type Snapshot = Array<{ candidate: Candidate; personIndex: number | null; breakOffsets: number[] }>;
  const snapshot = (): Snapshot =>
    state
      .shiftsOf("lead")
      .filter((shift) => !shift.pinned)
      .map((shift) => ({ candidate: shift.candidate, personIndex: shift.personIndex, breakOffsets: [...shift.breakOffsets] }));
  const restore = (saved: Snapshot) => {
    for (const shift of state.shiftsOf("lead")) if (!shift.pinned) state.remove(shift);
    for (const entry of saved) state.add(entry.candidate, entry.personIndex, "lead", { breakOffsets: entry.breakOffsets });
  };

  descend();
  let bestCost = leadPlanCost(state, targets);
  let best = snapshot();
  const maxRounds = options.maxRounds ?? Infinity;
  const patience = options.patienceRounds ?? 300;
  let lastImprovedRound = 0;
  for (let round = 0; round < maxRounds && round - lastImprovedRound < patience && bestCost > 0 && !options.shouldStop(); round++) {
    // Kick: move one to three shifts to random legal starts (or off the plan), then descend.
    const movable = state.shiftsOf("lead").filter((shift) => !shift.pinned && shift.personIndex !== null);
    if (movable.length === 0) break;
    const kicks = 1 + Math.floor(random() * Math.min(3, movable.length));
    for (let kick = 0; kick < kicks; kick++) {
      const shift = movable[Math.floor(random() * movable.length)];
      const person = context.people[shift?.personIndex ?? -1];
      if (!shift || !person || !state.shifts.has(shift.id)) continue;
      state.remove(shift);
      const legal = candidatesOf(person, shift.candidate.week).filter((candidate) => state.blocker(person, candidate, "lead") === null);
      const target = legal[Math.floor(random() * legal.length)];
      if (target) state.add(target, person.index, "lead");
    }
    descend();
    const cost = leadPlanCost(state, targets);
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      lastImprovedRound = round;
      best = snapshot();
    } else if (cost > bestCost + 1e-9) {
      restore(best);
    }
  }
  if (leadPlanCost(state, targets) > bestCost + 1e-9) restore(best);
  return { before, after: bestCost };
}
