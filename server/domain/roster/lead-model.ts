/**
 * The lead model: one week of lead shifts chosen per person, breaks included, as CPLEX LP text.
 *
 * Leads are few, so unlike agents (shift counts first, people afterwards) the model picks each
 * lead's shifts directly: z_p_c = 1 when lead p works candidate c, y_p_c_b_k = 1 when that shift
 * takes break b at offset k. Per interval, leads on duty (already placed + Σ z − Σ y) must reach
 * need_t = ceil(agentsOnTask / leadSpan.max) or the interval counts as a breach (binary v_t, the
 * metric itself); above the over-supervision line cap_t it costs as excess. Per person: one shift
 * per local day, rest between shifts, weekly minutes and days. What the solver returns is a plan
 * that can be placed as it is, breaks and all — no assignment step can undo it.
 */
import type { Candidate, PersonInfo, RosterContext } from "./context";
import { LEAD_BREACH_COST, LEAD_DEFICIT_COST, LEAD_OVER_COST } from "./lead-search";
import type { PlacedShift, RosterState } from "./roster-state";

/** A shift that helps nothing should not be worked. */
export const LEAD_SHIFT_COST = 0.01;

export interface LeadChoice {
  /** Column name of z. */
  name: string;
  person: PersonInfo;
  candidate: Candidate;
  /** Column names of y per template break, with the offset each stands for. */
  breakColumns: Array<Array<{ name: string; offset: number }>>;
}

export interface LeadWeekModel {
  lp: string;
  choices: LeadChoice[];
}

export interface LeadModelInput {
  state: RosterState;
  week: number;
  /** Leads needed on duty per slot. */
  need: ArrayLike<number>;
  /** Over-supervision line per slot. */
  cap: ArrayLike<number>;
  /** Keep at most this many offsets per break (evenly spread). */
  maxBreakOffsets?: number;
  /** Only these leads (person indexes) get shifts; the others' shifts stay as placed. Default: all. */
  people?: ReadonlySet<number>;
}

function spreadOffsets(offsets: readonly number[], limit: number | undefined): number[] {
  if (limit === undefined || offsets.length <= limit) return [...offsets];
  if (limit <= 1) return [offsets[Math.floor(offsets.length / 2)] ?? 0];
  const picked = new Set<number>();
  for (let index = 0; index < limit; index++) picked.add(offsets[Math.round((index * (offsets.length - 1)) / (limit - 1))] ?? 0);
  return [...picked];
}

function joinTerms(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let index = 0; index < terms.length; index += 12) lines.push(terms.slice(index, index + 12).join(" "));
  return lines.join("\n   ");
}

/** Rows that keep one person's new shifts apart: a local day each, and rest between them. */
function personRows(context: RosterContext, person: PersonInfo, choices: readonly LeadChoice[], rowName: string): string[] {
  const rows: string[] = [];
  const byDate = new Map<string, string[]>();
  for (const choice of choices) {
    const list = byDate.get(choice.candidate.localDate) ?? [];
    list.push(`+ ${choice.name}`);
    byDate.set(choice.candidate.localDate, list);
  }
  let index = 0;
  for (const terms of byDate.values()) if (terms.length > 1) rows.push(` ${rowName}d${index++}: ${joinTerms(terms)} <= 1`);
  // Two shifts clash when the later starts before the earlier's end plus rest. Any two starting
  // less than (shortest length + rest) apart clash, so each such window of starts is a clique;
  // longer templates leave pairs the windows miss, which get a row each.
  const sorted = [...choices].sort((a, b) => a.candidate.startSlot - b.candidate.startSlot);
  const lengthOf = (choice: LeadChoice) => choice.candidate.endSlot - choice.candidate.startSlot;
  const window = Math.min(...sorted.map(lengthOf)) + person.minRestSlots;
  let previousLast = -1;
  for (let first = 0; first < sorted.length; first++) {
    const from = sorted[first]!.candidate.startSlot;
    let last = first;
    while (last + 1 < sorted.length && sorted[last + 1]!.candidate.startSlot < from + window) last++;
    // A window ending where the previous one ended is inside it: its row adds nothing.
    if (last > first && last > previousLast) {
      rows.push(` ${rowName}r${index++}: ${joinTerms(sorted.slice(first, last + 1).map((choice) => `+ ${choice.name}`))} <= 1`);
    }
    previousLast = Math.max(previousLast, last);
    for (let other = first + 1; other < sorted.length; other++) {
      const gap = sorted[other]!.candidate.startSlot - from;
      if (gap < window) continue;
      if (gap >= lengthOf(sorted[first]!) + person.minRestSlots) break;
      rows.push(` ${rowName}r${index++}: + ${sorted[first]!.name} + ${sorted[other]!.name} <= 1`);
    }
  }
  return rows;
}

/**
 * Builds the lead model for one week: every lead's legal shifts starting in the week (against the
 * shifts already placed), coverage rows to the end of the week's longest shift.
 * @example buildLeadWeekModel({ state, week: 0, need, cap })?.lp.startsWith("Minimize") //=> true
 */
