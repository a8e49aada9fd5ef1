/**
 * The roster engine's steps, pure and synchronous. The orchestrator (server/solver/solve-roster.ts)
 * calls them in order and solves the models they build; nothing here loads a solver or reads a clock.
 *
 * Per week: a bound model (LP relaxation, shortage forbidden where coverable) and a design model
 * (MIP over shift starts) whose shifts are assigned to people at once, so the next week's model sees
 * them as fixed and the rest rule carries across weeks. Then repair, weekly minimums, surplus drop
 * and break placement; then the same for leads against ceil(agents on task / leadSpan.max).
 */
import { assignDesignedShifts, candidatesForRole, designHeadcount, dropSurplusShifts, improveByMoves, meetWeeklyMinimums, repairCoverage } from "./assign";
import { placeBreaks, placeShiftBreaks } from "./breaks";
import { improveLeadCover } from "./lead-search";
import { buildRosterContext, describeShift, regionTemplateKey, slotOf, type Candidate, type PersonInfo, type Role, type RosterContext } from "./context";
import { SHORTAGE_COST, buildDesignModel, type CapacityRow, type DesignColumn, type DesignModel } from "./design-model";
import { instantMs, type TRosterProblem } from "./problem";
import { buildRosterResult, leadBounds, type RosterResult } from "./result";
import { RosterState } from "./roster-state";

/** Most break offsets per break kept in design models; the final placement uses all of them. */
export const DESIGN_BREAK_OFFSETS = 5;

/**
 * Context and state for a problem, with its pinned shifts already placed (they are kept as given).
 * @example createRosterState(problem).shifts.size //=> problem.pinnedShifts?.length ?? 0
 */
export function createRosterState(problem: TRosterProblem): RosterState {
  const context = buildRosterContext(problem);
  const state = new RosterState(context);
  const byKey = new Map<string, Candidate>();
  for (const candidate of context.candidates) byKey.set(`${regionTemplateKey(candidate.regionIndex, candidate.templateIndex)}:${candidate.startSlot}`, candidate);
  for (const pinned of problem.pinnedShifts ?? []) {
    const person = context.people.find((entry) => entry.id === pinned.personId);
    const templateIndex = context.templates.findIndex((template) => template.id === pinned.templateId);
    if (!person || templateIndex < 0) continue;
    const startSlot = slotOf(context, instantMs(pinned.start));
    const candidate =
      byKey.get(`${regionTemplateKey(person.regionIndex, templateIndex)}:${startSlot}`) ?? describeShift(context, person.regionIndex, templateIndex, startSlot);
    const breakOffsets = pinned.breakStarts?.map((start) => slotOf(context, instantMs(start)) - startSlot);
    state.add(candidate, person.index, person.role, { pinned: true, ...(breakOffsets ? { breakOffsets } : {}) });
  }
  return state;
}

function longestTemplateSlots(context: RosterContext): number {
  return Math.max(0, ...context.templates.map((template) => template.lengthSlots));
}

function weekSlots(context: RosterContext, week: number): { fromSlot: number; toSlot: number } {
  return { fromSlot: week * context.slotsPerWeek, toSlot: Math.min(context.slotCount, (week + 1) * context.slotsPerWeek) };
}

/** Existing shifts of a role overlapping [fromSlot, toSlot), grouped into fixed columns. */
function fixedColumns(state: RosterState, role: Role, fromSlot: number, toSlot: number, onlyPinned = false): DesignColumn[] {
  const grouped = new Map<string, DesignColumn & { fixedCount: number }>();
  for (const shift of state.shifts.values()) {
    const candidate = shift.candidate;
    if (shift.role !== role || candidate.endSlot <= fromSlot || candidate.startSlot >= toSlot || (onlyPinned && !shift.pinned)) continue;
    const key = `${regionTemplateKey(candidate.regionIndex, candidate.templateIndex)}:${candidate.startSlot}`;
    const column = grouped.get(key);
    if (column) column.fixedCount++;
    else grouped.set(key, { candidate, fixedCount: 1 });
  }
  return [...grouped.values()];
}

