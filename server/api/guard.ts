import type { Actor } from "@/server/auth/actor";
import { can, type Permission } from "@/server/auth/permissions";

/** For pages: whether the signed-in actor holds a permission (the same table procedures use). */
export function actorCan(actor: Actor | null, permission: Permission): actor is Actor {
  return actor !== null && can(actor, permission);
}
