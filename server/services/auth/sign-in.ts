/**
 * Signing in: the throttle first, then the password check against the stored argon2id hash,
 * then the session. Failures are counted per email whether or not the account exists.
 */
import { z } from "zod";
import { getDummyHash, verifyPassword } from "@/server/auth/password";
import type { SessionPort } from "@/server/auth/session";
import { clearFailures, lockedForMs, recordFailure } from "@/server/auth/throttle";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import { findSignInAccount } from "@/server/repositories/people-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

export const ZSignInInput = z.object({
  email: z.string().trim().min(1, "Enter your email").max(200),
  password: z.string().min(1, "Enter your password").max(200),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** One message for an unknown email and a wrong password, so neither reveals the other. */
export const SIGN_IN_FAILED = "Email or password is incorrect.";

/**
 * Signs a person in with email and password and starts their session. Refuses a throttled
 * email before checking anything, and answers an unknown email, a wrong password and a
 * deactivated account alike, after the same amount of hashing work.
 */
export async function signIn(db: Store, session: SessionPort, input: TSignInInput, now: Date): Promise<{ personId: number; role: string }> {
  const key = input.email.trim().toLowerCase();
  const waitMs = lockedForMs(db, key, now);
  if (waitMs > 0) {
    throw new AppError("TOO_MANY_REQUESTS", {
      message: `Too many failed sign-ins. Try again in ${Math.ceil(waitMs / 60_000)} minute(s).`,
    });
  }
  const person = findSignInAccount(db, key);
  // Verify against a dummy hash when the email is unknown: same work, same timing.
  const ok = await verifyPassword(person?.passwordHash ?? (await getDummyHash()), input.password);
  if (!person || !ok || !person.active) {
    recordFailure(db, key, now);
    throw new AppError("UNAUTHORIZED", { message: SIGN_IN_FAILED });
  }
  await session.signIn(person.id);
  inTransaction(db, (tx) => {
    clearFailures(tx, key);
    writeAudit(tx, { actorId: person.id, action: "auth.signIn", entity: "person", entityId: person.id, at: now });
  });
  return { personId: person.id, role: person.role };
}
