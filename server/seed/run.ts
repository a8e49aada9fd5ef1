/**
 * `npm run db:seed`: opens (creating and migrating) the database and seeds the demo
 * organisation if it is empty. Safe to run on every start. Seeds as of
 * SUNSHIFT_CLOCK_START when set (the e2e server pins it, so every run sees the same week),
 * else as of now.
 */
import { count } from "drizzle-orm";
import { DateTime, Settings } from "luxon";
import { openDatabase } from "@/db/client";
import { people } from "@/db/schema";
import { getEnv } from "@/server/env";
import { systemClock } from "@/server/clock";
import { seedDemo } from "./demo";

Settings.throwOnInvalid = true;

async function main() {
  const env = getEnv();
  const path = env.DATABASE_PATH;
  const db = openDatabase(path);
  const existing = db.select({ n: count() }).from(people).get()?.n ?? 0;
  if (existing > 0) {
    console.log(`Database ${path} already has ${existing} people; not seeding.`);
    return;
  }
  const started = performance.now();
  // Seed inside one transaction: a failure leaves an empty database, not half an organisation.
  db.run("BEGIN");
  try {
    const now = DateTime.fromJSDate(env.SUNSHIFT_CLOCK_START ?? systemClock(), { zone: "utc" });
    const summary = await seedDemo(db, { now, rosterSolveSeconds: env.SEED_SOLVE_SECONDS });
    db.run("COMMIT");
    console.log(
      `Seeded the demo organisation as of ${now.toISO()} into ${path}: ${summary.teams} teams, ${summary.historyRows} history rows, ${summary.requirementRows.join(" + ")} requirement rows, rosters: ${summary.rosterSummaries.join("; ")} (${Math.round(performance.now() - started)} ms).`,
    );
  } catch (error) {
    db.run("ROLLBACK");
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
