/** In-app notifications: written inside the causing use case's transaction, read by their person. */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { notifications } from "@/db/schema";

export type NotificationKind = "swap.request" | "swap.accepted" | "swap.declined" | "swap.approve" | "swap.approved" | "swap.rejected" | "swap.cancelled" | "swap.expired";

export interface NewNotification {
  personId: number;
  kind: NotificationKind;
  message: string;
  link?: string;
}

export interface NotificationRecord {
  id: number;
  kind: string;
  message: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** Adds notifications inside the caller's transaction; one person gets one copy of a message. */
export function addNotifications(tx: Queryable, entries: readonly NewNotification[], now: Date): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.personId}:${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    tx.insert(notifications).values({ personId: entry.personId, kind: entry.kind, message: entry.message, link: entry.link ?? null, createdAt: now }).run();
  }
}

export function countUnread(db: Queryable, personId: number): number {
  return db.select({ n: count() }).from(notifications).where(and(eq(notifications.personId, personId), isNull(notifications.readAt))).get()?.n ?? 0;
}

/** A person's newest notifications, newest first. */
export function listNewest(db: Queryable, personId: number, limit: number): NotificationRecord[] {
  return db
    .select({ id: notifications.id, kind: notifications.kind, message: notifications.message, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.personId, personId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
}

/** Marks a person's unread notifications read (the given ids, or all); returns how many changed. */
export function markRead(tx: Queryable, personId: number, ids: readonly number[] | undefined, now: Date): number {
  const mine = and(eq(notifications.personId, personId), isNull(notifications.readAt));
  return tx
    .update(notifications)
    .set({ readAt: now })
    .where(ids ? and(mine, inArray(notifications.id, ids.length ? [...ids] : [-1])) : mine)
    .run().changes;
}
