/**
 * The secret of each person's calendar feed (`people.calendar_token`): read, replace, and the
 * list of issued tokens the feed compares a presented one against. Plain values in and out.
 */
import { eq, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { people } from "@/db/schema";

/** An issued token and whether its person may still use it. */
export interface IssuedCalendarToken {
  personId: number;
  token: string;
  active: boolean;
}

/** The person's current token, or null before one is issued. */
export function getCalendarToken(db: Queryable, personId: number): string | null {
  return db.select({ token: people.calendarToken }).from(people).where(eq(people.id, personId)).get()?.token ?? null;
}

/** Replaces the person's token (the old one stops matching at once). */
export function setCalendarToken(tx: Queryable, personId: number, token: string): void {
  tx.update(people).set({ calendarToken: token }).where(eq(people.id, personId)).run();
}

/** Every issued token, so a lookup can compare them all in constant time rather than ask SQLite. */
export function listIssuedCalendarTokens(db: Queryable): IssuedCalendarToken[] {
  return db
    .select({ personId: people.id, token: people.calendarToken, active: people.active })
    .from(people)
    .where(isNotNull(people.calendarToken))
    .all()
    .map((r) => ({ personId: r.personId, token: r.token ?? "", active: r.active }));
}

/** Revokes the person's token: their feed URL answers 404 at once, and no link is shown. */
export function clearCalendarToken(tx: Queryable, personId: number): void {
  tx.update(people).set({ calendarToken: null }).where(eq(people.id, personId)).run();
}
