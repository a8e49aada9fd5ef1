/**
 * Projected service at the scheduled headcount, per interval and channel: the inverse of the
 * staffing calculation. Used by the coverage view and by swap approvals (service before/after).
 *
 * Model and assumptions:
 * - `scheduledAgents[i]` are agents on task (on shift, not on break) in interval i. Rosters are
 *   built against `requiredAgents` per channel (which already include the channel's unplanned
 *   shrinkage). Up to the requirement, agents are shared in proportion to it (largest remainder,
 *   whole agents); spare agents work the deferred queues (see allocateInterval).
 * - Each channel then loses its unplanned shrinkage: effective = floor(allocated × (1 − shrinkage)).
 *   Scheduling exactly the requirement therefore gives at least the agents the Erlang calculation
 *   asked for, so a met requirement projects a met target.
 * - Voice: Erlang C at the effective agents. Chat: Erlang C with agents × concurrency servers.
 *   Email and social: the deferred-work model played over the whole sequence (backlog carries).
 * - The interval's service level is the contact-weighted mean over voice and chat; null when
 *   neither has contacts.
 */
import { simulateDeferredWork } from "../staffing/channel-models";
import { achievedServiceErlangA } from "../staffing/erlang-a";
import { achievedService } from "../staffing/erlang-c";
import { isDeferredKind, type ChannelSettings } from "../staffing/requirements";

export interface ChannelDemand {
  channelId: string;
  /** Per interval. */
  contacts: readonly number[];
  ahtSeconds: readonly number[];
  /** Agents to schedule (after shrinkage) per interval. */
  requiredAgents: readonly number[];
}

export interface ProjectCoverageInput {
  startMs: number;
  intervalMinutes: number;
  channels: readonly ChannelSettings[];
  demand: readonly ChannelDemand[];
  /** Agents on task per interval. */
  scheduledAgents: readonly number[];
}

export interface ProjectedChannel {
  channelId: string;
  kind: ChannelSettings["kind"];
  contacts: number;
  ahtSeconds: number;
  required: number;
  allocated: number;
  effectiveAgents: number;
  /** Voice, chat: projected share answered within target; null for deferred channels. */
  serviceLevel: number | null;
  asaSeconds: number | null;
  occupancy: number;
  /** Email, social: items waiting at the end of the interval. */
  backlogItems: number | null;
  targetMet: boolean;
}

export interface ProjectedInterval {
  startMs: number;
  required: number;
  scheduled: number;
  /** scheduled − required: negative is short, positive is over. */
  gap: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  contacts: number;
  channels: ProjectedChannel[];
}

/** Splits `total` whole agents by `weights` with the largest-remainder method. */
export function allocateByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left--;
  }
  return result;
}

/**
 * Shares one interval's on-task agents between channels. Short of the requirement, every
 * channel is short in proportion. Beyond it, the spare agents work deferred queues (email,
 * social), as multi-skilled agents do when the phones are quiet; with no deferred channel they
 * go to the live ones.
 */
function allocateInterval(total: number, demands: readonly ChannelDemand[], deferred: readonly boolean[], i: number): number[] {
  const required = demands.map((d) => d.requiredAgents[i] ?? 0);
  const need = required.reduce((a, b) => a + b, 0);
  if (need <= 0) {
    const byContacts = demands.map((d) => d.contacts[i] ?? 0);
    return allocateByWeight(total, byContacts.some((c) => c > 0) ? byContacts : demands.map((_, k) => (deferred[k] ? 1 : 0)));
  }
  if (total <= need) return allocateByWeight(total, required);
  const spareWeights = demands.map((d, k) => (deferred[k] ? Math.max(required[k] ?? 0, 1) : 0));
  const spare = allocateByWeight(total - need, spareWeights.some((w) => w > 0) ? spareWeights : required);
  return required.map((r, k) => r + (spare[k] ?? 0));
}

/**
 * @example
 * projectCoverage({ startMs: 0, intervalMinutes: 30, channels: [voice], scheduledAgents: [14],
 *   demand: [{ channelId: "voice", contacts: [100], ahtSeconds: [180], requiredAgents: [14] }] }).intervals[0].serviceLevel
 * //=> 0.8883500191794669 (with shrinkage 0)
 */
