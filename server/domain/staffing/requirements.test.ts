import { DateTime, Settings } from "luxon";
import { describe, expect, it } from "vitest";
import { StaffingInputError, achievedService, requiredAgents } from "./erlang-c";
import { computeStaffingRequirements } from "./requirements";
import type { ChannelSettings, ForecastInterval } from "./requirements";

const phone: ChannelSettings = { channelId: "phone", kind: "voice", ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, shrinkage: 0.3 };
const chat: ChannelSettings = { channelId: "chat", kind: "chat", ahtSeconds: 900, targetSl: 0.8, targetSeconds: 90, concurrency: 2 };
const email: ChannelSettings = { channelId: "email", kind: "email", ahtSeconds: 900, responseTargetMinutes: 60, shrinkage: 0.2 };
const social: ChannelSettings = { channelId: "social", kind: "social", ahtSeconds: 450, responseTargetMinutes: 30 };

function errorOf(run: () => unknown): StaffingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof StaffingInputError) return error;
    throw error;
  }
  throw new Error("expected a StaffingInputError");
}

describe("computeStaffingRequirements", () => {
  it("staffs the textbook voice interval", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 30,
      channels: [phone],
      forecast: [{ startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 100 }],
    });
    expect(result.intervals).toHaveLength(1);
    const [interval] = result.intervals;
    expect(interval?.startsAt).toBe("2026-03-02T09:00:00.000Z");
    expect(interval?.total).toEqual({ contacts: 100, agents: 14, agentsWithShrinkage: 20 });
    expect(interval?.channels[0]).toMatchObject({ channelId: "phone", kind: "voice", contacts: 100, ahtSeconds: 180, agents: 14, targetMet: true });
    expect(interval?.channels[0]?.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(interval?.channels[0]?.asaSeconds).toBeCloseTo(7.836, 3);
  });

  it("combines all four channel kinds on one grid, filling gaps with zero contacts", () => {
    const forecast: ForecastInterval[] = [
      { startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 50 },
      { startsAt: "2026-03-02T09:45:00Z", channelId: "phone", contacts: 50 },
      { startsAt: "2026-03-02T09:00:00Z", channelId: "chat", contacts: 45 },
      { startsAt: "2026-03-02T09:00:00Z", channelId: "email", contacts: 10 },
      { startsAt: "2026-03-02T09:15:00Z", channelId: "social", contacts: 4 },
    ];
    const result = computeStaffingRequirements({ intervalMinutes: 15, channels: [phone, chat, email, social], forecast });
    expect(result.intervals.map((i) => i.startsAt)).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-02T09:15:00.000Z",
      "2026-03-02T09:30:00.000Z",
      "2026-03-02T09:45:00.000Z",
    ]);
    const agents = (channelId: string) => result.intervals.map((i) => i.channels.find((c) => c.channelId === channelId)?.agents);
    const voice = requiredAgents({ calls: 50, intervalSeconds: 900, ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 }).agents;
    expect(agents("phone")).toEqual([voice, 0, 0, voice]);
    // 45 chats × 900 s / 900 s = 45 slot-Erlangs → 51 slots → 26 agents at 2 chats each.
    expect(agents("chat")).toEqual([26, 0, 0, 0]);
    // 10 emails of 15 min, due within 60 min: worked in the 4th interval.
    expect(agents("email")).toEqual([0, 0, 0, 10]);
    // 4 social items of 7.5 min (2 per agent-interval), due within 30 min: worked in the next interval.
    expect(agents("social")).toEqual([0, 0, 2, 0]);

    const last = result.intervals[3];
    expect(last?.channels.find((c) => c.channelId === "email")).toMatchObject({
      agentsWithShrinkage: 13,
      backlogItems: 0,
      oldestWaitingAgeSeconds: null,
      occupancy: 1,
      serviceLevel: null,
      targetMet: true,
    });
    expect(result.intervals[1]?.channels.find((c) => c.channelId === "email")).toMatchObject({ backlogItems: 10, oldestWaitingAgeSeconds: 1800 });
    expect(last?.total).toEqual({
      contacts: 50,
      agents: voice + 10,
      agentsWithShrinkage: Math.ceil(voice / 0.7) + 13,
    });
    for (const interval of result.intervals) {
      expect(interval.channels.map((c) => c.channelId)).toEqual(["phone", "chat", "email", "social"]);
      const sum = interval.channels.reduce((s, c) => s + c.agentsWithShrinkage, 0);
      expect(interval.total.agentsWithShrinkage).toBe(sum);
    }
  });

  it("reports chat service at the slots actually staffed", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 30,
      channels: [chat],
      forecast: [{ startsAt: "2026-03-02T09:00:00Z", channelId: "chat", contacts: 90 }],
    });
    const at52 = achievedService({ calls: 90, intervalSeconds: 1800, ahtSeconds: 900, agents: 52, targetSeconds: 90 });
    expect(result.intervals[0]?.channels[0]).toMatchObject({ agents: 26, serviceLevel: at52.serviceLevel, asaSeconds: at52.asaSeconds });
  });

  it("returns the working behind each figure: traffic, P(wait) and servers, or items per agent", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 30,
      channels: [phone, chat, { ...email, maxOccupancy: 0.9 }],
      forecast: [
        { startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 100 },
        { startsAt: "2026-03-02T09:00:00Z", channelId: "chat", contacts: 90 },
        { startsAt: "2026-03-02T09:00:00Z", channelId: "email", contacts: 10 },
      ],
    });
    const [voice, chats, mail] = result.intervals[0]?.channels ?? [];
    // The textbook reference case (reference-cases.json, textbook_80_20): A = 10 Erlangs, 14 agents, P(wait) 0.17413.
    expect(voice).toMatchObject({ trafficErlangs: 10, servers: 14, serversPerAgent: 1, itemsPerAgent: null });
    expect(voice?.probabilityWait).toBeCloseTo(0.17413193359504983, 12);
    // 90 chats × 900 s / 1800 s = 45 slot-Erlangs; 26 agents at 2 chats hold 52 slots.
    const at52 = achievedService({ calls: 90, intervalSeconds: 1800, ahtSeconds: 900, agents: 52, targetSeconds: 90 });
    expect(chats).toMatchObject({ trafficErlangs: 45, agents: 26, servers: 52, serversPerAgent: 2, probabilityWait: at52.probabilityWait, itemsPerAgent: null });
    // One agent works 1800 s × 0.9 / 900 s = 1.8 emails in a 30-minute interval.
    expect(mail).toMatchObject({ trafficErlangs: null, probabilityWait: null, servers: null, serversPerAgent: null });
    expect(mail?.itemsPerAgent).toBeCloseTo(1.8, 12);
  });

  it("reports no traffic and no wait for a live interval without contacts", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 30,
      channels: [phone],
      forecast: [{ startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 0 }],
    });
    expect(result.intervals[0]?.channels[0]).toMatchObject({ agents: 0, trafficErlangs: 0, probabilityWait: 0, servers: 0, serversPerAgent: 1 });
  });

  it("uses a forecast row's AHT over the channel's", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 30,
      channels: [{ ...phone, ahtSeconds: 300 }],
      forecast: [{ startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 100, ahtSeconds: 180 }],
    });
    expect(result.intervals[0]?.channels[0]).toMatchObject({ ahtSeconds: 180, agents: 14 });
  });

  it("reads instants with any offset as UTC instants", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 60,
      channels: [phone],
      forecast: [
        { startsAt: "2026-04-05T02:45:00+13:45", channelId: "phone", contacts: 10 },
        { startsAt: "2026-04-04T14:00:00Z", channelId: "phone", contacts: 10 },
      ],
    });
    expect(result.intervals.map((i) => i.startsAt)).toEqual(["2026-04-04T13:00:00.000Z", "2026-04-04T14:00:00.000Z"]);
  });

  it("reads seconds and milliseconds, and formats instants like luxon's UTC toISO", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 1,
      channels: [phone],
      forecast: [
        { startsAt: "2026-12-31T23:58:30.5Z", channelId: "phone", contacts: 1 },
        { startsAt: "2027-01-01T00:00:30.500Z", channelId: "phone", contacts: 1 },
      ],
    });
    expect(result.intervals.map((i) => i.startsAt)).toEqual(["2026-12-31T23:58:30.500Z", "2026-12-31T23:59:30.500Z", "2027-01-01T00:00:30.500Z"]);
    for (const interval of result.intervals) {
      expect(interval.startsAt).toBe(DateTime.fromMillis(interval.startsAtMs, { zone: "utc" }).toISO());
    }
  });

  it("rejects impossible dates and times even when luxon is set to throw", () => {
    const previous = Settings.throwOnInvalid;
    try {
      for (const throwOnInvalid of [false, true]) {
        Settings.throwOnInvalid = throwOnInvalid;
        for (const startsAt of ["2026-02-30T00:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T09:60:00Z", "2026-02-30T00:00:00+01:00"]) {
          const run = () => computeStaffingRequirements({ intervalMinutes: 15, channels: [phone], forecast: [{ startsAt, channelId: "phone", contacts: 1 }] });
          expect(errorOf(run).field).toBe("forecast[0].startsAt");
        }
      }
    } finally {
      Settings.throwOnInvalid = previous;
    }
  });

  it("returns no intervals for an empty forecast", () => {
    expect(computeStaffingRequirements({ intervalMinutes: 15, channels: [phone], forecast: [] })).toEqual({ intervalMinutes: 15, intervals: [] });
  });

  describe("errors name the setting or forecast row", () => {
    const row = (patch: Partial<ForecastInterval>): ForecastInterval => ({ startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 10, ...patch });

    it.each([
      ["forecast[0].startsAt", [row({ startsAt: "2026-03-02T09:00:00" })]],
      ["forecast[0].startsAt", [row({ startsAt: "yesterday" })]],
      ["forecast[1].startsAt", [row({}), row({ startsAt: "2026-03-02T09:07:00Z" })]],
      ["forecast[0].channelId", [row({ channelId: "fax" })]],
      ["forecast[0].contacts", [row({ contacts: -1 })]],
      ["forecast[0].contacts", [row({ contacts: 1e12 })]],
      ["forecast[0].ahtSeconds", [row({ ahtSeconds: 0 })]],
      ["forecast[1]", [row({}), row({})]],
    ] as const)("%s", (field, forecast) => {
      expect(errorOf(() => computeStaffingRequirements({ intervalMinutes: 15, channels: [phone], forecast })).field).toBe(field);
    });

    it.each([
      ["channels[0].targetSl", { ...phone, targetSl: 1 }],
      ["channels[0].targetSl", { ...phone, targetSl: null }],
      ["channels[0].ahtSeconds", { ...phone, ahtSeconds: -5 }],
      ["channels[0].shrinkage", { ...phone, shrinkage: 1 }],
      ["channels[0].concurrency", { ...chat, channelId: "phone", concurrency: 0 }],
      ["channels[0].responseTargetMinutes", { ...email, channelId: "phone", responseTargetMinutes: 5 }],
      ["channels[0].responseTargetMinutes", { ...email, channelId: "phone", responseTargetMinutes: null }],
      ["channels[0].shrinkage", { ...email, channelId: "phone", shrinkage: -1 }],
      ["channels[0].kind", { ...phone, kind: "fax" as never }],
    ] as const)("%s", (field, channel) => {
      const forecast = [row({})];
      expect(errorOf(() => computeStaffingRequirements({ intervalMinutes: 15, channels: [channel], forecast })).field).toBe(field);
    });

    it("rejects duplicate channels and a bad interval length", () => {
      expect(errorOf(() => computeStaffingRequirements({ intervalMinutes: 15, channels: [phone, phone], forecast: [] })).field).toBe("channels[1].channelId");
      expect(errorOf(() => computeStaffingRequirements({ intervalMinutes: 0, channels: [phone], forecast: [] })).field).toBe("intervalMinutes");
    });
  });
});

