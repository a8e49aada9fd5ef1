/**
 * In-app notifications: requests to answer, approvals, rejections, cancelled and expired requests.
 * Written inside the caller's transaction by the use case that causes them (through the
 * notification repository); read and marked read only by their own person.
 */
import type { Actor } from "@/server/auth/actor";
import * as repo from "@/server/repositories/notification-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

/** The actor's newest notifications and how many are unread. */
export function listNotifications(db: Store, actor: Actor, input: { limit: number }) {
  return {
    unread: repo.countUnread(db, actor.id),
    items: repo.listNewest(db, actor.id, input.limit).map((n) => ({ id: n.id, kind: n.kind, message: n.message, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
  };
}

/** Marks the actor's own notifications read (the given ids, or all). Others' ids are ignored. */
export function markNotificationsRead(db: Store, actor: Actor, input: { ids?: number[] | undefined }, now: Date) {
  return { marked: inTransaction(db, (tx) => repo.markRead(tx, actor.id, input.ids, now)) };
}
