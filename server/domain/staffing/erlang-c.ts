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
 * (SL with T > 0) with rigorous BigInt bounds on exp. The fast path stays allocation-light so a
 * month of intervals takes milliseconds; the exact path runs only within a hair of a tie.
 */

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

// A double within this relative distance of an integer (or of a target) is re-decided exactly.
// Integer checks (floor(A), A/cap, N/(1−s)) are a few roundings away from exact, so 1e-9 is vast;
// SL and ASA come out of an O(N) recursion and an exp, so they get a wider band.
const INTEGER_TIE_BAND = 1e-9;
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
// Exact arithmetic for the integer decisions
// ---------------------------------------------------------------------------------------------

/** A non-negative rational n / d with d > 0 (not necessarily reduced). */
interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The decimal a double is written as: its shortest round-trip string, read exactly. */
function decimalOf(x: number): Rational {
  const m = DECIMAL.exec(String(x));
  if (!m) throw new Error(`not a finite decimal: ${x}`);
  const fraction = m[3] ?? "";
  const exponent = Number(m[4] ?? "0") - fraction.length;
  let n = BigInt((m[2] ?? "0") + fraction);
  if (m[1] === "-") n = -n;
  return exponent >= 0 ? { n: n * 10n ** BigInt(exponent), d: 1n } : { n, d: 10n ** BigInt(-exponent) };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(r: Rational): Rational {
  const g = gcd(r.n, r.d);
  return g > 1n ? { n: r.n / g, d: r.d / g } : r;
}

/** Exact traffic calls·aht/interval as a reduced rational. */
function exactTraffic(calls: number, intervalSeconds: number, ahtSeconds: number): Rational {
  const c = decimalOf(calls);
  const a = decimalOf(ahtSeconds);
  const i = decimalOf(intervalSeconds);
  return reduce({ n: c.n * a.n * i.d, d: c.d * a.d * i.n });
}

function ceilDiv(n: bigint, d: bigint): bigint {
  return n >= 0n ? (n + d - 1n) / d : n / d;
}

function isNearInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= INTEGER_TIE_BAND * Math.max(1, Math.abs(x));
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Π nums / Π dens as two safe integers, each input read as the decimal it is written as, or
 * undefined when an input has more than 6 decimals or a product leaves the safe range (the caller
 * then uses BigInt). M / 10^k === x with M < 2^52 means the decimal M / 10^k is the one x was
 * written as: decimals with k places are further apart than x's rounding.
 */
function safeRatio(nums: readonly number[], dens: readonly number[]): [number, number] | undefined {
  let n = 1;
  let d = 1;
  for (let side = 0; side < 2; side++) {
    for (const x of side === 0 ? nums : dens) {
      let k = 0;
      let m = x;
      for (; k < POW10.length; k++) {
        const p = POW10[k] ?? 1;
        m = Math.round(x * p);
        if (m / p === x) break;
      }
      if (k === POW10.length || !(m < 2 ** 52)) return undefined;
      const scale = POW10[k] ?? 1;
      // x = m / scale: m joins this side, scale the other.
      if (side === 0) {
        n *= m;
        d *= scale;
      } else {
        d *= m;
        n *= scale;
      }
      if (!(n <= SAFE && d <= SAFE)) return undefined;
    }
  }
  return [n, d];
}

/** floor(n / d) and ceil(n / d) for safe non-negative integers, without rounding the quotient. */
function floorOfRatio(n: number, d: number): number {
  return (n - (n % d)) / d;
}
function ceilOfRatio(n: number, d: number): number {
  const r = n % d;
  return (n - r) / d + (r === 0 ? 0 : 1);
}

/** floor(A) for the decimals as written. */
function floorTraffic(calls: number, intervalSeconds: number, ahtSeconds: number, a: number): number {
  if (!isNearInteger(a)) return Math.floor(a);
  const fast = safeRatio([calls, ahtSeconds], [intervalSeconds]);
  if (fast) return floorOfRatio(fast[0], fast[1]);
  const t = exactTraffic(calls, intervalSeconds, ahtSeconds);
  return Number(t.n / t.d);
}

/** Smallest N with A / N ≤ cap, i.e. ceil(A / cap), for the decimals as written. */
function minAgentsForOccupancy(
  calls: number,
  intervalSeconds: number,
  ahtSeconds: number,
  maxOccupancy: number,
  a: number,
): number {
  const q = a / maxOccupancy;
  if (!isNearInteger(q)) return Math.ceil(q);
  const fast = safeRatio([calls, ahtSeconds], [intervalSeconds, maxOccupancy]);
  if (fast) return ceilOfRatio(fast[0], fast[1]);
  const t = exactTraffic(calls, intervalSeconds, ahtSeconds);
  const cap = decimalOf(maxOccupancy);
  return Number(ceilDiv(t.n * cap.d, t.d * cap.n));
}

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
  // shrinkage = S / 10^k, so N / (1 − shrinkage) = N·10^k / (10^k − S).
  const s = safeRatio([shrinkage], [1]);
  if (s && s[1] <= SAFE / agents) return ceilOfRatio(agents * s[1], s[1] - s[0]);
  const exact = decimalOf(shrinkage);
  return Number(ceilDiv(BigInt(agents) * exact.d, exact.d - exact.n));
}

