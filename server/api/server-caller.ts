import "server-only";
import { getDb } from "@/db/client";
import { getNextSession } from "@/server/auth/next-session";
import { getEnv } from "@/server/env";
import { createCaller } from "./root";
import { createContextInner } from "./trpc";

/** The context for a request: the shared database and the cookie session. */
export async function createRequestContext() {
  return createContextInner({ db: getDb(getEnv().DATABASE_PATH), session: await getNextSession() });
}

/** A tRPC caller for server components: same procedures, same permission checks. */
export async function getServerCaller() {
  const ctx = await createRequestContext();
  return { caller: createCaller(ctx), actor: ctx.actor };
}
