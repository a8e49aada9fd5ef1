import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { achievedServiceErlangA, requiredAgentsErlangA, requiredServersErlangA } from "./erlang-a";
import { requiredChatAgents } from "./channel-models";
import { StaffingInputError, achievedService, requiredAgents } from "./erlang-c";
import type { StaffingInput } from "./erlang-c";

interface ReferenceCase {
  id: string;
  inputs: { calls: number; interval_seconds: number; aht_seconds: number; target_sl: number; target_seconds: number; max_occupancy: number | null; target_asa_seconds: number | null; shrinkage: number };
}
const cases = JSON.parse(readFileSync(fileURLToPath(new URL("./reference-cases.json", import.meta.url)), "utf8")) as ReferenceCase[];

/** Patience so long nobody abandons: β = AHT / patience is below 1e-16 (even 18,000 contacts deep, c_k and w_k move by < 1e-13). */
const ENDLESS = 1e20;

describe("Erlang A as patience grows without bound", () => {
  it("gives Erlang C's service within 1e-9 at every staffing above the traffic", () => {
    for (const [calls, interval, aht, t] of [[100, 1800, 180, 20], [9, 900, 300, 60], [450, 1800, 240, 15], [1000, 3600, 600, 0]] as const) {
      const a = (calls * aht) / interval;
      for (let agents = Math.floor(a) + 1; agents <= Math.floor(a) + 12; agents++) {
        const c = achievedService({ calls, intervalSeconds: interval, ahtSeconds: aht, agents, targetSeconds: t });
        const e = achievedServiceErlangA({ calls, intervalSeconds: interval, ahtSeconds: aht, patienceSeconds: ENDLESS, agents, targetSeconds: t });
        const where = `A=${a} N=${agents}`;
        expect(Math.abs(e.serviceLevel - c.serviceLevel), where).toBeLessThan(1e-9);
        expect(Math.abs(e.probabilityWait - c.probabilityWait), where).toBeLessThan(1e-9);
        expect(Math.abs(e.occupancy - c.occupancy), where).toBeLessThan(1e-9);
        expect(Math.abs((e.asaSeconds ?? NaN) - (c.asaSeconds ?? NaN)), where).toBeLessThan(1e-9 * Math.max(1, c.asaSeconds ?? 0));
        expect(e.probabilityAbandon, where).toBeLessThan(1e-9);
      }
    }
  });

  it("staffs every shared reference case as Erlang C does", () => {
    for (const rc of cases) {
      const input: StaffingInput = {
        calls: rc.inputs.calls,
        intervalSeconds: rc.inputs.interval_seconds,
        ahtSeconds: rc.inputs.aht_seconds,
        targetSl: rc.inputs.target_sl,
        targetSeconds: rc.inputs.target_seconds,
        maxOccupancy: rc.inputs.max_occupancy,
        targetAsaSeconds: rc.inputs.target_asa_seconds,
        shrinkage: rc.inputs.shrinkage,
      };
      const c = requiredAgents(input);
      const e = requiredAgentsErlangA({ ...input, patienceSeconds: ENDLESS });
      // Ties that Erlang C decides exactly sit within 1e-12 of the target; patience moves them by ~1e-13.
      const tie = Math.abs(c.serviceLevel - input.targetSl) < 1e-9 || Math.abs(c.asaSeconds - (input.targetAsaSeconds ?? Infinity)) < 1e-9;
      if (tie) expect(Math.abs(e.agents - c.agents), rc.id).toBeLessThanOrEqual(1);
      else expect(e.agents, rc.id).toBe(c.agents);
      if (e.agents === c.agents) expect(Math.abs(e.serviceLevel - c.serviceLevel), rc.id).toBeLessThan(1e-9);
    }
  });
});

/** P(answered within T | k ahead) by partial fractions of the hypoexponential W = Σ_{i=0..k} Exp(r_i), r_i = Nμ + iθ: ∫_0^T f_W(w)·e^(−θw) dw. */
function answeredWithinByPartialFractions(k: number, nMu: number, theta: number, t: number): number {
  const rates = Array.from({ length: k + 1 }, (_, i) => nMu + i * theta);
  let sum = 0;
  rates.forEach((ri, i) => {
    let coefficient = 1;
    rates.forEach((rj, j) => {
      if (j !== i) coefficient *= rj / (rj - ri);
    });
    sum += (coefficient * ri * -Math.expm1(-(ri + theta) * t)) / (ri + theta);
  });
  return sum;
}

/**
 * The same probability by uniformisation of the contact's own phase chain (no Beta identity, no
 * partial fractions): at position j it moves up at Nμ + (j−1)θ, abandons at θ; Λ = Nμ + (k+1)θ.
 */
