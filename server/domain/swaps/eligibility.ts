/**
 * Pure rules for moving a published shift from one person to another (swap, offer, drop), on top
 * of the roster engine's own checker (`checkRoster`), which the swap service runs on the roster as it
 * would be after the move. What lives here is what the checker does not judge per person:
 *
 * - **Skills.** A shift is not tied to a channel in the roster (the requirement is agents summed over
 *   channels), so the rule protects the live queues: the taker must hold every live-channel skill
 *   (voice, chat) that the giver holds. Live queues are what the service level is measured on, and the
 *   requirement was staffed expecting the giver's live skills in that seat. Deferred channels (email,
 *   social) have response windows of hours and their backlog can be picked up by anyone later, so they
 *   are not required.
 * - **Lead span.** One lead per 15 agents on task: after the move, no interval of the shifts involved may
 *   have fewer than ceil(agentsOnTask / 15) leads on duty *and* be worse than before (an interval
 *   already short of leads before the move does not block a move that does not deepen it).
 * - **Across rosters.** The checker sees one roster; rest and double-booking against the person's
 *   published shifts in neighbouring rosters are checked here.
 * - **Plain words.** The checker's messages, rewritten with names, local times and hours.
 */
import { DateTime } from "luxon";
import type { ShiftCoverage } from "../coverage/coverage-from-shifts";
import type { RosterViolation } from "../roster/check-roster";

/** Channel kinds whose service level is measured in seconds: the skills a taker must cover. */
export const LIVE_CHANNEL_KINDS = ["voice", "chat"] as const;

/**
 * The giver's live-channel skills the taker lacks (empty: the taker may take the shift).
 * @example missingLiveSkills({ giverSkills: ["voice", "chat", "email"], takerSkills: ["chat"], liveChannelKeys: ["voice", "chat"] }) //=> ["voice"]
 */
export function missingLiveSkills(input: { giverSkills: readonly string[]; takerSkills: readonly string[]; liveChannelKeys: readonly string[] }): string[] {
  const live = new Set(input.liveChannelKeys);
  const taker = new Set(input.takerSkills);
  return input.giverSkills.filter((skill) => live.has(skill) && !taker.has(skill));
}

/** An interval where a move would leave too few leads on duty. */
export interface LeadSpanBreach {
  startMs: number;
  agentsOnTask: number;
  leadsOnDuty: number;
  leadsNeeded: number;
}

/**
 * Intervals (among `intervalIndexes`) where, after the move, leads on duty fall below
 * ceil(agentsOnTask / spanMax) and the shortfall is larger than before.
 * @example leadSpanBreaches({ startMs: 0, intervalMinutes: 30, spanMax: 15, intervalIndexes: [0],
 *   before: { agentsOnTask: [16], leadsOnDuty: [2] }, after: { agentsOnTask: [16], leadsOnDuty: [1] } })
 * //=> [{ startMs: 0, agentsOnTask: 16, leadsOnDuty: 1, leadsNeeded: 2 }]
 */
export function leadSpanBreaches(input: {
  startMs: number;
  intervalMinutes: number;
  spanMax: number;
  intervalIndexes: readonly number[];
  before: ShiftCoverage;
  after: ShiftCoverage;
}): LeadSpanBreach[] {
  const breaches: LeadSpanBreach[] = [];
  const shortfall = (coverage: ShiftCoverage, i: number) => {
    // Fractional heads come from shifts off the interval grid; a whisker above a multiple of 15 is float dust.
    const needed = Math.ceil((coverage.agentsOnTask[i] ?? 0) / input.spanMax - 1e-9);
    return { needed, short: Math.max(0, needed - (coverage.leadsOnDuty[i] ?? 0)) };
  };
  for (const i of [...new Set(input.intervalIndexes)].sort((a, b) => a - b)) {
    const after = shortfall(input.after, i);
    if (after.short > 0 && after.short > shortfall(input.before, i).short) {
      breaches.push({
        startMs: input.startMs + i * input.intervalMinutes * 60_000,
        agentsOnTask: input.after.agentsOnTask[i] ?? 0,
        leadsOnDuty: input.after.leadsOnDuty[i] ?? 0,
        leadsNeeded: after.needed,
      });
    }
  }
  return breaches;
}

