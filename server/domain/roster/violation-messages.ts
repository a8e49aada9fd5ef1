/**
 * The one message table for rule breaches. Each code has two renderings side by side:
 *
 * - `words`: plain words for people (hand edits, swaps, suggested fixes, the pages), with names
 *   instead of engine keys and local times with the zone named.
 * - `log`: the checker's own line, with engine keys and ISO instants in UTC, for test failures,
 *   the command line and bug reports, where the exact key and instant matter.
 *
 * Both read only the violation's data; nothing here is parsed back.
 */
import { formatInstant, hoursLabel, localDayLabel, localLabel } from "../time/format";
import { localDate } from "../time/local-days";
import type { CheckedMetric, RosterViolation, ShiftRef, ViolationCode, ViolationOf } from "./violations";

/** What the words need beyond the violation: names for engine keys and the zones to show times in. */
export interface ViolationContext {
  /** Display name of an engine key (person, region or template); a key without one is shown as it is. */
  nameOf?: (key: string) => string | undefined;
  /** The zone to show a person's times in; `zone` when absent or unknown. */
  zoneOfPerson?: (personKey: string) => string | undefined;
  /** The zone for times that are no one person's (lead span, bookkeeping), and the fallback. UTC by default. */
  zone?: string;
}

/** The context's answers, with its fallbacks applied. */
interface Words {
  name: (key: string) => string;
  zoneOf: (personKey: string | null | undefined) => string;
  /** An instant as a local label in a person's zone (or the context's zone). */
  at: (instantMs: number, personKey?: string | null) => string;
}

function wordsOf(context: ViolationContext): Words {
  const name = (key: string) => context.nameOf?.(key) ?? key;
  const zoneOf = (personKey: string | null | undefined) => (personKey ? context.zoneOfPerson?.(personKey) : undefined) ?? context.zone ?? "UTC";
  return { name, zoneOf, at: (instantMs, personKey) => localLabel(instantMs, zoneOf(personKey)) };
}

/** "Ada Byrne's Tue 24 Nov 07:00 (Europe/Dublin) shift", or "the … shift" when nobody holds it. */
function shiftWords(ref: ShiftRef | undefined, w: Words, capital = false): string {
  if (!ref) return capital ? "A shift" : "a shift";
  const when = `${w.at(ref.startMs, ref.personId)} shift`;
  if (ref.personId !== null) return `${w.name(ref.personId)}'s ${when}`;
  return `${capital ? "The" : "the"} ${when}`;
}

/** The checker's handle on a shift: "shift 0 (a1, 2026-03-23T03:00:00Z)". */
function shiftLog(ref: ShiftRef | undefined): string {
  if (!ref) return "a shift";
  return `shift ${ref.index ?? "elsewhere"} (${ref.personId ?? "unnamed"}, ${formatInstant(ref.startMs)})`;
}

function outsideWindowWords(v: ViolationOf<"outside-window">, w: Words): string {
  const ref = v.shiftRefs[0];
  const { timeZone, earliestStart, latestEnd } = v.params;
  const window = `outside the ${w.name(v.params.regionId)} working window (${earliestStart}–${latestEnd} ${timeZone})`;
  if (!ref) return `A shift lies ${window}`;
  // The window is wall-clock time in the region's zone: the shift's start and end are shown there too.
  const sameDay = localDate(ref.startMs, timeZone) === localDate(ref.endMs, timeZone);
  const day = formatInstant(ref.startMs, timeZone, "ccc d LLL", "none");
  const start = formatInstant(ref.startMs, timeZone, "HH:mm", "iana");
  const end = formatInstant(ref.endMs, timeZone, sameDay ? "HH:mm" : "HH:mm 'on' ccc d LLL", "none");
  const owner = ref.personId !== null ? `${w.name(ref.personId)}'s shift` : "The shift";
  return `${owner} on ${day} starts at ${start} and ends at ${end}, ${window}`;
}

function breakWords(v: ViolationOf<"break">, w: Words): string {
  const p = v.params;
  const shift = shiftWords(v.shiftRefs[0], w);
  switch (p.kind) {
    case "count":
      return `${shiftWords(v.shiftRefs[0], w, true)} has ${p.breaks} breaks; ${w.name(p.templateId)} shifts have ${p.templateBreaks}`;
    case "length":
      return `Break ${p.breakNumber} of ${shift} lasts ${p.minutes} min, not ${p.neededMinutes} min`;
    case "start":
      return `Break ${p.breakNumber} of ${shift} starts ${p.afterMinutes} min in; it must start ${p.earliestAfterMinutes}–${p.latestAfterMinutes} min in`;
    case "off-interval":
      return `Break ${p.breakNumber} of ${shift} does not start on an interval boundary`;
    case "past-end":
      return `Break ${p.breakNumber} of ${shift} runs past the end of the shift`;
    case "overlap":
      return `Breaks ${p.breakNumber} and ${p.otherBreakNumber} of ${shift} overlap`;
  }
}

