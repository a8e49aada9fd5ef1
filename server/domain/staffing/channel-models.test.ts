import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requiredChatAgents, requiredDeferredAgents, simulateDeferredWork } from "./channel-models";
import { StaffingInputError, achievedService, requiredAgents } from "./erlang-c";
import { responseTargetProblem } from "./requirements";

describe("requiredChatAgents", () => {
  const chat = { chats: 90, intervalSeconds: 1800, ahtSeconds: 900, targetSl: 0.8, targetSeconds: 90 };

  it("with concurrency 1 is voice Erlang C", () => {
    const voice = requiredAgents({ ...chat, calls: chat.chats, shrinkage: 0.25 });
    const r = requiredChatAgents({ ...chat, concurrency: 1, shrinkage: 0.25 });
    expect(r).toEqual({ ...voice, slotsRequired: voice.agents });
  });

  it("staffs slots, then rounds agents up: 51 slots at 2 chats each is 26 agents", () => {
    const r = requiredChatAgents({ ...chat, concurrency: 2 });
    expect(r.trafficErlangs).toBe(45);
    expect(r.slotsRequired).toBe(51);
    expect(r.agents).toBe(26);
    // Metrics are for the 52 slots actually staffed.
    const at52 = achievedService({ calls: 90, intervalSeconds: 1800, ahtSeconds: 900, agents: 52, targetSeconds: 90 });
    expect(r.serviceLevel).toBe(at52.serviceLevel);
    expect(r.asaSeconds).toBe(at52.asaSeconds);
    expect(r.occupancy).toBeCloseTo(45 / 52, 15);
  });

  it("applies shrinkage to agents, not slots", () => {
    // 51 slots / 3 = 17 agents; ceil(17 / 0.7) = 25.
    expect(requiredChatAgents({ ...chat, concurrency: 3, shrinkage: 0.3 })).toMatchObject({ agents: 17, agentsWithShrinkage: 25 });
  });

  it("needs no one when no chats arrive", () => {
    expect(requiredChatAgents({ ...chat, chats: 0, concurrency: 3 })).toMatchObject({ agents: 0, slotsRequired: 0, serviceLevel: 1 });
  });

  it.each([0, 1.5, -2, Number.NaN])("rejects concurrency %s", (concurrency) => {
    expect(() => requiredChatAgents({ ...chat, concurrency })).toThrow(StaffingInputError);
    expect(() => requiredChatAgents({ ...chat, concurrency })).toThrow(/^concurrency: /);
  });

  it("names the chats field for bad volumes", () => {
    expect(() => requiredChatAgents({ ...chat, chats: -1, concurrency: 2 })).toThrow(/^chats: /);
  });
});

