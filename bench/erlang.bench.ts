/**
 * npm run bench:erlang
 *
 * Medians (after warm-up) for the staffing engine:
 *  1. four weeks of 15-minute intervals × 4 live queues = 10,752 Erlang C staffing calculations;
 *  2. the same four weeks through computeStaffingRequirements with voice, chat, email and social
 *     (ISO parsing, the grid, the deferred-work backlog included);
 *  3. one 5,000-Erlang queue;
 *  4. the batch of 1. as a plain double-precision loop (the same scan with no exact decisions at
 *     ties): the floor the exact engine is measured against;
 *  5. the batch of 1. with Erlang A (each queue given a mean patience).
 * Prints milliseconds and ratios; asserts nothing (timings depend on the machine).
 */
import { DateTime } from "luxon";
import { computeStaffingRequirements, requiredAgents, requiredChatAgents, requiredServersErlangA } from "../server/domain/staffing/index";
import type { ChannelSettings, ChatStaffingInput, ErlangAStaffingInput as ErlangAInput, ForecastInterval, StaffingInput } from "../server/domain/staffing/index";

const RUNS = 21;
const WARM_UP = 5;
const DAYS = 28;
const INTERVALS_PER_DAY = 96;
const GOAL_MS = 10;

/** Deterministic noise so runs are comparable. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Contacts per 15 minutes: a morning and an afternoon peak, quiet nights, lighter weekends. */
function volume(peakPer15Min: number, day: number, slot: number, random: () => number): number {
  const hour = slot / 4;
  const curve = Math.exp(-((hour - 10.5) ** 2) / 6) + 0.8 * Math.exp(-((hour - 15) ** 2) / 8) + 0.03;
  const weekday = day % 7 >= 5 ? 0.55 : day % 7 === 0 ? 1.15 : 1;
  return Math.round(peakPer15Min * curve * weekday * (0.85 + 0.3 * random()) * 10) / 10;
}

const liveQueues = [
  { name: "voice sales", peak: 140, ahtSeconds: 280, targetSl: 0.8, targetSeconds: 20, maxOccupancy: 0.85, targetAsaSeconds: null, shrinkage: 0.32, patienceSeconds: 120 },
  { name: "voice support", peak: 260, ahtSeconds: 420, targetSl: 0.9, targetSeconds: 30, maxOccupancy: 0.88, targetAsaSeconds: 15, shrinkage: 0.3, patienceSeconds: 180 },
  { name: "chat (2 at once)", peak: 90, ahtSeconds: 1100, targetSl: 0.8, targetSeconds: 60, maxOccupancy: 0.85, targetAsaSeconds: null, shrinkage: 0.25, concurrency: 2, patienceSeconds: 240 },
  { name: "messaging", peak: 60, ahtSeconds: 240, targetSl: 0.85, targetSeconds: 120, maxOccupancy: null, targetAsaSeconds: 60, shrinkage: 0.2, patienceSeconds: 300 },
] as const;

const random = noise(42);
const voiceInputs: StaffingInput[] = [];
const chatInputs: ChatStaffingInput[] = [];
const patientInputs: { input: ErlangAInput; concurrency: number }[] = [];
for (let day = 0; day < DAYS; day++) {
  for (let slot = 0; slot < INTERVALS_PER_DAY; slot++) {
    for (const q of liveQueues) {
      const input: StaffingInput = {
        calls: volume(q.peak, day, slot, random),
        intervalSeconds: 900,
        ahtSeconds: q.ahtSeconds,
        targetSl: q.targetSl,
        targetSeconds: q.targetSeconds,
        maxOccupancy: q.maxOccupancy,
        targetAsaSeconds: q.targetAsaSeconds,
        shrinkage: q.shrinkage,
      };
      // Inputs are written out as literals, never spread: V8 keeps objects made by `{ ...x, y }`
      // in a slower property layout, and reading nine fields from those costs more than the
      // whole Erlang scan (it made the chat part of this batch several times slower).
      const { calls, intervalSeconds, ahtSeconds, targetSl, targetSeconds, maxOccupancy, targetAsaSeconds, shrinkage } = input;
      if ("concurrency" in q) {
        chatInputs.push({ chats: calls, concurrency: q.concurrency, intervalSeconds, ahtSeconds, targetSl, targetSeconds, maxOccupancy, targetAsaSeconds, shrinkage });
      } else voiceInputs.push(input);
      patientInputs.push({
        input: { calls, intervalSeconds, ahtSeconds, targetSl, targetSeconds, maxOccupancy, targetAsaSeconds, shrinkage, patienceSeconds: q.patienceSeconds },
        concurrency: "concurrency" in q ? q.concurrency : 1,
      });
    }
  }
}