function answeredWithinByUniformisation(k: number, nMu: number, theta: number, t: number): number {
  const rate = nMu + (k + 1) * theta;
  let at = new Array<number>(k + 2).fill(0);
  at[k + 1] = 1;
  let served = 0;
  let poisson = Math.exp(-rate * t);
  let total = poisson * served;
  let seen = poisson;
  for (let step = 1; seen < 1 - 1e-16 && step < 10_000; step++) {
    const next = new Array<number>(k + 2).fill(0);
    for (let j = 1; j <= k + 1; j++) {
      const p = at[j] ?? 0;
      const up = (nMu + (j - 1) * theta) / rate;
      if (j === 1) served += p * up;
      else next[j - 1] = (next[j - 1] ?? 0) + p * up;
      next[j] = (next[j] ?? 0) + p * (1 - up - theta / rate);
    }
    at = next;
    poisson *= (rate * t) / step;
    seen += poisson;
    total += poisson * served;
  }
  return total;
}

/** SL, P(wait), P(abandon) of the chain by brute force over k ≤ 80 states, for small cases. */
function bruteForce(n: number, lambda: number, mu: number, theta: number, t: number) {
  const pi: number[] = [1];
  for (let s = 1; s <= n + 80; s++) pi.push(((pi[s - 1] ?? 0) * lambda) / (s <= n ? s * mu : n * mu + (s - n) * theta));
  const z = pi.reduce((x, y) => x + y, 0);
  let sl = 0;
  let wait = 0;
  let queue = 0;
  pi.forEach((p, s) => {
    if (s < n) sl += p / z;
    else {
      if (p / z > 1e-18) sl += (p / z) * answeredWithinByUniformisation(s - n, n * mu, theta, t);
      wait += p / z;
      queue += ((s - n) * p) / z;
    }
  });
  return { serviceLevel: sl, probabilityWait: wait, probabilityAbandon: (theta * queue) / lambda };
}

describe("hand-computed small cases", () => {
  // λ = μ = θ = 1 per hour: A = 1. N = 1: π_{1+k}/π_1 = 1/(k+1)!, Z = e, P(wait) = 1 − 1/e, P(abandon) = 1/e.
  // N = 2: π_{2+k}/π_2 = 2/(k+2)!, 1/B − 1 = 4, Z = 2e, P(wait) = (e − 2)/e, P(abandon) = (3 − e)/e.
  const hour = { calls: 1, intervalSeconds: 3600, ahtSeconds: 3600, patienceSeconds: 3600 };
  it("N = 1: P(wait) = 1 − 1/e, P(abandon) = 1/e, occupancy = 1 − 1/e, SL(T=0) = 1/e", () => {
    const r = achievedServiceErlangA({ ...hour, agents: 1, targetSeconds: 0 });
    expect(r.probabilityWait).toBeCloseTo(1 - 1 / Math.E, 14);
    expect(r.probabilityAbandon).toBeCloseTo(1 / Math.E, 14);
    expect(r.occupancy).toBeCloseTo(1 - 1 / Math.E, 14);
    expect(r.serviceLevel).toBeCloseTo(1 / Math.E, 14);
  });

  it("N = 2: P(wait) = (e − 2)/e, P(abandon) = (3 − e)/e", () => {
    const r = achievedServiceErlangA({ ...hour, agents: 2, targetSeconds: 0 });
    expect(r.probabilityWait).toBeCloseTo((Math.E - 2) / Math.E, 14);
    expect(r.probabilityAbandon).toBeCloseTo((3 - Math.E) / Math.E, 14);
    expect(r.occupancy).toBeCloseTo((1 - (3 - Math.E) / Math.E) / 2, 14);
  });

  it("N = 1, first waiting states: P(answered within T | k ahead) by hand, partial fractions and uniformisation agree", () => {
    // k = 0, θ = μ = 1/h, T = 30 min: μ/(μ+θ)·(1 − e^(−(μ+θ)T)) = ½(1 − e^(−1)).
    expect(answeredWithinByPartialFractions(0, 1, 1, 0.5)).toBeCloseTo(0.5 * (1 - Math.exp(-1)), 15);
    expect(answeredWithinByUniformisation(0, 1, 1, 0.5)).toBeCloseTo(0.5 * (1 - Math.exp(-1)), 14);
    // k = 1: W = Exp(1) + Exp(2), tilted by e^(−w): (1/3)·P(Exp(2) + Exp(3) ≤ T) = (1/3)(1 − 3e^(−2T) + 2e^(−3T)).
    const t = 0.7;
    const byHand = (1 - 3 * Math.exp(-2 * t) + 2 * Math.exp(-3 * t)) / 3;
    expect(answeredWithinByPartialFractions(1, 1, 1, t)).toBeCloseTo(byHand, 15);
    expect(answeredWithinByUniformisation(1, 1, 1, t)).toBeCloseTo(byHand, 14);
  });

  it.each([
    [1, 1, 1, 1, 0.5],
    [1, 3, 2, 0.5, 0.25],
    [2, 1, 1, 1, 0.5],
    [2, 2.5, 1, 2, 1],
    [2, 1.5, 0.8, 0.3, 2],
  ])("N = %i, λ = %f, μ = %f, θ = %f, T = %f: SL, P(wait), P(abandon) as the chain summed by hand", (n, lambda, mu, theta, t) => {
    const want = bruteForce(n, lambda, mu, theta, t);
    // Hours as the unit: calls per hour, AHT 1/μ h, patience 1/θ h.
    const got = achievedServiceErlangA({ calls: lambda, intervalSeconds: 3600, ahtSeconds: 3600 / mu, patienceSeconds: 3600 / theta, agents: n, targetSeconds: 3600 * t });
    expect(got.serviceLevel).toBeCloseTo(want.serviceLevel, 11);
    expect(got.probabilityWait).toBeCloseTo(want.probabilityWait, 11);
    expect(got.probabilityAbandon).toBeCloseTo(want.probabilityAbandon, 11);
  });
});