/**
 * The relaxation that bounds excess for one week: every shift that can touch the week, shortage
 * forbidden wherever some shift can put an agent on task, pinned shifts fixed. Any plan that covers
 * the requirement is feasible for it, so its optimum is a lower bound on that plan's excess in the week.
 * With `integer`, shift counts are whole (breaks stay fractional): a tighter bound when it solves to optimality.
 * @example buildBoundModel(state, 0)?.lp.includes("General") //=> false
 */
export function buildBoundModel(state: RosterState, week: number, options: { integer?: boolean } = {}): DesignModel | undefined {
  const context = state.context;
  const { fromSlot, toSlot } = weekSlots(context, week);
  const reach = longestTemplateSlots(context);
  const free = candidatesForRole(context, "agent").filter((candidate) => candidate.startSlot >= fromSlot - reach && candidate.startSlot < toSlot);
  const pinned = fixedColumns(state, "agent", fromSlot, toSlot, true);
  const columns: DesignColumn[] = [...free.map((candidate) => ({ candidate })), ...pinned];
  if (columns.length === 0) return undefined;
  const requirement = context.problem.requirement;
  // Whole shift counts with fractional breaks still relax every real plan, so its proven optimum is a bound too.
  return buildDesignModel({ context, role: "agent", columns, fromSlot, toSlot, requirement, cap: requirement, forbidShortage: true, integer: options.integer ?? false });
}

/**
 * Excess agent-minutes implied by a bound model's optimum: excess is a whole number of intervals,
 * so the LP value rounds up (less a tolerance for floating point).
 * @example boundFromObjective(3.0000001, 30) //=> 90
 */
export function boundFromObjective(objective: number, intervalMinutes: number): number {
  if (!Number.isFinite(objective) || objective <= 0) return 0;
  return Math.ceil(objective - 1e-6) * intervalMinutes;
}

/** Targets for a role: what must be covered and where coverage starts to count as excess. */
export interface RoleTargets {
  requirement: ArrayLike<number>;
  cap: ArrayLike<number>;
}

/**
 * Agents cover the requirement; excess is anything above it.
 * @example agentTargets(state).requirement === problem.requirement //=> true
 */
export function agentTargets(state: RosterState): RoleTargets {
  return { requirement: state.context.problem.requirement, cap: state.context.problem.requirement };
}

/**
 * Leads cover ceil(onTask / leadSpan.max); above max(1, ceil(onTask / leadSpan.min)) is over-supervision.
 * @example leadTargets(stateWith16OnTask)?.requirement[0] //=> 2 (leadSpan.max 15)
 */
export function leadTargets(state: RosterState): RoleTargets | undefined {
  const leadSpan = state.context.problem.leadSpan;
  if (!leadSpan || state.context.designMode) return undefined;
  const { needed, cap } = leadBounds(state.agentsOnTask, leadSpan);
  return { requirement: needed, cap };
}

/**
 * Limits a role's people put on a week's shifts, per region and per (region, template): weekly
 * worked minutes, weekly shifts (days), and shifts per local day (one per person). Designs that
 * break them cannot be assigned, however good their coverage looks.
 */
function capacityRows(context: RosterContext, role: Role, free: readonly Candidate[]): CapacityRow[] {
  const rows: CapacityRow[] = [];
  const dates = new Map<number, Set<string>>();
  for (const candidate of free) {
    const set = dates.get(candidate.regionIndex) ?? new Set<string>();
    set.add(candidate.localDate);
    dates.set(candidate.regionIndex, set);
  }
  const minutesOf = (candidate: Candidate) => context.templates[candidate.templateIndex]?.workedMinutes ?? 0;
  for (const region of context.regions) {
    const groups: Array<{ people: PersonInfo[]; templates: Set<number> | undefined }> = [
      { people: context.people.filter((person) => person.role === role && person.regionIndex === region.index), templates: undefined },
    ];
    for (const template of context.templates) {
      groups.push({
        people: context.people.filter((person) => person.role === role && person.regionIndex === region.index && person.templateIndexes.has(template.index)),
        templates: new Set([template.index]),
      });
    }
    for (const { people, templates } of groups) {
      const inGroup = (candidate: Candidate) => candidate.regionIndex === region.index && (!templates || templates.has(candidate.templateIndex));
      rows.push({ limit: people.reduce((sum, person) => sum + person.maxMinutesPerWeek, 0), matches: inGroup, weight: minutesOf });
      rows.push({ limit: people.reduce((sum, person) => sum + person.maxDaysPerWeek, 0), matches: inGroup });
      for (const date of dates.get(region.index) ?? []) {
        // Someone absent for every shift of the day cannot work it.
        const onDate = free.filter((candidate) => inGroup(candidate) && candidate.localDate === date);
        const available = people.filter((person) =>
          onDate.some((candidate) => person.unavailableSlots.every(([from, to]) => from >= candidate.endSlot || to <= candidate.startSlot)),
        ).length;
        rows.push({ limit: available, matches: (candidate) => inGroup(candidate) && candidate.localDate === date });
      }
    }
  }
  return rows;
}

