/**
 * `npm run db:seed`: opens (creating and migrating) the database and seeds the demo
 * organisation if it is empty. Safe to run on every start.
 */
import { count } from "drizzle-orm";
import { DateTime, Settings } from "luxon";
import { openDatabase } from "@/db/client";
import { people } from "@/db/schema";
import { seedDemo } from "./demo";

Settings.throwOnInvalid = true;

async function main() {
  const path = process.env.DATABASE_PATH ?? "data/sunshift.db";
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
    const summary = await seedDemo(db, { now: DateTime.utc(), rosterSolveSeconds: Number(process.env.SEED_SOLVE_SECONDS ?? 20) });
    db.run("COMMIT");
    console.log(
      `Seeded the demo organisation into ${path}: ${summary.teams} teams, ${summary.historyRows} history rows, ${summary.requirementRows.join(" + ")} requirement rows, rosters: ${summary.rosterSummaries.join("; ")} (${Math.round(performance.now() - started)} ms).`,
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
