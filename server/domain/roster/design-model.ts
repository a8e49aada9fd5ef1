/**
 * The shift-design model as CPLEX LP text, and the decoding of its solution.
 *
 * Columns: x_c = how many shifts of candidate c; for each break b of c's template and each allowed
 * offset k, y_c_b_k = how many of those shifts take break b at offset k, linked by Σ_k y = x.
 * Rows, per interval t: Σ x covering t − Σ y whose break covers t + u_t − o_t = requirement_t, where
 * u_t (shortage) costs far more than o_t (excess). Splitting starts from break placement keeps the
 * matrix sparse: a start touches each interval of its shift once, a break placement only its own
 * intervals.
 */
import type { Candidate, Role, RosterContext } from "./context";

/** Cost of one interval of shortage relative to one interval of excess. */
export const SHORTAGE_COST = 1000;

export interface DesignColumn {
  candidate: Candidate;
  /** Fixed count (pinned or already decided shifts); free when undefined. */
  fixedCount?: number;
}

export interface DesignModelInput {
  context: RosterContext;
  role: Role;
  columns: DesignColumn[];
  /** Intervals [fromSlot, toSlot) that get coverage rows. */
  fromSlot: number;
  toSlot: number;
  /** Needed on task (agents) or on duty (leads) per slot. */
  requirement: ArrayLike<number>;
  /** Coverage above this costs as excess (the requirement for agents, the over-supervision line for leads). */
  cap: ArrayLike<number>;
  /**
   * true: every interval some column can cover must be covered (no shortage variables): the
   * relaxation then bounds the excess of any plan that covers the requirement.
   */
  forbidShortage: boolean;
  integer: boolean;
  /** Keep at most this many offsets per break (evenly spread) to keep the model small. */
  maxBreakOffsets?: number;
  /**
   * People mode: aggregate limits the people put on the week's shifts (Σ weight·x ≤ limit over the
   * matching columns of `week`), e.g. a region's weekly minutes or the people holding a template.
   */
  capacity?: { week: number; rows: CapacityRow[] };
}

/** One aggregate limit: Σ weight(c)·x_c ≤ limit over the columns it matches. */
export interface CapacityRow {
  limit: number;
  matches: (candidate: Candidate) => boolean;
  /** Coefficient per shift (default 1), e.g. worked minutes. */
  weight?: (candidate: Candidate) => number;
}

export interface DesignModel {
  lp: string;
  /** Column name of x for each input column, in input order. */
  columnNames: string[];
  /** Slots given a coverage row. */
  rowSlots: number[];
}

function spreadOffsets(offsets: number[], limit: number | undefined): number[] {
  if (limit === undefined || offsets.length <= limit) return offsets;
  if (limit <= 1) return [offsets[Math.floor(offsets.length / 2)] ?? 0];
  const picked = new Set<number>();
  for (let index = 0; index < limit; index++) {
    picked.add(offsets[Math.round((index * (offsets.length - 1)) / (limit - 1))] ?? 0);
  }
  return [...picked];
}

/** Breaks lines so no LP line grows unbounded (readers cope better with short lines). */
function joinTerms(terms: string[]): string {
  const lines: string[] = [];
  for (let index = 0; index < terms.length; index += 12) lines.push(terms.slice(index, index + 12).join(" "));
  return lines.join("\n   ");
}

/**
 * Slots where some column can put someone on task: covered by a shift whose every break has an
 * offset away from the slot. Shortage there is a choice; elsewhere it is forced.
 * @example coverableSlots(context, context.candidates.map((candidate) => ({ candidate })))[0] //=> 0
 */
export function coverableSlots(context: RosterContext, columns: readonly { candidate: Candidate }[], slotCount = context.slotCount): Uint8Array {
  const coverable = new Uint8Array(slotCount);
  for (const { candidate } of columns) {
    const template = context.templates[candidate.templateIndex];
    if (!template) continue;
    for (let slot = Math.max(0, candidate.startSlot); slot < Math.min(candidate.endSlot, slotCount); slot++) {
      if (coverable[slot]) continue;
      const offset = slot - candidate.startSlot;
      const breakFree = template.breaks.every((rule) => rule.offsetSlots.some((start) => offset < start || offset >= start + rule.lengthSlots));
      if (breakFree) coverable[slot] = 1;
    }
  }
  return coverable;
}

/**
 * Builds the design model for one role over a range of intervals.
 * @example
 * const model = buildDesignModel({ context, role: "agent", columns, fromSlot: 0, toSlot: 48,
 *   requirement, cap: requirement, forbidShortage: false, integer: true });
 * model.lp.startsWith("Minimize") //=> true
 */
