/**
 * Erlang A staffing for queues whose callers give up (M/M/N+M): Poisson arrivals at rate λ,
 * exponential handle times with mean AHT = 1/μ, N agents, and exponential patience with mean 1/θ.
 * Computed exactly from the birth–death chain, not from an approximation.
 *
 * The chain. State s = number of contacts in the system. For s = n ≤ N: birth λ, death nμ. For
 * s = N + k (k ≥ 1 waiting): birth λ, death Nμ + kθ (every waiting contact abandons at rate θ).
 * With A = λ/μ and β = θ/μ = AHT / patience, the stationary probabilities relative to π_N are
 *   π_n / π_N = N!/(n!·A^(N−n))                 (n ≤ N; Σ_{n≤N} π_n/π_N = 1/B(N, A), Erlang B),
 *   w_k := π_{N+k} / π_N = Π_{j=1..k} A / (N + jβ) (k ≥ 0).
 * Arrivals see time averages (PASTA), so an arrival finds state s with probability π_s. With
 * Z = (1/B − 1) + Σ_k w_k:
 *   P(wait)    = Σ_k w_k / Z;
 *   P(abandon) = θ·E[queue] / λ = Σ_k w_k · (1 − c_k) / Z, where c_k = N / (N + (k+1)β)
 *                (the two agree by the balance λ·π_{N+k} = (Nμ + (k+1)θ)·π_{N+k+1});
 *   occupancy  = carried load / N = A·(1 − P(abandon)) / N.
 *
 * Waiting, per state. An arrival finding N + k (k contacts ahead of it) is at position k + 1; at
 * position j it moves up when a service ends or one of the j − 1 ahead abandons, at hazard
 * Nμ + (j−1)θ, and it abandons itself at hazard θ, independently. So its time to service is
 * W = Σ_{i=0..k} Exp(Nμ + iθ) (competing exponentials, one stage per position), and it is answered
 * when W < τ, τ ~ Exp(θ) its patience. Then
 *   P(answered | k)          = E[e^(−θW)] = Π_{i=0..k} (Nμ+iθ)/(Nμ+(i+1)θ) = c_k (it telescopes);
 *   P(answered within T | k) = ∫_0^T f_W(w)·e^(−θw) dw = c_k · P(V_{k+1} ≤ T),
 * where V_m = Σ_{i=1..m} Exp(Nμ + iθ) is W tilted by e^(−θw) (compare Laplace transforms: each
 * stage's rate r becomes r + θ). V_m has a closed form: its Laplace transform is
 * Π_{i=1..m} (i + Nμ/θ)/(i + (Nμ+s)/θ) = B(b + s/θ, m)/B(b, m) with b = 1 + Nμ/θ, the Mellin
 * transform of a Beta(b, m) variable, so e^(−θV_m) ~ Beta(b, m) and
 *   P(V_m ≤ T) = I_x(m, b) = P(X ≥ m),  x = 1 − e^(−θT),  X ~ NegativeBinomial(b, x),
 *   P(X = j) = Γ(j+b)/(j!·Γ(b)) · x^j · (1−x)^b.
 * Service level (share of ALL arrivals answered within T; abandoned contacts never count):
 *   SL = [ (1/B − 1) + Σ_k w_k · c_k · P(X ≥ k+1) ] / Z.
 * ASA of answered contacts (answered at once count as 0): E[W·1{answered}] = Σ_k π_{N+k}·c_k·E[V_{k+1}]
 * with E[V_m] = Σ_{i=1..m} 1/(Nμ + iθ), divided by P(answered) = [(1/B − 1) + Σ_k w_k c_k] / Z.
 * As θ → 0 all of this tends to Erlang C (c_k → 1, w_k → (A/N)^k, V_m → Erlang(m, Nμ)).
 *
 * Numerics. Everything is a sum of positive terms (no alternating partial fractions). The w_k, the
 * negative-binomial pmf and the accumulated sums are kept as scaled doubles: whenever a running
 * value passes 2^900 every accumulator is multiplied by 2^−900, and the pmf's start (1−x)^b =
 * e^(−(θ+Nμ)T), which underflows for 5,000 Erlangs, is carried as a logarithm; so no step
 * overflows or underflows in a way that matters, for any N. 1/B comes from Erlang B's stable
 * recursion (./erlang-c.ts); when it overflows, the queue's mass is below 1e−308 and is dropped.
 *
 * Truncation. Let r_j = A/(N + jβ) (so w_j = w_{j−1}·r_j, decreasing in j) and
 * s_k = r_{k+1}·(k+2)/(k+1). For j > k, (j+1)·w_j ≤ (k+1)·w_k·s_k^(j−k), because each step
 * multiplies (j+1)·w_j by r_{j+1}·(j+2)/(j+1) ≤ s_k (both factors fall with j). Every series'
 * j-th term is at most (j+1)·w_j times a constant: w_j for Z, P(wait) and SL; w_j·β·(j+1)/(N+β)
 * for P(abandon) (1 − c_j ≤ (j+1)β/(N+β)); w_j·(j+1)/(N+β) for the wait (c_j ≤ 1,
 * E[V_{j+1}]·μ ≤ (j+1)/(N+β)). So once s_k < 1 each tail beyond k is at most
 * (k+1)·w_k·s_k/(1 − s_k) times that constant, and the loop stops at the first k where this bound
 * is below 1e−16 of each partial sum: the dropped tail changes no figure by more than 1e−16
 * relative (about one rounding).
 */
