/**
 * The server's background work, started once when the Next.js server boots (instrumentation.ts):
 * swap requests whose shift has started are recorded as expired and their people told within a
 * minute, not only at the next swap write. Same database handle and clock as the requests.
 */
import "server-only";
import { getDb } from "@/db/client";
import { getAppClock, getEnv } from "@/server/env";
import { startPeriodicTask } from "@/server/jobs/periodic";
import { expireDueRequests } from "@/server/services/swaps/expiry";

export const SWAP_EXPIRY_EVERY_MS = 60_000;

export function startBackgroundWork(): void {
  const now = getAppClock();
  startPeriodicTask("swap-expiry", SWAP_EXPIRY_EVERY_MS, () => {
    expireDueRequests(getDb(getEnv().DATABASE_PATH), now());
  });
}
