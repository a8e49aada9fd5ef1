/**
 * Swap requests and the published shifts they move: every query and write on them. Plain
 * objects in and out; writes take the caller's transaction. Status changes are conditional
 * (`WHERE status IN (…)`) and report whether exactly one row changed, so of two racing actions
 * on one request exactly one wins.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, or } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { auditLog, rosters, shiftBreaks, shifts, swapRequests } from "@/db/schema";
import type { BreakRecord, ShiftRecord, ShiftWithBreaks } from "./roster-repository";

export type SwapKindValue = "swap" | "offer" | "drop";
export type SwapStatusValue = "pending" | "accepted" | "approved" | "rejected" | "cancelled" | "expired";
export const OPEN: SwapStatusValue[] = ["pending", "accepted"];

/** One stored swap request. */
export interface SwapRow {
  id: number;
  kind: SwapKindValue;
  status: SwapStatusValue;
  requesterId: number;
  shiftId: number;
  counterpartId: number | null;
  counterpartShiftId: number | null;
  createdAt: Date;
  decidedById: number | null;
  decidedAt: Date | null;
  note: string | null;
  acceptedAt: Date | null;
  closedReason: string | null;
}

/** A request to store; it starts pending. */
export interface NewSwapRequest {
  kind: SwapKindValue;
  requesterId: number;
  shiftId: number;
  counterpartId: number | null;
  counterpartShiftId: number | null;
  note: string | null;
  createdAt: Date;
}

/** A shift with its roster's status and its breaks. */
export interface ShiftWithRoster extends ShiftWithBreaks {
  rosterStatus: "draft" | "published" | "archived";
}

export function getRequest(db: Queryable, id: number): SwapRow | undefined {
  return db.select().from(swapRequests).where(eq(swapRequests.id, id)).get();
}

/** A shift with its roster's status and its breaks. */
export function getShiftWithRoster(db: Queryable, shiftId: number): ShiftWithRoster | undefined {
  const row = db
    .select({ shift: shifts, rosterStatus: rosters.status })
    .from(shifts)
    .innerJoin(rosters, eq(rosters.id, shifts.rosterId))
    .where(eq(shifts.id, shiftId))
    .get();
  if (!row) return undefined;
  const breaks = db.select().from(shiftBreaks).where(eq(shiftBreaks.shiftId, shiftId)).orderBy(asc(shiftBreaks.startsAt)).all();
  return { ...row.shift, rosterStatus: row.rosterStatus, breaks: breaks.map((b) => ({ startsAt: b.startsAt, endsAt: b.endsAt })) };
}

/** Published shifts of some people overlapping [from, to), with breaks, ordered by start. */
export function listPublishedShifts(db: Queryable, personIds: number[], from: Date, to: Date): ShiftWithBreaks[] {
  if (personIds.length === 0) return [];
  const rows = db
    .select({ shift: shifts })
    .from(shifts)
    .innerJoin(rosters, eq(rosters.id, shifts.rosterId))
    .where(and(eq(rosters.status, "published"), inArray(shifts.personId, personIds), lt(shifts.startsAt, to), gt(shifts.endsAt, from)))
    .orderBy(asc(shifts.startsAt))
    .all()
    .map((r) => r.shift);
  const breaks = rows.length
    ? db.select().from(shiftBreaks).where(inArray(shiftBreaks.shiftId, rows.map((s) => s.id))).orderBy(asc(shiftBreaks.startsAt)).all()
    : [];
  return rows.map((s) => ({ ...s, breaks: breaks.filter((b) => b.shiftId === s.id).map((b): BreakRecord => ({ startsAt: b.startsAt, endsAt: b.endsAt })) }));
}

/** Shifts by id (any roster), without breaks. */
export function listShiftsByIds(db: Queryable, shiftIds: readonly number[]): ShiftRecord[] {
  if (shiftIds.length === 0) return [];
  return db.select().from(shifts).where(inArray(shifts.id, [...shiftIds])).all();
}

/** When each of the shifts starts, by shift id (missing ids are absent). */
export function listShiftStarts(db: Queryable, shiftIds: readonly number[]): Map<number, Date> {
  if (shiftIds.length === 0) return new Map();
  const rows = db.select({ id: shifts.id, startsAt: shifts.startsAt }).from(shifts).where(inArray(shifts.id, [...new Set(shiftIds)])).all();
  return new Map(rows.map((r) => [r.id, r.startsAt]));
}

/** Every shift of every published roster, without breaks. */
export function listShiftsOfPublishedRosters(db: Queryable): ShiftRecord[] {
  return db
    .select({ shift: shifts })
    .from(shifts)
    .innerJoin(rosters, eq(rosters.id, shifts.rosterId))
    .where(eq(rosters.status, "published"))
    .all()
    .map((r) => r.shift);
}

/** Open requests (pending or accepted) that involve any of the shifts. */
export function listOpenForShifts(db: Queryable, shiftIds: number[]): SwapRow[] {
  if (shiftIds.length === 0) return [];
  return db
    .select()
    .from(swapRequests)
    .where(and(inArray(swapRequests.status, OPEN), or(inArray(swapRequests.shiftId, shiftIds), inArray(swapRequests.counterpartShiftId, shiftIds))))
    .all();
}

/** Requests a person made or is the counterpart of, newest first. */
export function listForPerson(db: Queryable, personId: number, limit: number): SwapRow[] {
  return db
    .select()
    .from(swapRequests)
    .where(or(eq(swapRequests.requesterId, personId), eq(swapRequests.counterpartId, personId)))
    .orderBy(desc(swapRequests.createdAt), desc(swapRequests.id))
    .limit(limit)
    .all();
}

