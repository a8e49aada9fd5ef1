import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChannelSettings } from "../staffing/requirements";
import { allocateByWeight, projectCoverage } from "./project-coverage";

const voice: ChannelSettings = { channelId: "voice", kind: "voice", ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, shrinkage: 0 };
const email: ChannelSettings = { channelId: "email", kind: "email", ahtSeconds: 900, responseTargetMinutes: 60, shrinkage: 0 };

describe("projectCoverage", () => {
  it("gives the textbook service level at 13 and 14 agents", () => {
    // 100 calls in 30 minutes at 180 s: A = 10; SL(13) = 0.7956, SL(14) = 0.88835 (the shared reference case).
    const result = projectCoverage({
      startMs: 0,
      intervalMinutes: 30,
      channels: [voice],
      demand: [{ channelId: "voice", contacts: [100, 100], ahtSeconds: [180, 180], requiredAgents: [14, 14] }],
      scheduledAgents: [14, 13],
    });
    expect(result.intervals[0]?.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(result.intervals[0]?.asaSeconds).toBeCloseTo(7.835937011777243, 9);
    expect(result.intervals[0]?.gap).toBe(0);
    expect(result.intervals[1]?.serviceLevel).toBeCloseTo(0.7956, 4);
    expect(result.intervals[1]?.gap).toBe(-1);
    expect(result.intervals[1]?.channels[0]?.targetMet).toBe(false);
  });

  it("removes unplanned shrinkage before the Erlang calculation", () => {
    // 20 scheduled at 30% shrinkage leave floor(20 × 0.7) = 14 on the phones.
    const result = projectCoverage({
      startMs: 0,
      intervalMinutes: 30,
      channels: [{ ...voice, shrinkage: 0.3 }],
      demand: [{ channelId: "voice", contacts: [100], ahtSeconds: [180], requiredAgents: [20] }],
      scheduledAgents: [20],
    });
    expect(result.intervals[0]?.channels[0]?.effectiveAgents).toBe(14);
    expect(result.intervals[0]?.serviceLevel).toBeCloseTo(0.88835, 5);
  });

  it("projects a channel with a mean patience by Erlang A, as it was staffed", () => {
    // 10 agents, A = 9.5 (95 calls of 180 s in 30 min), patience 120 s: the simulation-checked case SL ≈ 0.69027.
    const patient = { ...voice, patienceSeconds: 120 };
    const run = (channel: ChannelSettings) =>
      projectCoverage({
        startMs: 0,
        intervalMinutes: 30,
        channels: [channel],
        demand: [{ channelId: "voice", contacts: [95], ahtSeconds: [180], requiredAgents: [10] }],
        scheduledAgents: [10],
      }).intervals[0]?.serviceLevel;
    expect(run(patient)).toBeCloseTo(0.69027, 4);
    // Without patience the same queue is Erlang C, which reads lower (nobody leaves the queue).
    expect(run(voice) ?? 1).toBeLessThan(run(patient) ?? 0);
  });

  it("plays email backlog across intervals (hand-checked)", () => {
    // 10 items of 15 min arrive at once; 3 agents clear 3 per 15-minute interval: backlog 7, 4, 1, then 1 left with nobody.
    const result = projectCoverage({
      startMs: 0,
      intervalMinutes: 15,
      channels: [email],
      demand: [{ channelId: "email", contacts: [10, 0, 0, 0], ahtSeconds: [900, 900, 900, 900], requiredAgents: [3, 3, 3, 1] }],
      scheduledAgents: [3, 3, 3, 0],
    });
    expect(result.intervals.map((iv) => iv.channels[0]?.backlogItems)).toEqual([7, 4, 1, 1]);
    expect(result.intervals[3]?.channels[0]?.targetMet).toBe(false);
    expect(result.intervals[0]?.serviceLevel).toBeNull();
  });

  it("never projects a lower service level with more agents (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 40 }), (calls, agents) => {
        const run = (n: number) =>
          projectCoverage({
            startMs: 0,
            intervalMinutes: 30,
            channels: [voice],
            demand: [{ channelId: "voice", contacts: [calls], ahtSeconds: [180], requiredAgents: [1] }],
            scheduledAgents: [n],
          }).intervals[0]?.serviceLevel ?? 0;
        expect(run(agents + 1)).toBeGreaterThanOrEqual(run(agents) - 1e-12);
      }),
    );
  });
});

describe("allocateByWeight", () => {
  it("splits whole agents by weight and keeps the total", () => {
    expect(allocateByWeight(10, [3, 1, 1])).toEqual([6, 2, 2]);
    expect(allocateByWeight(0, [1, 2])).toEqual([0, 0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 5 }), (total, weights) => {
        const split = allocateByWeight(total, weights);
        const expected = weights.some((w) => w > 0) ? total : 0;
        expect(split.reduce((a, b) => a + b, 0)).toBe(expected);
      }),
    );
  });
});

describe("spare agents", () => {
  it("work the email queue when the phones are covered", () => {
    const result = projectCoverage({
      startMs: 0,
      intervalMinutes: 15,
      channels: [voice, email],
      demand: [
        { channelId: "voice", contacts: [50], ahtSeconds: [180], requiredAgents: [14] },
        { channelId: "email", contacts: [10], ahtSeconds: [900], requiredAgents: [2] },
      ],
      scheduledAgents: [20],
    });
    expect(result.intervals[0]?.channels.map((c) => c.allocated)).toEqual([14, 6]);
    expect(result.intervals[0]?.gap).toBe(4);
  });
});
