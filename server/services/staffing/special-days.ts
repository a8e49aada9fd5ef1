/**
 * Special days the manager (or a planner) marks on the Staffing page: a local date, a name, one
 * channel or all, and an optional factor for the forecast (0 = closed, 1.3 = +30 %). Each write
 * lands in the audit log with it; the forecast reads them when it runs.
 */
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/special-days-repository";
import type { SpecialDayRecord } from "@/server/repositories/special-days-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

export const ZSpecialDayInput = z.object({
  date: z.iso.date("Use a date (YYYY-MM-DD)"),
  name: z.string().trim().min(1, "Name the day").max(80, "At most 80 characters"),
  /** A channel key; null or absent = every channel. */
  channel: z.string().min(1).nullish(),
  /** Forecast multiplier for the day: 0 = closed, 1.3 = 30 % more; null or absent = leave the day out of fitting only. */
  factor: z.number().min(0, "The factor cannot be negative").max(10, "At most 10 (ten times the usual volume)").nullish(),
});
export type TSpecialDayInput = z.infer<typeof ZSpecialDayInput>;

export const ZUpdateSpecialDayInput = ZSpecialDayInput.extend({ id: z.number().int().positive() });
export type TUpdateSpecialDayInput = z.infer<typeof ZUpdateSpecialDayInput>;

export const ZSpecialDayId = z.object({ id: z.number().int().positive() });
export type TSpecialDayId = z.infer<typeof ZSpecialDayId>;

/** The stored fields, after checking the channel exists and the day is not marked twice. */
function checkedFields(db: Store, input: TSpecialDayInput, exceptId?: number): repo.SpecialDayFields {
  const channelKey = input.channel ?? null;
  if (channelKey !== null && !orgRepo.listChannels(db).some((c) => c.key === channelKey)) {
    throw new AppError("INVALID_INPUT", { field: "channel", message: `There is no channel "${channelKey}"` });
  }
  if (repo.isSpecialDayTaken(db, input.date, channelKey, exceptId)) {
    throw new AppError("INVALID_INPUT", {
      field: "date",
      message: `${input.date} is already marked for ${channelKey ?? "all channels"}: edit that day instead`,
    });
  }
  return { date: input.date, name: input.name, channelKey, factor: input.factor ?? null };
}

/** Every marked day, by date: the list the Staffing page shows and the forecast reads. */
export function listSpecialDays(db: Store): SpecialDayRecord[] {
  return repo.listSpecialDays(db);
}

/** Marks a day; one per date and channel (or all channels). */
export function createSpecialDay(db: Store, actor: Actor, input: TSpecialDayInput, now: Date): SpecialDayRecord {
  return inTransaction(db, (tx) => {
    const row = repo.insertSpecialDay(tx, { ...checkedFields(tx, input), createdById: actor.id });
    writeAudit(tx, { actorId: actor.id, action: "specialDay.create", entity: "specialDay", entityId: row.id, details: input, at: now });
    return row;
  });
}

/** Changes a marked day's date, name, channel or factor. */
export function updateSpecialDay(db: Store, actor: Actor, input: TUpdateSpecialDayInput, now: Date): SpecialDayRecord {
  return inTransaction(db, (tx) => {
    const { id, ...fields } = input;
    if (!repo.getSpecialDay(tx, id)) throw new AppError("NOT_FOUND", { message: "Special day not found" });
    const row = repo.updateSpecialDay(tx, id, checkedFields(tx, fields, id));
    if (!row) throw new AppError("NOT_FOUND", { message: "Special day not found" });
    writeAudit(tx, { actorId: actor.id, action: "specialDay.update", entity: "specialDay", entityId: id, details: input, at: now });
    return row;
  });
}

/** Unmarks a day. */
export function deleteSpecialDay(db: Store, actor: Actor, input: TSpecialDayId, now: Date): { id: number } {
  return inTransaction(db, (tx) => {
    const before = repo.getSpecialDay(tx, input.id);
    if (!before || !repo.deleteSpecialDay(tx, input.id)) throw new AppError("NOT_FOUND", { message: "Special day not found" });
    writeAudit(tx, { actorId: actor.id, action: "specialDay.delete", entity: "specialDay", entityId: input.id, details: { ...before }, at: now });
    return { id: input.id };
  });
}
