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
 *
 * Breaches are violations with codes (`server/domain/roster/violations.ts`), worded by the one
 * message table (`describeViolation`), as the checker's are.
 */
import type { ShiftCoverage } from "../coverage/coverage-from-shifts";
import type { RosterViolation, ViolationOf } from "../roster/violations";
import type { InstantRange } from "../time/ranges";

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

/**
 * Lead-span breaches as violations (`lead-span`), for the message table.
 * @example leadSpanViolations([{ startMs: 0, agentsOnTask: 16, leadsOnDuty: 1, leadsNeeded: 2 }], 15)[0].params.leadsNeeded //=> 2
 */
export function leadSpanViolations(breaches: readonly LeadSpanBreach[], spanMax: number): ViolationOf<"lead-span">[] {
  return breaches.map((breach) => ({ code: "lead-span", shiftRefs: [], params: { ...breach, spanMax } }));
}

/**
 * Rest and double-booking between a shift a person would take and their published shifts in *other*
 * rosters (the roster checker sees one roster at a time), as `overlap` and `rest` violations marked
 * `acrossRosters`. Rest is real elapsed time, so a night across a clock change counts its extra hour.
 * @example restAcrossRosters({ personId: "person-3", minRestMinutes: 660, taken: { startMs: 0, endMs: 3_600_000 }, others: [{ startMs: 7_200_000, endMs: 10_800_000 }] })[0].params
 * //=> { restMinutes: 60, neededMinutes: 660, endMs: 3_600_000, nextStartMs: 7_200_000, acrossRosters: true }
 */
export function restAcrossRosters(input: { personId: string; minRestMinutes: number; taken: InstantRange; others: readonly InstantRange[] }): RosterViolation[] {
  const out: RosterViolation[] = [];
  const { personId, taken } = input;
  for (const other of input.others) {
    const shiftRefs = [taken, other].map((range) => ({ personId, startMs: range.startMs, endMs: range.endMs }));
    if (other.startMs < taken.endMs && taken.startMs < other.endMs) {
      out.push({ code: "overlap", personId, shiftRefs, params: { startMs: taken.startMs, otherStartMs: other.startMs, acrossRosters: true } });
      continue;
    }
    const [first, second] = other.endMs <= taken.startMs ? [other, taken] : [taken, other];
    const restMinutes = (second.startMs - first.endMs) / 60_000;
    if (restMinutes < input.minRestMinutes) {
      out.push({ code: "rest", personId, shiftRefs, params: { restMinutes, neededMinutes: input.minRestMinutes, endMs: first.endMs, nextStartMs: second.startMs, acrossRosters: true } });
    }
  }
  return out;
}