/** Interval indexes of a grid that a range [startMs, endMs) touches. */
export function intervalIndexesOf(grid: { startMs: number; intervalMinutes: number; intervalCount: number }, startMs: number, endMs: number): number[] {
  const ms = grid.intervalMinutes * 60_000;
  const first = Math.max(0, Math.floor((startMs - grid.startMs) / ms));
  const last = Math.min(grid.intervalCount - 1, Math.ceil((endMs - grid.startMs) / ms) - 1);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

export interface TimedRange {
  startMs: number;
  endMs: number;
}

/**
 * Minutes worked in a shift: its length less its breaks (clipped to the shift).
 * @example workedMinutes({ startMs: 0, endMs: 30_600_000, breaks: [{ startMs: 10_800_000, endMs: 12_600_000 }] }) //=> 480
 */
export function workedMinutes(shift: TimedRange & { breaks: readonly TimedRange[] }): number {
  const breakMs = shift.breaks.reduce((sum, b) => sum + Math.max(0, Math.min(b.endMs, shift.endMs) - Math.max(b.startMs, shift.startMs)), 0);
  return Math.round((shift.endMs - shift.startMs - breakMs) / 60_000);
}

/** A shift's local label, e.g. "Tue 24 Nov 07:00 (Europe/Dublin)". */
export function localLabel(ms: number, zone: string): string {
  return `${DateTime.fromMillis(ms, { zone }).toFormat("ccc d LLL HH:mm")} (${zone})`;
}

/** Hours for people: "9 h", "10 h 30 min". */
export function hoursLabel(minutes: number): string {
  const sign = minutes < 0 ? "−" : "";
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${m} min`;
}

/**
 * Rest and double-booking between a shift a person would take and their published shifts in *other*
 * rosters (the roster checker sees one roster at a time). Messages name the person and local times.
 * @example restAcrossRosters({ name: "Maria", zone: "UTC", minRestMinutes: 660, taken: { startMs: 0, endMs: 3_600_000 }, others: [{ startMs: 7_200_000, endMs: 10_800_000 }] })
 * //=> ["Maria would have 1 h rest before the Thu 1 Jan 02:00 (UTC) shift; 11 h needed"]
 */
export function restAcrossRosters(input: { name: string; zone: string; minRestMinutes: number; taken: TimedRange; others: readonly TimedRange[] }): string[] {
  const out: string[] = [];
  for (const other of input.others) {
    const { taken } = input;
    if (other.startMs < taken.endMs && taken.startMs < other.endMs) {
      out.push(`${input.name} would be double-booked: the ${localLabel(taken.startMs, input.zone)} shift overlaps their ${localLabel(other.startMs, input.zone)} shift`);
      continue;
    }
    const [first, second] = other.endMs <= taken.startMs ? [other, taken] : [taken, other];
    const rest = (second.startMs - first.endMs) / 60_000;
    if (rest < input.minRestMinutes) {
      out.push(`${input.name} would have ${hoursLabel(rest)} rest before the ${localLabel(second.startMs, input.zone)} shift; ${hoursLabel(input.minRestMinutes)} needed`);
    }
  }
  return out;
}

/** What the describer needs to turn the checker's keys and instants into words. */
export interface DescribeContext {
  /** Display name by the engine's person key ("person-7"). */
  personName: (key: string) => string;
  /** The zone to show a person's times in. */
  personZone: (key: string) => string;
  regionName: (key: string) => string;
  templateName: (key: string) => string;
}

const ISO = "(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+(?:Z|[+-]\\d{2}:\\d{2}))";
const PATTERNS: Array<{ rule: RosterViolation["rule"]; re: RegExp; say: (m: RegExpMatchArray, c: DescribeContext) => string }> = [
  {
    rule: "rest",
    re: new RegExp(`^(person-\\d+) rests (-?[\\d.]+) minutes between the shift ending ${ISO} and the one starting ${ISO}; needs (\\d+)$`),
    say: (m, c) => `${c.personName(m[1]!)} would have ${hoursLabel(Number(m[2]))} rest before the ${at(m[4]!, c.personZone(m[1]!))} shift; ${hoursLabel(Number(m[5]))} needed`,
  },
  {
    rule: "overlap",
    re: new RegExp(`^(person-\\d+) has overlapping shifts starting ${ISO} and ${ISO}$`),
    say: (m, c) => `${c.personName(m[1]!)} would be double-booked: the ${at(m[2]!, c.personZone(m[1]!))} and ${at(m[3]!, c.personZone(m[1]!))} shifts overlap`,
  },
  {
    rule: "weekly-max-minutes",
    re: /^(person-\d+) works (\d+) minutes in week (\d+); the most is (\d+)$/,
    say: (m, c) => `${c.personName(m[1]!)} would work ${hoursLabel(Number(m[2]))} in week ${m[3]} of the roster; the contract allows at most ${hoursLabel(Number(m[4]))}`,
  },
  {
    rule: "weekly-max-days",
    re: /^(person-\d+) works (\d+) days in week (\d+); the most is (\d+)$/,
    say: (m, c) => `${c.personName(m[1]!)} would work ${m[2]} days in week ${m[3]} of the roster; the contract allows at most ${m[4]}`,
  },
  {
    rule: "one-shift-per-day",
    re: /^(person-\d+) works (\d+) shifts on local day (\d{4}-\d{2}-\d{2})$/,
    say: (m, c) => `${c.personName(m[1]!)} would work ${m[2]} shifts on ${DateTime.fromISO(m[3]!, { zone: "utc" }).toFormat("cccc d LLL")}`,
  },
  {
    rule: "unavailable",
    re: new RegExp(`^(person-\\d+) works ${ISO}–${ISO} but is unavailable ${ISO}–${ISO}$`),
    say: (m, c) => `${c.personName(m[1]!)} is unavailable ${at(m[4]!, c.personZone(m[1]!))} – ${at(m[5]!, c.personZone(m[1]!))}, during the ${at(m[2]!, c.personZone(m[1]!))} shift`,
  },
  {
    rule: "template-not-allowed",
    re: /: (person-\d+) may not work template (template-\d+)$/,
    say: (m, c) => `${c.personName(m[1]!)}'s contract does not include ${c.templateName(m[2]!)} shifts`,
  },
  {
    rule: "wrong-region",
    re: /: (person-\d+) belongs to region (region-\d+), not (region-\d+)$/,
    say: (m, c) => `${c.personName(m[1]!)} belongs to ${c.regionName(m[2]!)}; this shift is in ${c.regionName(m[3]!)}, and a shift can only be worked by someone of its region`,
  },
  {
    rule: "outside-window",
    re: new RegExp(`^shift \\d+ \\((person-\\d+), ${ISO}\\) does not lie inside one (region-\\d+) working window \\((.+)\\)$`),
    say: (m, c) => `${c.personName(m[1]!)}'s ${at(m[2]!, c.personZone(m[1]!))} shift lies outside the ${c.regionName(m[3]!)} working window (${m[4]})`,
  },
];

function at(iso: string, zone: string): string {
  return localLabel(DateTime.fromISO(iso, { setZone: true }).toMillis(), zone);
}

/**
 * One checker violation in plain words with names and local times; unknown shapes keep the
 * checker's words with keys replaced by names.
 * @example describeRosterViolation({ rule: "weekly-max-days", message: "person-1 works 6 days in week 1; the most is 5" }, ctx)
 * //=> "Maria Nolan would work 6 days in week 1 of the roster; the contract allows at most 5"
 */
export function describeRosterViolation(violation: RosterViolation, context: DescribeContext): string {
  for (const pattern of PATTERNS) {
    if (pattern.rule !== violation.rule) continue;
    const match = violation.message.match(pattern.re);
    if (match) return pattern.say(match, context);
  }
  return violation.message
    .replace(/person-\d+/g, (key) => context.personName(key))
    .replace(/region-\d+/g, (key) => context.regionName(key))
    .replace(/template-\d+/g, (key) => context.templateName(key));
}
