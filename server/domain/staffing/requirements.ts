/**
 * Staffing requirements for a planning period: the forecast per interval and channel turned into
 * agents per interval and channel, with the service that staffing gives. This is what the staffing
 * page shows and what the roster builder tries to cover.
 *
 * Assumptions:
 * - Intervals are a regular UTC grid of `intervalMinutes`, from the earliest to the latest forecast
 *   instant; an interval or channel missing from the forecast has 0 contacts. The grid is kept
 *   whole because deferred work (email, social) carries its backlog through time, including
 *   through intervals nobody forecast.
 * - Each channel is staffed by its own agents: the per-interval total is the sum over channels.
 *   Pooling multi-skilled agents across queues would need fewer; the sum is the safe side.
 * - Voice and chat intervals are independent (Erlang C is a steady-state model per interval);
 *   a live channel with a mean patience is staffed with Erlang A instead (./erlang-a.ts: callers
 *   abandon, SL counts answered-within-T over all arrivals, and an abandon cap can bind);
 *   email and social carry backlog between intervals (see ./channel-models.ts).
 */
import { DateTime } from "luxon";
import { requiredChatAgents, requiredDeferredAgents } from "./channel-models";
import { requiredServersErlangA } from "./erlang-a";
import { StaffingInputError, agentsWithShrinkage, requiredAgents } from "./erlang-c";

/** Voice and chat are live queues (Erlang); email, social and messaging (e.g. Twitter/X) are deferred work. */
export type ChannelKind = "voice" | "chat" | "email" | "social" | "messaging";

const CHANNEL_KINDS: readonly ChannelKind[] = ["voice", "chat", "email", "social", "messaging"];

/**
 * Whether a channel kind is deferred work (answered within a response time, backlog carried)
 * rather than a live queue.
 * @example isDeferredKind("messaging") //=> true
 */
export function isDeferredKind(kind: ChannelKind): boolean {
  return kind === "email" || kind === "social" || kind === "messaging";
}

/**
 * Why a deferred channel's response target cannot be planned at an interval length, or null when
 * it can: the deferred-work model counts deadlines in whole intervals, so the target must last at
 * least one (a 15-minute Twitter/X target needs 15-minute intervals).
 * @example responseTargetProblem(15, 30) //=> "A 15-minute response target is shorter than the 30-minute planning interval: plan in 15-minute intervals (Settings) or allow at least 30 minutes"
 */
export function responseTargetProblem(responseMinutes: number, intervalMinutes: number): string | null {
  if (responseMinutes >= intervalMinutes) return null;
  return `A ${responseMinutes}-minute response target is shorter than the ${intervalMinutes}-minute planning interval: plan in ${intervalMinutes > 15 ? 15 : intervalMinutes}-minute intervals (Settings) or allow at least ${intervalMinutes} minutes`;
}

/** How one channel is staffed. Fields not used by a channel's kind are ignored. */
export interface ChannelSettings {
  channelId: string;
  kind: ChannelKind;
  /** Handle time per contact (per chat for chat, per item for email and social). */
  ahtSeconds: number;
  /** Voice, chat: service-level target as a fraction in [0, 1). */
  targetSl?: number | null | undefined;
  /** Voice, chat: answered within this many seconds. */
  targetSeconds?: number | null | undefined;
  /** Voice, chat: cap on the average speed of answer. */
  targetAsaSeconds?: number | null | undefined;
  /** Cap on occupancy in (0, 1]; for email and social, the share of time spent on items (default 1). */
  maxOccupancy?: number | null | undefined;
  /** Share of paid time unavailable, in [0, 1); default 0. */
  shrinkage?: number | null | undefined;
  /** Chat: chats per agent at once; default 1. */
  concurrency?: number | null | undefined;
  /** Email, social: answer every item within this many minutes. */
  responseTargetMinutes?: number | null | undefined;
  /** Voice, chat: mean patience before a waiting contact abandons; set = Erlang A, null or absent = Erlang C. */
  patienceSeconds?: number | null | undefined;
  /** Voice, chat with patience: cap on the share of contacts abandoned, in (0, 1]; ignored under Erlang C (nobody abandons). */
  maxAbandonRate?: number | null | undefined;
}

/** Forecast contacts of one channel in the interval starting at `startsAt`. */
export interface ForecastInterval {
  /** UTC instant with an explicit offset, e.g. "2026-03-02T08:15:00Z". */
  startsAt: string;
  channelId: string;
  contacts: number;
  /** Forecast handle time for this interval, overriding the channel's. */
  ahtSeconds?: number | null | undefined;
}