import {
  StaffingInputError,
  agentsWithShrinkage,
  checkCommon,
  checkStaffingInput,
  checkTraffic,
  reject,
  type StaffingInput,
  type StaffingResult,
} from "./erlang-c";

/** The service a number of agents gives on an Erlang A queue. */
export interface ErlangAService {
  /** Share of all arriving contacts answered within T (abandoned ones never count). */
  serviceLevel: number;
  /** Share of arrivals that find every agent busy. */
  probabilityWait: number;
  /** Share of arrivals that abandon before an answer. */
  probabilityAbandon: number;
  /** Mean wait of answered contacts (0 for those answered at once); null when nobody is answered. */
  asaSeconds: number | null;
  /** Carried load per agent: A·(1 − P(abandon)) / N; 0 with no agents. */
  occupancy: number;
}

/** Service of a fixed staffing on an Erlang A queue. Times in seconds. */
export interface ErlangAAchievedInput {
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** Mean patience before a waiting contact abandons; above 0. */
  patienceSeconds: number;
  /** Agents (servers); a whole number of at least 0. */
  agents: number;
  targetSeconds: number;
}

/** A staffing question on an Erlang A queue: Erlang C's, plus patience and an optional abandon cap. */
export interface ErlangAStaffingInput extends StaffingInput {
  /** Mean patience before a waiting contact abandons; above 0. */
  patienceSeconds: number;
  /** Cap on P(abandon) in (0, 1]; null or absent for none. */
  maxAbandonRate?: number | null | undefined;
}

/** The Erlang A answer: Erlang C's shape, plus P(abandon). ASA is that of answered contacts. */
export interface ErlangAStaffingResult extends StaffingResult {
  probabilityAbandon: number;
}

/** Servers needed and the service at whole groups of `serversPerAgent` (chat slots), as in Erlang C. */
export interface ErlangAGroupedStaffing {
  trafficErlangs: number;
  serversRequired: number;
  agents: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  probabilityWait: number;
  probabilityAbandon: number;
}

const TAIL_EPSILON = 1e-16;
const OCCUPANCY_TIE = 1e-12;
const BIG = 2 ** 900;
const SMALL = 2 ** -900;
const LOG_BIG = 900 * Math.LN2;
/** Queue states summed at most: reached only when patience dwarfs AHT on an overloaded queue. */
const MAX_QUEUE_STATES = 20_000_000;

// 1/(k+1) for the first states, so the inner loop multiplies instead of dividing.
const RECIPROCALS = Float64Array.from({ length: 4096 }, (_, k) => 1 / (k + 1));

