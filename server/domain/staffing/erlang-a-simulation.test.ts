/**
 * Erlang A against a seeded discrete-event simulation of M/M/N+M, first come first served:
 * 200,000 arrivals per case, tolerance 4 standard errors from batch means (waits in a queue are
 * correlated, so a plain binomial error would be too small).
 */
import { describe, expect, it } from "vitest";
import { achievedServiceErlangA } from "./erlang-a";
import { estimatePatienceSeconds, type AbandonHistoryRow } from "./patience";

/** mulberry32: a small seeded generator, so the test sees the same sample every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface QueueCase {
  agents: number;
  callsPerHour: number;
  ahtSeconds: number;
  patienceSeconds: number;
  targetSeconds: number;
}

interface Estimate {
  value: number;
  standardError: number;
}

/**
 * Simulates the queue. FCFS with abandonment needs no event list: a contact is served by the
 * server that frees first once every earlier answered contact has taken one, at max(arrival,
 * that time); it abandons if that wait exceeds its patience (and then takes no server).
 */
function simulateErlangA(
  q: QueueCase,
  arrivals: number,
  seed: number,
): { serviceLevel: Estimate; probabilityAbandon: Estimate; asaSeconds: Estimate; history: AbandonHistoryRow[] } {
  const random = seeded(seed);
  const exponential = (mean: number) => -Math.log(1 - random()) * mean;
  const free = new Float64Array(q.agents);
  const warmUp = 5_000;
  const batches = 40;
  const perBatch = Math.floor((arrivals - warmUp) / batches);
  const within: number[] = [];
  const abandoned: number[] = [];
  const asa: number[] = [];
  const history: AbandonHistoryRow[] = [];
  let totals = { within: 0, abandoned: 0, answered: 0, wait: 0, n: 0 };
  let batch = { within: 0, abandoned: 0, answered: 0, wait: 0, n: 0, waitOfAll: 0 };
  let t = 0;
  for (let i = 0; i < arrivals; i++) {
    t += exponential(3600 / q.callsPerHour);
    const patience = exponential(q.patienceSeconds);
    let first = 0;
    for (let s = 1; s < q.agents; s++) if ((free[s] ?? 0) < (free[first] ?? 0)) first = s;
    const start = Math.max(t, free[first] ?? 0);
    const wait = start - t;
    const gaveUp = wait > patience;
    if (!gaveUp) free[first] = start + exponential(q.ahtSeconds);
    if (i < warmUp) continue;
    batch.n++;
    batch.waitOfAll += gaveUp ? patience : wait;
    if (gaveUp) batch.abandoned++;
    else {
      batch.answered++;
      batch.wait += wait;
      if (wait <= q.targetSeconds) batch.within++;
    }
    if (batch.n === perBatch && within.length < batches) {
      within.push(batch.within / batch.n);
      abandoned.push(batch.abandoned / batch.n);
      asa.push(batch.wait / batch.answered);
      history.push({ contacts: batch.n, abandoned: batch.abandoned, waitSeconds: batch.waitOfAll / batch.n });
      totals = { within: totals.within + batch.within, abandoned: totals.abandoned + batch.abandoned, answered: totals.answered + batch.answered, wait: totals.wait + batch.wait, n: totals.n + batch.n };
      batch = { within: 0, abandoned: 0, answered: 0, wait: 0, n: 0, waitOfAll: 0 };
    }
  }
  const standardError = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    return Math.sqrt(variance / xs.length);
  };
  return {
    serviceLevel: { value: totals.within / totals.n, standardError: standardError(within) },
    probabilityAbandon: { value: totals.abandoned / totals.n, standardError: standardError(abandoned) },
    asaSeconds: { value: totals.wait / totals.answered, standardError: standardError(asa) },
    history,
  };
}

const SIMULATED_CASES: [string, QueueCase][] = [
  ["N = 10, A = 9.5, patience 120 s, T = 20 s", { agents: 10, callsPerHour: 190, ahtSeconds: 180, patienceSeconds: 120, targetSeconds: 20 }],
  ["N = 8, A = 10 (overloaded), patience 60 s, T = 30 s", { agents: 8, callsPerHour: 120, ahtSeconds: 300, patienceSeconds: 60, targetSeconds: 30 }],
  ["N = 3, A = 2, patience 600 s, T = 60 s", { agents: 3, callsPerHour: 40, ahtSeconds: 180, patienceSeconds: 600, targetSeconds: 60 }],
];

describe("Erlang A against a seeded simulation (200,000 arrivals, |sim − exact| < 4 standard errors)", () => {
  it.each(SIMULATED_CASES)("%s", (_name, q) => {
    const exact = achievedServiceErlangA({ calls: q.callsPerHour, intervalSeconds: 3600, ahtSeconds: q.ahtSeconds, patienceSeconds: q.patienceSeconds, agents: q.agents, targetSeconds: q.targetSeconds });
    const sim = simulateErlangA(q, 200_000, 20_261_202);
    expect(Math.abs(sim.serviceLevel.value - exact.serviceLevel)).toBeLessThan(4 * sim.serviceLevel.standardError);
    expect(Math.abs(sim.probabilityAbandon.value - exact.probabilityAbandon)).toBeLessThan(4 * sim.probabilityAbandon.standardError);
    expect(Math.abs(sim.asaSeconds.value - (exact.asaSeconds ?? NaN))).toBeLessThan(4 * sim.asaSeconds.standardError);
  });

  it.each(SIMULATED_CASES)("%s: the history's mean wait of all contacts ÷ abandoned share recovers the patience", (_name, q) => {
    // 40 intervals of the simulated queue as history (abandoners' waits are their patience).
    const estimate = estimatePatienceSeconds(simulateErlangA(q, 200_000, 7).history);
    expect(Math.abs((estimate ?? NaN) / q.patienceSeconds - 1)).toBeLessThan(0.05);
  });
});
