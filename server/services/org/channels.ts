/**
 * Channels and their targets: list (retired ones too), create from a preset or from scratch,
 * edit, retire and return to service, and save the Staffing what-if as targets. A change of
 * targets restaffs the stored forecast of the current and later weeks and marks the drafts built
 * on them stale, in the same audited transaction as the change.
 */
import type { Actor } from "@/server/auth/actor";
import { CHANNEL_PRESETS, type ChannelPreset } from "@/server/domain/staffing/channel-presets";
import { isDeferredKind, responseTargetProblem } from "@/server/domain/staffing";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import type { ChannelFields, ChannelRecord } from "@/server/repositories/org-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { restaffStoredWeeks, type RestaffResult } from "@/server/services/staffing/restaff-stored-weeks";
import {
  refineTargetsForKind,
  ZChannelTargets,
  type TChannelTargets,
  type TCreateChannelInput,
  type TRetireChannelInput,
  type TSaveTargetsInput,
  type TUpdateChannelInput,
} from "./channel-inputs";
import { listTimeZones } from "./time-zones";

/** The channels page's data: every channel (retired ones last), the presets and the organisation's zone. */
export interface ChannelsView {
  channels: ChannelRecord[];
  presets: readonly ChannelPreset[];
  orgZone: string;
  /** The zones the demand-zone picker offers. */
  timeZones: string[];
}

export function getChannelsView(db: Store): ChannelsView {
  const channels = orgRepo.listAllChannels(db).sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null));
  return { channels, presets: CHANNEL_PRESETS, orgZone: orgRepo.getSettings(db).timeZone, timeZones: listTimeZones() };
}

/** The stored fields for a kind: targets the kind does not use are cleared, so nothing stale lingers. */
function fieldsForKind(kind: ChannelRecord["kind"], name: string, t: TChannelTargets): ChannelFields {
  const deferred = isDeferredKind(kind);
  return {
    name,
    kind,
    targetSl: deferred ? null : t.targetSl,
    targetSeconds: deferred ? null : t.targetSeconds,
    targetAsaSeconds: deferred ? null : t.targetAsaSeconds,
    responseMinutes: deferred ? t.responseMinutes : null,
    maxOccupancy: t.maxOccupancy,
    shrinkage: t.shrinkage,
    concurrency: kind === "chat" ? t.concurrency : 1,
    ahtSeconds: t.ahtSeconds,
    demandZone: t.demandZone,
    patienceSeconds: deferred ? null : t.patienceSeconds,
    maxAbandonRate: deferred ? null : t.maxAbandonRate,
  };
}

/** Fields whose change alters the requirement (the name and demand zone do not restaff). */
const STAFFING_FIELDS = ["targetSl", "targetSeconds", "targetAsaSeconds", "responseMinutes", "maxOccupancy", "shrinkage", "concurrency", "ahtSeconds", "patienceSeconds", "maxAbandonRate"] as const;

function changesStaffing(before: ChannelRecord, after: ChannelFields): boolean {
  return STAFFING_FIELDS.some((f) => before[f] !== after[f]);
}

function refuseTakenName(db: Store, name: string, exceptKey?: string) {
  if (orgRepo.isChannelNameTaken(db, name, exceptKey)) throw new AppError("INVALID_INPUT", { field: "name", message: "A channel with this name exists" });
}

/** A deferred target shorter than the planning interval cannot be staffed: refused on its field. */
function refuseUnplannableResponse(db: Store, fields: ChannelFields) {
  if (fields.responseMinutes === null) return;
  const problem = responseTargetProblem(fields.responseMinutes, orgRepo.getSettings(db).intervalMinutes);
  if (problem) throw new AppError("INVALID_INPUT", { field: "responseMinutes", message: problem });
}

function mustFind(db: Store, key: string): ChannelRecord {
  const row = orgRepo.getChannel(db, key);
  if (!row) throw new AppError("NOT_FOUND", { message: `No channel "${key}"` });
  return row;
}

/** Creates a channel (from a preset's values or typed in); its key is fixed from then on. */
export function createChannel(db: Store, actor: Actor, input: TCreateChannelInput, now: Date): ChannelRecord {
  return inTransaction(db, (tx) => {
    if (orgRepo.getChannel(tx, input.key)) throw new AppError("INVALID_INPUT", { field: "key", message: `A channel with the id "${input.key}" exists` });
    refuseTakenName(tx, input.name);
    const fields = fieldsForKind(input.kind, input.name, input);
    refuseUnplannableResponse(tx, fields);
    const row = orgRepo.insertChannel(tx, input.key, fields);
    writeAudit(tx, { actorId: actor.id, action: "channel.create", entity: "channel", entityId: row.key, details: input, at: now });
    return row;
  });
}