export function projectCoverage(input: ProjectCoverageInput): { intervals: ProjectedInterval[] } {
  const n = input.scheduledAgents.length;
  const intervalSeconds = input.intervalMinutes * 60;
  const settingsById = new Map(input.channels.map((c) => [c.channelId, c]));
  const demands = input.demand.filter((d) => settingsById.has(d.channelId));
  const allocations: number[][] = demands.map(() => new Array<number>(n).fill(0));
  const deferred = demands.map((d) => {
    const kind = settingsById.get(d.channelId)?.kind;
    return kind !== undefined && isDeferredKind(kind);
  });
  for (let i = 0; i < n; i++) {
    // Whole agents only: a person half-way through a break counts as not there.
    const total = Math.floor((input.scheduledAgents[i] ?? 0) + 1e-9);
    allocateInterval(total, demands, deferred, i).forEach((a, k) => {
      const row = allocations[k];
      if (row) row[i] = a;
    });
  }
  const perChannel: ProjectedChannel[][] = demands.map((d, k) => {
    const settings = settingsById.get(d.channelId) as ChannelSettings;
    const shrinkage = settings.shrinkage ?? 0;
    const allocated = allocations[k] ?? [];
    const effective = allocated.map((a) => Math.floor(a * (1 - shrinkage) + 1e-9));
    if (isDeferredKind(settings.kind)) {
      const meanAht = d.ahtSeconds.find((x) => x > 0) ?? settings.ahtSeconds;
      const simulated = simulateDeferredWork({
        arrivals: d.contacts.slice(0, n),
        intervalSeconds,
        ahtSeconds: meanAht,
        ahtSecondsByInterval: d.ahtSeconds.slice(0, n).map((x) => (x > 0 ? x : meanAht)),
        responseTargetMinutes: settings.responseTargetMinutes ?? 60,
        maxOccupancy: settings.maxOccupancy ?? undefined,
        agents: effective,
      });
      return simulated.map((r, i) => ({
        channelId: d.channelId,
        kind: settings.kind,
        contacts: d.contacts[i] ?? 0,
        ahtSeconds: d.ahtSeconds[i] ?? meanAht,
        required: d.requiredAgents[i] ?? 0,
        allocated: allocated[i] ?? 0,
        effectiveAgents: effective[i] ?? 0,
        serviceLevel: null,
        asaSeconds: null,
        occupancy: r.agents > 0 ? Math.min(1, r.workSeconds / (r.agents * intervalSeconds)) : 0,
        backlogItems: r.backlogItems,
        targetMet: r.targetMet,
      }));
    }
    const concurrency = settings.kind === "chat" ? Math.max(1, settings.concurrency ?? 1) : 1;
    return effective.map((agents, i) => {
      const contacts = d.contacts[i] ?? 0;
      const aht = d.ahtSeconds[i] && d.ahtSeconds[i] > 0 ? d.ahtSeconds[i] : settings.ahtSeconds;
      const service =
        contacts === 0
          ? { serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityWait: 0 }
          : // A channel with a mean patience is staffed by Erlang A, so it is projected by Erlang A too.
            settings.patienceSeconds !== undefined && settings.patienceSeconds !== null
            ? achievedServiceErlangA({ calls: contacts, intervalSeconds, ahtSeconds: aht, patienceSeconds: settings.patienceSeconds, agents: agents * concurrency, targetSeconds: settings.targetSeconds ?? 20 })
            : achievedService({ calls: contacts, intervalSeconds, ahtSeconds: aht, agents: agents * concurrency, targetSeconds: settings.targetSeconds ?? 20 });
      return {
        channelId: d.channelId,
        kind: settings.kind,
        contacts,
        ahtSeconds: aht,
        required: d.requiredAgents[i] ?? 0,
        allocated: allocated[i] ?? 0,
        effectiveAgents: agents,
        serviceLevel: service.serviceLevel,
        asaSeconds: service.asaSeconds,
        occupancy: service.occupancy,
        backlogItems: null,
        targetMet: contacts === 0 || service.serviceLevel >= (settings.targetSl ?? 0.8) - 1e-12,
      };
    });
  });
  const intervals: ProjectedInterval[] = [];
  for (let i = 0; i < n; i++) {
    const channels = perChannel.map((list) => list[i]).filter((c): c is ProjectedChannel => c !== undefined);
    const live = channels.filter((c) => c.serviceLevel !== null && c.contacts > 0);
    const liveContacts = live.reduce((s, c) => s + c.contacts, 0);
    const required = channels.reduce((s, c) => s + c.required, 0);
    const scheduled = input.scheduledAgents[i] ?? 0;
    const asaKnown = live.every((c) => c.asaSeconds !== null);
    intervals.push({
      startMs: input.startMs + i * intervalSeconds * 1000,
      required,
      scheduled,
      gap: Math.round((scheduled - required) * 1e9) / 1e9,
      serviceLevel: liveContacts > 0 ? live.reduce((s, c) => s + c.contacts * (c.serviceLevel ?? 0), 0) / liveContacts : null,
      asaSeconds: liveContacts > 0 && asaKnown ? live.reduce((s, c) => s + c.contacts * (c.asaSeconds ?? 0), 0) / liveContacts : null,
      contacts: channels.reduce((s, c) => s + c.contacts, 0),
      channels,
    });
  }
  return { intervals };
}
