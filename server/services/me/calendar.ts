/**
 * The personal calendar feed: a secret URL per person ending in `.ics` that calendar apps poll.
 *
 * Token: 32 random bytes, base64url (43 characters). It is kept in `people.calendarToken` as issued
 * so /me can show the link again (like the private address of a Google calendar); regenerating
 * replaces it, so the old URL answers 404 at once.
 *
 * Lookup: we do not ask SQLite `WHERE calendar_token = ?` (a B-tree comparison returns early on the
 * first differing byte, which leaks timing about stored tokens). Instead every issued token is read
 * and compared with `timingSafeEqual` on the SHA-256 digests of both sides: equal-length buffers
 * whatever the input, every candidate is compared (no early exit), and the work depends only on how
 * many tokens exist, not on how close a guess is. Staff counts are in the hundreds, so the scan is
 * cheap next to rendering the feed.
 *
 * Events: published shifts only, start and end as UTC instants (`…Z`), so no client has to guess a
 * zone and DST days are exact. UIDs are `<personId>-<start instant>@sunshift`: they survive a
 * republish (which makes new shift rows with new ids) so apps update events in place, and when an
 * approved swap moves a shift to a colleague the event leaves one feed and a differently named one
 * appears in the other — a lead subscribed to both calendars never sees one UID in two feeds, which
 * calendar apps resolve by dropping or flipping between the copies.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import ical from "ical-generator";
import { DateTime } from "luxon";
import type { Actor } from "@/server/auth/actor";
import { workedMinutes } from "@/server/domain/time/ranges";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as tokenRepo from "@/server/repositories/calendar-token-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/swap-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

/** A token as issued: 43 base64url characters. */
export const CALENDAR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The feed's URL path for a token (what /me shows and calendar apps poll). */
export function calendarPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

/** The actor's feed path, or null before one is created. */
export function getCalendarLink(db: Store, actor: Actor): { path: string | null } {
  const token = tokenRepo.getCalendarToken(db, actor.id);
  return { path: token ? calendarPath(token) : null };
}

/** Issues a new secret for the actor's feed; the old URL stops working. One transaction. */
export function regenerateCalendarToken(db: Store, actor: Actor, now: Date): { path: string } {
  const token = randomBytes(32).toString("base64url");
  inTransaction(db, (tx) => {
    tokenRepo.setCalendarToken(tx, actor.id, token);
    // The token itself never goes to the audit log.
    writeAudit(tx, { actorId: actor.id, action: "calendar.regenerate", entity: "person", entityId: actor.id, at: now });
  });
  return { path: calendarPath(token) };
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** The person a presented token belongs to, compared in constant time (see the file comment). */
export function findPersonByCalendarToken(db: Store, presented: string): number | null {
  if (!CALENDAR_TOKEN_PATTERN.test(presented)) return null;
  const wanted = digest(presented);
  let found: number | null = null;
  for (const row of tokenRepo.listIssuedCalendarTokens(db)) {
    const match = timingSafeEqual(digest(row.token), wanted);
    if (match && row.active && found === null) found = row.personId;
  }
  return found;
}

const FEED_PAST_DAYS = 35;
const FEED_FUTURE_DAYS = 120;

/** The .ics text for a token, or null when the token matches nobody. */
export function renderCalendarFeed(db: Store, token: string, now: Date): string | null {
  const personId = findPersonByCalendarToken(db, token);
  if (personId === null) return null;
  const person = orgRepo.getPerson(db, personId);
  if (!person) return null;
  const regions = new Map(orgRepo.listRegions(db).map((r) => [r.id, r]));
  const templates = new Map(orgRepo.listTemplates(db).map((t) => [t.id, t]));
  const zone = person.timeZone ?? regions.get(person.regionId)?.timeZone ?? "UTC";
  const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + FEED_FUTURE_DAYS * 86_400_000);
  const calendar = ical({ name: `Sunshift shifts: ${person.name}`, prodId: { company: "Sunshift", product: "Sunshift", language: "EN" }, ttl: 3600 });
  calendar.x([{ key: "X-WR-TIMEZONE", value: zone }]);
  for (const shift of repo.listPublishedShifts(db, [person.id], from, to)) {
    const region = regions.get(shift.regionId);
    const template = shift.templateId !== null ? templates.get(shift.templateId) : undefined;
    const local = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("HH:mm");
    const breaks = shift.breaks.map((b) => `${local(b.startsAt)}–${local(b.endsAt)}`);
    const worked = workedMinutes({ startMs: shift.startsAt.getTime(), endMs: shift.endsAt.getTime(), breaks: shift.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })) });
    calendar.createEvent({
      id: `${person.id}-${shift.startsAt.toISOString().replace(/[-:]|\.\d{3}/g, "")}@sunshift`,
      start: shift.startsAt,
      end: shift.endsAt,
      stamp: now,
      summary: `Shift: ${template?.name ?? "Shift"}${region ? ` (${region.name})` : ""}`,
      location: region?.name ?? null,
      description: [
        `${local(shift.startsAt)}–${local(shift.endsAt)} ${zone}`,
        breaks.length > 0 ? `Breaks: ${breaks.join(", ")} (${zone})` : "No breaks",
        `Worked: ${Math.floor(worked / 60)} h${worked % 60 ? ` ${worked % 60} min` : ""}`,
      ].join("\n"),
    });
  }
  return calendar.toString();
}