/** Scratch result of {@link evaluate}: reused so a staffing scan allocates nothing per step. */
interface Figures {
  serviceLevel: number;
  probabilityWait: number;
  probabilityAbandon: number;
  /** Answered contacts' mean wait in AHT units; NaN when nobody is answered. */
  asaAht: number;
  occupancy: number;
  /** True when {@link evaluate} stopped early because SL is proven below its `slFloor`; the other figures are then unset. */
  belowFloor: boolean;
}

/**
 * The chain's figures at `n` servers (see the module comment). `inverseB` = 1/B(n, a); `beta` =
 * AHT / patience; `tau` = T / AHT. Writes into `out`. With `slFloor` > 0 it may stop as soon as
 * SL < slFloor is certain (a staffing scan needs no more): after term k, every later term's
 * P(X ≥ j+1) is at most g = P(X ≥ k+1) and c_j ≤ 1, so SL ≤ (L + S + g·R) / (L + W + R) for the
 * unknown remaining mass R ≥ 0, a weighted mean of (L + S)/(L + W) and g, hence at most the larger.
 * This keeps overloaded trial staffings with long patience (millions of waiting states) cheap.
 */
function evaluate(n: number, a: number, inverseB: number, beta: number, tau: number, slFloor: number, out: Figures): Figures {
  out.belowFloor = false;
  if (n === 0) {
    out.serviceLevel = 0;
    out.probabilityWait = 1;
    out.probabilityAbandon = 1;
    out.asaAht = NaN;
    out.occupancy = 0;
    return out;
  }
  if (inverseB === Infinity) {
    out.serviceLevel = 1;
    out.probabilityWait = 0;
    out.probabilityAbandon = 0;
    out.asaAht = 0;
    out.occupancy = a / n;
    return out;
  }
  let lower = inverseB - 1;
  // Negative binomial X ~ NB(b, x) with b = 1 + n/β: pmf carried as pScaled·e^(logScale).
  const x = -Math.expm1(-beta * tau);
  const bMinus1 = n / beta;
  let logScale = -(beta + n) * tau;
  let scale = Math.exp(logScale);
  let pScaled = 1;
  let cumScaled = 1;

  let w = 1;
  let sumW = 0;
  let sumAnswered = 0;
  let sumWithin = 0;
  let sumAbandon = 0;
  let sumWait = 0;
  let meanV = 0;
  const tailAbandon = beta / (n + beta);
  const tailWait = 1 / (n + beta);
  for (let k = 0; ; k++) {
    // One division per state: the stage's rate (in μ) is shared by c_k, E[V_{k+1}] and r_{k+1}.
    const inverseStage = 1 / (n + (k + 1) * beta);
    const c = n * inverseStage;
    meanV += inverseStage;
    // P(X ≥ k+1) = 1 − P(X ≤ k); P(X ≤ k) = cumScaled·e^(logScale).
    const cdf = cumScaled * scale;
    const beyond = cdf >= 1 ? 0 : 1 - cdf;
    const answered = w * c;
    sumW += w;
    sumAnswered += answered;
    sumWithin += answered * beyond;
    sumAbandon += w - answered;
    sumWait += answered * meanV;
    if (beyond < slFloor && lower + sumWithin < slFloor * (lower + sumW)) {
      out.belowFloor = true;
      return out;
    }

    const r = a * inverseStage;
    const inverseCount = RECIPROCALS[k] ?? 1 / (k + 1);
    const s = r * (k + 2) * inverseCount;
    if (s < 1) {
      const bound = ((k + 1) * w * s) / (1 - s);
      if (bound <= TAIL_EPSILON * (lower + sumW) && bound * tailAbandon <= TAIL_EPSILON * sumAbandon && bound * tailWait <= TAIL_EPSILON * sumWait) break;
    }
    if (k >= MAX_QUEUE_STATES) {
      throw new StaffingInputError("patienceSeconds", `is too long for this overloaded queue (more than ${MAX_QUEUE_STATES} waiting states to sum); use Erlang C (no patience) or more agents`);
    }
    w *= r;
    if (w > BIG) {
      w *= SMALL;
      lower *= SMALL;
      sumW *= SMALL;
      sumAnswered *= SMALL;
      sumWithin *= SMALL;
      sumAbandon *= SMALL;
      sumWait *= SMALL;
    }
    pScaled *= x * (k + 1 + bMinus1) * inverseCount;
    cumScaled += pScaled;
    if (pScaled > BIG) {
      pScaled *= SMALL;
      cumScaled *= SMALL;
      logScale += LOG_BIG;
      scale = Math.exp(logScale);
    }
  }
  const z = lower + sumW;
  const answeredMass = lower + sumAnswered;
  out.serviceLevel = (lower + sumWithin) / z;
  out.probabilityWait = sumW / z;
  out.probabilityAbandon = sumAbandon / z;
  out.asaAht = answeredMass > 0 ? sumWait / answeredMass : NaN;
  out.occupancy = (a * (answeredMass / z)) / n;
  return out;
}

