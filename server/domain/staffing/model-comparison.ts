/**
 * What each channel's model is worth on a week's forecast: the agent-hours it needs against a
 * simpler model of the same contacts. Chat with concurrency is set against chat staffed like
 * voice (one chat at a time); email and social as deferred work against a live queue answered
 * within the response target (80% in the target, no backlog carried); a live channel with
 * patience (Erlang A) against Erlang C (nobody abandons). Voice without patience has no simpler
 * model and is left out.
 */
import { computeStaffingRequirements, isDeferredKind } from "./requirements";
import type { ChannelSettings, StaffingRequirements, StaffingRequirementsInput } from "./requirements";

/** One channel's agent-hours on task (before shrinkage) under its model and the alternative. */
export interface ModelComparison {
  channel: string;
  /** The model the channel is staffed with, in words. */
  model: string;
  agentHours: number;
  /** The simpler model it is compared with, in words. */
  alternative: string;
  alternativeAgentHours: number;
}

/** Agents summed over the intervals for one channel, times the interval in hours. */
function agentHoursOf(result: StaffingRequirements, channelId: string, hoursPerInterval: number): number {
  return result.intervals.reduce((sum, iv) => sum + (iv.channels.find((c) => c.channelId === channelId)?.agents ?? 0), 0) * hoursPerInterval;
}

/** The simpler model for a channel and its label, or null when there is none (voice, chat at one chat). */
function alternativeFor(channel: ChannelSettings): { settings: ChannelSettings; label: string } | null {
  if (!isDeferredKind(channel.kind) && channel.patienceSeconds != null) {
    return { settings: { ...channel, patienceSeconds: null, maxAbandonRate: null }, label: "Erlang C (nobody abandons)" };
  }
  if (channel.kind === "chat" && (channel.concurrency ?? 1) > 1) {
    return { settings: { ...channel, concurrency: 1 }, label: "one chat at a time (voice-like)" };
  }
  if (isDeferredKind(channel.kind)) {
    const targetSeconds = Math.round((channel.responseTargetMinutes ?? 60) * 60);
    return {
      settings: { ...channel, kind: "voice", targetSl: 0.8, targetSeconds, targetAsaSeconds: null, maxOccupancy: channel.maxOccupancy, patienceSeconds: null },
      label: `Erlang C, 80% within ${Math.round(targetSeconds / 60)} min, no backlog carried`,
    };
  }
  return null;
}

/** The channel's own model, in words. */
function modelName(channel: ChannelSettings): string {
  if (isDeferredKind(channel.kind)) return "deferred work with backlog";
  const erlang = channel.patienceSeconds != null ? `Erlang A (mean patience ${channel.patienceSeconds} s)` : "Erlang C";
  return channel.kind === "chat" ? `${erlang} on ${channel.concurrency ?? 1} chats per agent` : erlang;
}

/**
 * Agent-hours per channel under its own model and under the simpler alternative, for the same
 * forecast. `computed` is `computeStaffingRequirements(input)`, passed in so the week is not
 * staffed twice. Throws like {@link computeStaffingRequirements} for settings it cannot staff.
 * @example
 * // 90 chats of 15 min in a half hour, 80% within 90 s: 26 agents at two chats at once, 51 at one.
 * const input = { intervalMinutes: 30, channels: [{ channelId: "chat", kind: "chat", ahtSeconds: 900, targetSl: 0.8, targetSeconds: 90, concurrency: 2 }],
 *   forecast: [{ startsAt: "2026-03-02T09:00:00Z", channelId: "chat", contacts: 90 }] };
 * compareChannelModels(computeStaffingRequirements(input), input)[0] //=> { agentHours: 13, alternativeAgentHours: 25.5, … }
 */
export function compareChannelModels(computed: StaffingRequirements, input: StaffingRequirementsInput): ModelComparison[] {
  const hoursPerInterval = input.intervalMinutes / 60;
  const out: ModelComparison[] = [];
  for (const channel of input.channels) {
    const alternative = alternativeFor(channel);
    if (!alternative) continue;
    const alt = computeStaffingRequirements({
      intervalMinutes: input.intervalMinutes,
      channels: [alternative.settings],
      forecast: input.forecast.filter((f) => f.channelId === channel.channelId),
    });
    out.push({
      channel: channel.channelId,
      model: modelName(channel),
      agentHours: agentHoursOf(computed, channel.channelId, hoursPerInterval),
      alternative: alternative.label,
      alternativeAgentHours: agentHoursOf(alt, channel.channelId, hoursPerInterval),
    });
  }
  return out;
}