/**
 * Exact Erlang C for integer N and rational A = p/q (reduced), N > A.
 * With I(n) = 1/B(n) = 1 + (n/A)·I(n−1) written as U(n)/p^n: U(n) = p^n + n·q·U(n−1), so
 * B(N) = p^N/U(N) and C = N·q·p^N / ((N·q − p)·U(N) + p·p^N).
 */
function exactErlangC(agents: number, traffic: Rational): Rational {
  const p = traffic.n;
  const q = traffic.d;
  let power = 1n;
  let u = 1n;
  for (let n = 1; n <= agents; n++) {
    power *= p;
    u = power + BigInt(n) * q * u;
  }
  const nq = BigInt(agents) * q;
  return { n: nq * power, d: (nq - p) * u + p * power };
}

/**
 * Bounds lo ≤ e^x · 2^scale ≤ hi for rational x ≥ 0, accurate to about `bits` bits.
 * Halve x until ≤ 1/2, sum the Taylor series with floor/ceil rounding (tail ≤ last term since
 * the terms shrink at least fourfold), then square back with floor/ceil: every step is monotone,
 * so the bounds are rigorous.
 */
function expBounds(x: Rational, bits: number): { lo: bigint; hi: bigint; scale: bigint } {
  let k = 0n;
  while (x.n * 2n > x.d << k) k++;
  const yn = x.n;
  const yd = x.d << k;
  const scale = BigInt(bits) + k + 16n;
  const one = 1n << scale;
  let termLo = one;
  let termHi = one;
  let lo = one;
  let hi = one;
  for (let i = 1n; termHi > 0n; i++) {
    termLo = (termLo * yn) / (yd * i);
    termHi = ceilDiv(termHi * yn, yd * i);
    lo += termLo;
    hi += termHi;
    if (termHi <= 1n) {
      hi += termHi;
      break;
    }
  }
  for (let j = 0n; j < k; j++) {
    lo = (lo * lo) >> scale;
    hi = ceilDiv(hi * hi, one);
  }
  return { lo, hi, scale };
}

/** Exactly: is SL(N) ≥ targetSl, i.e. C·e^(−x) ≤ 1 − targetSl with x = (N − A)·T / AHT? */
function exactMeetsServiceLevel(
  agents: number,
  traffic: Rational,
  c: Rational,
  targetSl: number,
  targetSeconds: number,
  ahtSeconds: number,
): boolean | undefined {
  const sl = decimalOf(targetSl);
  const r: Rational = { n: sl.d - sl.n, d: sl.d };
  if (targetSeconds === 0) return c.n * r.d <= r.n * c.d;
  const t = decimalOf(targetSeconds);
  const aht = decimalOf(ahtSeconds);
  const dn = BigInt(agents) * traffic.d - traffic.n;
  const x: Rational = { n: dn * t.n * aht.d, d: traffic.d * t.d * aht.n };
  // C ≤ R·e^x; e^x is transcendental for rational x > 0, so a tie is impossible and more bits decide.
  for (let bits = 128; bits <= 1 << 16; bits *= 2) {
    const { lo, hi, scale } = expBounds(x, bits);
    const left = (c.n * r.d) << scale;
    if (left <= r.n * c.d * lo) return true;
    if (left > r.n * c.d * hi) return false;
  }
  return undefined;
}