/** Pending requests addressed to a person, and open offers (no counterpart) from the given requesters. */
export function listIncoming(db: Queryable, personId: number, offerRequesterIds: number[]): SwapRow[] {
  const openOffers = offerRequesterIds.length
    ? and(eq(swapRequests.kind, "offer"), isNull(swapRequests.counterpartId), inArray(swapRequests.requesterId, offerRequesterIds), ne(swapRequests.requesterId, personId))
    : undefined;
  return db
    .select()
    .from(swapRequests)
    .where(and(eq(swapRequests.status, "pending"), openOffers ? or(eq(swapRequests.counterpartId, personId), openOffers) : eq(swapRequests.counterpartId, personId)))
    .orderBy(asc(swapRequests.createdAt))
    .all();
}

/** Requests waiting for a lead: accepted swaps and offers, pending drops. */
export function listAwaitingDecision(db: Queryable): SwapRow[] {
  return db
    .select()
    .from(swapRequests)
    .where(or(eq(swapRequests.status, "accepted"), and(eq(swapRequests.status, "pending"), eq(swapRequests.kind, "drop"))))
    .orderBy(asc(swapRequests.createdAt))
    .all();
}

/** Ids of open offers a person declined (kept in the audit log: an open offer stays open for the others). */
export function declinedOfferIds(db: Queryable, personId: number): Set<number> {
  const rows = db
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.action, "swap.decline"), eq(auditLog.entity, "swap_request"), eq(auditLog.actorId, personId)))
    .all();
  return new Set(rows.map((r) => Number(r.entityId)));
}

/** Open requests with a shift in any of the rosters. */
export function listOpenInRosters(db: Queryable, rosterIds: number[]): SwapRow[] {
  if (rosterIds.length === 0) return [];
  const inRosters = db.select({ id: shifts.id }).from(shifts).where(inArray(shifts.rosterId, rosterIds));
  return db
    .select()
    .from(swapRequests)
    .where(and(inArray(swapRequests.status, OPEN), or(inArray(swapRequests.shiftId, inRosters), inArray(swapRequests.counterpartShiftId, inRosters))))
    .all();
}

// ——— Writes (take the caller's transaction) ————————————————————————————————————————————

/** Stores a new pending request. */
export function insertRequest(tx: Queryable, request: NewSwapRequest): SwapRow {
  return tx
    .insert(swapRequests)
    .values({ ...request, status: "pending" })
    .returning()
    .get();
}

/** Which row a conditional status change may touch: its current status, and optionally who holds which role. */
export interface RequestCondition {
  from: readonly SwapStatusValue[];
  requesterId?: number;
  counterpartId?: number;
}

/** The columns a status change sets. */
export interface RequestChange {
  status: SwapStatusValue;
  counterpartId?: number;
  acceptedAt?: Date;
  decidedById?: number | null;
  decidedAt?: Date;
  closedReason?: string;
}

/**
 * Changes one request's status only while it still meets `when` (one conditional UPDATE).
 * True when exactly that row changed: of two racing accepts, one gets true, the other false.
 */
export function changeRequestIf(tx: Queryable, id: number, when: RequestCondition, change: RequestChange): boolean {
  if (when.from.length === 0) return false;
  const changed = tx
    .update(swapRequests)
    .set(change)
    .where(
      and(
        eq(swapRequests.id, id),
        inArray(swapRequests.status, [...when.from]),
        when.requesterId === undefined ? undefined : eq(swapRequests.requesterId, when.requesterId),
        when.counterpartId === undefined ? undefined : eq(swapRequests.counterpartId, when.counterpartId),
      ),
    )
    .run().changes;
  return changed === 1;
}

/** Cancels those of the requests that are still open, with a reason. */
export function cancelOpenRequests(tx: Queryable, ids: readonly number[], closedReason: string, now: Date): void {
  if (ids.length === 0) return;
  tx.update(swapRequests)
    .set({ status: "cancelled", closedReason, decidedAt: now })
    .where(and(inArray(swapRequests.id, [...ids]), inArray(swapRequests.status, OPEN)))
    .run();
}

/** Points an open request at the shifts that replaced its own in a republished roster. */
export function repointRequest(tx: Queryable, id: number, shiftId: number, counterpartShiftId: number | null): void {
  tx.update(swapRequests).set({ shiftId, counterpartShiftId }).where(eq(swapRequests.id, id)).run();
}

/**
 * Expires open requests whose shift (or counterpart shift) has started by `now`; returns them.
 * Called by the swap write paths before they act, so an expired request is never acted on.
 */
export function expireStarted(tx: Queryable, now: Date, closedReason: string): SwapRow[] {
  const started = tx.select({ id: shifts.id }).from(shifts).where(lte(shifts.startsAt, now));
  return tx
    .update(swapRequests)
    .set({ status: "expired", closedReason })
    .where(and(inArray(swapRequests.status, OPEN), or(inArray(swapRequests.shiftId, started), inArray(swapRequests.counterpartShiftId, started))))
    .returning()
    .all();
}

/**
 * Hands a shift to `toPersonId` (null: nobody, a drop) only while `fromPersonId` still holds it,
 * so a shift never changes hands twice. `fromPersonId` null: whoever holds it. True when it moved.
 */
export function moveShiftHolder(tx: Queryable, shiftId: number, fromPersonId: number | null, toPersonId: number | null): boolean {
  const changed = tx
    .update(shifts)
    .set({ personId: toPersonId })
    .where(and(eq(shifts.id, shiftId), fromPersonId === null ? undefined : eq(shifts.personId, fromPersonId)))
    .run().changes;
  return changed === 1;
}

/** Marks a roster as changed at `now` (its shifts changed hands). */
export function touchRoster(tx: Queryable, rosterId: number, now: Date): void {
  tx.update(rosters).set({ updatedAt: now }).where(eq(rosters.id, rosterId)).run();
}
