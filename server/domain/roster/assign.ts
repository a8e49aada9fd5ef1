/**
 * Assignment heuristics over a RosterState: give designed shifts to people, add shifts where
 * coverage is short, top people up to their weekly minimum, drop shifts nobody needs.
 * Every step asks RosterState.blocker first, so no step can break a person's rules.
 */
import { placeShiftBreaks } from "./breaks";
import { DEFAULT_CONTRACT } from "./contract";
import { regionTemplateKey, type Candidate, type PersonInfo, type Role, type RosterContext } from "./context";
import { SHORTAGE_COST } from "./design-model";
import { RosterState, type PlacedShift } from "./roster-state";

/** Soft preferences, after coverage: even load, stable start times, fair weekends. */
function personCost(state: RosterState, person: PersonInfo, candidate: Candidate): number {
  const tally = state.tallies[person.index];
  if (!tally) return Infinity;
  const weekMinutes = tally.weekMinutes[candidate.week] ?? 0;
  const load = weekMinutes / Math.max(1, person.maxMinutesPerWeek);
  let startDriftHours = 0;
  const anchor = tally.shifts[0];
  if (anchor) {
    const difference = Math.abs(anchor.candidate.startMinuteOfDay - candidate.startMinuteOfDay);
    startDriftHours = Math.min(difference, 1440 - difference) / 60;
  }
  const weekend = candidate.weekend ? tally.weekendShifts : 0;
  const belowMinimum = weekMinutes < person.minMinutesPerWeek ? 1 : 0;
  // Load counts quadratically: a little imbalance buys a stable start time, a lot does not.
  return load * load * 10 + startDriftHours * 0.3 + weekend * 0.7 - belowMinimum * 3;
}

/**
 * People of one role per region, for quick lookup.
 * @example peopleByRegion(context, "lead").get(0)?.map((person) => person.id) //=> ["l1"]
 */
export function peopleByRegion(context: RosterContext, role: Role): Map<number, PersonInfo[]> {
  const map = new Map<number, PersonInfo[]>();
  for (const person of context.people) {
    if (person.role !== role) continue;
    const list = map.get(person.regionIndex) ?? [];
    list.push(person);
    map.set(person.regionIndex, list);
  }
  return map;
}

/**
 * The person who can work the candidate at least soft cost, or undefined.
 * @example bestPersonFor(state, people, candidate, "agent")?.id //=> "a1"
 */
export function bestPersonFor(state: RosterState, people: readonly PersonInfo[], candidate: Candidate, role: Role): PersonInfo | undefined {
  let best: PersonInfo | undefined;
  let bestCost = Infinity;
  for (const person of people) {
    if (state.blocker(person, candidate, role) !== null) continue;
    const cost = personCost(state, person, candidate);
    if (cost < bestCost) {
      bestCost = cost;
      best = person;
    }
  }
  return best;
}

/**
 * Gives each designed shift to the best eligible person, in start order. Shifts nobody can take
 * are returned (the repair step looks for other shifts to cover the same intervals).
 * @example assignDesignedShifts(state, designed, "agent", requirement).length //=> 0
 */
export function assignDesignedShifts(state: RosterState, designed: readonly Candidate[], role: Role, requirement: ArrayLike<number>): Candidate[] {
  const byRegion = peopleByRegion(state.context, role);
  const unassigned: Candidate[] = [];
  const ordered = [...designed].sort((a, b) => a.startSlot - b.startSlot || a.regionIndex - b.regionIndex);
  for (const candidate of ordered) {
    const people = byRegion.get(candidate.regionIndex) ?? [];
    const person = bestPersonFor(state, people, candidate, role);
    if (person) placeShiftBreaks(state, state.add(candidate, person.index, role), requirement);
    else if (!assignWithSwap(state, people, candidate, role, requirement)) unassigned.push(candidate);
  }
  return unassigned;
}

const SWAPPABLE = new Set(["same-day", "rest", "weekly-days", "weekly-minutes"]);

/**
 * One-step ejection chain: give the candidate to a person whose only obstacle is one of their own
 * shifts, and move that shift to someone else who can work it. Greedy order leaves such knots
 * (someone took an early shift that only they could have swapped for a late one).
 */