const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((n) => n / 10 ** places);
const queue = fc.record({
  calls: decimal(0.5, 400, 1),
  intervalSeconds: fc.constantFrom(900, 1800),
  ahtSeconds: fc.integer({ min: 30, max: 900 }),
  patienceSeconds: fc.integer({ min: 5, max: 3600 }),
  targetSeconds: fc.integer({ min: 0, max: 300 }),
});

describe("properties", () => {
  it("more agents: SL up; P(abandon), P(wait), ASA and occupancy down", () => {
    fc.assert(
      fc.property(queue, fc.integer({ min: 0, max: 60 }), (q, agents) => {
        const now = achievedServiceErlangA({ ...q, agents });
        const more = achievedServiceErlangA({ ...q, agents: agents + 1 });
        const slack = 1e-12;
        expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel - slack);
        expect(more.probabilityAbandon).toBeLessThanOrEqual(now.probabilityAbandon + slack);
        expect(more.probabilityWait).toBeLessThanOrEqual(now.probabilityWait + slack);
        if (now.asaSeconds !== null) expect(more.asaSeconds ?? NaN).toBeLessThanOrEqual(now.asaSeconds * (1 + 1e-9) + slack);
        if (agents > 0) expect(more.occupancy).toBeLessThanOrEqual(now.occupancy + slack);
      }),
      { numRuns: 300 },
    );
  });

  it("identities: P(abandon) + P(answered) = 1 with occupancy = A·P(answered)/N, and figures are probabilities", () => {
    fc.assert(
      fc.property(queue, fc.integer({ min: 1, max: 60 }), (q, agents) => {
        const r = achievedServiceErlangA({ ...q, agents });
        const a = (q.calls * q.ahtSeconds) / q.intervalSeconds;
        expect(r.occupancy).toBeCloseTo((a * (1 - r.probabilityAbandon)) / agents, 10);
        for (const p of [r.serviceLevel, r.probabilityWait, r.probabilityAbandon, r.occupancy]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(r.serviceLevel).toBeLessThanOrEqual(1 - r.probabilityAbandon + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("more patience: fewer abandon; a longer target: higher SL", () => {
    fc.assert(
      fc.property(queue, fc.integer({ min: 1, max: 60 }), (q, agents) => {
        const base = achievedServiceErlangA({ ...q, agents });
        const patient = achievedServiceErlangA({ ...q, agents, patienceSeconds: q.patienceSeconds * 2 });
        const later = achievedServiceErlangA({ ...q, agents, targetSeconds: q.targetSeconds + 10 });
        expect(patient.probabilityAbandon).toBeLessThanOrEqual(base.probabilityAbandon + 1e-12);
        expect(later.serviceLevel).toBeGreaterThanOrEqual(base.serviceLevel - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it("the staffing answer is the smallest N meeting every target", () => {
    fc.assert(
      fc.property(
        queue,
        decimal(0.5, 0.95, 2),
        fc.option(decimal(0.01, 0.2, 2), { nil: null }),
        fc.option(fc.integer({ min: 5, max: 120 }), { nil: null }),
        fc.option(decimal(0.6, 1, 2), { nil: null }),
        (q, targetSl, maxAbandonRate, targetAsaSeconds, maxOccupancy) => {
          const r = requiredAgentsErlangA({ ...q, targetSl, maxAbandonRate, targetAsaSeconds, maxOccupancy });
          const meets = (agents: number) => {
            const s = achievedServiceErlangA({ ...q, agents });
            return (
              s.serviceLevel >= targetSl &&
              (maxAbandonRate === null || s.probabilityAbandon <= maxAbandonRate) &&
              (targetAsaSeconds === null || (s.asaSeconds ?? Infinity) <= targetAsaSeconds) &&
              (maxOccupancy === null || s.occupancy <= maxOccupancy * (1 + 1e-12))
            );
          };
          expect(meets(r.agents)).toBe(true);
          expect(r.agents === 1 || !meets(r.agents - 1)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("staffing", () => {
  it("needs fewer agents than Erlang C when callers give up, and reports P(abandon)", () => {
    const input = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 };
    const r = requiredAgentsErlangA({ ...input, patienceSeconds: 120 });
    expect(r.agents).toBe(12);
    expect(requiredAgents(input).agents).toBe(14);
    expect(r.probabilityAbandon).toBeGreaterThan(0.05);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // An abandon cap of 2 % costs agents.
    const capped = requiredAgentsErlangA({ ...input, patienceSeconds: 120, maxAbandonRate: 0.02 });
    expect(capped.probabilityAbandon).toBeLessThanOrEqual(0.02);
    expect(capped.agents).toBeGreaterThan(12);
    expect(achievedServiceErlangA({ ...input, patienceSeconds: 120, agents: capped.agents - 1 }).probabilityAbandon).toBeGreaterThan(0.02);
  });

  it("can staff below the traffic (callers leave, so the queue stays finite)", () => {
    const r = requiredAgentsErlangA({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, patienceSeconds: 10, targetSl: 0.5, targetSeconds: 60 });
    expect(r.agents).toBeLessThan(10);
    expect(r.probabilityAbandon).toBeGreaterThan(0.1);
  });

  it("stays finite and consistent at 5,000 Erlangs, and as Erlang C with endless patience", () => {
    const big = { calls: 100_000, intervalSeconds: 3600, ahtSeconds: 180, targetSl: 0.95, targetSeconds: 10 };
    const r = requiredAgentsErlangA({ ...big, patienceSeconds: 120 });
    expect(r.agents).toBeGreaterThan(4700);
    expect(r.agents).toBeLessThan(5040);
    expect(r.occupancy).toBeCloseTo((5000 * (1 - r.probabilityAbandon)) / r.agents, 12);
    expect(achievedServiceErlangA({ ...big, patienceSeconds: 120, agents: r.agents - 1 }).serviceLevel).toBeLessThan(0.95);
    expect(requiredAgentsErlangA({ ...big, patienceSeconds: ENDLESS }).agents).toBe(requiredAgents(big).agents);
    const long = requiredAgentsErlangA({ ...big, patienceSeconds: 1e6 });
    expect(long.agents).toBe(5040);
    for (const agents of [1, 2500, 4000, 4999, 5000, 6000, 20_000]) {
      const s = achievedServiceErlangA({ ...big, patienceSeconds: 60, agents, targetSeconds: 60 });
      for (const v of [s.serviceLevel, s.probabilityWait, s.probabilityAbandon, s.occupancy, s.asaSeconds ?? 0]) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it("chat slots: servers in whole groups, as Erlang C chat", () => {
    const chat = { calls: 90, intervalSeconds: 1800, ahtSeconds: 900, targetSl: 0.8, targetSeconds: 90 };
    const endless = requiredServersErlangA({ ...chat, patienceSeconds: ENDLESS }, 2);
    const c = requiredChatAgents({ ...chat, chats: 90, concurrency: 2 });
    expect(endless.serversRequired).toBe(c.slotsRequired);
    expect(endless.agents).toBe(c.agents);
  });

  it("refuses bad patience and abandon caps naming the field", () => {
    const base = { calls: 10, intervalSeconds: 900, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 };
    for (const patienceSeconds of [0, -1, Infinity, NaN]) {
      expect(() => requiredAgentsErlangA({ ...base, patienceSeconds })).toThrow(StaffingInputError);
    }
    expect(() => requiredAgentsErlangA({ ...base, patienceSeconds: 60, maxAbandonRate: 0 })).toThrow(/maxAbandonRate/);
    expect(() => achievedServiceErlangA({ ...base, patienceSeconds: 60, agents: 1.5 })).toThrow(/agents/);
  });

  it("no calls: nobody needed", () => {
    expect(requiredAgentsErlangA({ calls: 0, intervalSeconds: 900, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, patienceSeconds: 60 })).toMatchObject({ agents: 0, probabilityAbandon: 0, serviceLevel: 1 });
  });
});