function fourWeeksOfErlang(): number {
  let agents = 0;
  for (const input of voiceInputs) agents += requiredAgents(input).agentsWithShrinkage;
  for (const input of chatInputs) agents += requiredChatAgents(input).agentsWithShrinkage;
  return agents;
}

/**
 * The same scan as the engine in plain doubles: start at max(floor(A) + 1, ceil(A / cap)), carry
 * the reciprocal Erlang B recursion, stop at the first N meeting SL and ASA, group, shrink. No
 * exact re-decision at ties, so it can be off by one where the engine is exact.
 */
function plainAgents(input: StaffingInput, serversPerAgent: number): number {
  const { calls, intervalSeconds, ahtSeconds, targetSl, targetSeconds } = input;
  if (calls === 0) return 0;
  const a = (calls * ahtSeconds) / intervalSeconds;
  let start = Math.floor(a) + 1;
  if (input.maxOccupancy != null) start = Math.max(start, Math.ceil(a / input.maxOccupancy));
  const inverseTraffic = 1 / a;
  let inverseB = 1;
  for (let n = 1; n < start; n++) inverseB = 1 + n * inverseTraffic * inverseB;
  const allowedWait = 1 - targetSl;
  const asaCap = input.targetAsaSeconds ?? Infinity;
  let n = start;
  for (; ; n++) {
    inverseB = 1 + n * inverseTraffic * inverseB;
    const b = 1 / inverseB;
    const spare = n - a;
    const pw = (n * b) / (spare + a * b);
    if (pw * Math.exp((-spare * targetSeconds) / ahtSeconds) <= allowedWait && (pw * ahtSeconds) / spare <= asaCap) break;
  }
  return Math.ceil(Math.ceil(n / serversPerAgent) / (1 - (input.shrinkage ?? 0)));
}

const plainChatInputs = chatInputs.map((i) => ({
  input: { calls: i.chats, intervalSeconds: i.intervalSeconds, ahtSeconds: i.ahtSeconds, targetSl: i.targetSl, targetSeconds: i.targetSeconds, maxOccupancy: i.maxOccupancy, targetAsaSeconds: i.targetAsaSeconds, shrinkage: i.shrinkage },
  concurrency: i.concurrency,
}));

function fourWeeksPlain(): number {
  let agents = 0;
  for (const input of voiceInputs) agents += plainAgents(input, 1);
  for (const { input, concurrency } of plainChatInputs) agents += plainAgents(input, concurrency);
  return agents;
}

function fourWeeksOfErlangA(): number {
  let agents = 0;
  for (const { input, concurrency } of patientInputs) agents += requiredServersErlangA(input, concurrency).agents;
  return agents;
}

