/** Drizzle queries for contact history, forecast runs and stored requirements. */
import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { contactHistory, forecastRuns, requirements } from "@/db/schema";

export function listHistory(db: Queryable, from: Date, to: Date) {
  return db
    .select()
    .from(contactHistory)
    .where(and(gte(contactHistory.intervalStart, from), lt(contactHistory.intervalStart, to)))
    .orderBy(asc(contactHistory.intervalStart))
    .all();
}

export function listAllHistory(db: Queryable) {
  return db.select().from(contactHistory).orderBy(asc(contactHistory.intervalStart)).all();
}

export function listRequirements(db: Queryable, from: Date, to: Date) {
  return db
    .select()
    .from(requirements)
    .where(and(gte(requirements.intervalStart, from), lt(requirements.intervalStart, to)))
    .orderBy(asc(requirements.intervalStart))
    .all();
}

export function latestForecastRun(db: Queryable, periodStart: Date) {
  return db
    .select()
    .from(forecastRuns)
    .where(eq(forecastRuns.periodStart, periodStart))
    .orderBy(desc(forecastRuns.id))
    .limit(1)
    .get();
}