export interface StaffingRequirementsInput {
  intervalMinutes: number;
  channels: readonly ChannelSettings[];
  forecast: readonly ForecastInterval[];
}

/**
 * Requirement and service of one channel in one interval, with the intermediate figures behind it
 * (traffic, P(wait), servers; items per agent for deferred work), so a page can show the working
 * with its numbers without redoing the maths.
 */
export interface ChannelRequirement {
  channelId: string;
  kind: ChannelKind;
  contacts: number;
  ahtSeconds: number;
  /** Agents working this channel (before shrinkage). */
  agents: number;
  /** Agents to schedule: ceil(agents / (1 − shrinkage)). */
  agentsWithShrinkage: number;
  /** Voice, chat: service level at `agents`; null for deferred channels. */
  serviceLevel: number | null;
  /** Voice, chat: average speed of answer at `agents`; null for deferred channels. */
  asaSeconds: number | null;
  /** Share of the staffed agents' time spent handling; 0 with no agents. */
  occupancy: number;
  /** Email, social: items waiting at the end of the interval; null for live channels. */
  backlogItems: number | null;
  /** Email, social: age of the oldest waiting item at the end of the interval; null when none or live. */
  oldestWaitingAgeSeconds: number | null;
  /**
   * Voice, chat: offered traffic A = contacts × AHT ÷ interval seconds, in Erlangs (for chat, in
   * chat slots); null for deferred channels. 100 calls of 180 s in 30 min is 10 Erlangs.
   */
  trafficErlangs: number | null;
  /** Voice, chat: P(wait), Erlang C (or A) at the `servers` staffed; null for deferred channels. */
  probabilityWait: number | null;
  /** Voice, chat with patience (Erlang A): share of contacts abandoning at this staffing; null under Erlang C and for deferred channels. */
  probabilityAbandon: number | null;
  /** Voice, chat: Erlang C servers staffed, agents × `serversPerAgent`; null for deferred channels. */
  servers: number | null;
  /** Voice, chat: servers one agent gives: 1 for voice, the chats held at once for chat; null for deferred. */
  serversPerAgent: number | null;
  /** Email, social: items one agent works in the interval, interval seconds × occupancy cap ÷ AHT; null for live channels. */
  itemsPerAgent: number | null;
  /** Every target met at this staffing (always true for a requirement; kept for the same shape as coverage). */
  targetMet: boolean;
}

export interface IntervalRequirement {
  /** ISO UTC instant, e.g. "2026-03-02T08:15:00.000Z". */
  startsAt: string;
  startsAtMs: number;
  channels: ChannelRequirement[];
  total: { contacts: number; agents: number; agentsWithShrinkage: number };
}

export interface StaffingRequirements {
  intervalMinutes: number;
  intervals: IntervalRequirement[];
}

/** A planning period longer than this is a mistake (a year of 5-minute intervals is 105,120). */
export const MAX_INTERVALS = 200_000;

const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const CANONICAL_UTC = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/;
const DAY_MS = 86_400_000;

/**
 * Instants as UTC milliseconds, memoised. A forecast repeats each instant once per channel and
 * each date 24 × 60 / interval times, and luxon's ISO parser costs microseconds, so: the common
 * "YYYY-MM-DDTHH:MM[:SS[.sss]]Z" form is read as a luxon-parsed UTC date plus the time of day
 * (a UTC day is always 86,400 s: no zone, no DST, no offset arithmetic); anything else, e.g.
 * "+13:45" offsets, goes through luxon whole.
 */
class InstantReader {
  private readonly byText = new Map<string, number>();
  private readonly byDate = new Map<string, number>();
  private readonly dateByDay = new Map<number, string>();

  read(startsAt: unknown, row: number): number {
    if (typeof startsAt === "string") {
      const cached = this.byText.get(startsAt);
      if (cached !== undefined) return cached;
      const ms = this.parse(startsAt);
      if (ms !== undefined) {
        this.byText.set(startsAt, ms);
        return ms;
      }
    }
    throw new StaffingInputError(
      `forecast[${row}].startsAt`,
      `expected an ISO instant with an offset such as "2026-03-02T08:15:00Z", got ${JSON.stringify(startsAt)}`,
      row,
    );
  }

