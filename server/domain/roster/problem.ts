/**
 * The roster problem, format version 1 (see shared/formats/roster-problem.md), validated with zod.
 *
 * Parsing does two passes: zod checks shapes and single fields, then `checkCrossFields` checks
 * what needs the whole problem (requirement length, known regions and templates, windows that can
 * hold a shift). Every message starts with the field path, e.g. `regions[1].timeZone: ...`.
 */
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { DEFAULT_CONTRACT } from "./contract";

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** Local wall-clock time "HH:mm"; "24:00" is accepted as the end of a day. */
const LOCAL_TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Valid ISO instant, whether or not the app set luxon's `Settings.throwOnInvalid`. */
function isIsoInstant(value: string): boolean {
  try {
    return DateTime.fromISO(value, { setZone: true }).isValid;
  } catch {
    return false;
  }
}

const ZInstant = z.string().refine(isIsoInstant, {
  error: (issue) => `${JSON.stringify(issue.input)} is not an ISO-8601 instant such as "2026-03-23T00:00:00Z"`,
});

const ZWholeMinutes = (what: string) =>
  z.number({ error: `expected ${what} as a number of minutes` }).int({ error: `expected whole minutes` });

const ZLocalTime = z.string().regex(LOCAL_TIME_PATTERN, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a local time "HH:mm" (00:00 to 24:00)`,
});

export const ZRange = z.strictObject({ start: ZInstant, end: ZInstant });

export const ZRegion = z.strictObject({
  id: z.string().min(1),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
    error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone`,
  }),
  earliestStart: ZLocalTime,
  latestEnd: ZLocalTime,
});

export const ZBreakRule = z.strictObject({
  minutes: ZWholeMinutes("a break length").positive(),
  earliestAfterMinutes: ZWholeMinutes("an offset").nonnegative(),
  latestAfterMinutes: ZWholeMinutes("an offset").nonnegative(),
});

export const ZShiftTemplate = z.strictObject({
  id: z.string().min(1),
  minutes: ZWholeMinutes("a shift length")
    .positive()
    .max(MINUTES_PER_DAY, { error: (issue) => `${String(issue.input)} minutes is longer than a day (1440)` }),
  breaks: z.array(ZBreakRule).default([]),
  startStepMinutes: ZWholeMinutes("a start step").positive().optional(),
});

export const ZPerson = z.strictObject({
  id: z.string().min(1),
  role: z.enum(["agent", "lead"]),
  regionId: z.string().min(1),
  templateIds: z.array(z.string()).min(1, { error: "a person needs at least one template" }),
  maxMinutesPerWeek: ZWholeMinutes("a weekly maximum").nonnegative().default(DEFAULT_CONTRACT.maxMinutesPerWeek),
  minMinutesPerWeek: ZWholeMinutes("a weekly minimum").nonnegative().default(DEFAULT_CONTRACT.minMinutesPerWeek),
  maxDaysPerWeek: z.number().int().min(0).max(7).default(DEFAULT_CONTRACT.maxDaysPerWeek),
  minRestMinutes: ZWholeMinutes("a rest").nonnegative().default(DEFAULT_CONTRACT.minRestMinutes),
  unavailable: z.array(ZRange).default([]),
});

/**
 * Extension to format version 1: a shift a person must keep (a hand edit in the app).
 * `breaks` are optional start instants, one per template break; omitted breaks are placed by the solver.
 */
export const ZPinnedShift = z.strictObject({
  personId: z.string().min(1),
  templateId: z.string().min(1),
  start: ZInstant,
  breakStarts: z.array(ZInstant).optional(),
});

export const ZRosterProblem = z.strictObject({
  version: z.literal(1, { error: "expected version 1" }),
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)], {
    error: (issue) => `${JSON.stringify(issue.input)} is not one of 15, 30 or 60`,
  }),
  start: ZInstant,
  days: z.number().int().min(1).max(28),
  requirement: z.array(z.number().int().nonnegative({ error: "expected a whole number ≥ 0" })),
  regions: z.array(ZRegion).min(1, { error: "at least one region is needed" }),
  shiftTemplates: z.array(ZShiftTemplate).min(1, { error: "at least one shift template is needed" }),
  people: z.array(ZPerson).optional(),
  leadSpan: z.strictObject({ min: z.number().int().positive(), max: z.number().int().positive() }).optional(),
  timeLimitSeconds: z.number().positive().optional(),
  pinnedShifts: z.array(ZPinnedShift).optional(),
});

