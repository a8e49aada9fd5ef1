/**
 * Erlang C staffing for queues where callers wait (M/M/N), exactly as defined in
 * ./reference-cases.md (copied with its cases into this folder):
 *
 * - traffic A = calls × AHT / interval (Erlangs);
 * - Erlang B by the stable recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)) (run here in its
 *   reciprocal form 1/B(n) = 1 + (n/A)·(1/B(n−1)), which is the same recursion without a division);
 * - P(wait) = C(N, A) = N·B(N) / (N − A·(1 − B(N))) for N > A;
 * - SL = 1 − P(wait)·exp(−(N − A)·T / AHT), ASA = P(wait)·AHT / (N − A), occupancy = A / N;
 * - required agents: the smallest integer N > A meeting the SL target, the occupancy cap and the
 *   ASA target, scanning from floor(A) + 1; with shrinkage ceil(N / (1 − shrinkage)).
 *
 * Inputs are taken as the decimals they are written as. Every integer decision (floor(A), the
 * occupancy cap, the shrinkage ceiling, a target met exactly) is made in doubles when the double is
 * clearly on one side, and otherwise re-made exactly: in safe-integer doubles or BigInt rationals
 * built from each input's shortest decimal string, and for the one transcendental comparison
 * (SL with T > 0) with rigorous BigInt bounds on exp (./exact-decisions.ts). The fast path stays
 * allocation-light so a month of intervals takes milliseconds; the exact path runs only within a
 * hair of a tie.
 */
import {
  SAFE,
  ceilDiv,
  ceilOfRatio,
  decimalOf,
  exactErlangC,
  exactMeetsAsa,
  exactMeetsServiceLevel,
  exactTraffic,
  floorTraffic,
  isNearInteger,
  minAgentsForOccupancy,
  safeRatio,
  type Rational,
} from "./exact-decisions";

/** Why an input cannot be staffed. `field` names the offending input (camelCase). */
export class StaffingInputError extends Error {
  readonly code = "INVALID_INPUT" as const;
  /** The input at fault, e.g. `ahtSeconds` or `channels[2].concurrency`. */
  readonly field: string;
  /** The message without the field prefix, so callers can re-prefix it with their own names. */
  readonly reason: string;
  /** Row (e.g. forecast row) at fault, when there is one. */
  readonly row: number | undefined;

  constructor(field: string, reason: string, row?: number) {
    super(`${field}: ${reason}`);
    this.name = "StaffingInputError";
    this.field = field;
    this.reason = reason;
    this.row = row;
  }
}

/** One staffing question for one interval of one queue. Times in seconds. */
export interface StaffingInput {
  /** Offered contacts in the interval; fractional forecasts are fine. */
  calls: number;
  intervalSeconds: number;
  /** Average handle time per contact. */
  ahtSeconds: number;
  /** Service-level target as a fraction in [0, 1), e.g. 0.8. */
  targetSl: number;
  /** Service-level threshold T: answered within this many seconds. */
  targetSeconds: number;
  /** Cap on A / N in (0, 1]; null or absent for none. */
  maxOccupancy?: number | null | undefined;
  /** Cap on the average speed of answer; null or absent for none. */
  targetAsaSeconds?: number | null | undefined;
  /** Fraction of paid time not available for contacts, in [0, 1); default 0. */
  shrinkage?: number | undefined;
}

/** A staffing question without its volume: the queue and its targets. */
export type StaffingTargets = Omit<StaffingInput, "calls">;

/** The staffing answer and the service the answer gives. */
export interface StaffingResult {
  trafficErlangs: number;
  /** Agents on the phones (N). */
  agents: number;
  /** Agents to schedule: ceil(N / (1 − shrinkage)). */
  agentsWithShrinkage: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  probabilityWait: number;
}

/** Service given by a fixed number of agents. */
export interface AchievedServiceInput {
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** Agents on the phones; a non-negative integer. */
  agents: number;
  targetSeconds: number;
}

/**
 * Service at a given staffing. When agents ≤ A the queue is unstable (it grows without bound):
 * serviceLevel 0, probabilityWait 1, occupancy 1 and asaSeconds null (the mean wait is infinite;
 * null keeps the value JSON-safe).
 */
export interface AchievedService {
  serviceLevel: number;
  asaSeconds: number | null;
  occupancy: number;
  probabilityWait: number;
}

/** Traffic above this is refused: the Erlang B recursion is O(A) and nobody staffs a million-seat queue. */
export const MAX_TRAFFIC_ERLANGS = 1_000_000;