export function buildDesignModel(input: DesignModelInput): DesignModel {
  const { context, columns, fromSlot, toSlot, requirement, cap } = input;
  const rowTerms = new Map<number, string[]>();
  const termsAt = (slot: number): string[] | undefined => {
    if (slot < fromSlot || slot >= toSlot) return undefined;
    let terms = rowTerms.get(slot);
    if (!terms) {
      terms = [];
      rowTerms.set(slot, terms);
    }
    return terms;
  };
  const linkRows: string[] = [];
  const bounds: string[] = [];
  const generals: string[] = [];
  const columnNames: string[] = [];
  const continuous: string[] = [];

  columns.forEach((column, columnIndex) => {
    const name = `x${columnIndex}`;
    columnNames.push(name);
    const { candidate } = column;
    const template = context.templates[candidate.templateIndex];
    if (!template) return;
    for (let slot = candidate.startSlot; slot < candidate.endSlot; slot++) termsAt(slot)?.push(`+ ${name}`);
    if (column.fixedCount !== undefined) bounds.push(` ${name} = ${column.fixedCount}`);
    else if (input.integer) generals.push(name);
    template.breaks.forEach((rule, breakIndex) => {
      const offsets = column.fixedCount !== undefined ? rule.offsetSlots : spreadOffsets(rule.offsetSlots, input.maxBreakOffsets);
      const link: string[] = [];
      offsets.forEach((offset, offsetIndex) => {
        const yName = `y${columnIndex}_${breakIndex}_${offsetIndex}`;
        continuous.push(yName);
        link.push(`+ ${yName}`);
        for (let slot = 0; slot < rule.lengthSlots; slot++) termsAt(candidate.startSlot + offset + slot)?.push(`- ${yName}`);
      });
      linkRows.push(` k${columnIndex}_${breakIndex}: ${joinTerms(link)} - ${name} = 0`);
    });
  });

  const objective: string[] = [];
  const coverageRows: string[] = [];
  const rowSlots = [...rowTerms.keys()].sort((a, b) => a - b);
  const coverable = input.forbidShortage ? coverableSlots(context, columns) : undefined;
  const usedRowSlots: number[] = [];
  for (const slot of rowSlots) {
    const terms = rowTerms.get(slot) ?? [];
    const need = requirement[slot] ?? 0;
    const over = cap[slot] ?? need;
    const mayShort = !input.forbidShortage;
    if (input.forbidShortage && !coverable?.[slot]) {
      // Nobody can be on task here in any plan: only the excess line matters, if anyone is on shift.
      coverageRows.push(` c${slot}: ${joinTerms(terms)} - o${slot} <= ${over}`);
      objective.push(`+ 1 o${slot}`);
      usedRowSlots.push(slot);
      continue;
    }
    usedRowSlots.push(slot);
    objective.push(`+ 1 o${slot}`);
    if (mayShort) objective.push(`+ ${SHORTAGE_COST} u${slot}`);
    const shortTerm = mayShort ? ` + u${slot}` : "";
    if (over === need) {
      coverageRows.push(` c${slot}: ${joinTerms(terms)}${shortTerm} - o${slot} = ${need}`);
    } else {
      coverageRows.push(` c${slot}: ${joinTerms(terms)}${shortTerm} >= ${need}`);
      coverageRows.push(` d${slot}: ${joinTerms(terms)} - o${slot} <= ${over}`);
    }
  }

  const capacityRows: string[] = [];
  if (input.capacity) {
    const { week, rows } = input.capacity;
    rows.forEach((row, rowIndex) => {
      const terms: string[] = [];
      columns.forEach((column, columnIndex) => {
        // Shifts of other weeks (fixed columns carried over) do not use this week's capacity.
        if (column.candidate.week !== week || !row.matches(column.candidate)) return;
        terms.push(`+ ${row.weight?.(column.candidate) ?? 1} x${columnIndex}`);
      });
      if (terms.length > 0) capacityRows.push(` w${rowIndex}: ${joinTerms(terms)} <= ${row.limit}`);
    });
  }

  const lines = [
    "Minimize",
    ` obj: ${objective.length > 0 ? joinTerms(objective) : "0 x0"}`,
    "Subject To",
    ...coverageRows,
    ...linkRows,
    ...capacityRows,
  ];
  if (bounds.length > 0) lines.push("Bounds", ...bounds);
  if (generals.length > 0) lines.push("General", joinTerms(generals.map((name) => name)));
  lines.push("End");
  return { lp: lines.join("\n"), columnNames, rowSlots: usedRowSlots };
}

/**
 * Shift counts per input column from a solution's values (rounded: the MIP gives whole numbers, a
 * relaxation rounded here is repaired afterwards).
 * @example decodeDesignCounts(model, new Map([["x0", 2], ["x1", 0.9999]])) //=> [2, 1]
 */
export function decodeDesignCounts(model: DesignModel, values: ReadonlyMap<string, number>): number[] {
  return model.columnNames.map((name) => Math.max(0, Math.round(values.get(name) ?? 0)));
}

/**
 * The same model without its integrality section: its LP relaxation. (HiGHS's `solver: "simplex"`
 * option does not reliably skip branch-and-bound on a model with integers, so the text is cut.)
 * @example relaxedLp("Minimize\n obj: x\nSubject To\n c: x >= 1\nGeneral\n x\nEnd") //=> "Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd"
 */
export function relaxedLp(lp: string): string {
  const at = lp.lastIndexOf("\nGeneral\n");
  return at < 0 ? lp : `${lp.slice(0, at)}\nEnd`;
}
