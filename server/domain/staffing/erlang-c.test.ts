import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  StaffingInputError,
  achievedService,
  agentsWithShrinkage,
  averageSpeedOfAnswerSeconds,
  erlangB,
  occupancy,
  probabilityWait,
  requiredAgents,
  serviceLevel,
  trafficErlangs,
} from "./erlang-c";
import type { StaffingInput } from "./erlang-c";

interface ReferenceCase {
  id: string;
  inputs: {
    calls: number;
    interval_seconds: number;
    aht_seconds: number;
    target_sl: number;
    target_seconds: number;
    max_occupancy: number | null;
    target_asa_seconds: number | null;
    shrinkage: number;
  };
  outputs: {
    traffic_erlangs: number;
    agents: number;
    agents_with_shrinkage: number;
    service_level: number;
    asa_seconds: number;
    occupancy: number;
    probability_wait: number;
  };
}

const casesPath = fileURLToPath(new URL("./reference-cases.json", import.meta.url));
const cases = JSON.parse(readFileSync(casesPath, "utf8")) as ReferenceCase[];

const textbook: StaffingInput = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 };

describe("primitives", () => {
  it("computes the textbook figures (A = 10, N = 14)", () => {
    expect(trafficErlangs(100, 1800, 180)).toBe(10);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
    expect(probabilityWait(14, 10)).toBeCloseTo(0.17413193359504983, 12);
    expect(serviceLevel(14, 10, 180, 20)).toBeCloseTo(0.8883500191794669, 12);
    expect(serviceLevel(13, 10, 180, 20)).toBeCloseTo(0.7955947884177831, 12);
    expect(averageSpeedOfAnswerSeconds(14, 10, 180)).toBeCloseTo(7.835937011777243, 10);
    expect(occupancy(14, 10)).toBeCloseTo(0.7142857142857143, 15);
  });

  it("uses the correct P(wait) formula (0.174, not the 0.228 some libraries print)", () => {
    expect(probabilityWait(14, 10)).toBeCloseTo(0.1741, 4);
  });

  it("treats N ≤ A as an unstable queue", () => {
    expect(probabilityWait(10, 10)).toBe(1);
    expect(serviceLevel(9, 10, 180, 20)).toBe(0);
    expect(averageSpeedOfAnswerSeconds(10, 10, 180)).toBe(Infinity);
    expect(occupancy(8, 10)).toBe(1);
  });

  it("stays finite for 5,000 Erlangs (no factorials)", () => {
    const b = erlangB(5040, 5000);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(serviceLevel(5040, 5000, 180, 10)).toBeGreaterThan(0.95);
  });
});

describe("requiredAgents: reference cases", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const i = c.inputs;
    const r = requiredAgents({
      calls: i.calls,
      intervalSeconds: i.interval_seconds,
      ahtSeconds: i.aht_seconds,
      targetSl: i.target_sl,
      targetSeconds: i.target_seconds,
      maxOccupancy: i.max_occupancy,
      targetAsaSeconds: i.target_asa_seconds,
      shrinkage: i.shrinkage,
    });
    const o = c.outputs;
    expect(r.agents).toBe(o.agents);
    expect(r.agentsWithShrinkage).toBe(o.agents_with_shrinkage);
    expect(Math.abs(r.trafficErlangs - o.traffic_erlangs)).toBeLessThanOrEqual(1e-9 * Math.max(1, o.traffic_erlangs));
    expect(Math.abs(r.serviceLevel - o.service_level)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(r.occupancy - o.occupancy)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(r.probabilityWait - o.probability_wait)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(r.asaSeconds - o.asa_seconds)).toBeLessThanOrEqual(Math.max(1e-6 * o.asa_seconds, 1e-12));
  });
});