/** Exactly: is ASA(N) = C·AHT / (N − A) ≤ target? */
function exactMeetsAsa(agents: number, traffic: Rational, c: Rational, targetAsaSeconds: number, ahtSeconds: number): boolean {
  const aht = decimalOf(ahtSeconds);
  const target = decimalOf(targetAsaSeconds);
  const dn = BigInt(agents) * traffic.d - traffic.n; // (N − A)·q
  // C·aht / (dn/q) ≤ target  ⇔  c.n·aht.n·q·target.d ≤ target.n·dn·c.d·aht.d
  return c.n * aht.n * traffic.d * target.d <= target.n * dn * c.d * aht.d;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function show(x: unknown): string {
  return typeof x === "number" ? String(x) : (JSON.stringify(x) ?? String(x));
}

function reject(field: string, expected: string, x: unknown): never {
  throw new StaffingInputError(field, `expected ${expected}, got ${show(x)}`);
}

// Written as !(x >= lo) so NaN fails too; typeof guards callers outside TypeScript.
function checkShrinkage(shrinkage: unknown): void {
  if (typeof shrinkage !== "number" || !(shrinkage >= 0 && shrinkage < 1)) reject("shrinkage", "a fraction from 0 up to but not including 1", shrinkage);
}

function checkCommon(calls: unknown, intervalSeconds: unknown, ahtSeconds: unknown, targetSeconds: unknown): void {
  if (typeof calls !== "number" || !(calls >= 0 && calls < Infinity)) reject("calls", "a number of at least 0", calls);
  if (typeof intervalSeconds !== "number" || !(intervalSeconds > 0 && intervalSeconds < Infinity)) reject("intervalSeconds", "a number above 0", intervalSeconds);
  if (typeof ahtSeconds !== "number" || !(ahtSeconds > 0 && ahtSeconds < Infinity)) reject("ahtSeconds", "a number above 0", ahtSeconds);
  if (typeof targetSeconds !== "number" || !(targetSeconds >= 0 && targetSeconds < Infinity)) reject("targetSeconds", "a number of at least 0", targetSeconds);
}

function checkTraffic(a: number): void {
  if (!(a <= MAX_TRAFFIC_ERLANGS)) throw new StaffingInputError("calls", `traffic of ${a} Erlangs is above the supported ${MAX_TRAFFIC_ERLANGS}`);
}

function checkStaffingInput(input: StaffingInput): void {
  const { calls, targetSl, maxOccupancy, targetAsaSeconds } = input;
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
  checkStaffingInput(input);
  const { calls, intervalSeconds, ahtSeconds, targetSl, targetSeconds } = input;
  const maxOccupancy = input.maxOccupancy ?? null;
  const targetAsaSeconds = input.targetAsaSeconds ?? null;

  if (calls === 0) {
    return { trafficErlangs: 0, serversRequired: 0, agents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityWait: 0 };
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
    // N − A from N·interval − calls·AHT: both products are exact for everyday inputs, so the
    // difference does not lose digits when A sits just below N.
    spare = (servers * intervalSeconds - workSeconds) / intervalSeconds;
    pw = (servers * b) / (spare + a * b);
    waitBeyondTarget = pw * Math.exp(-spare * decayPerServer);
    asa = (pw * ahtSeconds) / spare;

    let meets: boolean;
    if (waitBeyondTarget <= allowedWait * (1 - waitBand)) meets = true;
    else if (waitBeyondTarget > allowedWait * (1 + waitBand)) meets = false;
    else {
      exact ??= exactTraffic(calls, intervalSeconds, ahtSeconds);
      const c = exactErlangC(servers, exact);
      meets = exactMeetsServiceLevel(servers, exact, c, targetSl, targetSeconds, ahtSeconds) ?? waitBeyondTarget <= allowedWait;
    }
    if (meets && targetAsaSeconds !== null) {
      if (asa <= targetAsaSeconds * (1 - TARGET_TIE_BAND)) meets = true;
      else if (asa > targetAsaSeconds * (1 + TARGET_TIE_BAND)) meets = false;
      else {
        exact ??= exactTraffic(calls, intervalSeconds, ahtSeconds);
        meets = exactMeetsAsa(servers, exact, exactErlangC(servers, exact), targetAsaSeconds, ahtSeconds);
      }
    }
    if (meets) break;
  }

  const serversRequired = servers;
  const agents = Math.ceil(serversRequired / serversPerAgent);
  for (servers++; servers <= agents * serversPerAgent; servers++) {
    inverseB = 1 + servers * inverseTraffic * inverseB;
    b = 1 / inverseB;
    spare = (servers * intervalSeconds - workSeconds) / intervalSeconds;
    pw = (servers * b) / (spare + a * b);
    waitBeyondTarget = pw * Math.exp(-spare * decayPerServer);
    asa = (pw * ahtSeconds) / spare;
  }
  return {
    trafficErlangs: a,
    serversRequired,
    agents,
    serviceLevel: 1 - waitBeyondTarget,
    asaSeconds: asa,
    occupancy: a / (agents * serversPerAgent),
    probabilityWait: pw,
  };
}

/**
 * Smallest agent count N > A meeting every target (SL, occupancy cap, ASA), scanning up from
 * floor(A) + 1 with the Erlang B recursion carried along, so the cost is O(N) however large A is.
 * Metrics are reported at that N. With no calls: 0 agents, SL 1, ASA 0, occupancy 0.
 * Throws {@link StaffingInputError} naming the field for an input that cannot be staffed.
 * @example requiredAgents({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 }).agents //=> 14
 * @example requiredAgents({ calls: 165, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, shrinkage: 0.3 }).agentsWithShrinkage //=> 30
 */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const r = requiredServersInGroups(input, 1);
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