/** One channel's new fields, written with the restaff (when targets changed) and the audit entry. */
function writeChannels(tx: Store, actor: Actor, changes: { before: ChannelRecord; after: ChannelFields }[], now: Date, action: string): RestaffResult | null {
  for (const { after } of changes) refuseUnplannableResponse(tx, after);
  for (const { before, after } of changes) orgRepo.updateChannel(tx, before.key, after);
  const changed = changes.filter((c) => changesStaffing(c.before, c.after));
  const restaff = changed.length > 0 ? restaffStoredWeeks(tx, now, (when) => `${changed.map((c) => c.after.name).join(", ")} targets changed on ${when}; re-solve to plan for them`) : null;
  for (const { before, after } of changes) {
    writeAudit(tx, {
      actorId: actor.id,
      action,
      entity: "channel",
      entityId: before.key,
      details: { before, after, restaffedWeeks: restaff?.weeks ?? [], staleRosterIds: restaff?.staleRosterIds ?? [] },
      at: now,
    });
  }
  return restaff;
}

/**
 * Changes a channel's name, targets or demand zone. New targets restaff every stored week from
 * the current one on and mark the drafts on them stale, all in this transaction.
 */
export function updateChannel(db: Store, actor: Actor, input: TUpdateChannelInput, now: Date): { channel: ChannelRecord; restaff: RestaffResult | null } {
  return inTransaction(db, (tx) => {
    const before = mustFind(tx, input.key);
    const parsed = ZChannelTargets.superRefine((t, ctx) => refineTargetsForKind(before.kind, t, ctx)).safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("INVALID_INPUT", { field: String(issue?.path[0] ?? "key"), message: issue?.message ?? "Invalid targets" });
    }
    refuseTakenName(tx, input.name, input.key);
    const after = fieldsForKind(before.kind, input.name, parsed.data);
    const restaff = writeChannels(tx, actor, [{ before, after }], now, "channel.update");
    return { channel: mustFind(tx, input.key), restaff };
  });
}

/**
 * Retires a channel (no longer forecast or staffed; its history stays) or returns it to
 * service. Retiring drops its requirement from the stored weeks from now on and marks those
 * drafts stale; a returned channel is planned again from its next forecast.
 */
export function setChannelRetired(db: Store, actor: Actor, input: TRetireChannelInput, now: Date): ChannelRecord {
  return inTransaction(db, (tx) => {
    const row = mustFind(tx, input.key);
    if ((row.retiredAt !== null) === input.retired) return row;
    if (input.retired && orgRepo.listChannels(tx).length <= 1) throw new AppError("INVALID_INPUT", { field: "key", message: "The last channel in service cannot be retired" });
    orgRepo.setChannelRetiredAt(tx, row.key, input.retired ? now : null);
    const restaff = input.retired ? restaffStoredWeeks(tx, now, (when) => `${row.name} was retired on ${when}; re-solve to plan without it`) : null;
    writeAudit(tx, {
      actorId: actor.id,
      action: input.retired ? "channel.retire" : "channel.unretire",
      entity: "channel",
      entityId: row.key,
      details: { restaffedWeeks: restaff?.weeks ?? [], staleRosterIds: restaff?.staleRosterIds ?? [] },
      at: now,
    });
    return mustFind(tx, row.key);
  });
}

/** A channel's stored targets with the what-if's set fields laid over them. */
function withOverride(row: ChannelRecord, o: TSaveTargetsInput["overrides"][number]): Record<string, unknown> {
  const set = Object.fromEntries(Object.entries(o).filter(([k, v]) => k !== "channel" && v !== undefined));
  return { ...row, ...set };
}

/**
 * The Staffing page's "Save as targets": the what-if's set fields become the channels' targets
 * through the same write as an edit (validated per kind, restaffed, drafts marked stale, audited).
 */
export function saveWhatIfAsTargets(db: Store, actor: Actor, input: TSaveTargetsInput, now: Date): { channels: ChannelRecord[]; restaff: RestaffResult | null } {
  return inTransaction(db, (tx) => {
    const changes = input.overrides.map((o) => {
      const before = orgRepo.listChannels(tx).find((c) => c.key === o.channel);
      if (!before) throw new AppError("INVALID_INPUT", { field: "channel", message: `No channel in service with the id "${o.channel}"` });
      const parsed = ZChannelTargets.superRefine((t, ctx) => refineTargetsForKind(before.kind, t, ctx)).safeParse(withOverride(before, o));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError("INVALID_INPUT", { field: String(issue?.path[0] ?? "channel"), message: `${before.name}: ${issue?.message ?? "invalid target"}` });
      }
      return { before, after: fieldsForKind(before.kind, before.name, parsed.data) };
    });
    const restaff = writeChannels(tx, actor, changes, now, "channel.targets.save");
    return { channels: changes.map((c) => mustFind(tx, c.before.key)), restaff };
  });
}