function assignWithSwap(state: RosterState, people: readonly PersonInfo[], candidate: Candidate, role: Role, requirement: ArrayLike<number>): boolean {
  for (const person of people) {
    const blocker = state.blocker(person, candidate, role);
    if (blocker === null || !SWAPPABLE.has(blocker)) continue;
    const tally = state.tallies[person.index];
    if (!tally) continue;
    const conflicting = tally.shifts.filter((shift) => {
      if (shift.pinned) return false;
      if (blocker === "weekly-days" || blocker === "weekly-minutes") return shift.candidate.week === candidate.week;
      return Math.abs(shift.candidate.dayNumber - candidate.dayNumber) <= 1;
    });
    for (const shift of conflicting) {
      state.remove(shift);
      if (state.blocker(person, candidate, role) === null) {
        const other = bestPersonFor(
          state,
          people.filter((entry) => entry.index !== person.index),
          shift.candidate,
          role,
        );
        if (other) {
          placeShiftBreaks(state, state.add(shift.candidate, other.index, role), requirement);
          placeShiftBreaks(state, state.add(candidate, person.index, role), requirement);
          return true;
        }
      }
      const restored = state.add(shift.candidate, person.index, role, { breakOffsets: shift.breakOffsets });
      restored.breaksFixed = shift.breaksFixed;
    }
  }
  return false;
}

/**
 * Candidates a role can ever use: its people's (region, template) pairs, or all in design mode.
 * @example candidatesForRole(context, "agent").every((candidate) => candidate.index >= 0) //=> true
 */
export function candidatesForRole(context: RosterContext, role: Role): Candidate[] {
  if (context.designMode) return role === "agent" ? context.candidates : [];
  const pairs = new Set<string>();
  for (const person of context.people) {
    if (person.role !== role) continue;
    for (const templateIndex of person.templateIndexes) pairs.add(regionTemplateKey(person.regionIndex, templateIndex));
  }
  return context.candidates.filter((candidate) => pairs.has(regionTemplateKey(candidate.regionIndex, candidate.templateIndex)));
}

/** Value of adding one more shift of the candidate: short slots it would fill against the rest. */
function additionValue(state: RosterState, candidate: Candidate, role: Role, requirement: ArrayLike<number>, cap: ArrayLike<number>): { shortSlots: number; value: number } {
  const coverage = state.coverageOf(role);
  const template = state.context.templates[candidate.templateIndex];
  const breakSlots = template?.breaks.reduce((sum, rule) => sum + rule.lengthSlots, 0) ?? 0;
  let shortSlots = 0;
  let overSlots = 0;
  for (let slot = candidate.startSlot; slot < candidate.endSlot; slot++) {
    const have = coverage[slot] ?? 0;
    if (have < (requirement[slot] ?? 0)) shortSlots++;
    else if (have >= (cap[slot] ?? 0)) overSlots++;
  }
  // Breaks land where coverage is spare, so they take away from the excess first.
  const excess = Math.max(0, overSlots - breakSlots);
  return { shortSlots, value: shortSlots * SHORTAGE_COST - excess };
}

export interface RepairOptions {
  role: Role;
  requirement: ArrayLike<number>;
  cap: ArrayLike<number>;
  /** Stop early (time limit or cancellation). */
  shouldStop?: () => boolean;
  maxPasses?: number;
}

/**
 * Adds shifts where coverage is short, best value first, to whoever can work them (or to the
 * unnamed pool in design mode), until no addition helps.
 * @example repairCoverage(state, { role: "agent", requirement, cap: requirement }) //=> 3
 */
export function repairCoverage(state: RosterState, options: RepairOptions): number {
  const { role, requirement, cap } = options;
  const context = state.context;
  const byRegion = peopleByRegion(context, role);
  const pool = candidatesForRole(context, role);
  let added = 0;
  for (let pass = 0; pass < (options.maxPasses ?? 40); pass++) {
    const scored = pool
      .map((candidate) => ({ candidate, ...additionValue(state, candidate, role, requirement, cap) }))
      .filter((entry) => entry.shortSlots > 0 && entry.value > 0)
      .sort((a, b) => b.value - a.value || a.candidate.startSlot - b.candidate.startSlot);
    let addedThisPass = 0;
    for (const entry of scored) {
      if (options.shouldStop?.()) return added;
      const fresh = additionValue(state, entry.candidate, role, requirement, cap);
      if (fresh.shortSlots === 0 || fresh.value <= 0) continue;
      let personIndex: number | null = null;
      if (!context.designMode) {
        const person = bestPersonFor(state, byRegion.get(entry.candidate.regionIndex) ?? [], entry.candidate, role);
        if (!person) continue;
        personIndex = person.index;
      }
      placeShiftBreaks(state, state.add(entry.candidate, personIndex, role), requirement);
      added++;
      addedThisPass++;
    }
    if (addedThisPass === 0) break;
  }
  return added;
}

/**
 * Is the week a full 7 days inside the horizon? Weekly minimums only bind on full weeks.
 * @example isFullWeek(contextOf10Days, 1) //=> false
 */
