import "server-only";
import { getDb } from "@/db/client";
import { getNextSession } from "@/server/auth/next-session";
import { getAppClock, getEnv } from "@/server/env";
import { createCaller } from "./root";
import { createContextInner } from "./trpc";

/** The context for a request: the shared database, the cookie session and the app's clock (SUNSHIFT_CLOCK_START in e2e). */
export async function createRequestContext() {
  return createContextInner({ db: getDb(getEnv().DATABASE_PATH), session: await getNextSession(), now: getAppClock() });
}

/** A tRPC caller for server components: same procedures, same permission checks. */
export async function getServerCaller() {
  const ctx = await createRequestContext();
  return { caller: createCaller(ctx), actor: ctx.actor, now: ctx.now };
}