describe("requiredAgents: rule and edges", () => {
  it("staffs the textbook case with 14 agents (13 give SL 0.7956)", () => {
    const r = requiredAgents(textbook);
    expect(r).toMatchObject({ trafficErlangs: 10, agents: 14, agentsWithShrinkage: 14 });
    expect(r.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(r.asaSeconds).toBeCloseTo(7.84, 2);
    expect(r.occupancy).toBeCloseTo(0.714, 3);
  });

  it("returns zeros for zero calls", () => {
    expect(requiredAgents({ ...textbook, calls: 0, shrinkage: 0.3, maxOccupancy: 0.85, targetAsaSeconds: 15 })).toEqual({
      trafficErlangs: 0,
      agents: 0,
      agentsWithShrinkage: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      probabilityWait: 0,
    });
  });

  it("accepts an ASA target of 0 when no calls arrive", () => {
    expect(requiredAgents({ ...textbook, calls: 0, targetAsaSeconds: 0 }).agents).toBe(0);
  });

  it("accepts fractional calls", () => {
    expect(requiredAgents({ calls: 12.5, intervalSeconds: 900, ahtSeconds: 240, targetSl: 0.8, targetSeconds: 20, shrinkage: 0.3 })).toMatchObject({
      agents: 6,
      agentsWithShrinkage: 9,
    });
  });

  it("starts the scan at floor(A) + 1, not round(A + 1)", () => {
    // A = 2.6: round(A + 1) = 4 would skip 3, which already meets a 50% in 120 s target.
    expect(requiredAgents({ calls: 78, intervalSeconds: 1800, ahtSeconds: 60, targetSl: 0.5, targetSeconds: 120 }).agents).toBe(3);
  });

  it("lets the occupancy cap, then the ASA target, bind", () => {
    expect(requiredAgents({ ...textbook, maxOccupancy: 0.7 }).agents).toBe(15);
    expect(requiredAgents({ ...textbook, targetAsaSeconds: 5 }).agents).toBe(15);
  });

  it("handles 5,000 Erlangs quickly", () => {
    const r = requiredAgents({ calls: 100_000, intervalSeconds: 3600, ahtSeconds: 180, targetSl: 0.95, targetSeconds: 10 });
    expect(r.agents).toBe(5040);
  });
});

describe("requiredAgents: exact ties for decimal inputs", () => {
  it("ceil(21 / (1 − 0.3)) is 30, not 31", () => {
    expect(agentsWithShrinkage(21, 0.3)).toBe(30);
    expect(requiredAgents({ calls: 165, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, shrinkage: 0.3 })).toMatchObject({
      agents: 21,
      agentsWithShrinkage: 30,
    });
  });

  it("A = 2.1 at N = 3 meets a 0.7 occupancy cap (2.1 / 3 = 0.7000000000000001 in doubles)", () => {
    const r = requiredAgents({ calls: 21, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.5, targetSeconds: 120, maxOccupancy: 0.7 });
    expect(r.agents).toBe(3);
  });

  it("floor(A) is exact when the double lands just below an integer", () => {
    // 0.7 × 90 = 62.99999999999999 in doubles; A is 63, so N = 63 would be an unstable queue.
    const input = { calls: 0.7, intervalSeconds: 1, ahtSeconds: 90, targetSl: 0, targetSeconds: 0 };
    const r = requiredAgents(input);
    expect(r.agents).toBe(64);
    expect(Number.isFinite(r.asaSeconds)).toBe(true);
    expect(achievedService({ ...input, agents: 63 }).asaSeconds).toBeNull();
  });

  it("an ASA target met exactly counts as met (A = 1, N = 2: ASA = AHT / 3 = 60 s)", () => {
    const r = requiredAgents({ calls: 10, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.5, targetSeconds: 20, targetAsaSeconds: 60 });
    expect(r.agents).toBe(2);
    expect(requiredAgents({ calls: 10, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.5, targetSeconds: 20, targetAsaSeconds: 59.999 }).agents).toBe(3);
  });

  it("an SL target met exactly at T = 0 counts as met (M/M/1: P(wait) = A = 0.3, SL = 0.7)", () => {
    const input = { calls: 3, intervalSeconds: 1800, ahtSeconds: 180, targetSl: 0.7, targetSeconds: 0 };
    expect(requiredAgents(input).agents).toBe(1);
    expect(requiredAgents({ ...input, targetSl: 0.7000001 }).agents).toBe(2);
  });

  it("decides SL targets closer than a double's last digit (T > 0) by exact bounds", () => {
    // 60-digit SL(14) = 0.888350019179466884…, which lies between these two 16-digit targets.
    expect(requiredAgents({ ...textbook, targetSl: 0.8883500191794668 }).agents).toBe(14);
    expect(requiredAgents({ ...textbook, targetSl: 0.8883500191794669 }).agents).toBe(15);
  });

  it("decides ASA targets closer than a double's last digit", () => {
    // 60-digit ASA(14) = 7.835937011777242919…
    expect(requiredAgents({ ...textbook, targetAsaSeconds: 7.835937011777243 }).agents).toBe(14);
    expect(requiredAgents({ ...textbook, targetAsaSeconds: 7.835937011777242 }).agents).toBe(15);
  });
});

describe("requiredAgents: invalid input", () => {
  const cases: [string, Partial<StaffingInput>][] = [
    ["targetSl", { targetSl: 1 }],
    ["targetSl", { targetSl: -0.1 }],
    ["targetAsaSeconds", { targetAsaSeconds: 0 }],
    ["targetAsaSeconds", { targetAsaSeconds: -3 }],
    ["calls", { calls: -1 }],
    ["calls", { calls: Number.NaN }],
    ["ahtSeconds", { ahtSeconds: 0 }],
    ["intervalSeconds", { intervalSeconds: 0 }],
    ["shrinkage", { shrinkage: 1 }],
    ["shrinkage", { shrinkage: -0.01 }],
    ["maxOccupancy", { maxOccupancy: 0 }],
    ["maxOccupancy", { maxOccupancy: 1.2 }],
    ["targetSeconds", { targetSeconds: -1 }],
    ["calls", { calls: 1e12 }],
  ];
  it.each(cases)("rejects a bad %s", (field, patch) => {
    const attempt = () => requiredAgents({ ...textbook, ...patch });
    expect(attempt).toThrow(StaffingInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as StaffingInputError).field).toBe(field);
      expect((error as StaffingInputError).message).toContain(field);
      expect((error as StaffingInputError).code).toBe("INVALID_INPUT");
    }
  });
});

