/**
 * Small problems for the roster tests (domain, solver and command line).
 */
import { DateTime } from "luxon";
import { MINUTES_PER_DAY, instantMs, type TRosterProblemInput } from "./problem";

/**
 * A requirement of `days` days at `intervalMinutes`: `value(hour of day counted from the horizon start, slot)` agents per interval.
 * @example requirementOf(1, 60, (hour) => (hour < 2 ? 1 : 0)).slice(0, 3) //=> [1, 1, 0]
 */
export function requirementOf(days: number, intervalMinutes: number, value: (hourUtc: number, slot: number) => number): number[] {
  return Array.from({ length: (days * MINUTES_PER_DAY) / intervalMinutes }, (_, slot) => value(((slot * intervalMinutes) % MINUTES_PER_DAY) / 60, slot));
}

/**
 * One region (Europe/Dublin 07:00–23:00), one 8-hour template with a 30-minute break, three agents,
 * one day from Monday 2026-03-23, 2 agents needed 09:00–17:00 UTC. Override anything.
 * @example problemOf({ days: 2 }).requirement.length //=> 96
 */
export function problemOf(overrides: Partial<TRosterProblemInput> = {}): TRosterProblemInput {
  const days = overrides.days ?? 1;
  const intervalMinutes = overrides.intervalMinutes ?? 30;
  return {
    version: 1,
    intervalMinutes,
    start: "2026-03-23T00:00:00Z",
    days,
    requirement: requirementOf(days, intervalMinutes, (hour) => (hour >= 9 && hour < 17 ? 2 : 0)),
    regions: [{ id: "emea", timeZone: "Europe/Dublin", earliestStart: "07:00", latestEnd: "23:00" }],
    shiftTemplates: [{ id: "d8", minutes: 480, breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }] }],
    people: [
      { id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"] },
      { id: "a2", role: "agent", regionId: "emea", templateIds: ["d8"] },
      { id: "a3", role: "agent", regionId: "emea", templateIds: ["d8"] },
    ],
    timeLimitSeconds: 10,
    ...overrides,
  };
}

/** Zones with clock changes, a half-hour and a 45-minute offset, and one across the date line. */
const ZONES = ["Europe/Dublin", "Europe/Berlin", "America/New_York", "America/Chicago", "Asia/Kolkata", "Pacific/Chatham", "Pacific/Auckland", "Asia/Manila"];
/** Starts that put clock changes inside short horizons. */
const STARTS = ["2026-03-28T00:00:00Z", "2026-10-24T00:00:00Z", "2026-03-07T00:00:00Z", "2026-10-31T00:00:00Z", "2026-04-04T00:00:00Z", "2026-06-01T00:00:00Z"];
const WINDOWS: Array<[string, string]> = [["07:00", "23:00"], ["22:00", "08:00"], ["00:00", "00:00"], ["06:00", "18:00"], ["12:00", "04:00"]];

/** A deterministic pseudo-random source for problem generators (fast-check supplies the seed). */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/**
 * A tiny random problem: 1–2 days, 1–2 regions, up to 5 people (none: design mode), random
 * absences, windows that wrap or run round the clock, starts on clock-change weekends.
 * @example randomSmallProblem(42).days //=> 2
 */
export function randomSmallProblem(seed: number): TRosterProblemInput {
  const random = randomFrom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const intervalMinutes = pick([30, 60] as const);
  const days = 1 + Math.floor(random() * 2);
  const regionCount = 1 + Math.floor(random() * 2);
  const regions = Array.from({ length: regionCount }, (_, index) => {
    const [earliestStart, latestEnd] = pick(WINDOWS);
    return { id: `r${index}`, timeZone: pick(ZONES), earliestStart, latestEnd };
  });
  const shiftTemplates = [
    { id: "t8", minutes: 480, breaks: [{ minutes: intervalMinutes, earliestAfterMinutes: 120, latestAfterMinutes: 300 }] },
    { id: "t4", minutes: 240, breaks: [] },
  ];
  const start = pick(STARTS);
  const startMs = instantMs(start);
  const isoAt = (hours: number) => DateTime.fromMillis(startMs + hours * 3_600_000, { zone: "utc" }).toISO() ?? start;
  const designMode = random() < 0.2;
  const people = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, index) => {
    const absenceStartHours = Math.floor(random() * days * 24);
    return {
      id: `p${index}`,
      role: random() < 0.2 ? ("lead" as const) : ("agent" as const),
      regionId: pick(regions).id,
      templateIds: random() < 0.5 ? ["t8"] : ["t8", "t4"],
      maxMinutesPerWeek: pick([480, 900, 2400]),
      maxDaysPerWeek: pick([1, 2, 5]),
      minRestMinutes: pick([0, 660, 720]),
      unavailable:
        random() < 0.4
          ? [{ start: isoAt(absenceStartHours), end: isoAt(absenceStartHours + 6) }]
          : [],
    };
  });
  const requirement = requirementOf(days, intervalMinutes, () => Math.floor(random() * 3));
  return {
    version: 1,
    intervalMinutes,
    start,
    days,
    requirement,
    regions,
    shiftTemplates,
    ...(designMode ? {} : { people }),
    ...(random() < 0.5 ? { leadSpan: { min: 1, max: 2 } } : {}),
    timeLimitSeconds: 2,
  };
}