// A double within this relative distance of a target is re-decided exactly (./exact-decisions.ts).
// SL and ASA come out of an O(N) recursion and an exp, so the band is wider than for integers.
const TARGET_TIE_BAND = 1e-7;

// ---------------------------------------------------------------------------------------------
// Primitives (doubles)
// ---------------------------------------------------------------------------------------------

/**
 * Offered traffic in Erlangs: calls × AHT / interval.
 * @example trafficErlangs(100, 1800, 180) //=> 10
 */
export function trafficErlangs(calls: number, intervalSeconds: number, ahtSeconds: number): number {
  return (calls * ahtSeconds) / intervalSeconds;
}

/**
 * Erlang B blocking probability by the stable recursion (no factorials, so A = 5000 is fine).
 * @example erlangB(2, 1) //=> 0.2
 */
export function erlangB(agents: number, trafficErlangs: number): number {
  if (trafficErlangs <= 0) return agents === 0 ? 1 : 0;
  // Reciprocal form of the same recursion, 1/B(n) = 1 + (n/A)·(1/B(n−1)): a multiply-add per step
  // instead of a division, all terms positive (so just as stable); Infinity simply means B = 0.
  const inverseTraffic = 1 / trafficErlangs;
  let inverseB = 1;
  for (let n = 1; n <= agents; n++) {
    inverseB = 1 + n * inverseTraffic * inverseB;
    // Once B underflows it stays 0; stopping keeps huge agent counts cheap.
    if (inverseB === Infinity) return 0;
  }
  return 1 / inverseB;
}

/**
 * Probability an arrival waits, Erlang C: N·B / (N − A·(1 − B)). 1 when N ≤ A (unstable queue).
 * @example probabilityWait(14, 10) //=> 0.17413193359504983
 */
export function probabilityWait(agents: number, trafficErlangs: number): number {
  if (trafficErlangs <= 0) return 0;
  if (agents <= trafficErlangs) return 1;
  const b = erlangB(agents, trafficErlangs);
  return (agents * b) / (agents - trafficErlangs + trafficErlangs * b);
}

/**
 * Fraction answered within `targetSeconds`: 1 − P(wait)·exp(−(N − A)·T / AHT). 0 when N ≤ A.
 * @example serviceLevel(14, 10, 180, 20) //=> 0.8883500191794669
 */
export function serviceLevel(agents: number, trafficErlangs: number, ahtSeconds: number, targetSeconds: number): number {
  if (trafficErlangs <= 0) return 1;
  if (agents <= trafficErlangs) return 0;
  const pw = probabilityWait(agents, trafficErlangs);
  return 1 - pw * Math.exp((-(agents - trafficErlangs) * targetSeconds) / ahtSeconds);
}

/**
 * Average speed of answer over all arrivals: P(wait)·AHT / (N − A). Infinity when N ≤ A.
 * @example averageSpeedOfAnswerSeconds(14, 10, 180) //=> 7.835937011777243
 */
export function averageSpeedOfAnswerSeconds(agents: number, trafficErlangs: number, ahtSeconds: number): number {
  if (trafficErlangs <= 0) return 0;
  if (agents <= trafficErlangs) return Infinity;
  return (probabilityWait(agents, trafficErlangs) * ahtSeconds) / (agents - trafficErlangs);
}

/**
 * Agent occupancy A / N, capped at 1 (an overloaded queue keeps everyone busy).
 * @example occupancy(14, 10) //=> 0.7142857142857143
 */
export function occupancy(agents: number, trafficErlangs: number): number {
  if (trafficErlangs <= 0) return 0;
  if (agents <= trafficErlangs) return 1;
  return trafficErlangs / agents;
}

// ---------------------------------------------------------------------------------------------
// Shrinkage
// ---------------------------------------------------------------------------------------------

let lastShrinkage = NaN;
let lastShrinkageRatio: [number, number] | undefined;

/**
 * Agents to schedule so that `agents` are available after shrinkage: ceil(N / (1 − shrinkage)),
 * with the shrinkage taken as the decimal it is written as.
 * @example agentsWithShrinkage(21, 0.3) //=> 30 (21 / 0.7 is 30.000000000000004 in doubles; the answer is 30)
 */