describe("Erlang A channels (patience set)", () => {
  const forecast: ForecastInterval[] = [{ startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 100 }];
  it("staffs a voice channel with patience by Erlang A and reports P(abandon); Erlang C without", () => {
    const withPatience = computeStaffingRequirements({ intervalMinutes: 30, channels: [{ ...phone, patienceSeconds: 120 }], forecast });
    const c = withPatience.intervals[0]?.channels[0];
    expect(c).toMatchObject({ agents: 12, agentsWithShrinkage: 18, servers: 12 });
    expect(c?.probabilityAbandon).toBeGreaterThan(0.05);
    expect(c?.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const without = computeStaffingRequirements({ intervalMinutes: 30, channels: [phone], forecast }).intervals[0]?.channels[0];
    expect(without).toMatchObject({ agents: 14, probabilityAbandon: null });
  });

  it("an abandon cap binds", () => {
    const capped = computeStaffingRequirements({ intervalMinutes: 30, channels: [{ ...phone, patienceSeconds: 120, maxAbandonRate: 0.01 }], forecast }).intervals[0]?.channels[0];
    expect(capped?.agents).toBeGreaterThan(12);
    expect(capped?.probabilityAbandon).toBeLessThanOrEqual(0.01);
  });

  it("chat with patience staffs slots in whole agents", () => {
    const result = computeStaffingRequirements({
      intervalMinutes: 30,
      channels: [{ ...chat, patienceSeconds: 1e20 }],
      forecast: [{ startsAt: "2026-03-02T09:00:00Z", channelId: "chat", contacts: 90 }],
    });
    expect(result.intervals[0]?.channels[0]).toMatchObject({ agents: 26, servers: 52, serversPerAgent: 2 });
  });

  it("names a bad patience by its channel", () => {
    const error = errorOf(() => computeStaffingRequirements({ intervalMinutes: 30, channels: [{ ...phone, patienceSeconds: 0 }], forecast }));
    expect(error.field).toBe("channels[0].patienceSeconds");
  });
});