export function isFullWeek(context: RosterContext, week: number): boolean {
  return (week + 1) * 7 <= context.problem.days;
}

/**
 * Adds shifts for people below their weekly minimum (full weeks only), preferring shifts that
 * fill short intervals and, failing that, add the least excess.
 * @example meetWeeklyMinimums(state, "agent", requirement, requirement)
 */
export function meetWeeklyMinimums(state: RosterState, role: Role, requirement: ArrayLike<number>, cap: ArrayLike<number>): void {
  const context = state.context;
  const pool = candidatesForRole(context, role);
  for (const person of context.people) {
    if (person.role !== role || person.minMinutesPerWeek <= 0) continue;
    for (let week = 0; week < context.weekCount; week++) {
      if (!isFullWeek(context, week)) continue;
      for (;;) {
        const tally = state.tallies[person.index];
        if (!tally || (tally.weekMinutes[week] ?? 0) >= person.minMinutesPerWeek) break;
        let best: Candidate | undefined;
        let bestValue = -Infinity;
        for (const candidate of pool) {
          if (candidate.week !== week || candidate.regionIndex !== person.regionIndex) continue;
          if (state.blocker(person, candidate, role) !== null) continue;
          const { value } = additionValue(state, candidate, role, requirement, cap);
          if (value > bestValue) {
            bestValue = value;
            best = candidate;
          }
        }
        if (!best) break;
        placeShiftBreaks(state, state.add(best, person.index, role), requirement);
      }
    }
  }
}

/** Does removing the shift leave any of its on-task slots short? */
function isNeeded(state: RosterState, shift: PlacedShift, requirement: ArrayLike<number>): boolean {
  const coverage = state.coverageOf(shift.role);
  const breakSlots = new Set<number>();
  state.forEachBreakSlot(shift, (slot) => breakSlots.add(slot));
  for (let slot = shift.candidate.startSlot; slot < shift.candidate.endSlot; slot++) {
    if (breakSlots.has(slot)) continue;
    if ((coverage[slot] ?? 0) - 1 < (requirement[slot] ?? 0)) return true;
  }
  return false;
}

/**
 * Removes shifts that cover no short interval (most surplus first), unless pinned or needed for
 * a weekly minimum.
 * @example dropSurplusShifts(state, "agent", requirement) //=> 2
 */
export function dropSurplusShifts(state: RosterState, role: Role, requirement: ArrayLike<number>): number {
  const context = state.context;
  const coverage = state.coverageOf(role);
  const surplusOf = (shift: PlacedShift) => {
    let surplus = 0;
    for (let slot = shift.candidate.startSlot; slot < shift.candidate.endSlot; slot++) surplus += (coverage[slot] ?? 0) - (requirement[slot] ?? 0);
    return surplus;
  };
  const ordered = state
    .shiftsOf(role)
    .filter((shift) => !shift.pinned)
    .map((shift) => ({ shift, surplus: surplusOf(shift) }))
    .sort((a, b) => b.surplus - a.surplus);
  let dropped = 0;
  for (const { shift } of ordered) {
    if (isNeeded(state, shift, requirement)) continue;
    if (shift.personIndex !== null) {
      const person = context.people[shift.personIndex];
      const tally = state.tallies[shift.personIndex];
      const week = shift.candidate.week;
      if (person && tally && isFullWeek(context, week)) {
        if ((tally.weekMinutes[week] ?? 0) - state.workedMinutes(shift.candidate) < person.minMinutesPerWeek) continue;
      }
    }
    state.remove(shift);
    dropped++;
  }
  return dropped;
}

/**
 * People a region needs to work the given shifts under the default contract (DEFAULT_CONTRACT:
 * 2400 minutes and 5 days a week, 660 minutes rest): starts at the obvious lower bound and adds people until the
 * assignment heuristic places every shift.
 * @example designHeadcount(context, state.shiftsOf("agent")) //=> [{ regionId: "emea", people: 9 }]
 */