export type TRosterProblemInput = z.input<typeof ZRosterProblem>;
export type TRosterProblem = z.output<typeof ZRosterProblem>;
export type TRegion = TRosterProblem["regions"][number];
export type TShiftTemplate = TRosterProblem["shiftTemplates"][number];
export type TPerson = NonNullable<TRosterProblem["people"]>[number];
export type TPinnedShift = NonNullable<TRosterProblem["pinnedShifts"]>[number];

/** One problem with the input, named by its field path. */
export interface RosterInputIssue {
  path: string;
  message: string;
}

/** Bad input: `message` lists every issue, one per line, each starting with its field path. */
export class RosterInputError extends Error {
  readonly code = "INVALID_INPUT";
  constructor(readonly issues: RosterInputIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("\n"));
    this.name = "RosterInputError";
  }
}

/**
 * Field path as a reader writes it.
 * @example formatPath(["regions", 1, "timeZone"]) //=> "regions[1].timeZone"
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Minutes after midnight of a "HH:mm" local time.
 * @example parseLocalMinutes("07:30") //=> 450
 */
export function parseLocalMinutes(value: string): number {
  const [hours, minutes] = value.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * Length of a region's working window in minutes (1440 for round the clock).
 * @example windowLengthMinutes({ earliestStart: "22:00", latestEnd: "08:00" }) //=> 600
 */
export function windowLengthMinutes(region: Pick<TRegion, "earliestStart" | "latestEnd">): number {
  const start = parseLocalMinutes(region.earliestStart);
  const end = parseLocalMinutes(region.latestEnd);
  if (start % MINUTES_PER_DAY === end % MINUTES_PER_DAY) return MINUTES_PER_DAY;
  return (((end - start) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/**
 * Epoch milliseconds of an ISO instant, independent of the machine's zone.
 * @example instantMs("1970-01-01T00:01:00Z") //=> 60_000
 */
export function instantMs(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

function checkCrossFields(problem: TRosterProblem): RosterInputIssue[] {
  const issues: RosterInputIssue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ path: formatPath(path), message });
  const interval = problem.intervalMinutes;
  const slotCount = (problem.days * MINUTES_PER_DAY) / interval;
  const startMs = instantMs(problem.start);
  const endMs = startMs + problem.days * MINUTES_PER_DAY * 60_000;

  if (startMs % (interval * 60_000) !== 0) {
    add(["start"], `${problem.start} is not on a ${interval}-minute interval boundary`);
  }
  if (problem.requirement.length !== slotCount) {
    add(
      ["requirement"],
      `expected ${slotCount} values (${problem.days} days × 1440 / ${interval}), got ${problem.requirement.length}`,
    );
  }

  const regionIds = new Set<string>();
  problem.regions.forEach((region, index) => {
    if (regionIds.has(region.id)) add(["regions", index, "id"], `duplicate region id "${region.id}"`);
    regionIds.add(region.id);
    if (region.earliestStart === "24:00") {
      add(["regions", index, "earliestStart"], `"24:00" cannot start a window; use "00:00"`);
    }
  });

  const templateById = new Map<string, TShiftTemplate>();
  let shortestTemplateMinutes = Infinity;
  problem.shiftTemplates.forEach((template, index) => {
    if (templateById.has(template.id)) add(["shiftTemplates", index, "id"], `duplicate template id "${template.id}"`);
    templateById.set(template.id, template);
    shortestTemplateMinutes = Math.min(shortestTemplateMinutes, template.minutes);
    // Coverage is counted per interval, so a shift and its breaks must fill whole intervals.
    if (template.minutes % interval !== 0) {
      add(["shiftTemplates", index, "minutes"], `${template.minutes} is not a multiple of intervalMinutes (${interval})`);
    }
    const step = template.startStepMinutes ?? interval;
    if (step % interval !== 0) {
      add(["shiftTemplates", index, "startStepMinutes"], `${step} is not a multiple of intervalMinutes (${interval})`);
    }
    let breakMinutes = 0;
    template.breaks.forEach((rule, breakIndex) => {
      const path = ["shiftTemplates", index, "breaks", breakIndex];
      breakMinutes += rule.minutes;
      if (rule.minutes % interval !== 0) {
        add([...path, "minutes"], `${rule.minutes} is not a multiple of intervalMinutes (${interval})`);
      }
      if (rule.latestAfterMinutes < rule.earliestAfterMinutes) {
        add([...path, "latestAfterMinutes"], `${rule.latestAfterMinutes} is before earliestAfterMinutes (${rule.earliestAfterMinutes})`);
      } else if (Math.ceil(rule.earliestAfterMinutes / interval) * interval > rule.latestAfterMinutes) {
        add([...path], `no ${interval}-minute interval boundary between ${rule.earliestAfterMinutes} and ${rule.latestAfterMinutes} minutes`);
      }
      if (Math.ceil(rule.earliestAfterMinutes / interval) * interval + rule.minutes > template.minutes) {
        add([...path], `the break cannot end inside the ${template.minutes}-minute shift`);
      }
    });
    if (breakMinutes >= template.minutes) {
      add(["shiftTemplates", index, "breaks"], `breaks (${breakMinutes} minutes) leave no working time`);
    }
  });

  problem.regions.forEach((region, index) => {
    // A window shorter than every template can never hold a shift: treat it as contradictory input.
    const length = windowLengthMinutes(region);
    if (length < shortestTemplateMinutes) {
      add(
        ["regions", index, "latestEnd"],
        `the window ${region.earliestStart}–${region.latestEnd} (${length} minutes) is too short for any shift template (shortest ${shortestTemplateMinutes} minutes)`,
      );
    }
  });

  if (problem.leadSpan && problem.leadSpan.min > problem.leadSpan.max) {
    add(["leadSpan", "min"], `${problem.leadSpan.min} is above leadSpan.max (${problem.leadSpan.max})`);
  }

  const personById = new Map<string, TPerson>();
  (problem.people ?? []).forEach((person, index) => {
    if (personById.has(person.id)) add(["people", index, "id"], `duplicate person id "${person.id}"`);
    personById.set(person.id, person);
    if (!regionIds.has(person.regionId)) {
      add(["people", index, "regionId"], `unknown region "${person.regionId}"`);
    }
    person.templateIds.forEach((templateId, templateIndex) => {
      if (!templateById.has(templateId)) add(["people", index, "templateIds", templateIndex], `unknown template id "${templateId}"`);
    });
    if (person.minMinutesPerWeek > person.maxMinutesPerWeek) {
      add(["people", index, "minMinutesPerWeek"], `${person.minMinutesPerWeek} is above maxMinutesPerWeek (${person.maxMinutesPerWeek})`);
    }
    person.unavailable.forEach((range, rangeIndex) => {
      if (instantMs(range.end) <= instantMs(range.start)) {
        add(["people", index, "unavailable", rangeIndex, "end"], `${range.end} is not after start ${range.start}`);
      }
    });
  });

  (problem.pinnedShifts ?? []).forEach((pinned, index) => {
    const path = ["pinnedShifts", index];
    const person = personById.get(pinned.personId);
    if (!person) add([...path, "personId"], `unknown person "${pinned.personId}"`);
    const template = templateById.get(pinned.templateId);
    if (!template) {
      add([...path, "templateId"], `unknown template id "${pinned.templateId}"`);
      return;
    }
    const pinnedMs = instantMs(pinned.start);
    if ((pinnedMs - startMs) % (interval * 60_000) !== 0) {
      add([...path, "start"], `${pinned.start} is not on a ${interval}-minute interval boundary`);
    }
    if (pinnedMs < startMs || pinnedMs + template.minutes * 60_000 > endMs) {
      add([...path, "start"], `the shift starting ${pinned.start} does not lie inside the horizon`);
    }
    if (pinned.breakStarts && pinned.breakStarts.length !== template.breaks.length) {
      add([...path, "breakStarts"], `expected ${template.breaks.length} break starts for template "${template.id}", got ${pinned.breakStarts.length}`);
    } else {
      // A hand-placed break may leave its offset range (the checker reports that), but it must lie
      // inside the shift and on the grid, or coverage would be counted outside the shift.
      pinned.breakStarts?.forEach((breakStart, breakIndex) => {
        const offsetMs = instantMs(breakStart) - pinnedMs;
        const lengthMs = (template.breaks[breakIndex]?.minutes ?? 0) * 60_000;
        if (offsetMs % (interval * 60_000) !== 0 || offsetMs < 0 || offsetMs + lengthMs > template.minutes * 60_000) {
          add([...path, "breakStarts", breakIndex], `${breakStart} is not an interval boundary inside the shift starting ${pinned.start}`);
        }
      });
    }
  });
  return issues;
}

/**
 * Reads a roster problem: validates it and fills the defaults, or throws a RosterInputError whose
 * message names every bad field.
 * @example parseRosterProblem(JSON.parse(text)).intervalMinutes //=> 30
 * @throws RosterInputError e.g. `regions[1].timeZone: "Mars/Base" is not an IANA time zone`
 */
export function parseRosterProblem(input: unknown): TRosterProblem {
  const parsed = ZRosterProblem.safeParse(input);
  if (!parsed.success) {
    throw new RosterInputError(parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  }
  const issues = checkCrossFields(parsed.data);
  if (issues.length > 0) throw new RosterInputError(issues);
  return parsed.data;
}
