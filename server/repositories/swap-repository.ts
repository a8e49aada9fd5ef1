/** Drizzle queries for swap requests and the published shifts they move. Plain objects out. */
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, or } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { auditLog, rosters, shiftBreaks, shifts, swapRequests, type SWAP_STATUSES } from "@/db/schema";

export type SwapRow = typeof swapRequests.$inferSelect;
export type SwapStatusValue = (typeof SWAP_STATUSES)[number];
export const OPEN: SwapStatusValue[] = ["pending", "accepted"];

export function getRequest(db: Queryable, id: number): SwapRow | undefined {
  return db.select().from(swapRequests).where(eq(swapRequests.id, id)).get();
}

/** A shift with its roster's status and its breaks. */
export function getShiftWithRoster(db: Queryable, shiftId: number) {
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

export type ShiftWithRoster = NonNullable<ReturnType<typeof getShiftWithRoster>>;

/** Published shifts of some people overlapping [from, to), with breaks, ordered by start. */
export function listPublishedShifts(db: Queryable, personIds: number[], from: Date, to: Date) {
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
  return rows.map((s) => ({ ...s, breaks: breaks.filter((b) => b.shiftId === s.id).map((b) => ({ startsAt: b.startsAt, endsAt: b.endsAt })) }));
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

/**
 * Expires open requests whose shift (or counterpart shift) has started by `now`; returns them.
 * Lazy: called at the start of every read and action, so no background job is needed.
 */
export function expireStarted(db: Queryable, now: Date): SwapRow[] {
  const started = db.select({ id: shifts.id }).from(shifts).where(lte(shifts.startsAt, now));
  return db
    .update(swapRequests)
    .set({ status: "expired", closedReason: "The shift started before the request was settled." })
    .where(and(inArray(swapRequests.status, OPEN), or(inArray(swapRequests.shiftId, started), inArray(swapRequests.counterpartShiftId, started))))
    .returning()
    .all();
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
