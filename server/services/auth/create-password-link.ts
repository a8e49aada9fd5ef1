/**
 * A manager creates a one-time set-password link for a person (new people from an import have no
 * usable password). The link is shown to copy, since mail may not be configured; only the token's
 * SHA-256 is stored. A new link ends the person's older unused ones.
 */
import type { Actor } from "@/server/auth/actor";
import { generatePasswordToken, hashPasswordToken } from "@/server/auth/password-token";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as tokenRepo from "@/server/repositories/password-token-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { PASSWORD_LINK_HOURS, type TCreatePasswordLinkInput } from "./password-inputs";

/** The page a link opens, with its token. */
export function setPasswordPath(token: string): string {
  return `/set-password?token=${token}`;
}

/**
 * Issues a link for an active person, valid {@link PASSWORD_LINK_HOURS} hours and usable once;
 * returns its path (the token appears only here) and expiry. One transaction, audited without the token.
 */
export function createPasswordLink(db: Store, actor: Actor, input: TCreatePasswordLinkInput, now: Date): { path: string; expiresAt: Date; name: string; email: string } {
  const token = generatePasswordToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  return inTransaction(db, (tx) => {
    const person = orgRepo.getPerson(tx, input.personId);
    if (!person) throw new AppError("NOT_FOUND", { message: "Person not found" });
    if (!person.active) throw new AppError("CONFLICT", { message: `${person.name} is deactivated: reactivate them first.` });
    const replaced = tokenRepo.expireOpenPasswordTokens(tx, person.id, now);
    const id = tokenRepo.insertPasswordToken(tx, { personId: person.id, tokenHash: hashPasswordToken(token), createdAt: now, createdById: actor.id, expiresAt });
    writeAudit(tx, { actorId: actor.id, action: "password.link", entity: "person", entityId: person.id, details: { tokenId: id, expiresAt: expiresAt.toISOString(), replaced }, at: now });
    return { path: setPasswordPath(token), expiresAt, name: person.name, email: person.email };
  });
}