function newFigures(): Figures {
  return { serviceLevel: 0, probabilityWait: 0, probabilityAbandon: 0, asaAht: 0, occupancy: 0, belowFloor: false };
}

function checkPatience(patienceSeconds: unknown): void {
  if (typeof patienceSeconds !== "number" || !(patienceSeconds > 0 && patienceSeconds < Infinity)) {
    reject("patienceSeconds", "a number of seconds above 0", patienceSeconds);
  }
}

/** 1/B(n, a) by Erlang B's reciprocal recursion (./erlang-c.ts), Infinity once B underflows. */
function inverseErlangB(n: number, a: number): number {
  const inverseTraffic = 1 / a;
  let inverseB = 1;
  for (let i = 1; i <= n && inverseB !== Infinity; i++) inverseB = 1 + i * inverseTraffic * inverseB;
  return inverseB;
}

/**
 * The service a fixed number of agents gives on an Erlang A queue: SL (share of all arrivals
 * answered within T), P(wait), P(abandon), ASA of answered contacts and occupancy. Any staffing is
 * stable (callers leave), so agents ≤ A is fine. Throws {@link StaffingInputError} naming the field.
 * @example achievedServiceErlangA({ calls: 200, intervalSeconds: 3600, ahtSeconds: 3600, patienceSeconds: 3600, agents: 1, targetSeconds: 0 }).probabilityAbandon //=> 1/e ≈ 0.3679
 */
export function achievedServiceErlangA(input: ErlangAAchievedInput): ErlangAService {
  const { calls, intervalSeconds, ahtSeconds, patienceSeconds, agents, targetSeconds } = input;
  checkCommon(calls, intervalSeconds, ahtSeconds, targetSeconds);
  checkPatience(patienceSeconds);
  if (typeof agents !== "number" || !Number.isInteger(agents) || agents < 0) reject("agents", "a whole number of at least 0", agents);
  if (calls === 0) return { serviceLevel: 1, probabilityWait: 0, probabilityAbandon: 0, asaSeconds: 0, occupancy: 0 };
  const a = (calls * ahtSeconds) / intervalSeconds;
  checkTraffic(a);
  const f = evaluate(agents, a, inverseErlangB(agents, a), ahtSeconds / patienceSeconds, targetSeconds / ahtSeconds, 0, newFigures());
  return {
    serviceLevel: f.serviceLevel,
    probabilityWait: f.probabilityWait,
    probabilityAbandon: f.probabilityAbandon,
    asaSeconds: Number.isNaN(f.asaAht) ? null : f.asaAht * ahtSeconds,
    occupancy: f.occupancy,
  };
}

// Reusable 1/B(n) table for the scan: filled up to `filled` for the current traffic.
let inverseBTable = new Float64Array(1024);

