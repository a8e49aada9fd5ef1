/**
 * How each contact channel turns forecast volume into agents.
 *
 * voice: Erlang C as in ./erlang-c.ts: callers wait in a queue and are answered in order.
 *
 * chat: Erlang C on chat *slots*. An agent with concurrency c holds c slots; a chat occupies one
 *   slot for its whole handle time, and a waiting customer is routed when any slot frees. So the
 *   queue is M/M/(N·c) with AHT = the per-chat handle time measured at that concurrency (the time a
 *   chat is open, not the agent's effort per chat), servers = slots, and agents = ceil(slots / c).
 *   Why slots and not an "effective AHT" of AHT / c on N single servers: routing really works per
 *   slot, and a waiting chat is picked up when a slot frees, at the per-chat rate; N servers working
 *   c times faster would divide every wait by c and promise waits customers do not get. Assumption
 *   to know: the per-chat AHT must be the one observed at the planned concurrency (chats get longer
 *   as concurrency rises); the model does not derive one from the other. Metrics (SL, ASA,
 *   occupancy) are reported at the slots actually staffed, agents·c (the Erlang B recursion is
 *   carried on from the required slots, so this costs nothing), and occupancy is slot occupancy.
 *
 * email / social: deferred work with a response target, modelled as a fluid FIFO backlog:
 *   - items arriving in interval i are counted as arriving at the interval's start, and are
 *     workable from then on;
 *   - an item arriving in interval i must be answered by start_i + target; we require it answered
 *     by the end of interval i + k − 1, k = floor(target / interval) ≥ 1, which is never later
 *     (conservative when the target is not a whole number of intervals);
 *   - in an interval, agents work items strictly in arrival order, and handle
 *     agents × intervalSeconds × maxOccupancy seconds of work, i.e. that over AHT items
 *     (fractions allowed);
 *   - backlog carries over from one interval to the next; the horizon's last items, whose
 *     deadlines lie beyond it, are left in the reported backlog rather than forced.
 *   The requirement is the lazy (deadline-driven) greedy: in each interval, the fewest agents that
 *   finish every item whose deadline is the end of this interval, given the backlog carried in.
 *   It is hand-checkable and minimal in a strong sense: for every interval j, no plan that meets
 *   every target has fewer agent-intervals in intervals 0..j. And FIFO is monotone, so any staffing
 *   at least this large in every interval also meets every target. The price of laziness: the
 *   backlog runs close to the target, and a burst is worked just before its deadline.
 *   Work is counted in seconds (items × AHT, so AHT may vary by interval) and a millisecond of work
 *   is treated as noise: 5.1 items × 600 s against 765 s per agent is 4 agents, whatever the last
 *   bit of the doubles says.
 */
import { StaffingInputError, agentsWithShrinkage, scanServers } from "./erlang-c";
import type { GroupedStaffing, StaffingInput, StaffingResult } from "./erlang-c";

/** One interval of chat staffing: like voice, with `chats` and a per-agent `concurrency`. */
export interface ChatStaffingInput extends Omit<StaffingInput, "calls"> {
  /** Chats offered in the interval. */
  chats: number;
  /** Chats an agent handles at once; a whole number of at least 1. */
  concurrency: number;
}

/** The chat answer: agents, plus the Erlang C slots behind it. */
export interface ChatStaffingResult extends StaffingResult {
  /** Slots (Erlang servers) the targets need; agents = ceil(slotsRequired / concurrency). */
  slotsRequired: number;
}

// The scratch answer of requiredChatAgents: copied into its result, so never seen outside.
const CHAT_SCRATCH: GroupedStaffing = { trafficErlangs: 0, serversRequired: 0, agents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityWait: 0 };

/**
 * Agents for a chat queue, treating each agent as `concurrency` Erlang C servers (see the module
 * comment for why). Metrics are at the slots staffed: agents × concurrency.
 * @example requiredChatAgents({ chats: 90, intervalSeconds: 1800, ahtSeconds: 900, concurrency: 2, targetSl: 0.8, targetSeconds: 90 }).agents //=> 26 (51 slots)
 */
export function requiredChatAgents(input: ChatStaffingInput): ChatStaffingResult {
  const { chats, concurrency } = input;
  if (typeof concurrency !== "number" || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new StaffingInputError("concurrency", `expected a whole number of at least 1, got ${String(concurrency)}`);
  }
  let r: GroupedStaffing;
  try {
    // The chats are the slots' calls; no input object is built (this runs per interval).
    r = scanServers(chats, input, concurrency, CHAT_SCRATCH);
  } catch (error) {
    if (error instanceof StaffingInputError && error.field === "calls") throw new StaffingInputError("chats", error.reason);
    throw error;
  }
  return {
    trafficErlangs: r.trafficErlangs,
    slotsRequired: r.serversRequired,
    agents: r.agents,
    agentsWithShrinkage: agentsWithShrinkage(r.agents, input.shrinkage ?? 0),
    serviceLevel: r.serviceLevel,
    asaSeconds: r.asaSeconds,
    occupancy: r.occupancy,
    probabilityWait: r.probabilityWait,
  };
}