describe("requiredDeferredAgents (hand-checked)", () => {
  it("leaves a batch until its deadline interval", () => {
    // 15-min intervals, AHT 15 min (1 item per agent-interval), answer within 60 min → due at the end of interval 3.
    const r = requiredDeferredAgents({ arrivals: [10, 0, 0, 0], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 60 });
    expect(r.map((x) => x.agents)).toEqual([0, 0, 0, 10]);
    expect(r.map((x) => x.backlogItems)).toEqual([10, 10, 10, 0]);
    expect(r.map((x) => x.oldestWaitingAgeSeconds)).toEqual([900, 1800, 2700, null]);
    expect(r.every((x) => x.targetMet)).toBe(true);
  });

  it("staffs a steady flow one interval behind with a 30-minute target", () => {
    const r = requiredDeferredAgents({ arrivals: [4, 4, 4, 4, 4, 4], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 30 });
    expect(r.map((x) => x.agents)).toEqual([0, 4, 4, 4, 4, 4]);
    expect(r.map((x) => x.backlogItems)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(r.map((x) => x.oldestWaitingAgeSeconds)).toEqual([900, 900, 900, 900, 900, 900]);
  });

  it("lets rounding surplus work ahead in arrival order (FIFO)", () => {
    // AHT 7.5 min: 2 items per agent-interval. Target 30 min: interval i's items are due at the end of i + 1.
    // j0: nothing due → 0. j1: 3 due → 2 agents handle 4 (all 3 of j0, 1 of j1) → backlog 2 (of j1).
    // j2: 2 of j1 due → 1 agent handles 2 → backlog 3 (j2's).
    const r = requiredDeferredAgents({ arrivals: [3, 3, 3], intervalSeconds: 900, ahtSeconds: 450, responseTargetMinutes: 30 });
    expect(r.map((x) => x.agents)).toEqual([0, 2, 1]);
    expect(r.map((x) => x.itemsHandled)).toEqual([0, 4, 2]);
    expect(r.map((x) => x.backlogItems)).toEqual([3, 2, 3]);
  });

  it("counts occupancy in capacity and treats exact ties exactly", () => {
    // 900 s × 0.85 / 600 s = 1.275 items per agent; 5.1 / 1.275 = 4 (not 5).
    const r = requiredDeferredAgents({ arrivals: [5.1], intervalSeconds: 900, ahtSeconds: 600, maxOccupancy: 0.85, responseTargetMinutes: 15 });
    expect(r[0]).toMatchObject({ agents: 4, backlogItems: 0, targetMet: true });
  });

  it("counts work in seconds when AHT varies by interval", () => {
    // 2 items of 15 min then 2 of 7.5 min, due in their own interval: 2 agents, then 1.
    const r = requiredDeferredAgents({ arrivals: [2, 2], intervalSeconds: 900, ahtSeconds: 600, ahtSecondsByInterval: [900, 450], responseTargetMinutes: 15 });
    expect(r.map((x) => x.agents)).toEqual([2, 1]);
    expect(r.map((x) => x.workSeconds)).toEqual([1800, 900]);
  });

  it("rounds a target that is not a whole number of intervals down (conservative)", () => {
    // 20 min with 15-min intervals: items must be done in their own interval.
    const r = requiredDeferredAgents({ arrivals: [2, 0], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 20 });
    expect(r.map((x) => x.agents)).toEqual([2, 0]);
  });

  it("leaves items due after the horizon in the backlog", () => {
    const r = requiredDeferredAgents({ arrivals: [0, 0, 5], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 120 });
    expect(r.map((x) => x.agents)).toEqual([0, 0, 0]);
    expect(r[2]).toMatchObject({ backlogItems: 5, targetMet: true });
  });

  it("rejects a response target shorter than an interval, and bad volumes", () => {
    expect(() => requiredDeferredAgents({ arrivals: [1], intervalSeconds: 900, ahtSeconds: 300, responseTargetMinutes: 10 })).toThrow(/^responseTargetMinutes: /);
    try {
      requiredDeferredAgents({ arrivals: [1, -2], intervalSeconds: 900, ahtSeconds: 300, responseTargetMinutes: 60 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StaffingInputError);
      expect((error as StaffingInputError).field).toBe("arrivals[1]");
    }
    expect(() => requiredDeferredAgents({ arrivals: [1], intervalSeconds: 900, ahtSeconds: 0, responseTargetMinutes: 60 })).toThrow(/^ahtSeconds: /);
    expect(() => requiredDeferredAgents({ arrivals: [1], intervalSeconds: 900, ahtSeconds: 60, maxOccupancy: 0, responseTargetMinutes: 60 })).toThrow(/^maxOccupancy: /);
  });
});

describe("simulateDeferredWork", () => {
  it("reports backlog, oldest item and a missed target", () => {
    const r = simulateDeferredWork({ arrivals: [10, 0, 0, 0], agents: [3, 3, 3, 0], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 60 });
    expect(r.map((x) => x.backlogItems)).toEqual([7, 4, 1, 1]);
    expect(r.map((x) => x.oldestWaitingAgeSeconds)).toEqual([900, 1800, 2700, 3600]);
    expect(r.map((x) => x.targetMet)).toEqual([true, true, true, false]);
    expect(r[3]?.itemsPastTarget).toBe(1);
  });

  it("needs one staffing figure per interval", () => {
    expect(() => simulateDeferredWork({ arrivals: [1, 1], agents: [1], intervalSeconds: 900, ahtSeconds: 900, responseTargetMinutes: 60 })).toThrow(/^agents: /);
  });
});

describe("deferred model properties", () => {
  const instance = fc.record({
    arrivals: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
    ahtSeconds: fc.constantFrom(450, 900, 1800),
    responseTargetMinutes: fc.constantFrom(15, 30, 45),
  });
  const run = (x: { arrivals: number[]; ahtSeconds: number; responseTargetMinutes: number }) => ({ ...x, intervalSeconds: 900 });

  it("the greedy meets every target, and no plan that does has fewer agent-intervals up to any interval", () => {
    fc.assert(
      fc.property(instance, (x) => {
        const input = run(x);
        const greedy = requiredDeferredAgents(input);
        expect(greedy.every((r) => r.targetMet)).toBe(true);
        const greedyPrefix = prefixSums(greedy.map((r) => r.agents));
        const maxAgents = Math.max(...greedy.map((r) => r.agents), 1) + 1;
        for (const plan of allPlans(input.arrivals.length, maxAgents)) {
          const sim = simulateDeferredWork({ ...input, agents: plan });
          if (!sim.every((r) => r.targetMet)) continue;
          const planPrefix = prefixSums(plan);
          greedyPrefix.forEach((g, j) => expect(g).toBeLessThanOrEqual(planPrefix[j] ?? Infinity));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("any staffing at least the requirement in every interval meets every target", () => {
    fc.assert(
      fc.property(instance, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }), (x, extra) => {
        const input = run(x);
        const agents = requiredDeferredAgents(input).map((r, j) => r.agents + (extra[j] ?? 0));
        expect(simulateDeferredWork({ ...input, agents }).every((r) => r.targetMet)).toBe(true);
      }),
    );
  });
});

function prefixSums(xs: readonly number[]): number[] {
  let total = 0;
  return xs.map((x) => (total += x));
}

function* allPlans(length: number, maxAgents: number): Generator<number[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const rest of allPlans(length - 1, maxAgents)) {
    for (let n = 0; n <= maxAgents; n++) yield [...rest, n];
  }
}

describe("responseTargetProblem", () => {
  it("accepts a target of at least one interval and names the fix for a shorter one", () => {
    expect(responseTargetProblem(15, 15)).toBeNull();
    expect(responseTargetProblem(60, 30)).toBeNull();
    expect(responseTargetProblem(15, 30)).toMatch(/15-minute response target is shorter than the 30-minute planning interval: plan in 15-minute intervals/);
  });
});
