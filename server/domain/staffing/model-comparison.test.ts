import { describe, expect, it } from "vitest";
import { compareChannelModels } from "./model-comparison";
import { computeStaffingRequirements } from "./requirements";
import type { ChannelSettings, StaffingRequirementsInput } from "./requirements";

const voice: ChannelSettings = { channelId: "phone", kind: "voice", ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20 };
const chat: ChannelSettings = { channelId: "chat", kind: "chat", ahtSeconds: 900, targetSl: 0.8, targetSeconds: 90, concurrency: 2 };
const email: ChannelSettings = { channelId: "email", kind: "email", ahtSeconds: 900, responseTargetMinutes: 60 };

const input: StaffingRequirementsInput = {
  intervalMinutes: 30,
  channels: [voice, chat, email],
  forecast: [
    { startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 100 },
    { startsAt: "2026-03-02T09:00:00Z", channelId: "chat", contacts: 90 },
    { startsAt: "2026-03-02T09:00:00Z", channelId: "email", contacts: 10 },
    { startsAt: "2026-03-02T09:30:00Z", channelId: "email", contacts: 10 },
    { startsAt: "2026-03-02T10:00:00Z", channelId: "email", contacts: 0 },
  ],
};

describe("compareChannelModels", () => {
  const rows = compareChannelModels(computeStaffingRequirements(input), input);

  it("compares chat with concurrency against one chat at a time", () => {
    // 45 slot-Erlangs need 51 slots: 26 agents at two chats (13 agent-hours), 51 at one (25.5).
    expect(rows.find((r) => r.channel === "chat")).toEqual({
      channel: "chat",
      model: "Erlang C on 2 chats per agent",
      agentHours: 13,
      alternative: "one chat at a time (voice-like)",
      alternativeAgentHours: 25.5,
    });
  });

  it("compares deferred email against a live queue answered within the response target", () => {
    // Deferred: 5 agents work each half hour's 10 items in the next half hour (3 intervals: 0, 5, 5).
    // Live: 5 Erlangs, 80% within 60 min, needs 6 agents in each interval with mail (6, 6, 0).
    expect(rows.find((r) => r.channel === "email")).toEqual({
      channel: "email",
      model: "deferred work with backlog",
      agentHours: 5,
      alternative: "Erlang C, 80% within 60 min, no backlog carried",
      alternativeAgentHours: 6,
    });
  });

  it("leaves out voice and chat at one chat at a time, which have no simpler model", () => {
    expect(rows.map((r) => r.channel)).toEqual(["chat", "email"]);
    const single = { ...input, channels: [voice, { ...chat, concurrency: 1 }, email] };
    expect(compareChannelModels(computeStaffingRequirements(single), single).map((r) => r.channel)).toEqual(["email"]);
  });
});
