/** A signed-in person changes their own password, proving the current one first. */
import type { Actor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import { expireOpenPasswordTokens } from "@/server/repositories/password-token-repository";
import * as peopleRepo from "@/server/repositories/people-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import type { TChangePasswordInput } from "./password-inputs";

/**
 * Checks the current password, then stores the new one's hash and ends any open set-password
 * link, in one transaction, audited. A wrong current password is refused beside its field.
 */
export async function changeOwnPassword(db: Store, actor: Actor, input: TChangePasswordInput, now: Date): Promise<{ ok: true }> {
  const currentHash = peopleRepo.findPasswordHash(db, actor.id);
  if (currentHash === undefined || !(await verifyPassword(currentHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", { field: "currentPassword", message: "That is not your current password" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  inTransaction(db, (tx) => {
    peopleRepo.setPasswordHash(tx, actor.id, passwordHash);
    expireOpenPasswordTokens(tx, actor.id, now);
    writeAudit(tx, { actorId: actor.id, action: "password.change", entity: "person", entityId: actor.id, at: now });
  });
  return { ok: true };
}