  /** "2026-03-02T08:15:00.000Z" for a UTC millisecond instant (luxon's toISO in UTC). */
  format(ms: number): string {
    const dayMs = Math.floor(ms / DAY_MS) * DAY_MS;
    let date = this.dateByDay.get(dayMs);
    if (date === undefined) {
      date = DateTime.fromMillis(dayMs, { zone: "utc" }).toISODate() ?? "";
      this.dateByDay.set(dayMs, date);
    }
    const t = ms - dayMs;
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    return `${date}T${pad(Math.floor(t / 3_600_000), 2)}:${pad(Math.floor(t / 60_000) % 60, 2)}:${pad(Math.floor(t / 1000) % 60, 2)}.${pad(t % 1000, 3)}Z`;
  }

  private parse(text: string): number | undefined {
    const m = CANONICAL_UTC.exec(text);
    if (m) {
      const hours = Number(m[2]);
      const minutes = Number(m[3]);
      const seconds = Number(m[4] ?? "0");
      const millis = Number((m[5] ?? "").padEnd(3, "0"));
      const day = this.date(m[1] ?? "");
      if (day === undefined || hours > 23 || minutes > 59 || seconds > 59) return undefined;
      return day + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    }
    if (!EXPLICIT_OFFSET.test(text)) return undefined;
    return this.luxon(text);
  }

  private date(date: string): number | undefined {
    let ms = this.byDate.get(date);
    if (ms === undefined) {
      ms = this.luxon(`${date}T00:00:00Z`);
      if (ms === undefined) return undefined;
      this.byDate.set(date, ms);
    }
    return ms;
  }

  private luxon(text: string): number | undefined {
    try {
      const parsed = DateTime.fromISO(text, { zone: "utc" });
      return parsed.isValid ? parsed.toMillis() : undefined;
    } catch {
      // Settings.throwOnInvalid turns an invalid date into an exception; either way it is bad input.
      return undefined;
    }
  }
}

function checkChannel(channel: ChannelSettings, index: number): void {
  const field = (name: string) => `channels[${index}].${name}`;
  if (typeof channel.channelId !== "string" || channel.channelId === "") {
    throw new StaffingInputError(field("channelId"), `expected a non-empty string, got ${JSON.stringify(channel.channelId)}`);
  }
  if (!CHANNEL_KINDS.includes(channel.kind)) {
    throw new StaffingInputError(field("kind"), `expected one of ${CHANNEL_KINDS.join(", ")}, got ${JSON.stringify(channel.kind)}`);
  }
  if (channel.kind === "voice" || channel.kind === "chat") {
    if (channel.targetSl == null) throw new StaffingInputError(field("targetSl"), `is required for a ${channel.kind} channel`);
    if (channel.targetSeconds == null) throw new StaffingInputError(field("targetSeconds"), `is required for a ${channel.kind} channel`);
  } else if (channel.responseTargetMinutes == null) {
    throw new StaffingInputError(field("responseTargetMinutes"), `is required for a ${channel.kind} channel`);
  }
}

/** Re-raises a domain error with the path of the setting or forecast row at fault. */
function withPath(error: unknown, channelIndex: number, forecastRow: number | undefined): unknown {
  if (!(error instanceof StaffingInputError)) return error;
  const field = error.field;
  if ((field === "calls" || field === "chats" || field.startsWith("arrivals[")) && forecastRow !== undefined) {
    return new StaffingInputError(`forecast[${forecastRow}].contacts`, error.reason, forecastRow);
  }
  if (field.startsWith("ahtSecondsByInterval[") && forecastRow !== undefined) {
    return new StaffingInputError(`forecast[${forecastRow}].ahtSeconds`, error.reason, forecastRow);
  }
  const name = field === "calls" || field === "chats" ? "contacts" : field;
  return new StaffingInputError(`channels[${channelIndex}].${name}`, error.reason);
}

/**
 * Agents needed per interval and channel for a planning period, before and after shrinkage, with
 * the SL / ASA / occupancy (voice, chat) or backlog (email, social) that staffing gives, and a total
 * per interval. Throws {@link StaffingInputError} naming the setting or forecast row at fault.
 * @example
 * computeStaffingRequirements({
 *   intervalMinutes: 30,
 *   channels: [{ channelId: "phone", kind: "voice", ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, shrinkage: 0.3 }],
 *   forecast: [{ startsAt: "2026-03-02T09:00:00Z", channelId: "phone", contacts: 100 }],
 * }).intervals[0].total //=> { contacts: 100, agents: 14, agentsWithShrinkage: 20 }
 */