/** A run of consecutive intervals of deferred work (email, social). */
export interface DeferredWorkInput {
  /** Items arriving in each consecutive interval (fractional forecasts are fine). */
  arrivals: readonly number[];
  intervalSeconds: number;
  /** Handle time per item. */
  ahtSeconds: number;
  /** Per-interval handle time of the items arriving in that interval, overriding `ahtSeconds`. */
  ahtSecondsByInterval?: readonly number[] | undefined;
  /** Every item answered within this many minutes of arriving; at least one interval. */
  responseTargetMinutes: number;
  /** Fraction of an agent's time spent on items, in (0, 1]; default 1. */
  maxOccupancy?: number | null | undefined;
}

/** What happens in one interval of deferred work. */
export interface DeferredIntervalResult {
  /** Agents working items in this interval. */
  agents: number;
  itemsArrived: number;
  itemsHandled: number;
  /** Seconds of handling done: itemsHandled × their AHT. */
  workSeconds: number;
  /** Items still waiting at the end of the interval. */
  backlogItems: number;
  /** Age at the end of the interval of the oldest waiting item (from the start of its arrival interval); null with no backlog. */
  oldestWaitingAgeSeconds: number | null;
  /** Items still waiting at the end of the interval whose deadline has passed. */
  itemsPastTarget: number;
  /** True when no waiting item has missed its deadline. */
  targetMet: boolean;
}

/** Waiting work below a millisecond is noise from the doubles, not an item. */
const WORK_EPSILON_SECONDS = 1e-3;

interface Cohort {
  readonly interval: number;
  readonly ahtSeconds: number;
  remaining: number;
}

interface DeferredPlan {
  intervalSeconds: number;
  /** Seconds of handling one agent gives in one interval: interval × max occupancy. */
  workPerAgentSeconds: number;
  /** k: items from interval i must be answered by the end of interval i + k − 1. */
  deadlineIntervals: number;
}

function checkDeferred(input: DeferredWorkInput): DeferredPlan {
  const { arrivals, intervalSeconds, ahtSeconds, ahtSecondsByInterval, responseTargetMinutes } = input;
  const maxOccupancy = input.maxOccupancy ?? 1;
  const positive = (field: string, x: unknown, row?: number) => {
    if (typeof x !== "number" || !Number.isFinite(x) || x <= 0) throw new StaffingInputError(field, `expected a number above 0, got ${String(x)}`, row);
  };
  positive("intervalSeconds", intervalSeconds);
  positive("ahtSeconds", ahtSeconds);
  positive("responseTargetMinutes", responseTargetMinutes);
  if (typeof maxOccupancy !== "number" || !Number.isFinite(maxOccupancy) || maxOccupancy <= 0 || maxOccupancy > 1) {
    throw new StaffingInputError("maxOccupancy", `expected a fraction above 0 and at most 1, got ${String(maxOccupancy)}`);
  }
  arrivals.forEach((items, i) => {
    if (typeof items !== "number" || !Number.isFinite(items) || items < 0) {
      throw new StaffingInputError(`arrivals[${i}]`, `expected a number of at least 0, got ${String(items)}`, i);
    }
  });
  if (ahtSecondsByInterval !== undefined) {
    if (ahtSecondsByInterval.length !== arrivals.length) {
      throw new StaffingInputError("ahtSecondsByInterval", `expected one AHT per interval (${arrivals.length}), got ${ahtSecondsByInterval.length}`);
    }
    ahtSecondsByInterval.forEach((aht, i) => positive(`ahtSecondsByInterval[${i}]`, aht, i));
  }
  // Whole intervals inside the target; the slack absorbs 60 × 0.25 style rounding.
  const deadlineIntervals = Math.floor((responseTargetMinutes * 60) / intervalSeconds + 1e-9);
  if (deadlineIntervals < 1) {
    throw new StaffingInputError(
      "responseTargetMinutes",
      `expected at least one interval (${intervalSeconds / 60} min), got ${responseTargetMinutes}; shorter targets are live work, staff them with Erlang C`,
    );
  }
  return { intervalSeconds, workPerAgentSeconds: intervalSeconds * maxOccupancy, deadlineIntervals };
}

