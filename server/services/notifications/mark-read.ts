/** Marking notifications read: only their own person may, so others' ids are ignored. */
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { markRead } from "@/server/repositories/notification-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

export const ZMarkNotificationsReadInput = z.object({ ids: z.array(z.number().int().positive()).max(200).optional() }).default({});
export type TMarkNotificationsReadInput = z.infer<typeof ZMarkNotificationsReadInput>;

/** Marks the actor's own notifications read (the given ids, or all); returns how many changed. */
export function markNotificationsRead(db: Store, actor: Actor, input: TMarkNotificationsReadInput, now: Date) {
  return { marked: inTransaction(db, (tx) => markRead(tx, actor.id, input.ids, now)) };
}
