/**
 * The server's background work, started once when the Next.js server boots (instrumentation.ts):
 * swap requests whose shift has started are recorded as expired and their people told within a
 * minute, not only at the next swap write. Same database handle and clock as the requests.
 * On a fresh install it also issues the one-time set-up token and prints the first-run link.
 */
import "server-only";
import { getDb } from "@/db/client";
import { getAppClock, getEnv } from "@/server/env";
import { issueSetupToken } from "@/server/auth/setup-token";
import { startPeriodicTask } from "@/server/jobs/periodic";
import { readSetupStatus } from "@/server/services/setup/setup-status";
import { expireDueRequests } from "@/server/services/swaps/expiry";

export const SWAP_EXPIRY_EVERY_MS = 60_000;

export function startBackgroundWork(): void {
  const now = getAppClock();
  startPeriodicTask("swap-expiry", SWAP_EXPIRY_EVERY_MS, () => {
    expireDueRequests(getDb(getEnv().DATABASE_PATH), now());
  });
}

/**
 * On a database with no organisation, issues the one-time set-up token (random, or
 * SUNSHIFT_SETUP_TOKEN in the demo and e2e) and prints the first-run page's link: only someone
 * who can read the server's output can create the first manager. Does nothing once set up.
 */
export function offerFirstRunSetup(): void {
  const env = getEnv();
  if (!readSetupStatus(getDb(env.DATABASE_PATH), undefined).needed) return;
  const token = issueSetupToken(env.SUNSHIFT_SETUP_TOKEN);
  console.log(`Sunshift set-up: open http://localhost:${env.PORT ?? "3000"}/setup?token=${token} (one-time)`);
}