export function agentsWithShrinkage(agents: number, shrinkage: number): number {
  if (typeof agents !== "number" || !Number.isInteger(agents) || agents < 0) {
    throw new StaffingInputError("agents", `expected a whole number of at least 0, got ${show(agents)}`);
  }
  checkShrinkage(shrinkage);
  if (shrinkage === 0 || agents === 0) return agents;
  const q = agents / (1 - shrinkage);
  if (!isNearInteger(q)) return Math.ceil(q);
  // shrinkage = S / 10^k, so N / (1 − shrinkage) = N·10^k / (10^k − S). A channel keeps one
  // shrinkage for every interval, so its decimal is remembered.
  if (shrinkage !== lastShrinkage) {
    lastShrinkage = shrinkage;
    lastShrinkageRatio = safeRatio([shrinkage], [1]);
  }
  const s = lastShrinkageRatio;
  if (s && s[1] <= SAFE / agents) return ceilOfRatio(agents * s[1], s[1] - s[0]);
  const exact = decimalOf(shrinkage);
  return Number(ceilDiv(BigInt(agents) * exact.d, exact.d - exact.n));
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function show(x: unknown): string {
  return typeof x === "number" ? String(x) : (JSON.stringify(x) ?? String(x));
}

/** Throws {@link StaffingInputError} on `field`: "expected …, got …". */
export function reject(field: string, expected: string, x: unknown): never {
  throw new StaffingInputError(field, `expected ${expected}, got ${show(x)}`);
}

// Written as !(x >= lo) so NaN fails too; typeof guards callers outside TypeScript.
function checkShrinkage(shrinkage: unknown): void {
  if (typeof shrinkage !== "number" || !(shrinkage >= 0 && shrinkage < 1)) reject("shrinkage", "a fraction from 0 up to but not including 1", shrinkage);
}

/** Checks calls, interval, AHT and T as {@link achievedService} does (shared with ./erlang-a.ts). */
export function checkCommon(calls: unknown, intervalSeconds: unknown, ahtSeconds: unknown, targetSeconds: unknown): void {
  if (typeof calls !== "number" || !(calls >= 0 && calls < Infinity)) reject("calls", "a number of at least 0", calls);
  if (typeof intervalSeconds !== "number" || !(intervalSeconds > 0 && intervalSeconds < Infinity)) reject("intervalSeconds", "a number above 0", intervalSeconds);
  if (typeof ahtSeconds !== "number" || !(ahtSeconds > 0 && ahtSeconds < Infinity)) reject("ahtSeconds", "a number above 0", ahtSeconds);
  if (typeof targetSeconds !== "number" || !(targetSeconds >= 0 && targetSeconds < Infinity)) reject("targetSeconds", "a number of at least 0", targetSeconds);
}

/** Refuses traffic above {@link MAX_TRAFFIC_ERLANGS} (shared with ./erlang-a.ts). */
export function checkTraffic(a: number): void {
  if (!(a <= MAX_TRAFFIC_ERLANGS)) throw new StaffingInputError("calls", `traffic of ${a} Erlangs is above the supported ${MAX_TRAFFIC_ERLANGS}`);
}

/** Checks a staffing question as {@link requiredAgents} does (shared with ./erlang-a.ts). */
export function checkStaffingInput(input: StaffingInput): void {
  checkStaffingFields(input.calls, input);
}

/** {@link checkStaffingInput} with the volume passed apart (chat calls it chats). */
function checkStaffingFields(calls: number, input: StaffingTargets): void {
  const { targetSl, maxOccupancy, targetAsaSeconds } = input;
  checkCommon(calls, input.intervalSeconds, input.ahtSeconds, input.targetSeconds);
  if (typeof targetSl !== "number" || !(targetSl >= 0 && targetSl < 1)) {
    reject("targetSl", "a fraction from 0 up to but not including 1 (a target of 1 can never be met)", targetSl);
  }
  if (maxOccupancy != null && (typeof maxOccupancy !== "number" || !(maxOccupancy > 0 && maxOccupancy <= 1))) {
    reject("maxOccupancy", "a fraction above 0 and at most 1, or null", maxOccupancy);
  }
  if (targetAsaSeconds != null) {
    if (typeof targetAsaSeconds !== "number" || !(targetAsaSeconds >= 0 && targetAsaSeconds < Infinity)) {
      reject("targetAsaSeconds", "a number of at least 0, or null", targetAsaSeconds);
    }
    if (targetAsaSeconds === 0 && calls > 0) {
      reject("targetAsaSeconds", "a number above 0 (an ASA of 0 can never be met when calls arrive), or null", targetAsaSeconds);
    }
  }
  if (input.shrinkage !== undefined) checkShrinkage(input.shrinkage);
  checkTraffic((calls * input.ahtSeconds) / input.intervalSeconds);
}

// ---------------------------------------------------------------------------------------------
// Staffing
// ---------------------------------------------------------------------------------------------

/**
 * Servers needed for a queue, and the service at that staffing rounded up to whole groups.
 * `agents` = ceil(serversRequired / serversPerAgent); the metrics are at agents × serversPerAgent.
 */
export interface GroupedStaffing {
  trafficErlangs: number;
  /** Smallest server count N > A meeting every target (the Erlang C answer). */
  serversRequired: number;
  /** ceil(serversRequired / serversPerAgent), before shrinkage. */
  agents: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  probabilityWait: number;
}

/**
 * The staffing scan behind {@link requiredAgents} (one server per agent) and chat (one server per
 * slot): smallest N > A meeting every target, scanning up from floor(A) + 1 with the Erlang B
 * recursion carried along, so the cost is O(N) however large A is; then the metrics at N rounded
 * up to whole groups of `serversPerAgent`, carrying the same recursion on.
 * Validates like {@link requiredAgents}; `serversPerAgent` must be a whole number ≥ 1.
 * @example requiredServersInGroups({ calls: 90, intervalSeconds: 1800, ahtSeconds: 900, targetSl: 0.8, targetSeconds: 90 }, 2) //=> { serversRequired: 51, agents: 26, … }
 */
export function requiredServersInGroups(input: StaffingInput, serversPerAgent: number): GroupedStaffing {
  return scanServers(input.calls, input, serversPerAgent, { trafficErlangs: 0, serversRequired: 0, agents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityWait: 0 });
}

/**
 * {@link requiredServersInGroups} with the volume passed apart and the answer written into `out`,
 * so the per-interval callers (voice, chat slots) build no input or scratch objects: at ten
 * thousand intervals the allocations cost more than the scan.
 */
export function scanServers(calls: number, input: StaffingTargets, serversPerAgent: number, out: GroupedStaffing): GroupedStaffing {
  checkStaffingFields(calls, input);
  const { intervalSeconds, ahtSeconds, targetSl, targetSeconds } = input;
  const maxOccupancy = input.maxOccupancy ?? null;
  const targetAsaSeconds = input.targetAsaSeconds ?? null;

  if (calls === 0) {
    out.trafficErlangs = 0;
    out.serversRequired = 0;
    out.agents = 0;
    out.serviceLevel = 1;
    out.asaSeconds = 0;
    out.occupancy = 0;
    out.probabilityWait = 0;
    return out;
  }

  const workSeconds = calls * ahtSeconds;
  const a = workSeconds / intervalSeconds;
  let start = floorTraffic(calls, intervalSeconds, ahtSeconds, a) + 1;
  if (maxOccupancy !== null) {
    // Occupancy falls with N, so the cap only moves the start of the scan.
    start = Math.max(start, minAgentsForOccupancy(calls, intervalSeconds, ahtSeconds, maxOccupancy, a));
  }
  // 1 − targetSl is exact in doubles (Sterbenz) but targetSl itself is off its decimal by up to
  // 5.6e-17, which is a large relative error when the allowed wait is tiny: widen the band to match.
  const allowedWait = 1 - targetSl;
  const waitBand = Math.max(TARGET_TIE_BAND, 1e-15 / allowedWait);
  const decayPerServer = targetSeconds / ahtSeconds;
  const inverseTraffic = 1 / a;
  let exact: Rational | undefined;

  // The Erlang B recursion in its reciprocal form, 1/B(n) = 1 + (n/A)·(1/B(n−1)): the same
  // numbers, but the loop-carried chain is a multiply-add instead of a division (several times
  // faster), and an overflow to Infinity is just B = 0.
  let inverseB = 1;
  for (let n = 1; n < start && inverseB !== Infinity; n++) inverseB = 1 + n * inverseTraffic * inverseB;

  let servers = start;
  let b = 0;
  let pw = 0;
  let spare = 0;
  let waitBeyondTarget = 0;
  let asa = 0;
  for (; ; servers++) {
    inverseB = 1 + servers * inverseTraffic * inverseB;
    b = 1 / inverseB;
    // N − A from N·interval − calls·AHT when A sits within one of N: both products are exact for
    // everyday inputs, so the difference keeps its digits. From one above, N − A in doubles is
    // as good (relative error below 1e-12 at 5,000 Erlangs) and keeps the division off the loop.
    spare = servers - a;
    if (spare < 1) spare = (servers * intervalSeconds - workSeconds) / intervalSeconds;
    pw = (servers * b) / (spare + a * b);
    waitBeyondTarget = pw * Math.exp(-spare * decayPerServer);

    let meets: boolean;
    if (waitBeyondTarget <= allowedWait * (1 - waitBand)) meets = true;
    else if (waitBeyondTarget > allowedWait * (1 + waitBand)) meets = false;
    else {
      exact ??= exactTraffic(calls, intervalSeconds, ahtSeconds);
      const c = exactErlangC(servers, exact);
      meets = exactMeetsServiceLevel(servers, exact, c, targetSl, targetSeconds, ahtSeconds) ?? waitBeyondTarget <= allowedWait;
    }
    if (meets && targetAsaSeconds !== null) {
      asa = (pw * ahtSeconds) / spare;
      if (asa <= targetAsaSeconds * (1 - TARGET_TIE_BAND)) meets = true;
      else if (asa > targetAsaSeconds * (1 + TARGET_TIE_BAND)) meets = false;
      else {
        exact ??= exactTraffic(calls, intervalSeconds, ahtSeconds);
        meets = exactMeetsAsa(servers, exact, exactErlangC(servers, exact), targetAsaSeconds, ahtSeconds);
      }
    }
    if (meets) break;
  }

  asa = (pw * ahtSeconds) / spare;
  const serversRequired = servers;
  const agents = Math.ceil(serversRequired / serversPerAgent);
  for (servers++; servers <= agents * serversPerAgent; servers++) {
    inverseB = 1 + servers * inverseTraffic * inverseB;
    b = 1 / inverseB;
    spare = servers - a;
    pw = (servers * b) / (spare + a * b);
    waitBeyondTarget = pw * Math.exp(-spare * decayPerServer);
    asa = (pw * ahtSeconds) / spare;
  }
  out.trafficErlangs = a;
  out.serversRequired = serversRequired;
  out.agents = agents;
  out.serviceLevel = 1 - waitBeyondTarget;
  out.asaSeconds = asa;
  out.occupancy = a / (agents * serversPerAgent);
  out.probabilityWait = pw;
  return out;
}

// The scratch answer of {@link requiredAgents}: copied into its result, so never seen outside.
const VOICE_SCRATCH: GroupedStaffing = { trafficErlangs: 0, serversRequired: 0, agents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityWait: 0 };

/**
 * Smallest agent count N > A meeting every target (SL, occupancy cap, ASA), scanning up from
 * floor(A) + 1 with the Erlang B recursion carried along, so the cost is O(N) however large A is.
 * Metrics are reported at that N. With no calls: 0 agents, SL 1, ASA 0, occupancy 0.
 * Throws {@link StaffingInputError} naming the field for an input that cannot be staffed.
 * @example requiredAgents({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 }).agents //=> 14
 * @example requiredAgents({ calls: 165, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, shrinkage: 0.3 }).agentsWithShrinkage //=> 30
 */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const r = scanServers(input.calls, input, 1, VOICE_SCRATCH);
  return {
    trafficErlangs: r.trafficErlangs,
    agents: r.agents,
    agentsWithShrinkage: agentsWithShrinkage(r.agents, input.shrinkage ?? 0),
    serviceLevel: r.serviceLevel,
    asaSeconds: r.asaSeconds,
    occupancy: r.occupancy,
    probabilityWait: r.probabilityWait,
  };
}

