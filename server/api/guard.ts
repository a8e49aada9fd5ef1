import type { Actor } from "@/server/auth/actor";
import { can, type Permission } from "@/server/auth/permissions";
import { errorDetails } from "./trpc";

/** For pages: whether the signed-in actor holds a permission (the same table procedures use). */
export function actorCan(actor: Actor | null, permission: Permission): actor is Actor {
  return actor !== null && can(actor, permission);
}

/**
 * For server-rendered pages: the field errors of a call the server caller refused (its zod
 * issues or an AppError's field), or undefined when the refusal names no field. The browser
 * gets the same through the error formatter; a page calling in-process needs it read here.
 */
export function fieldErrorsOfCall(error: unknown): Record<string, string[] | undefined> | undefined {
  return errorDetails(error).fieldErrors;
}
