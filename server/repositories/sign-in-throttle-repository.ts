/** Failed sign-ins per key (a normalised email), kept in the database so a restart forgets nothing. */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { signInThrottle } from "@/db/schema";

export interface SignInThrottleRecord {
  key: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** The key's failure count and lock, or undefined when it has no recent failures. */
export function findSignInThrottle(db: Queryable, key: string): SignInThrottleRecord | undefined {
  return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
}

/** Writes the key's failure count and lock, replacing what was there. */
export function saveSignInThrottle(tx: Queryable, record: SignInThrottleRecord): void {
  const { key, failures, windowStartedAt, lockedUntil } = record;
  tx.insert(signInThrottle)
    .values({ key, failures, windowStartedAt, lockedUntil })
    .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, windowStartedAt, lockedUntil } })
    .run();
}

/** Forgets the key's failures (after a successful sign-in). */
export function deleteSignInThrottle(tx: Queryable, key: string): void {
  tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}