function breakLog(v: ViolationOf<"break">): string {
  const p = v.params;
  const at = shiftLog(v.shiftRefs[0]);
  switch (p.kind) {
    case "count":
      return `${at} has ${p.breaks} breaks; template ${p.templateId} has ${p.templateBreaks}`;
    case "length":
      return `${at}: break ${p.breakNumber} lasts ${p.minutes} minutes, not ${p.neededMinutes}`;
    case "start":
      return `${at}: break ${p.breakNumber} starts ${p.afterMinutes} minutes in, outside ${p.earliestAfterMinutes}–${p.latestAfterMinutes}`;
    case "off-interval":
      return `${at}: break ${p.breakNumber} is not on an interval boundary`;
    case "past-end":
      return `${at}: break ${p.breakNumber} runs past the end of the shift`;
    case "overlap":
      return `${at}: breaks ${p.breakNumber} and ${p.otherBreakNumber} overlap`;
  }
}

const METRIC_WORDS: Record<CheckedMetric, string> = {
  requiredAgentMinutes: "required agent-minutes",
  onTaskAgentMinutes: "agent-minutes on task",
  shortageAgentMinutes: "shortage in agent-minutes",
  excessAgentMinutes: "excess in agent-minutes",
  leadSpanViolations: "count of intervals short of leads",
  overSupervisedIntervals: "count of over-supervised intervals",
};

interface Entry<C extends ViolationCode> {
  words(v: ViolationOf<C>, w: Words): string;
  log(v: ViolationOf<C>): string;
}

