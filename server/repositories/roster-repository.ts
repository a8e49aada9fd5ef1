/** Drizzle queries for rosters, their shifts and breaks. Plain objects out. */
import { and, asc, desc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { rosters, shiftBreaks, shifts, unavailability } from "@/db/schema";

export function listRosters(db: Queryable) {
  return db.select().from(rosters).orderBy(desc(rosters.periodStart), desc(rosters.id)).all();
}

export function getRoster(db: Queryable, id: number) {
  return db.select().from(rosters).where(eq(rosters.id, id)).get();
}

export function listShiftsWithBreaks(db: Queryable, rosterId: number) {
  const shiftRows = db.select().from(shifts).where(eq(shifts.rosterId, rosterId)).orderBy(asc(shifts.startsAt)).all();
  const breakRows = shiftRows.length
    ? db.select().from(shiftBreaks).where(inArray(shiftBreaks.shiftId, shiftRows.map((s) => s.id))).orderBy(asc(shiftBreaks.startsAt)).all()
    : [];
  const byShift = new Map<number, { startsAt: Date; endsAt: Date }[]>();
  for (const b of breakRows) {
    const list = byShift.get(b.shiftId) ?? [];
    list.push({ startsAt: b.startsAt, endsAt: b.endsAt });
    byShift.set(b.shiftId, list);
  }
  return shiftRows.map((s) => ({ ...s, breaks: byShift.get(s.id) ?? [] }));
}

export type ShiftWithBreaks = ReturnType<typeof listShiftsWithBreaks>[number];

/** Published rosters whose period overlaps [from, to), other than `exceptId`. */
export function publishedOverlapping(db: Queryable, from: Date, to: Date, exceptId: number) {
  return db
    .select()
    .from(rosters)
    .where(and(eq(rosters.status, "published"), ne(rosters.id, exceptId), lt(rosters.periodStart, to)))
    .all()
    .filter((r) => r.periodStart.getTime() + r.days * 86_400_000 > from.getTime());
}

export function listUnavailability(db: Queryable, from: Date, to: Date) {
  return db
    .select()
    .from(unavailability)
    .where(and(lt(unavailability.startsAt, to), gt(unavailability.endsAt, from)))
    .all();
}