export interface WeekDesign {
  model: DesignModel;
  /** Free columns are the week's candidates; fixed ones are shifts already placed. */
  columns: DesignColumn[];
}

/**
 * The design MIP for one role and week: candidates starting in the week, shifts already placed as
 * fixed columns, rows to the end of the week's longest shift, and in people mode the region's
 * capacity (weekly minutes, weekly shifts, people per local day).
 * @example buildWeekDesign(state, "agent", 0, agentTargets(state))?.model.lp.includes("General") //=> true
 */
export function buildWeekDesign(state: RosterState, role: Role, week: number, targets: RoleTargets): WeekDesign | undefined {
  const context = state.context;
  const { fromSlot, toSlot } = weekSlots(context, week);
  const rowsTo = Math.min(context.slotCount, toSlot + longestTemplateSlots(context));
  const free = candidatesForRole(context, role).filter((candidate) => candidate.week === week);
  if (free.length === 0) return undefined;
  const columns: DesignColumn[] = [...free.map((candidate) => ({ candidate })), ...fixedColumns(state, role, fromSlot, rowsTo)];
  const capacity = context.designMode ? undefined : { week, rows: capacityRows(context, role, free) };
  const model = buildDesignModel({
    context,
    role,
    columns,
    fromSlot,
    toSlot: rowsTo,
    requirement: targets.requirement,
    cap: targets.cap,
    forbidShortage: false,
    integer: true,
    maxBreakOffsets: DESIGN_BREAK_OFFSETS,
    ...(capacity ? { capacity } : {}),
  });
  return { model, columns };
}

/**
 * Weighted shortage and excess (in intervals) a week design's counts would give on top of the
 * shifts already placed, breaks at their default offsets: compares a rounded relaxation with a MIP
 * incumbent on equal terms.
 * @example designCost(state, "agent", design, counts, agentTargets(state)) //=> 16
 */
export function designCost(state: RosterState, role: Role, design: WeekDesign, counts: readonly number[], targets: RoleTargets): number {
  const coverage = Int32Array.from(state.coverageOf(role));
  design.columns.forEach((column, index) => {
    if (column.fixedCount !== undefined) return;
    const count = counts[index] ?? 0;
    if (count === 0) return;
    const { startSlot, endSlot } = column.candidate;
    for (let slot = startSlot; slot < Math.min(endSlot, coverage.length); slot++) coverage[slot]! += count;
    const offsets = state.defaultBreakOffsets(column.candidate);
    state.context.templates[column.candidate.templateIndex]?.breaks.forEach((rule, breakIndex) => {
      for (let step = 0; step < rule.lengthSlots; step++) {
        const slot = startSlot + (offsets[breakIndex] ?? 0) + step;
        if (slot < coverage.length) coverage[slot]! -= count;
      }
    });
  });
  let cost = 0;
  for (let slot = design.model.rowSlots[0] ?? 0; slot <= (design.model.rowSlots.at(-1) ?? -1); slot++) {
    const have = coverage[slot] ?? 0;
    cost += Math.max(0, (targets.requirement[slot] ?? 0) - have) * SHORTAGE_COST + Math.max(0, have - (targets.cap[slot] ?? 0));
  }
  return cost;
}