/** The table: every code, in plain words and as the checker's line. */
const MESSAGES: { [C in ViolationCode]: Entry<C> } = {
  "unknown-template": {
    words: (v, w) => `${shiftWords(v.shiftRefs[0], w, true)} uses a shift template that does not exist (${w.name(v.params.templateId)})`,
    log: (v) => `${shiftLog(v.shiftRefs[0])} uses unknown template "${v.params.templateId}"`,
  },
  "unknown-region": {
    words: (v, w) => `${shiftWords(v.shiftRefs[0], w, true)} is in a region that does not exist (${w.name(v.params.regionId)})`,
    log: (v) => `${shiftLog(v.shiftRefs[0])} is in unknown region "${v.params.regionId}"`,
  },
  "unknown-person": {
    words: (v, w) => {
      const when = v.shiftRefs[0] ? w.at(v.shiftRefs[0].startMs) : "a";
      return v.params.personId === null ? `The ${when} shift has nobody on it` : `The ${when} shift is for someone this roster does not list (${w.name(v.params.personId)})`;
    },
    log: (v) =>
      v.params.personId === null ? `${shiftLog(v.shiftRefs[0])} has no person, but the problem lists people` : `${shiftLog(v.shiftRefs[0])} is for unknown person "${v.params.personId}"`,
  },
  "wrong-region": {
    words: (v, w) =>
      `${w.name(v.personId ?? "")} belongs to ${w.name(v.params.personRegionId)}; this shift is in ${w.name(v.params.shiftRegionId)}, and a shift can only be worked by someone of its region`,
    log: (v) => `${shiftLog(v.shiftRefs[0])}: ${v.personId} belongs to region ${v.params.personRegionId}, not ${v.params.shiftRegionId}`,
  },
  "template-not-allowed": {
    words: (v, w) => `${w.name(v.personId ?? "")}'s contract does not include ${w.name(v.params.templateId)} shifts`,
    log: (v) => `${shiftLog(v.shiftRefs[0])}: ${v.personId} may not work template ${v.params.templateId}`,
  },
  "shift-length": {
    words: (v, w) => `${shiftWords(v.shiftRefs[0], w, true)} lasts ${hoursLabel(v.params.minutes)}; ${w.name(v.params.templateId)} shifts last ${hoursLabel(v.params.templateMinutes)}`,
    log: (v) => `${shiftLog(v.shiftRefs[0])} lasts ${v.params.minutes} minutes; template ${v.params.templateId} lasts ${v.params.templateMinutes}`,
  },
  "off-grid": {
    words: (v, w) => `${shiftWords(v.shiftRefs[0], w, true)} does not start on a ${v.params.stepMinutes}-minute step of the roster`,
    log: (v) => `${shiftLog(v.shiftRefs[0])} does not start on a ${v.params.stepMinutes}-minute step from the horizon start`,
  },
  "outside-horizon": {
    words: (v, w) =>
      `${shiftWords(v.shiftRefs[0], w, true)} does not lie inside the roster's period (${w.at(v.params.horizonStartMs, v.shiftRefs[0]?.personId)} to ${w.at(v.params.horizonEndMs, v.shiftRefs[0]?.personId)})`,
    log: (v) => `${shiftLog(v.shiftRefs[0])} does not lie inside the horizon`,
  },
  "outside-window": {
    words: outsideWindowWords,
    log: (v) => `${shiftLog(v.shiftRefs[0])} does not lie inside one ${v.params.regionId} working window (${v.params.earliestStart}–${v.params.latestEnd} ${v.params.timeZone})`,
  },
  break: { words: breakWords, log: breakLog },
  overlap: {
    words: (v, w) => {
      const who = v.personId ?? null;
      const [first, second] = [w.at(v.params.startMs, who), w.at(v.params.otherStartMs, who)];
      return v.params.acrossRosters
        ? `${w.name(who ?? "")} would be double-booked: the ${first} shift overlaps their ${second} shift`
        : `${w.name(who ?? "")} would be double-booked: the ${first} and ${second} shifts overlap`;
    },
    log: (v) =>
      `${v.personId} has overlapping shifts starting ${formatInstant(v.params.startMs)} and ${formatInstant(v.params.otherStartMs)}${v.params.acrossRosters ? " (the second in another roster)" : ""}`,
  },
  rest: {
    words: (v, w) =>
      `${w.name(v.personId ?? "")} would have ${hoursLabel(v.params.restMinutes)} rest before the ${w.at(v.params.nextStartMs, v.personId)} shift; ${hoursLabel(v.params.neededMinutes)} needed`,
    log: (v) =>
      `${v.personId} rests ${v.params.restMinutes} minutes between the shift ending ${formatInstant(v.params.endMs)} and the one starting ${formatInstant(v.params.nextStartMs)}; needs ${v.params.neededMinutes}${
        v.params.acrossRosters ? " (across rosters)" : ""
      }`,
  },
  "one-shift-per-day": {
    words: (v, w) => `${w.name(v.personId ?? "")} would work ${v.params.shifts} shifts on ${localDayLabel(v.params.date)}`,
    log: (v) => `${v.personId} works ${v.params.shifts} shifts on local day ${v.params.date}`,
  },
  unavailable: {
    words: (v, w) =>
      `${w.name(v.personId ?? "")} is unavailable ${w.at(v.params.unavailableStartMs, v.personId)} – ${w.at(v.params.unavailableEndMs, v.personId)}, during the ${w.at(v.params.startMs, v.personId)} shift`,
    log: (v) =>
      `${v.personId} works ${formatInstant(v.params.startMs)}–${formatInstant(v.params.endMs)} but is unavailable ${formatInstant(v.params.unavailableStartMs)}–${formatInstant(v.params.unavailableEndMs)}`,
  },
  "weekly-max-minutes": {
    words: (v, w) =>
      `${w.name(v.personId ?? "")} would work ${hoursLabel(v.params.minutes)} in week ${v.params.week} of the roster; the contract allows at most ${hoursLabel(v.params.maxMinutes)}`,
    log: (v) => `${v.personId} works ${v.params.minutes} minutes in week ${v.params.week}; the most is ${v.params.maxMinutes}`,
  },
  "weekly-min-minutes": {
    words: (v, w) =>
      `${w.name(v.personId ?? "")} would work ${hoursLabel(v.params.minutes)} in week ${v.params.week} of the roster; the contract asks for at least ${hoursLabel(v.params.minMinutes)}`,
    log: (v) => `${v.personId} works ${v.params.minutes} minutes in week ${v.params.week}; the least is ${v.params.minMinutes}`,
  },
  "weekly-max-days": {
    words: (v, w) => `${w.name(v.personId ?? "")} would work ${v.params.days} days in week ${v.params.week} of the roster; the contract allows at most ${v.params.maxDays}`,
    log: (v) => `${v.personId} works ${v.params.days} days in week ${v.params.week}; the most is ${v.params.maxDays}`,
  },
  "pinned-shift-missing": {
    words: (v, w) => `${w.name(v.personId ?? "")}'s hand-placed ${w.name(v.params.templateId)} shift at ${w.at(v.params.startMs, v.personId)} is missing from the roster`,
    log: (v) => `pinned shift ${v.params.pinnedIndex} (${v.personId}, ${formatInstant(v.params.startMs)}) is missing`,
  },
  "coverage-mismatch": {
    words: (v, w) =>
      `The roster's ${v.params.series === "coverage" ? "agents on task" : "leads on duty"} at ${w.at(v.params.startMs)} ${v.params.reported === null ? "are missing" : `are ${v.params.reported}`}; its shifts give ${v.params.expected ?? "none"}`,
    log: (v) => `${v.params.series} at interval ${v.params.interval} (${formatInstant(v.params.startMs)}) is ${v.params.reported ?? "missing"}; the shifts give ${v.params.expected ?? "nothing"}`,
  },
  "metrics-mismatch": {
    words: (v) => `The roster's ${METRIC_WORDS[v.params.metric]} is ${v.params.reported}; its shifts give ${v.params.expected}`,
    log: (v) => `metrics.${v.params.metric} is ${v.params.reported}; the shifts give ${v.params.expected}`,
  },
  "unmet-missing": {
    words: (v, w) => `At ${w.at(v.params.startMs)} the roster is ${v.params.shortAgents} agent(s) short, but its list of unmet demand does not say so`,
    log: (v) => `interval ${formatInstant(v.params.startMs)} is ${v.params.shortAgents} agents short but no unmet run lists it`,
  },
  "bound-above-excess": {
    words: (v) => `The roster's lower bound on excess (${v.params.boundMinutes} agent-minutes) is above the excess its shifts give (${v.params.excessMinutes})`,
    log: (v) => `lowerBoundExcessAgentMinutes ${v.params.boundMinutes} is above the excess ${v.params.excessMinutes} of this covering plan`,
  },
  "lead-span": {
    words: (v, w) =>
      `At ${w.at(v.params.startMs)} there would be ${v.params.leadsOnDuty} lead(s) on duty for ${Math.round(v.params.agentsOnTask)} agents on task; ${v.params.leadsNeeded} needed (one lead per ${v.params.spanMax} agents)`,
    log: (v) => `interval ${formatInstant(v.params.startMs)} has ${v.params.leadsOnDuty} leads for ${v.params.agentsOnTask} agents on task; needs ${v.params.leadsNeeded} (span ${v.params.spanMax})`,
  },
  "missing-skill": {
    words: (v, w) =>
      `${w.name(v.personId ?? "")} lacks ${v.params.skills.join(" and ")}, which ${v.params.fromPersonId === null ? "the current holder" : w.name(v.params.fromPersonId)} covers on the ${w.at(v.params.startMs, v.personId)} shift`,
    log: (v) => `${v.personId} lacks ${v.params.skills.join(", ")} held by ${v.params.fromPersonId ?? "nobody"} for the shift starting ${formatInstant(v.params.startMs)}`,
  },
  "cannot-work": {
    words: (v, w) => `${v.personId ? w.name(v.personId) : "This person"} cannot work shifts`,
    log: (v) => `${v.personId ?? "unknown person"} cannot work shifts (inactive, or neither agent nor lead)`,
  },
  "no-templates": {
    words: (v, w) => `${w.name(v.personId ?? "")}'s contract has no shift templates, so they cannot take shifts`,
    log: (v) => `${v.personId} holds no shift template, so the problem does not list them`,
  },
};

