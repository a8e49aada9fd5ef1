/**
 * The channel form's text values and their conversion to the use case's input: shares are typed
 * as percentages and sent as fractions; an empty optional box is null.
 */
import type { ChannelPreset } from "@/server/domain/staffing/channel-presets";
import type { ChannelRecord } from "@/server/repositories/org-repository";

export type ChannelKindName = ChannelRecord["kind"];
export const CHANNEL_KIND_LABELS: Record<ChannelKindName, string> = { voice: "Voice", chat: "Chat", email: "Email", social: "Social", messaging: "Messaging" };
export const isLiveKind = (kind: ChannelKindName) => kind === "voice" || kind === "chat";

export interface ChannelValues {
  key: string;
  name: string;
  kind: ChannelKindName;
  targetSl: string;
  targetSeconds: string;
  targetAsaSeconds: string;
  responseMinutes: string;
  maxOccupancy: string;
  shrinkage: string;
  concurrency: string;
  ahtSeconds: string;
  demandZone: string;
  patienceSeconds: string;
  maxAbandonRate: string;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
const pct = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(Math.round(n * 10_000) / 100));

type Targets = Pick<ChannelRecord, "targetSl" | "targetSeconds" | "targetAsaSeconds" | "responseMinutes" | "maxOccupancy" | "shrinkage" | "concurrency" | "ahtSeconds"> &
  Partial<Pick<ChannelRecord, "demandZone" | "patienceSeconds" | "maxAbandonRate">>;

/** A stored channel or a preset as the form's text. */
export function valuesFrom(base: { key: string; name: string; kind: ChannelKindName }, t: Targets): ChannelValues {
  return {
    key: base.key,
    name: base.name,
    kind: base.kind,
    targetSl: pct(t.targetSl),
    targetSeconds: text(t.targetSeconds),
    targetAsaSeconds: text(t.targetAsaSeconds),
    responseMinutes: text(t.responseMinutes),
    maxOccupancy: pct(t.maxOccupancy),
    shrinkage: pct(t.shrinkage),
    concurrency: text(t.concurrency),
    ahtSeconds: text(t.ahtSeconds),
    demandZone: t.demandZone ?? "",
    patienceSeconds: text(t.patienceSeconds),
    maxAbandonRate: pct(t.maxAbandonRate),
  };
}

export const valuesFromPreset = (p: ChannelPreset) => valuesFrom(p, p.targets);

/** The form's text as the input: numbers read, percentages divided, empty optional boxes null; unreadable numbers named. */
export function inputFrom(v: ChannelValues, errors: Record<string, string[]>) {
  const num = (field: keyof ChannelValues, scale = 1, optional = true): number | null => {
    const raw = v[field].trim();
    if (raw === "") {
      if (!optional) errors[field] = ["Enter a number"];
      return null;
    }
    const n = Number(raw);
    if (!Number.isFinite(n)) {
      errors[field] = ["Enter a number"];
      return null;
    }
    return n / scale;
  };
  return {
    key: v.key.trim(),
    name: v.name,
    targetSl: num("targetSl", 100),
    targetSeconds: num("targetSeconds"),
    targetAsaSeconds: num("targetAsaSeconds"),
    responseMinutes: num("responseMinutes"),
    maxOccupancy: num("maxOccupancy", 100),
    shrinkage: num("shrinkage", 100, false) ?? 0,
    concurrency: num("concurrency") ?? 1,
    ahtSeconds: num("ahtSeconds", 1, false) ?? 0,
    demandZone: v.demandZone.trim() === "" ? null : v.demandZone.trim(),
    patienceSeconds: num("patienceSeconds"),
    maxAbandonRate: num("maxAbandonRate", 100),
  };
}
