/**
 * Rosters, their shifts and breaks, and the absences a roster problem reads: every query and
 * write on them. Plain objects in and out; writes take the caller's transaction.
 */
import { and, asc, desc, eq, gt, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { rosters, shiftBreaks, shifts, unavailability, type RosterSolveSummary } from "@/db/schema";

export type { RosterSolveSummary };

export type RosterStatus = "draft" | "published" | "archived";

export interface RosterRecord {
  id: number;
  name: string;
  periodStart: Date;
  days: number;
  status: RosterStatus;
  createdById: number | null;
  createdAt: Date;
  publishedAt: Date | null;
  solveSummary: RosterSolveSummary | null;
  updatedAt: Date | null;
  /** Why a draft no longer matches its inputs; null when current. */
  staleReason: string | null;
}

export interface BreakRecord {
  startsAt: Date;
  endsAt: Date;
}

export interface ShiftRecord {
  id: number;
  rosterId: number;
  /** Null after an approved drop: the shift stays, nobody works it. */
  personId: number | null;
  regionId: number;
  templateId: number | null;
  startsAt: Date;
  endsAt: Date;
  /** Hand-edited shifts are pinned and kept when re-solving. */
  pinned: boolean;
}

export interface ShiftWithBreaks extends ShiftRecord {
  breaks: BreakRecord[];
}

/** A shift to write, with its breaks. */
export interface NewShift {
  personId: number;
  regionId: number;
  templateId: number;
  startsAt: Date;
  endsAt: Date;
  pinned: boolean;
  breaks: readonly BreakRecord[];
}

export interface UnavailabilityRecord {
  id: number;
  personId: number;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/** Every roster, newest period first. */
export function listRosters(db: Queryable): RosterRecord[] {
  return db.select().from(rosters).orderBy(desc(rosters.periodStart), desc(rosters.id)).all();
}

export function getRoster(db: Queryable, id: number): RosterRecord | undefined {
  return db.select().from(rosters).where(eq(rosters.id, id)).get();
}

/** A roster's shifts by start, each with its breaks by start. */
export function listShiftsWithBreaks(db: Queryable, rosterId: number): ShiftWithBreaks[] {
  const shiftRows = db.select().from(shifts).where(eq(shifts.rosterId, rosterId)).orderBy(asc(shifts.startsAt)).all();
  const breakRows = shiftRows.length
    ? db.select().from(shiftBreaks).where(inArray(shiftBreaks.shiftId, shiftRows.map((s) => s.id))).orderBy(asc(shiftBreaks.startsAt)).all()
    : [];
  const byShift = new Map<number, BreakRecord[]>();
  for (const b of breakRows) {
    const list = byShift.get(b.shiftId) ?? [];
    list.push({ startsAt: b.startsAt, endsAt: b.endsAt });
    byShift.set(b.shiftId, list);
  }
  return shiftRows.map((s) => ({ ...s, breaks: byShift.get(s.id) ?? [] }));
}

/** One shift of a roster, without breaks. */
export function getShift(db: Queryable, rosterId: number, shiftId: number): ShiftRecord | undefined {
  return db.select().from(shifts).where(and(eq(shifts.id, shiftId), eq(shifts.rosterId, rosterId))).get();
}

/** Published rosters whose period overlaps [from, to), other than `exceptId`. */
export function publishedOverlapping(db: Queryable, from: Date, to: Date, exceptId: number): RosterRecord[] {
  return db
    .select()
    .from(rosters)
    .where(and(eq(rosters.status, "published"), ne(rosters.id, exceptId), lt(rosters.periodStart, to)))
    .all()
    .filter((r) => r.periodStart.getTime() + r.days * 86_400_000 > from.getTime());
}

/** Absences overlapping [from, to). */
export function listUnavailability(db: Queryable, from: Date, to: Date): UnavailabilityRecord[] {
  return db
    .select()
    .from(unavailability)
    .where(and(lt(unavailability.startsAt, to), gt(unavailability.endsAt, from)))
    .all();
}

function insertBreaks(tx: Queryable, shiftId: number, breaks: readonly BreakRecord[]): void {
  for (const b of breaks) tx.insert(shiftBreaks).values({ shiftId, startsAt: b.startsAt, endsAt: b.endsAt }).run();
}

/** Adds shifts (and their breaks) to a roster. */
export function insertShifts(tx: Queryable, rosterId: number, list: readonly NewShift[]): void {
  for (const shift of list) insertShift(tx, rosterId, shift);
}

/** Adds one shift with its breaks; returns its id. */
export function insertShift(tx: Queryable, rosterId: number, shift: NewShift): number {
  const { breaks, ...row } = shift;
  const id = tx.insert(shifts).values({ rosterId, ...row }).returning({ id: shifts.id }).get().id;
  insertBreaks(tx, id, breaks);
  return id;
}

/** Rewrites one shift of a roster and replaces its breaks. */
export function updateShift(tx: Queryable, rosterId: number, shiftId: number, shift: NewShift): void {
  const { breaks, ...row } = shift;
  tx.update(shifts).set(row).where(and(eq(shifts.id, shiftId), eq(shifts.rosterId, rosterId))).run();
  tx.delete(shiftBreaks).where(eq(shiftBreaks.shiftId, shiftId)).run();
  insertBreaks(tx, shiftId, breaks);
}

/** Deletes one shift of a roster (its breaks go with it). */
export function deleteShift(tx: Queryable, rosterId: number, shiftId: number): void {
  tx.delete(shifts).where(and(eq(shifts.id, shiftId), eq(shifts.rosterId, rosterId))).run();
}

/** A new draft roster; returns its id. */
export function insertDraftRoster(
  tx: Queryable,
  roster: { name: string; periodStart: Date; days: number; createdById: number | null; solveSummary: RosterSolveSummary; now: Date },
): number {
  return tx
    .insert(rosters)
    .values({
      name: roster.name,
      periodStart: roster.periodStart,
      days: roster.days,
      status: "draft",
      createdById: roster.createdById,
      createdAt: roster.now,
      updatedAt: roster.now,
      solveSummary: roster.solveSummary,
    })
    .returning({ id: rosters.id })
    .get().id;
}

/**
 * Replaces a draft's shifts and solve summary. Conditional on the roster still being a draft:
 * returns false, writing nothing, when it is not (or is gone).
 */
export function replaceDraftShifts(tx: Queryable, rosterId: number, list: readonly NewShift[], solveSummary: RosterSolveSummary, now: Date): boolean {
  // A fresh solve plans for the current inputs, so the draft is no longer stale.
  if (!touchDraft(tx, rosterId, now, { solveSummary, staleReason: null })) return false;
  tx.delete(shifts).where(eq(shifts.rosterId, rosterId)).run();
  insertShifts(tx, rosterId, list);
  return true;
}

/** Marks a draft as changed at `now`; false when the roster is not a draft (nothing written). */
export function touchDraft(tx: Queryable, rosterId: number, now: Date, also: { solveSummary?: RosterSolveSummary; staleReason?: null } = {}): boolean {
  const changed = tx
    .update(rosters)
    .set({ updatedAt: now, ...also })
    .where(and(eq(rosters.id, rosterId), eq(rosters.status, "draft")))
    .run().changes;
  return changed > 0;
}

/** Archives published rosters (those replaced by a newly published one). */
export function archiveRosters(tx: Queryable, rosterIds: readonly number[], now: Date): void {
  if (rosterIds.length === 0) return;
  tx.update(rosters)
    .set({ status: "archived", updatedAt: now })
    .where(and(inArray(rosters.id, [...rosterIds]), eq(rosters.status, "published")))
    .run();
}

/** Publishes a draft at `now`; false when the roster is not a draft (nothing written). */
export function publishDraft(tx: Queryable, rosterId: number, now: Date): boolean {
  const changed = tx
    .update(rosters)
    .set({ status: "published", publishedAt: now, updatedAt: now })
    .where(and(eq(rosters.id, rosterId), eq(rosters.status, "draft")))
    .run().changes;
  return changed > 0;
}

/**
 * Marks the drafts whose period overlaps `from`–`to` as stale with `reason` (their solve used
 * inputs that have since changed); returns their ids. Published and archived rosters keep what
 * they were built with.
 */
export function markDraftsStale(tx: Queryable, from: Date, to: Date, reason: string): number[] {
  return tx
    .update(rosters)
    .set({ staleReason: reason })
    .where(
      and(
        eq(rosters.status, "draft"),
        lt(rosters.periodStart, to),
        sql`${rosters.periodStart} + ${rosters.days} * 86400000 > ${from.getTime()}`,
      ),
    )
    .returning({ id: rosters.id })
    .all()
    .map((r) => r.id);
}

/** Whether any roster (of any status) exists: their shifts sit on the organisation's interval grid. */
export function hasAnyRoster(db: Queryable): boolean {
  return db.select({ id: rosters.id }).from(rosters).limit(1).get() !== undefined;
}

/** A shift and the status of its roster. */
export interface ShiftInRoster extends ShiftRecord {
  rosterStatus: RosterStatus;
}

/**
 * The person's shifts starting at or after `from` in draft and published rosters (archived ones
 * are history), by start.
 */
export function listUpcomingShiftsOfPerson(db: Queryable, personId: number, from: Date): ShiftInRoster[] {
  return db
    .select({ shift: shifts, rosterStatus: rosters.status })
    .from(shifts)
    .innerJoin(rosters, eq(rosters.id, shifts.rosterId))
    .where(and(eq(shifts.personId, personId), gte(shifts.startsAt, from), inArray(rosters.status, ["draft", "published"])))
    .orderBy(asc(shifts.startsAt))
    .all()
    .map((r) => ({ ...r.shift, rosterStatus: r.rosterStatus }));
}

/** Leaves the shifts in place with nobody on them (like an approved drop), while `personId` still holds them. */
export function unassignShifts(tx: Queryable, shiftIds: readonly number[], personId: number): void {
  if (shiftIds.length === 0) return;
  tx.update(shifts)
    .set({ personId: null })
    .where(and(inArray(shifts.id, [...shiftIds]), eq(shifts.personId, personId)))
    .run();
}
