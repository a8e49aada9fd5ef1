/**
 * Special days the manager marks (a closure, a sale, a bank holiday): every query and write on
 * them. Plain records in and out; writes take the caller's transaction.
 */
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { specialDays } from "@/db/schema";

/** The fields of a special day as entered: a local date, a name, a channel (null = all), a factor. */
export interface SpecialDayFields {
  /** "YYYY-MM-DD" in the channel's demand zone (the organisation's zone when it has none). */
  date: string;
  name: string;
  /** Null: every channel. */
  channelKey: string | null;
  /** Forecast multiplier for the day (0 = closed); null = only left out of fitting. */
  factor: number | null;
}

/** A stored special day, with who marked it. */
export interface SpecialDayRecord extends SpecialDayFields {
  id: number;
  createdById: number | null;
}

/** Every special day, or those from `fromDate` to `toDate` (inclusive, local dates), by date. */
export function listSpecialDays(db: Queryable, range?: { fromDate: string; toDate: string }): SpecialDayRecord[] {
  const where = range ? and(gte(specialDays.date, range.fromDate), lte(specialDays.date, range.toDate)) : undefined;
  return db.select().from(specialDays).where(where).orderBy(asc(specialDays.date), asc(specialDays.id)).all();
}

/** One special day by id. */
export function getSpecialDay(db: Queryable, id: number): SpecialDayRecord | undefined {
  return db.select().from(specialDays).where(eq(specialDays.id, id)).get();
}

/** Whether a special day with this date and channel (null = all channels) exists, other than `exceptId`. */
export function isSpecialDayTaken(db: Queryable, date: string, channelKey: string | null, exceptId?: number): boolean {
  return listSpecialDays(db, { fromDate: date, toDate: date }).some((d) => d.channelKey === channelKey && d.id !== exceptId);
}

/** Stores a special day inside the caller's transaction. */
export function insertSpecialDay(tx: Queryable, fields: SpecialDayFields & { createdById: number | null }): SpecialDayRecord {
  return tx.insert(specialDays).values(fields).returning().get();
}

/** Changes a special day's fields inside the caller's transaction; undefined when there is none. */
export function updateSpecialDay(tx: Queryable, id: number, fields: SpecialDayFields): SpecialDayRecord | undefined {
  return tx.update(specialDays).set(fields).where(eq(specialDays.id, id)).returning().get();
}

/** Removes a special day inside the caller's transaction; whether there was one. */
export function deleteSpecialDay(tx: Queryable, id: number): boolean {
  return tx.delete(specialDays).where(eq(specialDays.id, id)).run().changes > 0;
}