export function designHeadcount(context: RosterContext, shifts: readonly PlacedShift[]): Array<{ regionId: string; people: number }> {
  return context.regions.map((region) => {
    const regionShifts = shifts.filter((shift) => shift.candidate.regionIndex === region.index).map((shift) => shift.candidate);
    if (regionShifts.length === 0) return { regionId: region.id, people: 0 };
    const perDate = new Map<string, number>();
    const perWeekShifts = new Map<number, number>();
    const perWeekMinutes = new Map<number, number>();
    for (const candidate of regionShifts) {
      perDate.set(candidate.localDate, (perDate.get(candidate.localDate) ?? 0) + 1);
      perWeekShifts.set(candidate.week, (perWeekShifts.get(candidate.week) ?? 0) + 1);
      const minutes = context.templates[candidate.templateIndex]?.workedMinutes ?? 0;
      perWeekMinutes.set(candidate.week, (perWeekMinutes.get(candidate.week) ?? 0) + minutes);
    }
    let lower = Math.max(...perDate.values());
    for (const count of perWeekShifts.values()) lower = Math.max(lower, Math.ceil(count / DEFAULT_CONTRACT.maxDaysPerWeek));
    for (const minutes of perWeekMinutes.values()) lower = Math.max(lower, Math.ceil(minutes / DEFAULT_CONTRACT.maxMinutesPerWeek));
    const allTemplates = new Set(context.templates.map((template) => template.index));
    const upper = lower * 2 + 5;
    for (let count = lower; count <= upper; count++) {
      const people: PersonInfo[] = Array.from({ length: count }, (_, index) => ({
        index,
        id: `${region.id}-${index + 1}`,
        role: "agent" as const,
        regionIndex: region.index,
        templateIndexes: allTemplates,
        ...DEFAULT_CONTRACT,
        minRestSlots: Math.ceil(DEFAULT_CONTRACT.minRestMinutes / context.intervalMinutes),
        unavailableSlots: [],
      }));
      const trial = new RosterState({ ...context, people, designMode: false });
      const left = assignDesignedShifts(trial, regionShifts, "agent", new Array<number>(context.slotCount).fill(0));
      if (left.length === 0) return { regionId: region.id, people: count };
    }
    return { regionId: region.id, people: upper };
  });
}

/** Cost of one slot: shortage far above excess (the model's objective, per interval). */
function slotCost(have: number, need: number, cap: number): number {
  return Math.max(0, need - have) * SHORTAGE_COST + Math.max(0, have - cap);
}

/**
 * Local search: re-time each shift (same person, same week, any template they hold) where one more
 * person on task saves the most, breaks included. Cleans up what repair adds in a hurry.
 * @example improveByMoves(state, "agent", requirement, requirement, () => false) //=> 4
 */
export function improveByMoves(state: RosterState, role: Role, requirement: ArrayLike<number>, cap: ArrayLike<number>, shouldStop: () => boolean, passes = 2): number {
  const context = state.context;
  const coverage = state.coverageOf(role);
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidatesForRole(context, role)) {
    const key = `${candidate.regionIndex}:${candidate.week}`;
    const list = byKey.get(key) ?? [];
    list.push(candidate);
    byKey.set(key, list);
  }
  const gainAt = (slot: number) => {
    const have = coverage[slot] ?? 0;
    return slotCost(have, requirement[slot] ?? 0, cap[slot] ?? 0) - slotCost(have + 1, requirement[slot] ?? 0, cap[slot] ?? 0);
  };
  const gainOf = (candidate: Candidate) => {
    let gain = 0;
    for (let slot = candidate.startSlot; slot < candidate.endSlot; slot++) gain += gainAt(slot);
    for (const rule of context.templates[candidate.templateIndex]?.breaks ?? []) {
      let cheapest = Infinity;
      for (const offset of rule.offsetSlots) {
        let lost = 0;
        for (let step = 0; step < rule.lengthSlots; step++) lost += gainAt(candidate.startSlot + offset + step);
        cheapest = Math.min(cheapest, lost);
      }
      if (Number.isFinite(cheapest)) gain -= cheapest;
    }
    return gain;
  };
  let moved = 0;
  for (let pass = 0; pass < passes; pass++) {
    let movedThisPass = 0;
    for (const shift of state.shiftsOf(role)) {
      if (shift.pinned || shouldStop()) continue;
      const person = shift.personIndex === null ? undefined : context.people[shift.personIndex];
      state.remove(shift);
      const keep = gainOf(shift.candidate);
      const options = (byKey.get(`${shift.candidate.regionIndex}:${shift.candidate.week}`) ?? [])
        .filter((candidate) => !person || person.templateIndexes.has(candidate.templateIndex))
        .map((candidate) => ({ candidate, gain: gainOf(candidate) }))
        .filter((entry) => entry.gain > keep + 1e-9)
        .sort((a, b) => b.gain - a.gain);
      const better = options.find((entry) => !person || state.blocker(person, entry.candidate, role) === null);
      if (better) {
        placeShiftBreaks(state, state.add(better.candidate, shift.personIndex, role), requirement);
        movedThisPass++;
      } else {
        const restored = state.add(shift.candidate, shift.personIndex, role, { breakOffsets: shift.breakOffsets, pinned: shift.pinned });
        restored.breaksFixed = shift.breaksFixed;
      }
    }
    moved += movedThisPass;
    if (movedThisPass === 0) break;
  }
  return moved;
}
