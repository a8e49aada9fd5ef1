/**
 * In-app notifications: requests to answer, approvals, rejections, cancelled and expired requests.
 * Written inside the caller's transaction by the use case that causes them; read and marked read
 * only by their own person.
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import { notifications } from "@/db/schema";
import type { Actor } from "@/server/api/trpc";

export type NotificationKind = "swap.request" | "swap.accepted" | "swap.declined" | "swap.approve" | "swap.approved" | "swap.rejected" | "swap.cancelled" | "swap.expired";

export interface NewNotification {
  personId: number;
  kind: NotificationKind;
  message: string;
  link?: string;
}

/** Adds notifications inside the caller's transaction; one person gets one copy of a message. */
export function notify(tx: Queryable, entries: readonly NewNotification[], now: Date): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.personId}:${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    tx.insert(notifications).values({ personId: entry.personId, kind: entry.kind, message: entry.message, link: entry.link ?? null, createdAt: now }).run();
  }
}

/** The actor's newest notifications and how many are unread. */
export function listNotifications(db: Queryable, actor: Actor, input: { limit: number }) {
  const unread = db.select({ n: count() }).from(notifications).where(and(eq(notifications.personId, actor.id), isNull(notifications.readAt))).get()?.n ?? 0;
  const items = db
    .select()
    .from(notifications)
    .where(eq(notifications.personId, actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit)
    .all();
  return {
    unread,
    items: items.map((n) => ({ id: n.id, kind: n.kind, message: n.message, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
  };
}

/** Marks the actor's own notifications read (the given ids, or all). Others' ids are ignored. */
export function markNotificationsRead(db: Db, actor: Actor, input: { ids?: number[] | undefined }, now: Date) {
  return db.transaction((tx) => {
    const mine = and(eq(notifications.personId, actor.id), isNull(notifications.readAt));
    const result = tx
      .update(notifications)
      .set({ readAt: now })
      .where(input.ids ? and(mine, inArray(notifications.id, input.ids.length ? input.ids : [-1])) : mine)
      .run();
    return { marked: result.changes };
  });
}