/**
 * Where the scan starts: Erlang C's answer for the same targets in plain doubles (cheap), one
 * fewer when callers are impatient enough to matter (β > 0.05), since abandons shorten the queue
 * for the rest; over a month of intervals the Erlang A answer is mostly 1–3 below Erlang C's.
 * Only a guess: {@link smallestMeeting} moves from it either way.
 */
function guessServers(a: number, beta: number, tau: number, ahtSeconds: number, targetSl: number, maxOccupancy: number | null, targetAsaSeconds: number | null): number {
  const inverseTraffic = 1 / a;
  let inverseB = 1;
  let start = Math.floor(a) + 1;
  if (maxOccupancy !== null) start = Math.max(start, Math.ceil(a / maxOccupancy));
  for (let n = 1; n < start; n++) inverseB = 1 + n * inverseTraffic * inverseB;
  const asaCap = targetAsaSeconds ?? Infinity;
  for (let n = start; ; n++) {
    inverseB = 1 + n * inverseTraffic * inverseB;
    const b = 1 / inverseB;
    const spare = n - a;
    const pw = (n * b) / (spare + a * b);
    if (pw * Math.exp(-spare * tau) <= 1 - targetSl && (pw * ahtSeconds) / spare <= asaCap) return beta > 0.05 ? n - 1 : n;
  }
}

/**
 * The smallest n ≥ floor with meets(n), for a monotone `meets` (false below some point, true from
 * it), starting from `guess` ≥ floor: walk away from the guess one step at a time for three steps
 * (the answer is usually that close), then gallop (2, 4, 8, …) until the answer is bracketed, and
 * bisect.
 */
