/**
 * Slows down password guessing: after MAX_FAILURES failed sign-ins for one email within
 * WINDOW_MS, that email is refused for LOCK_MS, whether or not the account exists (so the
 * lock itself reveals nothing). State lives in the database so it survives restarts.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottle } from "@/db/schema";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockedForMs(db: Db, key: string, now: Date): number {
  const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  if (!row?.lockedUntil) return 0;
  return Math.max(0, row.lockedUntil.getTime() - now.getTime());
}

export function recordFailure(db: Db, key: string, now: Date): void {
  db.transaction((tx) => {
    const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
    const inWindow = row && now.getTime() - row.windowStartedAt.getTime() < WINDOW_MS;
    const failures = inWindow ? row.failures + 1 : 1;
    const windowStartedAt = inWindow ? row.windowStartedAt : now;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
    tx.insert(signInThrottle)
      .values({ key, failures, windowStartedAt, lockedUntil })
      .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, windowStartedAt, lockedUntil } })
      .run();
  });
}

export function clearFailures(db: Db, key: string): void {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}
