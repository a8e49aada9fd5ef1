/**
 * Slows down password guessing: after MAX_FAILURES failed sign-ins for one email within
 * WINDOW_MS, that email is refused for LOCK_MS, whether or not the account exists (so the
 * lock itself reveals nothing). State lives in the database so it survives restarts.
 */
import {
  deleteSignInThrottle,
  findSignInThrottle,
  saveSignInThrottle,
  type SignInThrottleRecord,
} from "@/server/repositories/sign-in-throttle-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/**
 * The key's state after one more failure at `now`: counted in the current window, or the first
 * of a new window once WINDOW_MS has passed since the window began; locked from MAX_FAILURES on.
 */
export function nextThrottleState(key: string, previous: SignInThrottleRecord | undefined, now: Date): SignInThrottleRecord {
  const inWindow = previous !== undefined && now.getTime() - previous.windowStartedAt.getTime() < WINDOW_MS;
  const failures = inWindow ? previous.failures + 1 : 1;
  const windowStartedAt = inWindow ? previous.windowStartedAt : now;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
  return { key, failures, windowStartedAt, lockedUntil };
}

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockedForMs(db: Store, key: string, now: Date): number {
  const row = findSignInThrottle(db, key);
  if (!row?.lockedUntil) return 0;
  return Math.max(0, row.lockedUntil.getTime() - now.getTime());
}

/** Counts a failed sign-in for the key; read and write in one transaction so no failure is lost. */
export function recordFailure(db: Store, key: string, now: Date): void {
  inTransaction(db, (tx) => saveSignInThrottle(tx, nextThrottleState(key, findSignInThrottle(tx, key), now)));
}

/** Forgets the key's failures (inside the caller's transaction when given one). */
export function clearFailures(db: Store, key: string): void {
  deleteSignInThrottle(db, key);
}