/** Runs the FIFO backlog, asking `agentsFor` for each interval's staffing given the work due by its end. */
function runDeferred(
  input: DeferredWorkInput,
  plan: DeferredPlan,
  agentsFor: (interval: number, dueWorkSeconds: number) => number,
): DeferredIntervalResult[] {
  const { arrivals, ahtSecondsByInterval } = input;
  const queue: Cohort[] = [];
  let head = 0;
  const results: DeferredIntervalResult[] = [];
  for (let j = 0; j < arrivals.length; j++) {
    const itemsArrived = arrivals[j] ?? 0;
    if (itemsArrived > 0) queue.push({ interval: j, ahtSeconds: ahtSecondsByInterval?.[j] ?? input.ahtSeconds, remaining: itemsArrived });
    // Cohorts from interval j − k + 1 or earlier must be finished by the end of this interval.
    const lastDue = j - plan.deadlineIntervals + 1;
    let dueWorkSeconds = 0;
    for (let q = head; q < queue.length; q++) {
      const cohort = queue[q];
      if (!cohort || cohort.interval > lastDue) break;
      dueWorkSeconds += cohort.remaining * cohort.ahtSeconds;
    }
    const agents = agentsFor(j, dueWorkSeconds);
    let capacitySeconds = agents * plan.workPerAgentSeconds;
    let itemsHandled = 0;
    let workSeconds = 0;
    while (head < queue.length && capacitySeconds > 0) {
      const cohort = queue[head];
      if (!cohort) break;
      const cohortWork = cohort.remaining * cohort.ahtSeconds;
      if (cohortWork <= capacitySeconds + WORK_EPSILON_SECONDS) {
        itemsHandled += cohort.remaining;
        workSeconds += cohortWork;
        capacitySeconds = Math.max(0, capacitySeconds - cohortWork);
        cohort.remaining = 0;
        head++;
      } else {
        const done = capacitySeconds / cohort.ahtSeconds;
        itemsHandled += done;
        workSeconds += capacitySeconds;
        cohort.remaining -= done;
        capacitySeconds = 0;
      }
    }
    let backlogItems = 0;
    let itemsPastTarget = 0;
    for (let q = head; q < queue.length; q++) {
      const cohort = queue[q];
      if (!cohort) continue;
      backlogItems += cohort.remaining;
      if (cohort.interval <= lastDue) itemsPastTarget += cohort.remaining;
    }
    const oldest = queue[head];
    results.push({
      agents,
      itemsArrived,
      itemsHandled,
      workSeconds,
      backlogItems,
      oldestWaitingAgeSeconds: oldest ? (j - oldest.interval + 1) * plan.intervalSeconds : null,
      itemsPastTarget,
      targetMet: itemsPastTarget === 0,
    });
  }
  return results;
}

/**
 * The fewest agents per interval that answer every deferred item (email, social) within its
 * response target, working the backlog first-in first-out (the lazy, deadline-driven greedy; see
 * the module comment for the model and why it is minimal).
 * @example
 * // 10 items, AHT 15 min, 15-min intervals, answer within 60 min: nothing is due until the 4th interval.
 * requiredDeferredAgents({ arrivals: [10, 0, 0, 0], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 60 }).map((r) => r.agents) //=> [0, 0, 0, 10]
 */
export function requiredDeferredAgents(input: DeferredWorkInput): DeferredIntervalResult[] {
  const plan = checkDeferred(input);
  return runDeferred(input, plan, (_j, dueWorkSeconds) =>
    Math.max(0, Math.ceil((dueWorkSeconds - WORK_EPSILON_SECONDS) / plan.workPerAgentSeconds)),
  );
}

/**
 * Plays a given staffing against the deferred-work model: backlog, oldest waiting item and missed
 * targets per interval. Use it to score a roster's coverage of email or social queues.
 * @example
 * simulateDeferredWork({ arrivals: [10, 0, 0, 0], agents: [3, 3, 3, 0], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 60 }).map((r) => r.backlogItems) //=> [7, 4, 1, 1]
 */
export function simulateDeferredWork(input: DeferredWorkInput & { agents: readonly number[] }): DeferredIntervalResult[] {
  const plan = checkDeferred(input);
  const { agents } = input;
  if (agents.length !== input.arrivals.length) {
    throw new StaffingInputError("agents", `expected one staffing figure per interval (${input.arrivals.length}), got ${agents.length}`);
  }
  agents.forEach((n, i) => {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      throw new StaffingInputError(`agents[${i}]`, `expected a whole number of at least 0, got ${String(n)}`, i);
    }
  });
  return runDeferred(input, plan, (j) => agents[j] ?? 0);
}