export function buildLeadWeekModel(input: LeadModelInput): LeadWeekModel | undefined {
  const { state, week, need, cap } = input;
  const context = state.context;
  const fromSlot = week * context.slotsPerWeek;
  const weekEnd = Math.min(context.slotCount, (week + 1) * context.slotsPerWeek);
  const longest = Math.max(0, ...context.templates.map((template) => template.lengthSlots));
  const toSlot = Math.min(context.slotCount, weekEnd + longest);
  const leads = context.people.filter((person) => person.role === "lead" && (!input.people || input.people.has(person.index)));
  const weekCandidates = context.candidates.filter((candidate) => candidate.week === week);

  const choices: LeadChoice[] = [];
  const rowTerms = new Map<number, string[]>();
  const termsAt = (slot: number) => {
    if (slot < fromSlot || slot >= toSlot) return undefined;
    let terms = rowTerms.get(slot);
    if (!terms) rowTerms.set(slot, (terms = []));
    return terms;
  };
  const constraintRows: string[] = [];
  const binaries: string[] = [];
  const objective: string[] = [];

  for (const person of leads) {
    const tally = state.tallies[person.index];
    if (!tally) continue;
    const mine: LeadChoice[] = [];
    for (const candidate of weekCandidates) {
      if (candidate.regionIndex !== person.regionIndex || !person.templateIndexes.has(candidate.templateIndex)) continue;
      if (state.blocker(person, candidate, "lead") !== null) continue;
      const template = context.templates[candidate.templateIndex];
      if (!template) continue;
      const name = `z${choices.length}`;
      const choice: LeadChoice = { name, person, candidate, breakColumns: [] };
      for (let slot = candidate.startSlot; slot < candidate.endSlot; slot++) termsAt(slot)?.push(`+ ${name}`);
      binaries.push(name);
      objective.push(`+ ${LEAD_SHIFT_COST} ${name}`);
      template.breaks.forEach((rule, breakIndex) => {
        const columns = spreadOffsets(rule.offsetSlots, input.maxBreakOffsets).map((offset, offsetIndex) => ({ name: `y${choices.length}_${breakIndex}_${offsetIndex}`, offset }));
        choice.breakColumns.push(columns);
        for (const column of columns) {
          binaries.push(column.name);
          for (let step = 0; step < rule.lengthSlots; step++) termsAt(candidate.startSlot + column.offset + step)?.push(`- ${column.name}`);
        }
        constraintRows.push(` k${choices.length}_${breakIndex}: ${joinTerms(columns.map((column) => `+ ${column.name}`))} - ${name} = 0`);
      });
      // Breaks of one shift must not overlap one another.
      for (let first = 0; first < template.breaks.length; first++) {
        for (let second = first + 1; second < template.breaks.length; second++) {
          const a = template.breaks[first]!;
          const b = template.breaks[second]!;
          for (const left of choice.breakColumns[first] ?? []) {
            for (const right of choice.breakColumns[second] ?? []) {
              if (left.offset < right.offset + b.lengthSlots && right.offset < left.offset + a.lengthSlots) {
                constraintRows.push(` b${choices.length}_${left.name}_${right.name}: + ${left.name} + ${right.name} <= 1`);
              }
            }
          }
        }
      }
      choices.push(choice);
      mine.push(choice);
    }
    if (mine.length === 0) continue;
    const rowName = `p${person.index}`;
    constraintRows.push(...personRows(context, person, mine, rowName));
    const minutesLeft = person.maxMinutesPerWeek - (tally.weekMinutes[week] ?? 0);
    const daysLeft = person.maxDaysPerWeek - (tally.weekDays[week] ?? 0);
    constraintRows.push(` ${rowName}m: ${joinTerms(mine.map((choice) => `+ ${state.workedMinutes(choice.candidate)} ${choice.name}`))} <= ${minutesLeft}`);
    constraintRows.push(` ${rowName}n: ${joinTerms(mine.map((choice) => `+ ${choice.name}`))} <= ${daysLeft}`);
  }
  if (choices.length === 0) return undefined;

  const coverageRows: string[] = [];
  for (let slot = fromSlot; slot < toSlot; slot++) {
    const terms = rowTerms.get(slot) ?? [];
    const have = state.leadsOnDuty[slot] ?? 0;
    const needed = (need[slot] ?? 0) - have;
    const over = (cap[slot] ?? 0) - have;
    if (terms.length === 0) continue;
    if (needed > 0) {
      // v: the interval is breached (counted once, as the metric does); u: leads missing in it.
      binaries.push(`v${slot}`);
      objective.push(`+ ${LEAD_BREACH_COST} v${slot}`, `+ ${LEAD_DEFICIT_COST} u${slot}`);
      coverageRows.push(` c${slot}: ${joinTerms(terms)} + u${slot} >= ${needed}`);
      coverageRows.push(` e${slot}: + u${slot} - ${needed} v${slot} <= 0`);
    }
    objective.push(`+ ${LEAD_OVER_COST} o${slot}`);
    coverageRows.push(` d${slot}: ${joinTerms(terms)} - o${slot} <= ${Math.max(0, over)}`);
  }

  const lines = ["Minimize", ` obj: ${joinTerms(objective)}`, "Subject To", ...coverageRows, ...constraintRows, "Binary", joinTerms(binaries), "End"];
  return { lp: lines.join("\n"), choices };
}

/**
 * Places a solved lead model's shifts with the breaks it chose; returns the shifts placed.
 * @example applyLeadWeekModel(state, model, solution.values).length //=> 5
 */
export function applyLeadWeekModel(state: RosterState, model: LeadWeekModel, values: ReadonlyMap<string, number>): PlacedShift[] {
  const placed: PlacedShift[] = [];
  for (const choice of model.choices) {
    if ((values.get(choice.name) ?? 0) < 0.5) continue;
    // Rounding never makes a shift illegal: the model's rows are the same rules, but check anyway.
    if (state.blocker(choice.person, choice.candidate, "lead") !== null) continue;
    const breakOffsets = choice.breakColumns.map((columns) => {
      let best = columns[0];
      for (const column of columns) if ((values.get(column.name) ?? 0) > (values.get(best?.name ?? "") ?? -1)) best = column;
      return best?.offset ?? 0;
    });
    placed.push(state.add(choice.candidate, choice.person.index, "lead", { breakOffsets }));
  }
  return placed;
}