/**
 * The inverse question: the service a fixed number of agents gives. Agents ≤ A (exactly, for the
 * decimals as written) is an unstable queue: SL 0, P(wait) 1, occupancy 1, ASA null (infinite).
 * @example achievedService({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, targetSeconds: 20 }).serviceLevel //=> 0.7955764...
 * @example achievedService({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 10, targetSeconds: 20 }).asaSeconds //=> null
 */
export function achievedService(input: AchievedServiceInput): AchievedService {
  const { calls, intervalSeconds, ahtSeconds, agents, targetSeconds } = input;
  checkCommon(calls, intervalSeconds, ahtSeconds, targetSeconds);
  if (typeof agents !== "number" || !Number.isInteger(agents) || agents < 0) reject("agents", "a whole number of at least 0", agents);
  if (calls === 0) return { serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityWait: 0 };
  const workSeconds = calls * ahtSeconds;
  const a = workSeconds / intervalSeconds;
  checkTraffic(a);
  // floor(A) is exact, so A exactly equal to `agents` counts as unstable and A just below does not.
  if (agents <= floorTraffic(calls, intervalSeconds, ahtSeconds, a)) {
    return { serviceLevel: 0, asaSeconds: null, occupancy: 1, probabilityWait: 1 };
  }
  const b = erlangB(agents, a);
  const spare = (agents * intervalSeconds - workSeconds) / intervalSeconds;
  const pw = (agents * b) / (spare + a * b);
  return {
    serviceLevel: 1 - pw * Math.exp((-spare * targetSeconds) / ahtSeconds),
    asaSeconds: (pw * ahtSeconds) / spare,
    occupancy: a / agents,
    probabilityWait: pw,
  };
}
