/**
 * Channel presets: the service targets the product brief names for each kind of channel
 * (phone answered in 0.3 min, live chat in 0.8 min, email and Facebook in 60 min, Twitter in
 * 15 min, an average wait under 120 s), ready to create a channel from. The set-up command
 * writes the four standard ones; the channels page offers them all as starting points.
 */
import type { ChannelKind } from "./requirements";

/** A channel's service targets, shaped like the channel row (fields a kind does not use are null). */
export interface ChannelTargets {
  /** Voice, chat: share of contacts answered within `targetSeconds`, in [0, 1). */
  targetSl: number | null;
  targetSeconds: number | null;
  /** Voice, chat: optional cap on the average speed of answer. */
  targetAsaSeconds: number | null;
  /** Email, social, messaging: every item answered within this many minutes. */
  responseMinutes: number | null;
  /** Cap on the share of time spent handling, in (0, 1]. */
  maxOccupancy: number | null;
  /** Unplanned shrinkage: share of paid time unavailable, in [0, 1). */
  shrinkage: number;
  /** Chat: conversations per agent at once; 1 elsewhere. */
  concurrency: number;
  ahtSeconds: number;
}

/** A ready-made channel: its kind, the key and name it is created with, and its targets. */
export interface ChannelPreset {
  kind: ChannelKind;
  /** The channel key (id) a channel created from the preset gets. */
  key: string;
  name: string;
  /** One line for a picker, e.g. "Phone: 80% answered within 20 s, average wait under 120 s". */
  description: string;
  /** One of the four channels every organisation starts with. */
  standard: boolean;
  targets: ChannelTargets;
}

/** Ids of the four channels the set-up writes. */
export const STANDARD_CHANNEL_KEYS = ["voice", "chat", "email", "social"] as const;

/** Every preset, the four standard channels first, then the messaging one. */
export const CHANNEL_PRESETS: readonly ChannelPreset[] = [
  {
    kind: "voice",
    key: "voice",
    name: "Voice",
    description: "Phone: 80% answered within 20 s (0.3 min), average wait under 120 s",
    standard: true,
    targets: {
      targetSl: 0.8,
      targetSeconds: 20,
      targetAsaSeconds: 120,
      responseMinutes: null,
      maxOccupancy: 0.85,
      shrinkage: 0.15,
      concurrency: 1,
      ahtSeconds: 300,
    },
  },
  {
    kind: "chat",
    key: "chat",
    name: "Chat",
    description: "Live chat: 80% answered within 48 s (0.8 min), two chats per agent at once",
    standard: true,
    targets: {
      targetSl: 0.8,
      targetSeconds: 48,
      targetAsaSeconds: null,
      responseMinutes: null,
      maxOccupancy: 0.85,
      shrinkage: 0.15,
      concurrency: 2,
      ahtSeconds: 480,
    },
  },
  {
    kind: "email",
    key: "email",
    name: "Email",
    description: "Email: every message answered within 60 minutes",
    standard: true,
    targets: {
      targetSl: null,
      targetSeconds: null,
      targetAsaSeconds: null,
      responseMinutes: 60,
      maxOccupancy: 0.9,
      shrinkage: 0.15,
      concurrency: 1,
      ahtSeconds: 360,
    },
  },
  {
    kind: "social",
    key: "social",
    name: "Social",
    description: "Facebook and other social: every post answered within 60 minutes",
    standard: true,
    targets: {
      targetSl: null,
      targetSeconds: null,
      targetAsaSeconds: null,
      responseMinutes: 60,
      maxOccupancy: 0.9,
      shrinkage: 0.15,
      concurrency: 1,
      ahtSeconds: 240,
    },
  },
  {
    kind: "messaging",
    key: "twitter",
    name: "Twitter/X",
    description: "Twitter/X: every message answered within 15 minutes",
    standard: false,
    targets: {
      targetSl: null,
      targetSeconds: null,
      targetAsaSeconds: null,
      responseMinutes: 15,
      maxOccupancy: 0.9,
      shrinkage: 0.15,
      concurrency: 1,
      ahtSeconds: 180,
    },
  },
];

/**
 * The four standard channels' presets (voice, chat, email, social), in that order.
 * @example standardChannelPresets().map((p) => p.key) //=> ["voice", "chat", "email", "social"]
 */
export function standardChannelPresets(): ChannelPreset[] {
  return CHANNEL_PRESETS.filter((preset) => preset.standard);
}

/**
 * The presets of one channel kind, so a form for a new channel of that kind can start from them.
 * @example presetsForKind("messaging")[0]?.name //=> "Twitter/X"
 */
export function presetsForKind(kind: ChannelKind): ChannelPreset[] {
  return CHANNEL_PRESETS.filter((preset) => preset.kind === kind);
}

/**
 * The preset with the given key, or undefined.
 * @example findChannelPreset("twitter")?.targets.responseMinutes //=> 15
 */
export function findChannelPreset(key: string): ChannelPreset | undefined {
  return CHANNEL_PRESETS.find((preset) => preset.key === key);
}
