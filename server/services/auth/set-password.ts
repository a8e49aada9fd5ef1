/**
 * The public set-password page: a person opens their one-time link and chooses a password. The
 * presented token is hashed and looked up by digest; an unknown, used or expired token (or one
 * of a deactivated person) gets the one message {@link PASSWORD_LINK_REFUSED}.
 */
import { hashPassword } from "@/server/auth/password";
import { hashPasswordToken, PASSWORD_TOKEN_PATTERN } from "@/server/auth/password-token";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as tokenRepo from "@/server/repositories/password-token-repository";
import * as peopleRepo from "@/server/repositories/people-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { PASSWORD_LINK_REFUSED, type TPasswordTokenInput, type TSetPasswordInput } from "./password-inputs";

const refused = () => new AppError("INVALID_INPUT", { field: "token", message: PASSWORD_LINK_REFUSED });

/** The usable token behind `presented` and its person, or the generic refusal. */
function findUsableToken(db: Store, presented: string, now: Date) {
  if (!PASSWORD_TOKEN_PATTERN.test(presented)) throw refused();
  const token = tokenRepo.findPasswordTokenByHash(db, hashPasswordToken(presented));
  if (!token || token.usedAt !== null || token.expiresAt.getTime() <= now.getTime()) throw refused();
  const person = orgRepo.getPerson(db, token.personId);
  if (!person?.active) throw refused();
  return { token, person };
}

/** Whom a link is for (their name and email, shown on the page), without using it. */
export function describePasswordLink(db: Store, input: TPasswordTokenInput, now: Date): { name: string; email: string; expiresAt: Date } {
  const { token, person } = findUsableToken(db, input.token, now);
  return { name: person.name, email: person.email, expiresAt: token.expiresAt };
}

/**
 * Sets the link's person's password and uses the link up, in one transaction: the use is a
 * conditional update, so of two racing submissions one wins and the other is refused. The
 * person's other open links end too. They sign in afterwards as usual.
 */
export async function setPasswordWithLink(db: Store, input: TSetPasswordInput, now: Date): Promise<{ email: string }> {
  findUsableToken(db, input.token, now);
  // Hash before the transaction: better-sqlite3 transactions must stay synchronous.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, (tx) => {
    const { token, person } = findUsableToken(tx, input.token, now);
    if (!tokenRepo.consumePasswordToken(tx, token.id, now)) throw refused();
    peopleRepo.setPasswordHash(tx, person.id, passwordHash);
    tokenRepo.expireOpenPasswordTokens(tx, person.id, now);
    writeAudit(tx, { actorId: person.id, action: "password.set", entity: "person", entityId: person.id, details: { tokenId: token.id }, at: now });
    return { email: person.email };
  });
}
