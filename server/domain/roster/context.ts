/**
 * The problem turned into slots: intervals are numbered from 0 at `start`, shifts become
 * (region, template, start slot) candidates that lie wholly inside one working window.
 */
import { MINUTES_PER_DAY, instantMs, type TPerson, type TRosterProblem } from "./problem";
import { localFacts } from "../time/local-days";
import type { InstantRange } from "../time/ranges";
import { regionWindows } from "../time/windows";

export type Role = "agent" | "lead";

export interface BreakSlots {
  /** Length of the break in slots. */
  lengthSlots: number;
  /** Allowed offsets from the shift start, in slots, ascending. */
  offsetSlots: number[];
}

export interface TemplateInfo {
  index: number;
  id: string;
  minutes: number;
  lengthSlots: number;
  workedMinutes: number;
  stepSlots: number;
  breaks: BreakSlots[];
}

export interface RegionInfo {
  index: number;
  id: string;
  timeZone: string;
  windows: InstantRange[];
}

/** A shift that may be worked: region, template and start, with its local facts. */
export interface Candidate {
  index: number;
  regionIndex: number;
  templateIndex: number;
  startSlot: number;
  endSlot: number;
  /** Week of the horizon the shift belongs to (by its start instant). */
  week: number;
  localDate: string;
  dayNumber: number;
  startMinuteOfDay: number;
  weekend: boolean;
}

export interface PersonInfo {
  index: number;
  id: string;
  role: Role;
  regionIndex: number;
  templateIndexes: Set<number>;
  maxMinutesPerWeek: number;
  minMinutesPerWeek: number;
  maxDaysPerWeek: number;
  minRestSlots: number;
  minRestMinutes: number;
  /** Unavailable ranges as half-open slot ranges (a partial slot blocks the whole slot). */
  unavailableSlots: Array<[number, number]>;
}

export interface RosterContext {
  problem: TRosterProblem;
  intervalMinutes: number;
  slotCount: number;
  startMs: number;
  weekCount: number;
  slotsPerWeek: number;
  regions: RegionInfo[];
  templates: TemplateInfo[];
  people: PersonInfo[];
  designMode: boolean;
  candidates: Candidate[];
  /**
   * Legal shifts of every (region, template) pair, whether or not anyone holds the template:
   * used to tell "no window covers this time" from "nobody can work it".
   */
  allCandidates: Candidate[];
  /** Candidate indexes per region and template. */
  candidatesByRegionTemplate: Map<string, number[]>;
}

/**
 * Slot index of an instant (may be fractional when off the grid).
 * @example slotOf({ startMs: 0, intervalMinutes: 30 }, 5_400_000) //=> 3
 */
export function slotOf(context: Pick<RosterContext, "startMs" | "intervalMinutes">, ms: number): number {
  return (ms - context.startMs) / (context.intervalMinutes * 60_000);
}

/**
 * Epoch milliseconds of a slot boundary.
 * @example slotMs({ startMs: 0, intervalMinutes: 30 }, 3) //=> 5_400_000
 */
export function slotMs(context: Pick<RosterContext, "startMs" | "intervalMinutes">, slot: number): number {
  return context.startMs + slot * context.intervalMinutes * 60_000;
}

function toPersonInfo(person: TPerson, index: number, problem: TRosterProblem, startMs: number): PersonInfo {
  const interval = problem.intervalMinutes;
  const slotLengthMs = interval * 60_000;
  return {
    index,
    id: person.id,
    role: person.role,
    regionIndex: problem.regions.findIndex((region) => region.id === person.regionId),
    templateIndexes: new Set(person.templateIds.map((id) => problem.shiftTemplates.findIndex((template) => template.id === id))),
    maxMinutesPerWeek: person.maxMinutesPerWeek,
    minMinutesPerWeek: person.minMinutesPerWeek,
    maxDaysPerWeek: person.maxDaysPerWeek,
    minRestMinutes: person.minRestMinutes,
    minRestSlots: Math.ceil(person.minRestMinutes / interval),
    unavailableSlots: person.unavailable.map((range) => [
      Math.floor((instantMs(range.start) - startMs) / slotLengthMs),
      Math.ceil((instantMs(range.end) - startMs) / slotLengthMs),
    ]),
  };
}

/**
 * Key for candidatesByRegionTemplate.
 * @example regionTemplateKey(0, 1) //=> "0:1"
 */
export function regionTemplateKey(regionIndex: number, templateIndex: number): string {
  return `${regionIndex}:${templateIndex}`;
}

/**
 * Builds slots, windows and every legal shift candidate of a validated problem.
 * A candidate starts on its template's step (counted from `start`), lies wholly inside one window
 * of its region and inside the horizon.
 * @example buildRosterContext(parseRosterProblem(json)).candidates.length //=> 224
 */