function entryOf(violation: RosterViolation): Entry<ViolationCode> {
  // The table is keyed by code, so the entry fits its violation; TypeScript cannot follow that correlation.
  return MESSAGES[violation.code] as Entry<ViolationCode>;
}

/**
 * One violation in plain words, with people's names and local times, the zone named.
 * @example describeViolation({ code: "rest", personId: "person-3", shiftRefs: [], params: { restMinutes: 540, neededMinutes: 660, endMs, nextStartMs, acrossRosters: false } },
 *   { nameOf: () => "Maria Nolan", zone: "Europe/Dublin" })
 * //=> "Maria Nolan would have 9 h rest before the Tue 24 Nov 07:00 (Europe/Dublin) shift; 11 h needed"
 */
export function describeViolation(violation: RosterViolation, context: ViolationContext = {}): string {
  return entryOf(violation).words(violation, wordsOf(context));
}

/**
 * The line for violations left out of a shortened list.
 * @example describeOmitted("lead-span", 4) //=> "…and 4 more intervals short of leads"
 */
export function describeOmitted(code: ViolationCode, count: number): string {
  return code === "lead-span" ? `…and ${count} more intervals short of leads` : `…and ${count} more`;
}

/**
 * A violation list as the checker's lines, one per violation, with engine keys and UTC instants
 * (for test failures and the command line); empty for no violations.
 * @example describeViolations([restViolation]) //=> "rest: a1 rests 480 minutes between the shift ending 2026-03-23T23:00:00Z and the one starting 2026-03-24T07:00:00Z; needs 660"
 */
export function describeViolations(violations: readonly RosterViolation[]): string {
  return violations.map((violation) => `${violation.code}: ${entryOf(violation).log(violation)}`).join("\n");
}