export function computeStaffingRequirements(input: StaffingRequirementsInput): StaffingRequirements {
  const { intervalMinutes, channels, forecast } = input;
  if (typeof intervalMinutes !== "number" || !Number.isInteger(intervalMinutes) || intervalMinutes < 1) {
    throw new StaffingInputError("intervalMinutes", `expected a whole number of minutes of at least 1, got ${String(intervalMinutes)}`);
  }
  const intervalMs = intervalMinutes * 60_000;
  const intervalSeconds = intervalMinutes * 60;

  const channelIndex = new Map<string, number>();
  channels.forEach((channel, i) => {
    checkChannel(channel, i);
    if (channelIndex.has(channel.channelId)) {
      throw new StaffingInputError(`channels[${i}].channelId`, `duplicate channel ${JSON.stringify(channel.channelId)}`);
    }
    channelIndex.set(channel.channelId, i);
  });

  // Parse once, find the grid, then place each row on it.
  const reader = new InstantReader();
  const instants = new Float64Array(forecast.length);
  let firstMs = Infinity;
  let lastMs = -Infinity;
  forecast.forEach((row, r) => {
    const ms = reader.read(row.startsAt, r);
    instants[r] = ms;
    if (ms < firstMs) firstMs = ms;
    if (ms > lastMs) lastMs = ms;
  });
  if (forecast.length === 0) return { intervalMinutes, intervals: [] };
  const count = (lastMs - firstMs) / intervalMs + 1;
  if (count > MAX_INTERVALS) {
    throw new StaffingInputError("forecast", `spans ${Math.ceil(count)} intervals of ${intervalMinutes} min; at most ${MAX_INTERVALS} are supported`);
  }

  const slots = Math.floor(count);
  const contacts = channels.map(() => new Float64Array(slots));
  const ahtOverrides = channels.map(() => new Float64Array(slots));
  const rowAt = channels.map(() => new Int32Array(slots).fill(-1));
  forecast.forEach((row, r) => {
    const c = channelIndex.get(row.channelId);
    if (c === undefined) throw new StaffingInputError(`forecast[${r}].channelId`, `unknown channel ${JSON.stringify(row.channelId)}`, r);
    const offset = ((instants[r] ?? 0) - firstMs) / intervalMs;
    if (!Number.isInteger(offset)) {
      throw new StaffingInputError(`forecast[${r}].startsAt`, `is not on the ${intervalMinutes}-minute grid that starts at the earliest forecast instant`, r);
    }
    if (typeof row.contacts !== "number" || !Number.isFinite(row.contacts) || row.contacts < 0) {
      throw new StaffingInputError(`forecast[${r}].contacts`, `expected a number of at least 0, got ${String(row.contacts)}`, r);
    }
    if (row.ahtSeconds != null && (typeof row.ahtSeconds !== "number" || !Number.isFinite(row.ahtSeconds) || row.ahtSeconds <= 0)) {
      throw new StaffingInputError(`forecast[${r}].ahtSeconds`, `expected a number above 0, got ${String(row.ahtSeconds)}`, r);
    }
    const seen = rowAt[c];
    if (!seen || seen[offset] !== -1) {
      throw new StaffingInputError(`forecast[${r}]`, `duplicate forecast for channel ${JSON.stringify(row.channelId)} at ${row.startsAt}`, r);
    }
    seen[offset] = r;
    (contacts[c] as Float64Array)[offset] = row.contacts;
    (ahtOverrides[c] as Float64Array)[offset] = row.ahtSeconds ?? 0;
  });

  const perChannel: ChannelRequirement[][] = channels.map((channel, c) => {
    const volume = contacts[c] as Float64Array;
    const override = ahtOverrides[c] as Float64Array;
    const rows = rowAt[c] as Int32Array;
    const aht = (i: number) => override[i] || channel.ahtSeconds;
    const shrinkage = channel.shrinkage ?? 0;
    const out: ChannelRequirement[] = new Array<ChannelRequirement>(slots);

    if (isDeferredKind(channel.kind)) {
      const arrivals = Array.from(volume);
      const ahtSecondsByInterval = arrivals.map((_, i) => aht(i));
      // The same capacity the deferred model plans with (./channel-models.ts: interval × max occupancy).
      const workPerAgentSeconds = intervalSeconds * (channel.maxOccupancy ?? 1);
      let deferred;
      try {
        deferred = requiredDeferredAgents({
          arrivals,
          intervalSeconds,
          ahtSeconds: channel.ahtSeconds,
          ahtSecondsByInterval,
          responseTargetMinutes: channel.responseTargetMinutes ?? 0,
          maxOccupancy: channel.maxOccupancy,
        });
      } catch (error) {
        const row = error instanceof StaffingInputError && error.row !== undefined ? rows[error.row] : undefined;
        throw withPath(error, c, row !== undefined && row >= 0 ? row : undefined);
      }
      for (let i = 0; i < slots; i++) {
        const d = deferred[i];
        if (!d) continue;
        let withShrinkage: number;
        try {
          withShrinkage = agentsWithShrinkage(d.agents, shrinkage);
        } catch (error) {
          throw withPath(error, c, undefined);
        }
        out[i] = {
          channelId: channel.channelId,
          kind: channel.kind,
          contacts: d.itemsArrived,
          ahtSeconds: aht(i),
          agents: d.agents,
          agentsWithShrinkage: withShrinkage,
          serviceLevel: null,
          asaSeconds: null,
          occupancy: d.agents > 0 ? d.workSeconds / (d.agents * intervalSeconds) : 0,
          backlogItems: d.backlogItems,
          oldestWaitingAgeSeconds: d.oldestWaitingAgeSeconds,
          trafficErlangs: null,
          probabilityWait: null,
          probabilityAbandon: null,
          servers: null,
          serversPerAgent: null,
          itemsPerAgent: workPerAgentSeconds / aht(i),
          targetMet: d.targetMet,
        };
      }
      return out;
    }

    for (let i = 0; i < slots; i++) {
      const ahtSeconds = aht(i);
      const calls = volume[i] ?? 0;
      const targetSl = channel.targetSl ?? 0;
      const targetSeconds = channel.targetSeconds ?? 0;
      const { maxOccupancy, targetAsaSeconds } = channel;
      const serversPerAgent = channel.kind === "chat" ? (channel.concurrency ?? 1) : 1;
      const { patienceSeconds, maxAbandonRate } = channel;
      let r;
      let probabilityAbandon: number | null = null;
      try {
        if (patienceSeconds != null) {
          if (!Number.isInteger(serversPerAgent) || serversPerAgent < 1) {
            throw new StaffingInputError("concurrency", `expected a whole number of at least 1, got ${String(serversPerAgent)}`);
          }
          const a = requiredServersErlangA(
            { calls, intervalSeconds, ahtSeconds, targetSl, targetSeconds, maxOccupancy, targetAsaSeconds, shrinkage, patienceSeconds, maxAbandonRate },
            serversPerAgent,
          );
          r = { ...a, agentsWithShrinkage: agentsWithShrinkage(a.agents, shrinkage) };
          probabilityAbandon = a.probabilityAbandon;
        } else {
          // Spelled out rather than spread: object spread dominates the cost at this volume.
          r =
            channel.kind === "chat"
              ? requiredChatAgents({ chats: calls, concurrency: serversPerAgent, intervalSeconds, ahtSeconds, targetSl, targetSeconds, maxOccupancy, targetAsaSeconds, shrinkage })
              : requiredAgents({ calls, intervalSeconds, ahtSeconds, targetSl, targetSeconds, maxOccupancy, targetAsaSeconds, shrinkage });
        }
      } catch (error) {
        const row = rows[i];
        throw withPath(error, c, row !== undefined && row >= 0 ? row : undefined);
      }
      out[i] = {
        channelId: channel.channelId,
        kind: channel.kind,
        contacts: calls,
        ahtSeconds,
        agents: r.agents,
        agentsWithShrinkage: r.agentsWithShrinkage,
        serviceLevel: r.serviceLevel,
        asaSeconds: r.asaSeconds,
        occupancy: r.occupancy,
        backlogItems: null,
        oldestWaitingAgeSeconds: null,
        trafficErlangs: r.trafficErlangs,
        probabilityWait: r.probabilityWait,
        probabilityAbandon,
        servers: r.agents * serversPerAgent,
        serversPerAgent,
        itemsPerAgent: null,
        targetMet: true,
      };
    }
    return out;
  });

  const intervals: IntervalRequirement[] = [];
  for (let i = 0; i < slots; i++) {
    const startsAtMs = firstMs + i * intervalMs;
    const row: ChannelRequirement[] = [];
    const total = { contacts: 0, agents: 0, agentsWithShrinkage: 0 };
    for (const channelRows of perChannel) {
      const requirement = channelRows[i];
      if (!requirement) continue;
      row.push(requirement);
      total.contacts += requirement.contacts;
      total.agents += requirement.agents;
      total.agentsWithShrinkage += requirement.agentsWithShrinkage;
    }
    intervals.push({ startsAt: reader.format(startsAtMs), startsAtMs, channels: row, total });
  }
  return { intervalMinutes, intervals };
}
