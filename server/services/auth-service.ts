import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { getDummyHash, verifyPassword } from "@/server/auth/password";
import type { SessionPort } from "@/server/auth/session";
import { clearFailures, lockedForMs, recordFailure } from "@/server/auth/throttle";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";

/** One message for an unknown email and a wrong password, so neither reveals the other. */
export const SIGN_IN_FAILED = "Email or password is incorrect.";

export async function signIn(
  db: Db,
  session: SessionPort,
  input: { email: string; password: string },
  now: Date,
): Promise<{ personId: number; role: string }> {
  const key = input.email.trim().toLowerCase();
  const waitMs = lockedForMs(db, key, now);
  if (waitMs > 0) {
    throw new AppError("TOO_MANY_REQUESTS", {
      message: `Too many failed sign-ins. Try again in ${Math.ceil(waitMs / 60_000)} minute(s).`,
    });
  }
  const person = db.select().from(people).where(eq(people.email, key)).get();
  // Verify against a dummy hash when the email is unknown: same work, same timing.
  const ok = await verifyPassword(person?.passwordHash ?? (await getDummyHash()), input.password);
  if (!person || !ok || !person.active) {
    recordFailure(db, key, now);
    throw new AppError("UNAUTHORIZED", { message: SIGN_IN_FAILED });
  }
  clearFailures(db, key);
  await session.signIn(person.id);
  writeAudit(db, { actorId: person.id, action: "auth.signIn", entity: "person", entityId: person.id, at: now });
  return { personId: person.id, role: person.role };
}