describe("achievedService", () => {
  it("inverts requiredAgents", () => {
    const s = achievedService({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 14, targetSeconds: 20 });
    expect(s.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(s.asaSeconds).toBeCloseTo(7.835937011777243, 10);
    expect(s.occupancy).toBeCloseTo(0.7142857142857143, 15);
    expect(s.probabilityWait).toBeCloseTo(0.17413193359504983, 12);
  });

  it("reports an unstable queue (agents ≤ A) as SL 0, ASA null, occupancy 1", () => {
    for (const agents of [0, 5, 10]) {
      expect(achievedService({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents, targetSeconds: 20 })).toEqual({
        serviceLevel: 0,
        asaSeconds: null,
        occupancy: 1,
        probabilityWait: 1,
      });
    }
  });

  it("reports no calls as perfect service", () => {
    expect(achievedService({ calls: 0, intervalSeconds: 900, ahtSeconds: 300, agents: 0, targetSeconds: 20 })).toEqual({
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      probabilityWait: 0,
    });
  });

  it("rejects a fractional agent count", () => {
    expect(() => achievedService({ calls: 1, intervalSeconds: 900, ahtSeconds: 300, agents: 2.5, targetSeconds: 20 })).toThrow(/agents/);
  });
});

// Inputs written as short decimals, as planners type them.
const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((n) => n / 10 ** places);

const staffingInput = fc.record({
  calls: decimal(0.1, 800, 1),
  intervalSeconds: fc.constantFrom(900, 1800, 3600),
  ahtSeconds: fc.integer({ min: 20, max: 1200 }),
  targetSl: decimal(0, 0.99, 2),
  targetSeconds: fc.integer({ min: 0, max: 300 }),
  maxOccupancy: fc.option(decimal(0.5, 1, 2), { nil: null }),
  targetAsaSeconds: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  shrinkage: decimal(0, 0.6, 2),
});

describe("properties", () => {
  it("SL rises and ASA falls as agents are added", () => {
    fc.assert(
      fc.property(staffingInput, fc.integer({ min: 0, max: 40 }), (input, extra) => {
        const base = Math.floor(trafficErlangs(input.calls, input.intervalSeconds, input.ahtSeconds)) + 1 + extra;
        const at = (agents: number) => achievedService({ ...input, agents });
        const now = at(base);
        const more = at(base + 1);
        expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel);
        expect(more.asaSeconds ?? Infinity).toBeLessThanOrEqual(now.asaSeconds ?? Infinity);
        expect(more.occupancy).toBeLessThanOrEqual(now.occupancy);
      }),
    );
  });

  it("the answer meets every target and N − 1 misses one", () => {
    fc.assert(
      fc.property(staffingInput, (input) => {
        const r = requiredAgents(input);
        const a = r.trafficErlangs;
        expect(r.agents).toBeGreaterThan(a);
        expect(r.serviceLevel).toBeGreaterThanOrEqual(input.targetSl - 1e-12);
        if (input.maxOccupancy !== null) expect(r.occupancy).toBeLessThanOrEqual(input.maxOccupancy + 1e-12);
        if (input.targetAsaSeconds !== null) expect(r.asaSeconds).toBeLessThanOrEqual(input.targetAsaSeconds * (1 + 1e-12));
        const below = achievedService({ ...input, agents: r.agents - 1 });
        const misses =
          below.asaSeconds === null ||
          below.serviceLevel < input.targetSl ||
          (input.maxOccupancy !== null && below.occupancy > input.maxOccupancy) ||
          (input.targetAsaSeconds !== null && below.asaSeconds > input.targetAsaSeconds);
        expect(misses).toBe(true);
      }),
    );
  });

  it("the occupancy cap and floor(A) are decided exactly for decimal inputs", () => {
    // With no SL target the answer is max(floor(A) + 1, ceil(A / cap)); checked in integers:
    // A = calls10 · aht / (10 · interval), A / cap = calls10 · aht · 100 / (10 · interval · cap100).
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 1200 }),
        fc.constantFrom(60, 300, 900, 1800, 3600),
        fc.option(fc.integer({ min: 50, max: 100 }), { nil: null }),
        (calls10, ahtSeconds, intervalSeconds, cap100) => {
          const num = calls10 * ahtSeconds;
          const den = 10 * intervalSeconds;
          const floorDiv = (n: number, d: number) => (n - (n % d)) / d;
          const ceilDiv = (n: number, d: number) => floorDiv(n, d) + (n % d === 0 ? 0 : 1);
          let expected = floorDiv(num, den) + 1;
          if (cap100 !== null) expected = Math.max(expected, ceilDiv(num * 100, den * cap100));
          const r = requiredAgents({ calls: calls10 / 10, intervalSeconds, ahtSeconds, targetSl: 0, targetSeconds: 0, maxOccupancy: cap100 === null ? null : cap100 / 100 });
          expect(r.agents).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("agents with shrinkage ≥ agents, and is the smallest such head count", () => {
    fc.assert(
      fc.property(staffingInput, (input) => {
        const r = requiredAgents(input);
        expect(r.agentsWithShrinkage).toBeGreaterThanOrEqual(r.agents);
        // (M − 1)·(1 − s) < N ≤ M·(1 − s), checked in integer hundredths (s has two decimals).
        const keep = Math.round((1 - input.shrinkage) * 100);
        expect(r.agentsWithShrinkage * keep).toBeGreaterThanOrEqual(r.agents * 100);
        expect((r.agentsWithShrinkage - 1) * keep).toBeLessThan(r.agents * 100);
      }),
    );
  });
});