const channels: ChannelSettings[] = [
  { channelId: "phone", kind: "voice", ahtSeconds: 300, targetSl: 0.8, targetSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 },
  { channelId: "chat", kind: "chat", ahtSeconds: 1100, targetSl: 0.8, targetSeconds: 60, maxOccupancy: 0.85, shrinkage: 0.25, concurrency: 2 },
  { channelId: "email", kind: "email", ahtSeconds: 480, responseTargetMinutes: 240, maxOccupancy: 0.9, shrinkage: 0.3 },
  { channelId: "social", kind: "social", ahtSeconds: 300, responseTargetMinutes: 60, maxOccupancy: 0.9, shrinkage: 0.3 },
];
const peaks: Record<string, number> = { phone: 220, chat: 90, email: 120, social: 45 };
const start = DateTime.fromISO("2026-03-02T00:00:00Z", { zone: "utc" });
const forecast: ForecastInterval[] = [];
for (let day = 0; day < DAYS; day++) {
  for (let slot = 0; slot < INTERVALS_PER_DAY; slot++) {
    const startsAt = start.plus({ minutes: (day * INTERVALS_PER_DAY + slot) * 15 }).toISO() ?? "";
    for (const channel of channels) {
      forecast.push({ startsAt, channelId: channel.channelId, contacts: volume(peaks[channel.channelId] ?? 0, day, slot, random) });
    }
  }
}

function fourWeeksOfRequirements(): number {
  return computeStaffingRequirements({ intervalMinutes: 15, channels, forecast }).intervals.length;
}

const huge: StaffingInput = { calls: 100_000, intervalSeconds: 3600, ahtSeconds: 180, targetSl: 0.95, targetSeconds: 10 };
const typical: StaffingInput = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 };

function median(run: () => unknown, repeat = 1): number {
  for (let i = 0; i < WARM_UP; i++) for (let r = 0; r < repeat; r++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    for (let r = 0; r < repeat; r++) run();
    times.push((performance.now() - t0) / repeat);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? NaN;
}

const calculations = voiceInputs.length + chatInputs.length;
/**
 * Medians of batches measured in turns (one run of each per round), so that a busy machine slows
 * them alike and their ratio stays meaningful. Only batches of like cost share the turns: a long
 * one in between leaves the next with cold caches and its garbage to collect.
 */
function interleavedMedians(runs: readonly (() => unknown)[]): number[] {
  for (let i = 0; i < WARM_UP; i++) for (const run of runs) run();
  const times = runs.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    runs.forEach((run, r) => {
      const t0 = performance.now();
      run();
      times[r]?.push(performance.now() - t0);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN);
}

const [erlangMs = NaN, plainMs = NaN] = interleavedMedians([fourWeeksOfErlang, fourWeeksPlain]);
const erlangAMs = median(fourWeeksOfErlangA);
const requirementsMs = median(fourWeeksOfRequirements);
const hugeMs = median(() => requiredAgents(huge), 50);
const typicalMs = median(() => requiredAgents(typical), 2000);
const fmt = (ms: number) => (ms < 0.1 ? `${(ms * 1000).toFixed(2)} µs` : `${ms.toFixed(3)} ms`);

console.log(`staffing engine bench (median of ${RUNS} runs after ${WARM_UP} warm-up runs)`);
console.log(`  four weeks × 15 min × 4 live queues (${calculations} calculations): ${fmt(erlangMs)}`);
console.log(`    per calculation: ${((erlangMs * 1000) / calculations).toFixed(2)} µs; ${(erlangMs / GOAL_MS).toFixed(2)}× the ${GOAL_MS} ms goal`);
console.log(`  the same batch as a plain double-precision loop (no exact ties): ${fmt(plainMs)}; exact Erlang C is ${(erlangMs / plainMs).toFixed(2)}× it (aim: within 2×)`);
console.log(`  the same batch with Erlang A (mean patience 120–300 s): ${fmt(erlangAMs)}; ${(erlangAMs / erlangMs).toFixed(2)}× Erlang C, ${(erlangAMs / plainMs).toFixed(2)}× the plain loop`);
console.log(`  four weeks through computeStaffingRequirements (voice, chat, email, social; ${forecast.length} forecast rows): ${fmt(requirementsMs)}`);
console.log(`    ${(requirementsMs / erlangMs).toFixed(2)}× the bare Erlang run`);
console.log(`  one 5,000-Erlang queue (5,040 agents): ${fmt(hugeMs)}`);
console.log(`  one 10-Erlang queue (textbook): ${fmt(typicalMs)}; the 5,000-Erlang queue costs ${(hugeMs / typicalMs).toFixed(0)}× as much`);