/**
 * Places a solved week design: new shifts go to people (or the unnamed pool in design mode).
 * Returns how many designed shifts nobody could take.
 * @example applyWeekDesign(state, "agent", design, decodeDesignCounts(design.model, solution.values), agentTargets(state)) //=> 0
 */
export function applyWeekDesign(state: RosterState, role: Role, design: WeekDesign, counts: readonly number[], targets: RoleTargets): number {
  const designed: Candidate[] = [];
  design.columns.forEach((column, index) => {
    if (column.fixedCount !== undefined) return;
    for (let copy = 0; copy < (counts[index] ?? 0); copy++) designed.push(column.candidate);
  });
  if (state.context.designMode) {
    const added = designed.map((candidate) => state.add(candidate, null, role));
    // Breaks first on all, then again: each placement sees the others' breaks.
    for (let pass = 0; pass < 2; pass++) for (const shift of added) placeShiftBreaks(state, shift, targets.requirement);
    return 0;
  }
  return assignDesignedShifts(state, designed, role, targets.requirement).length;
}

/**
 * After the designs: fill what is still short, top people up to weekly minimums, drop shifts nobody
 * needs, and place breaks, then fill again where the breaks moved.
 * @example finishRole(state, "agent", agentTargets(state), () => false)
 */
export function finishRole(state: RosterState, role: Role, targets: RoleTargets, shouldStop: () => boolean): void {
  const { requirement, cap } = targets;
  // Breaks before repair: a break left where coverage is thin would otherwise cost a whole extra shift.
  placeBreaks(state, role, requirement);
  // The first repair ignores the time limit: it is quick, and it turns whatever the models managed
  // into a plan that covers what people can cover, so a solve cut short still returns one.
  repairCoverage(state, { role, requirement, cap });
  if (!state.context.designMode) meetWeeklyMinimums(state, role, requirement, cap);
  dropSurplusShifts(state, role, requirement);
  improveByMoves(state, role, requirement, cap, shouldStop);
  dropSurplusShifts(state, role, requirement);
  placeBreaks(state, role, requirement);
  if (!shouldStop()) {
    repairCoverage(state, { role, requirement, cap, shouldStop, maxPasses: 5 });
    dropSurplusShifts(state, role, requirement);
    placeBreaks(state, role, requirement, 1);
  }
}

/**
 * Shortage and excess of the current agents in agent-minutes, for progress reports.
 * @example coverageTotals(state) //=> { shortageAgentMinutes: 60, excessAgentMinutes: 240 }
 */
export function coverageTotals(state: RosterState): { shortageAgentMinutes: number; excessAgentMinutes: number } {
  const requirement = state.context.problem.requirement;
  let shortage = 0;
  let excess = 0;
  for (let slot = 0; slot < state.context.slotCount; slot++) {
    const difference = (state.agentsOnTask[slot] ?? 0) - (requirement[slot] ?? 0);
    if (difference < 0) shortage -= difference;
    else excess += difference;
  }
  return { shortageAgentMinutes: shortage * state.context.intervalMinutes, excessAgentMinutes: excess * state.context.intervalMinutes };
}

/**
 * A plan from the heuristics alone (no solver, no bound): instant previews in the app, and the
 * domain tests' way to exercise every rule without loading HiGHS.
 * @example planWithoutSolver(problem).status //=> "feasible"
 */
export function planWithoutSolver(problem: TRosterProblem): RosterResult {
  const state = createRosterState(problem);
  const never = () => false;
  finishRole(state, "agent", agentTargets(state), never);
  const leads = leadTargets(state);
  if (leads && state.context.people.some((person) => person.role === "lead")) {
    finishRole(state, "lead", leads, never);
    improveLeadCover(state, leads, { shouldStop: never, maxRounds: 100 });
  }
  const result = buildRosterResult(state, { lowerBoundExcessAgentMinutes: 0, solveSeconds: 0, stopped: true });
  if (state.context.designMode) result.headcount = designHeadcount(state.context, state.shiftsOf("agent"));
  return result;
}
