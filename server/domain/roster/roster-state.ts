/**
 * A roster being built: placed shifts, per-interval coverage and per-person tallies, with the
 * eligibility test every heuristic uses so that no step can break a person's rules.
 */
import type { Candidate, PersonInfo, Role, RosterContext } from "./context";

export interface PlacedShift {
  id: number;
  candidate: Candidate;
  /** null in design mode (an unnamed person from the region's pool). */
  personIndex: number | null;
  role: Role;
  /** Break start offsets from the shift start, in slots, one per template break. */
  breakOffsets: number[];
  pinned: boolean;
  /** Breaks fixed by a pinned shift: never re-placed. */
  breaksFixed: boolean;
}

/** Why a person cannot take a shift (null: they can). */
export type Blocker = "role" | "region" | "template" | "absent" | "same-day" | "rest" | "weekly-minutes" | "weekly-days";

interface PersonTally {
  shifts: PlacedShift[];
  dates: Set<string>;
  weekMinutes: number[];
  weekDays: number[];
  weekendShifts: number;
  totalMinutes: number;
}

export class RosterState {
  readonly shifts = new Map<number, PlacedShift>();
  /** Agents on task per slot. */
  readonly agentsOnTask: Int32Array;
  /** Leads on duty per slot. */
  readonly leadsOnDuty: Int32Array;
  readonly tallies: PersonTally[];
  private nextId = 0;

  constructor(readonly context: RosterContext) {
    this.agentsOnTask = new Int32Array(context.slotCount);
    this.leadsOnDuty = new Int32Array(context.slotCount);
    this.tallies = context.people.map(() => ({
      shifts: [],
      dates: new Set<string>(),
      weekMinutes: new Array<number>(context.weekCount).fill(0),
      weekDays: new Array<number>(context.weekCount).fill(0),
      weekendShifts: 0,
      totalMinutes: 0,
    }));
  }

  /** The per-slot array a role's shifts count towards. */
  coverageOf(role: Role): Int32Array {
    return role === "agent" ? this.agentsOnTask : this.leadsOnDuty;
  }

  workedMinutes(candidate: Candidate): number {
    return this.context.templates[candidate.templateIndex]?.workedMinutes ?? 0;
  }

  /** Adds (+1) or removes (−1) a shift's on-task slots from its role's coverage. */
  private applyCoverage(shift: PlacedShift, sign: 1 | -1): void {
    const coverage = this.coverageOf(shift.role);
    const { startSlot, endSlot } = shift.candidate;
    for (let slot = Math.max(0, startSlot); slot < Math.min(endSlot, coverage.length); slot++) coverage[slot]! += sign;
    this.forEachBreakSlot(shift, (slot) => {
      if (slot >= 0 && slot < coverage.length) coverage[slot]! -= sign;
    });
  }

  /** Calls fn for each slot inside a break of the shift. */
  forEachBreakSlot(shift: PlacedShift, fn: (slot: number) => void): void {
    const template = this.context.templates[shift.candidate.templateIndex];
    if (!template) return;
    template.breaks.forEach((rule, index) => {
      const offset = shift.breakOffsets[index] ?? rule.offsetSlots[0] ?? 0;
      for (let slot = 0; slot < rule.lengthSlots; slot++) fn(shift.candidate.startSlot + offset + slot);
    });
  }

  /** Default break offsets: the middle allowed offset of each break. */
  defaultBreakOffsets(candidate: Candidate): number[] {
    const template = this.context.templates[candidate.templateIndex];
    return (template?.breaks ?? []).map((rule) => rule.offsetSlots[Math.floor((rule.offsetSlots.length - 1) / 2)] ?? 0);
  }

  add(candidate: Candidate, personIndex: number | null, role: Role, options: { pinned?: boolean; breakOffsets?: number[] } = {}): PlacedShift {
    const shift: PlacedShift = {
      id: this.nextId++,
      candidate,
      personIndex,
      role,
      breakOffsets: options.breakOffsets ?? this.defaultBreakOffsets(candidate),
      pinned: options.pinned ?? false,
      breaksFixed: options.pinned === true && options.breakOffsets !== undefined,
    };
    this.shifts.set(shift.id, shift);
    this.applyCoverage(shift, 1);
    if (personIndex !== null) {
      const tally = this.tallies[personIndex];
      if (tally) {
        const minutes = this.workedMinutes(candidate);
        const position = tally.shifts.findIndex((other) => other.candidate.startSlot > candidate.startSlot);
        if (position < 0) tally.shifts.push(shift);
        else tally.shifts.splice(position, 0, shift);
        tally.dates.add(candidate.localDate);
        if (candidate.week < tally.weekMinutes.length) {
          tally.weekMinutes[candidate.week]! += minutes;
          tally.weekDays[candidate.week]! += 1;
        }
        if (candidate.weekend) tally.weekendShifts += 1;
        tally.totalMinutes += minutes;
      }
    }
    return shift;
  }

  remove(shift: PlacedShift): void {
    if (!this.shifts.delete(shift.id)) return;
    this.applyCoverage(shift, -1);
    if (shift.personIndex === null) return;
    const tally = this.tallies[shift.personIndex];
    if (!tally) return;
    const candidate = shift.candidate;
    const minutes = this.workedMinutes(candidate);
    tally.shifts = tally.shifts.filter((other) => other.id !== shift.id);
    if (!tally.shifts.some((other) => other.candidate.localDate === candidate.localDate)) tally.dates.delete(candidate.localDate);
    if (candidate.week < tally.weekMinutes.length) {
      tally.weekMinutes[candidate.week]! -= minutes;
      tally.weekDays[candidate.week]! -= 1;
    }
    if (candidate.weekend) tally.weekendShifts -= 1;
    tally.totalMinutes -= minutes;
  }

  /** Moves a shift's breaks, keeping coverage in step. */
  setBreakOffsets(shift: PlacedShift, offsets: number[]): void {
    this.applyCoverage(shift, -1);
    shift.breakOffsets = offsets;
    this.applyCoverage(shift, 1);
  }

  /**
   * Why the person cannot work the candidate shift, or null when they can.
   * Checks, in order: role, region, template, absences, one shift per local day, rest (and no
   * overlap), weekly minutes, weekly days.
   */
  blocker(person: PersonInfo, candidate: Candidate, role: Role): Blocker | null {
    if (person.role !== role) return "role";
    if (person.regionIndex !== candidate.regionIndex) return "region";
    if (!person.templateIndexes.has(candidate.templateIndex)) return "template";
    for (const [from, to] of person.unavailableSlots) {
      if (from < candidate.endSlot && to > candidate.startSlot) return "absent";
    }
    const tally = this.tallies[person.index];
    if (!tally) return "region";
    if (tally.dates.has(candidate.localDate)) return "same-day";
    for (const other of tally.shifts) {
      const gapSlots =
        other.candidate.startSlot >= candidate.startSlot
          ? other.candidate.startSlot - candidate.endSlot
          : candidate.startSlot - other.candidate.endSlot;
      if (gapSlots < person.minRestSlots || gapSlots < 0) return "rest";
    }
    const week = candidate.week;
    if ((tally.weekMinutes[week] ?? 0) + this.workedMinutes(candidate) > person.maxMinutesPerWeek) return "weekly-minutes";
    if ((tally.weekDays[week] ?? 0) + 1 > person.maxDaysPerWeek) return "weekly-days";
    return null;
  }

  /** Shifts of a role, in start order. */
  shiftsOf(role: Role): PlacedShift[] {
    return [...this.shifts.values()].filter((shift) => shift.role === role).sort((a, b) => a.candidate.startSlot - b.candidate.startSlot);
  }
}
