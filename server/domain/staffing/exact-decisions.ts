/**
 * Exact arithmetic for Erlang C's integer decisions (./erlang-c.ts): floor(A), the occupancy cap,
 * the shrinkage ceiling and a target met exactly, for inputs taken as the decimals they are
 * written as. The doubles decide when they are clearly on one side; these functions re-decide
 * within a hair of a tie, in safe-integer doubles or BigInt rationals built from each input's
 * shortest decimal string, and (for SL with T > 0) with rigorous BigInt bounds on exp.
 * Internal to the staffing engine; not exported from its index.
 */

// A double within this relative distance of an integer is re-decided exactly. Integer checks
// (floor(A), A/cap, N/(1−s)) are a few roundings away from exact, so 1e-9 is vast.
const INTEGER_TIE_BAND = 1e-9;

/** A non-negative rational n / d with d > 0 (not necessarily reduced). */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The decimal a double is written as: its shortest round-trip string, read exactly. */
export function decimalOf(x: number): Rational {
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
export function exactTraffic(calls: number, intervalSeconds: number, ahtSeconds: number): Rational {
  const c = decimalOf(calls);
  const a = decimalOf(ahtSeconds);
  const i = decimalOf(intervalSeconds);
  return reduce({ n: c.n * a.n * i.d, d: c.d * a.d * i.n });
}

/** ceil(n / d) for BigInt n and d > 0 (BigInt division truncates toward zero). */
export function ceilDiv(n: bigint, d: bigint): bigint {
  return n >= 0n ? (n + d - 1n) / d : n / d;
}

/** True when the double is within a hair of an integer, so the integer decision must be re-made exactly. */
export function isNearInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= INTEGER_TIE_BAND * Math.max(1, Math.abs(x));
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
/** Products up to here are exact in doubles. */
export const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Π nums / Π dens as two safe integers, each input read as the decimal it is written as, or
 * undefined when an input has more than 6 decimals or a product leaves the safe range (the caller
 * then uses BigInt). M / 10^k === x with M < 2^52 means the decimal M / 10^k is the one x was
 * written as: decimals with k places are further apart than x's rounding.
 */
export function safeRatio(nums: readonly number[], dens: readonly number[]): [number, number] | undefined {
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

/** floor(n / d) for safe non-negative integers, without rounding the quotient. */
function floorOfRatio(n: number, d: number): number {
  return (n - (n % d)) / d;
}
/** ceil(n / d) for safe non-negative integers, without rounding the quotient. */
export function ceilOfRatio(n: number, d: number): number {
  const r = n % d;
  return (n - r) / d + (r === 0 ? 0 : 1);
}

/** floor(A) for the decimals as written. */
export function floorTraffic(calls: number, intervalSeconds: number, ahtSeconds: number, a: number): number {
  if (!isNearInteger(a)) return Math.floor(a);
  const fast = safeRatio([calls, ahtSeconds], [intervalSeconds]);
  if (fast) return floorOfRatio(fast[0], fast[1]);
  const t = exactTraffic(calls, intervalSeconds, ahtSeconds);
  return Number(t.n / t.d);
}

/** Smallest N with A / N ≤ cap, i.e. ceil(A / cap), for the decimals as written. */
export function minAgentsForOccupancy(
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
 * Exact Erlang C for integer N and rational A = p/q (reduced), N > A.
 * With I(n) = 1/B(n) = 1 + (n/A)·I(n−1) written as U(n)/p^n: U(n) = p^n + n·q·U(n−1), so
 * B(N) = p^N/U(N) and C = N·q·p^N / ((N·q − p)·U(N) + p·p^N).
 */
export function exactErlangC(agents: number, traffic: Rational): Rational {
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
export function exactMeetsServiceLevel(
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
export function exactMeetsAsa(agents: number, traffic: Rational, c: Rational, targetAsaSeconds: number, ahtSeconds: number): boolean {
  const aht = decimalOf(ahtSeconds);
  const target = decimalOf(targetAsaSeconds);
  const dn = BigInt(agents) * traffic.d - traffic.n; // (N − A)·q
  // C·aht / (dn/q) ≤ target  ⇔  c.n·aht.n·q·target.d ≤ target.n·dn·c.d·aht.d
  return c.n * aht.n * traffic.d * target.d <= target.n * dn * c.d * aht.d;
}