function smallestMeeting(meets: (n: number) => boolean, floor: number, guess: number): number {
  const stepAt = (i: number) => (i < 3 ? 1 : 2 ** (i - 2));
  let lo: number;
  let hi: number;
  if (meets(guess)) {
    hi = guess;
    lo = hi;
    for (let i = 0; ; i++) {
      if (hi === floor) return hi;
      lo = Math.max(floor, hi - stepAt(i));
      if (!meets(lo)) break;
      hi = lo;
    }
  } else {
    lo = guess;
    for (let i = 0; ; i++) {
      hi = lo + stepAt(i);
      if (meets(hi)) break;
      lo = hi;
    }
  }
  // meets(lo) is false and meets(hi) true.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The staffing scan behind {@link requiredAgentsErlangA} and Erlang A chat slots: the smallest N ≥ 1
 * meeting the SL target, the occupancy cap (on carried occupancy), the ASA cap (answered contacts)
 * and the abandon cap; then the service at N rounded up to whole groups of `serversPerAgent`.
 * Each target is monotone in N (the property tests check it), so the scan gallops from a guess
 * (Erlang C's answer) and bisects, never below a proven lower bound: SL ≤ P(answered) ≤ N/A (at
 * most N contacts are in service) gives N ≥ targetSl·A, and P(abandon) ≥ 1 − N/A gives
 * N ≥ A·(1 − maxAbandonRate).
 * @example requiredServersErlangA({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, patienceSeconds: 1e12, targetSl: 0.8, targetSeconds: 20 }, 1).serversRequired //=> 14 (Erlang C's answer)
 */
export function requiredServersErlangA(input: ErlangAStaffingInput, serversPerAgent: number): ErlangAGroupedStaffing {
  checkStaffingInput(input);
  checkPatience(input.patienceSeconds);
  const maxAbandonRate = input.maxAbandonRate ?? null;
  if (maxAbandonRate !== null && (typeof maxAbandonRate !== "number" || !(maxAbandonRate > 0 && maxAbandonRate <= 1))) {
    reject("maxAbandonRate", "a fraction above 0 and at most 1, or null", maxAbandonRate);
  }
  const { calls, intervalSeconds, ahtSeconds, targetSl, targetSeconds } = input;
  const maxOccupancy = input.maxOccupancy ?? null;
  const targetAsaSeconds = input.targetAsaSeconds ?? null;
  if (calls === 0) {
    return { trafficErlangs: 0, serversRequired: 0, agents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityWait: 0, probabilityAbandon: 0 };
  }
  const a = (calls * ahtSeconds) / intervalSeconds;
  const beta = ahtSeconds / input.patienceSeconds;
  const tau = targetSeconds / ahtSeconds;
  const f = newFigures();
  const met = newFigures();
  let metAt = Infinity;
  let filled = 0;
  const inverseBAt = (n: number): number => {
    if (n >= inverseBTable.length) {
      const grown = new Float64Array(Math.max(n + 1, inverseBTable.length * 2));
      grown.set(inverseBTable.subarray(0, filled + 1));
      inverseBTable = grown;
    }
    if (filled === 0) inverseBTable[0] = 1;
    const inverseTraffic = 1 / a;
    for (let i = filled + 1; i <= n; i++) inverseBTable[i] = 1 + i * inverseTraffic * (inverseBTable[i - 1] ?? 1);
    if (n > filled) filled = n;
    return inverseBTable[n] ?? 1;
  };
  const meets = (n: number): boolean => {
    evaluate(n, a, inverseBAt(n), beta, tau, targetSl, f);
    if (f.belowFloor || f.serviceLevel < targetSl) return false;
    // A cap met to 1e−12 counts as met: without abandons occupancy is A/N, and caps written as
    // decimals tie with it exactly (A = 2.1 on 3 agents is 0.7, 0.7000000000000001 in doubles).
    if (maxOccupancy !== null && f.occupancy > maxOccupancy * (1 + OCCUPANCY_TIE)) return false;
    if (maxAbandonRate !== null && f.probabilityAbandon > maxAbandonRate) return false;
    if (targetAsaSeconds !== null && !(f.asaAht * ahtSeconds <= targetAsaSeconds)) return false;
    // The figures at the smallest staffing met so far: usually the answer's, so not recomputed.
    if (n < metAt) {
      metAt = n;
      Object.assign(met, f);
    }
    return true;
  };

  // Lower bound proven in the TSDoc, shaved by a hair so rounding can only lower it.
  let floor = Math.max(1, Math.ceil(targetSl * a * (1 - 1e-9)));
  if (maxAbandonRate !== null) floor = Math.max(floor, Math.ceil(a * (1 - maxAbandonRate) * (1 - 1e-9)));
  const servers = smallestMeeting(meets, floor, Math.max(floor, guessServers(a, beta, tau, ahtSeconds, targetSl, maxOccupancy, targetAsaSeconds)));
  const agents = Math.ceil(servers / serversPerAgent);
  const staffed = agents * serversPerAgent;
  const at = staffed === metAt ? met : evaluate(staffed, a, inverseBAt(staffed), beta, tau, 0, f);
  return {
    trafficErlangs: a,
    serversRequired: servers,
    agents,
    serviceLevel: at.serviceLevel,
    asaSeconds: at.asaAht * ahtSeconds,
    occupancy: at.occupancy,
    probabilityWait: at.probabilityWait,
    probabilityAbandon: at.probabilityAbandon,
  };
}

/**
 * Smallest agent count N ≥ 1 meeting every target on an Erlang A queue (SL of all arrivals, the
 * occupancy cap, the ASA cap on answered contacts, the abandon cap), with shrinkage as in
 * Erlang C. With no calls: 0 agents. As patience grows without bound this is Erlang C's answer.
 * @example requiredAgentsErlangA({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, patienceSeconds: 120, targetSl: 0.8, targetSeconds: 20 }).agents //=> 13
 */
export function requiredAgentsErlangA(input: ErlangAStaffingInput): ErlangAStaffingResult {
  const r = requiredServersErlangA(input, 1);
  return {
    trafficErlangs: r.trafficErlangs,
    agents: r.agents,
    agentsWithShrinkage: agentsWithShrinkage(r.agents, input.shrinkage ?? 0),
    serviceLevel: r.serviceLevel,
    asaSeconds: r.asaSeconds,
    occupancy: r.occupancy,
    probabilityWait: r.probabilityWait,
    probabilityAbandon: r.probabilityAbandon,
  };
}
