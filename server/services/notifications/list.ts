/**
 * In-app notifications (requests to answer, approvals, rejections, cancelled and expired
 * requests) as their person reads them. The use case that causes one writes it inside its own
 * transaction through the notification repository.
 */
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { countUnread, listNewest } from "@/server/repositories/notification-repository";
import type { Store } from "@/server/repositories/unit-of-work";

export const ZListNotificationsInput = z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 });
export type TListNotificationsInput = z.infer<typeof ZListNotificationsInput>;

/** The actor's newest notifications and how many are unread; nobody reads another's. */
export function listNotifications(db: Store, actor: Actor, input: TListNotificationsInput) {
  return {
    unread: countUnread(db, actor.id),
    items: listNewest(db, actor.id, input.limit).map((n) => ({ id: n.id, kind: n.kind, message: n.message, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
  };
}
