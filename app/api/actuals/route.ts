import { getDb } from "@/db/client";
import { handleActualsPost } from "@/server/api/actuals-http";
import { getNextSession } from "@/server/auth/next-session";
import { getAppClock, getEnv } from "@/server/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Today's actuals from a signed-in manager's or planner's session: JSON rows, upserted as contact history. */
export async function POST(request: Request) {
  return handleActualsPost(request, { db: getDb(getEnv().DATABASE_PATH), session: await getNextSession(), now: getAppClock() });
}