export function buildRosterContext(problem: TRosterProblem): RosterContext {
  const interval = problem.intervalMinutes;
  const startMs = instantMs(problem.start);
  const slotCount = (problem.days * MINUTES_PER_DAY) / interval;
  const endMs = startMs + problem.days * MINUTES_PER_DAY * 60_000;
  const slotsPerWeek = (7 * MINUTES_PER_DAY) / interval;
  const base = { startMs, intervalMinutes: interval };

  const regions: RegionInfo[] = problem.regions.map((region, index) => ({
    index,
    id: region.id,
    timeZone: region.timeZone,
    windows: regionWindows(region, startMs, endMs),
  }));
  const templates: TemplateInfo[] = problem.shiftTemplates.map((template, index) => {
    const breakMinutes = template.breaks.reduce((sum, rule) => sum + rule.minutes, 0);
    return {
      index,
      id: template.id,
      minutes: template.minutes,
      lengthSlots: template.minutes / interval,
      workedMinutes: template.minutes - breakMinutes,
      stepSlots: (template.startStepMinutes ?? interval) / interval,
      breaks: template.breaks.map((rule) => {
        const offsetSlots: number[] = [];
        for (let offset = Math.ceil(rule.earliestAfterMinutes / interval); offset * interval <= rule.latestAfterMinutes; offset++) {
          if (offset * interval + rule.minutes <= template.minutes) offsetSlots.push(offset);
        }
        return { lengthSlots: rule.minutes / interval, offsetSlots };
      }),
    };
  });
  const designMode = problem.people === undefined;
  const people = (problem.people ?? []).map((person, index) => toPersonInfo(person, index, problem, startMs));

  // Templates each region may use: any in design mode, else those some person of the region holds.
  const usable = new Set<string>();
  for (const region of regions) {
    for (const template of templates) {
      if (designMode || people.some((person) => person.regionIndex === region.index && person.templateIndexes.has(template.index))) {
        usable.add(regionTemplateKey(region.index, template.index));
      }
    }
  }

  const candidates: Candidate[] = [];
  const allCandidates: Candidate[] = [];
  const candidatesByRegionTemplate = new Map<string, number[]>();
  for (const region of regions) {
    for (const template of templates) {
      const key = regionTemplateKey(region.index, template.index);
      const list: number[] = [];
      candidatesByRegionTemplate.set(key, list);
      const isUsable = usable.has(key);
      const seen = new Set<number>();
      for (const window of region.windows) {
        const first = Math.ceil(slotOf(base, window.startMs) / template.stepSlots - 1e-9) * template.stepSlots;
        const lastEnd = Math.floor(slotOf(base, window.endMs) + 1e-9);
        for (let startSlot = Math.max(0, first); startSlot + template.lengthSlots <= Math.min(lastEnd, slotCount); startSlot += template.stepSlots) {
          if (seen.has(startSlot)) continue;
          seen.add(startSlot);
          const facts = localFacts(slotMs(base, startSlot), region.timeZone);
          const candidate: Candidate = {
            index: isUsable ? candidates.length : -1,
            regionIndex: region.index,
            templateIndex: template.index,
            startSlot,
            endSlot: startSlot + template.lengthSlots,
            week: Math.floor(startSlot / slotsPerWeek),
            localDate: facts.date,
            dayNumber: facts.dayNumber,
            startMinuteOfDay: facts.minuteOfDay,
            weekend: facts.weekend,
          };
          allCandidates.push(candidate);
          if (!isUsable) continue;
          list.push(candidate.index);
          candidates.push(candidate);
        }
      }
    }
  }

  return {
    problem,
    intervalMinutes: interval,
    slotCount,
    startMs,
    weekCount: Math.ceil(problem.days / 7),
    slotsPerWeek,
    regions,
    templates,
    people,
    designMode,
    candidates,
    allCandidates,
    candidatesByRegionTemplate,
  };
}

/**
 * A candidate-like shift for any (region, template, start slot), whether or not it is legal:
 * used for pinned shifts, which the solver keeps as given.
 * @example describeShift(context, 0, 0, 14).localDate //=> "2026-03-23"
 */
export function describeShift(context: RosterContext, regionIndex: number, templateIndex: number, startSlot: number): Candidate {
  const region = context.regions[regionIndex];
  const template = context.templates[templateIndex];
  if (!region || !template) throw new Error(`unknown region ${regionIndex} or template ${templateIndex}`);
  const facts = localFacts(slotMs(context, startSlot), region.timeZone);
  return {
    index: -1,
    regionIndex,
    templateIndex,
    startSlot,
    endSlot: startSlot + template.lengthSlots,
    week: Math.floor(startSlot / context.slotsPerWeek),
    localDate: facts.date,
    dayNumber: facts.dayNumber,
    startMinuteOfDay: facts.minuteOfDay,
    weekend: facts.weekend,
  };
}
