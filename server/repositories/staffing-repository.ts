/**
 * Contact history, forecast runs and stored requirements: every query and write on them.
 * Plain records in and out; writes take the caller's transaction.
 */
import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { contactHistory, forecastRuns, requirements } from "@/db/schema";

/** Contacts of one channel in the interval starting at `intervalStart`. */
export interface ContactHistoryRecord {
  intervalStart: Date;
  channelKey: string;
  contacts: number;
  /** Measured handle time; null when the history file had none. */
  ahtSeconds: number | null;
  /** Contacts that abandoned before an answer (part of `contacts`); null (or absent) when not imported. */
  abandoned?: number | null;
  /** Mean wait of all contacts in seconds; null (or absent) when not imported. */
  waitSeconds?: number | null;
}

/** Agents needed for one channel in one interval of a planning period, with the service they give. */
export interface RequirementRecord {
  intervalStart: Date;
  channelKey: string;
  intervalMinutes: number;
  contacts: number;
  ahtSeconds: number;
  agents: number;
  agentsWithShrinkage: number;
  /** Null for deferred channels (email, social). */
  serviceLevel: number | null;
  asaSeconds: number | null;
  occupancy: number | null;
  /** Erlang A channels: projected share of contacts abandoned; null (or absent) otherwise. */
  probabilityAbandon?: number | null;
}

/** The span of history a channel's forecast learned from (ISO instants of the first and last interval kept). */
export interface ForecastRunHistory {
  from: string;
  to: string;
  rows: number;
  /** Rows before a long hole that were left out; `gapMs` is that hole's length (null when none). */
  leftOutRows: number;
  gapMs: number | null;
}

/**
 * One channel of a forecast run: the model chosen, every candidate's backtest score and, in runs
 * made since they were recorded, the combination's weights, the history used and the demand zone.
 */
export interface ForecastRunChannel {
  channel: string;
  chosenModel: string;
  scores: { model: string; wmape: number | null }[];
  folds: number;
  warnings: string[];
  /** The combination's weight per candidate (summing to 1) when the forecast combined candidates. */
  weights?: { model: string; weight: number }[];
  history?: ForecastRunHistory;
  /** The zone the channel's seasonality was read in. */
  demandZone?: string;
}

/** A manual uplift kept with the run (local dates in the run's zone, inclusive). */
export interface ForecastRunAdjustment {
  fromDate: string;
  toDate: string;
  upliftPercent: number;
  channel?: string;
  note?: string;
}

/** A forecast of a planning period: when, by whom, the models it chose and the uplifts it applied. */
export interface ForecastRunRecord {
  id: number;
  createdAt: Date;
  createdById: number | null;
  periodStart: Date;
  days: number;
  zone: string;
  intervalMinutes: number;
  channels: ForecastRunChannel[];
  warnings: string[];
  adjustments: ForecastRunAdjustment[];
}

export type NewForecastRun = Omit<ForecastRunRecord, "id">;

/** Rows per insert statement: SQLite caps bound parameters per statement. */
const INSERT_BATCH = 400;

/** History with `from` ≤ intervalStart < `to`, oldest first. */
export function listHistory(db: Queryable, from: Date, to: Date): ContactHistoryRecord[] {
  return db
    .select()
    .from(contactHistory)
    .where(and(gte(contactHistory.intervalStart, from), lt(contactHistory.intervalStart, to)))
    .orderBy(asc(contactHistory.intervalStart))
    .all();
}

/** All history before `before`, oldest first: what a forecast of the period from `before` may learn from. */
export function listHistoryBefore(db: Queryable, before: Date): ContactHistoryRecord[] {
  return db.select().from(contactHistory).where(lt(contactHistory.intervalStart, before)).orderBy(asc(contactHistory.intervalStart)).all();
}

/**
 * Writes history rows inside the caller's transaction; re-importing an interval replaces it.
 * `abandoned` and `waitSeconds` given as null clear the stored values (a file without those
 * columns, as with its AHT); left undefined (e.g. actuals posted during the day) they are kept.
 */
export function upsertHistory(tx: Queryable, rows: readonly ContactHistoryRecord[]): void {
  for (const row of rows) {
    const set: Partial<ContactHistoryRecord> = { contacts: row.contacts, ahtSeconds: row.ahtSeconds };
    if (row.abandoned !== undefined) set.abandoned = row.abandoned;
    if (row.waitSeconds !== undefined) set.waitSeconds = row.waitSeconds;
    tx.insert(contactHistory)
      .values(row)
      .onConflictDoUpdate({ target: [contactHistory.intervalStart, contactHistory.channelKey], set })
      .run();
  }
}

/** Requirements with `from` ≤ intervalStart < `to`, oldest first. */
export function listRequirements(db: Queryable, from: Date, to: Date): RequirementRecord[] {
  return db
    .select()
    .from(requirements)
    .where(and(gte(requirements.intervalStart, from), lt(requirements.intervalStart, to)))
    .orderBy(asc(requirements.intervalStart))
    .all();
}

/** Whether any requirement is stored with `from` ≤ intervalStart < `to`: the period has been forecast. */
export function hasRequirements(db: Queryable, from: Date, to: Date): boolean {
  return (
    db
      .select({ channelKey: requirements.channelKey })
      .from(requirements)
      .where(and(gte(requirements.intervalStart, from), lt(requirements.intervalStart, to)))
      .limit(1)
      .get() !== undefined
  );
}

/**
 * Replaces the requirements of `from` ≤ intervalStart < `to` with `rows`, inside the caller's
 * transaction, so a period never holds a mix of two forecasts.
 */
export function replaceRequirements(tx: Queryable, from: Date, to: Date, rows: readonly RequirementRecord[]): void {
  tx.delete(requirements).where(and(gte(requirements.intervalStart, from), lt(requirements.intervalStart, to))).run();
  for (let i = 0; i < rows.length; i += INSERT_BATCH) tx.insert(requirements).values(rows.slice(i, i + INSERT_BATCH)).run();
}

/** Records a forecast run inside the caller's transaction; returns its id. */
export function insertForecastRun(tx: Queryable, run: NewForecastRun): number {
  return tx.insert(forecastRuns).values(run).returning({ id: forecastRuns.id }).get().id;
}

/** The newest forecast run of the period starting at `periodStart`, if any. */
export function latestForecastRun(db: Queryable, periodStart: Date): ForecastRunRecord | undefined {
  return db.select().from(forecastRuns).where(eq(forecastRuns.periodStart, periodStart)).orderBy(desc(forecastRuns.id)).limit(1).get();
}

/** Whether any requirement is stored: they sit on the organisation's interval grid. */
export function hasAnyRequirements(db: Queryable): boolean {
  return db.select({ at: requirements.intervalStart }).from(requirements).limit(1).get() !== undefined;
}

/** Requirements from `from` on (every later planning week), oldest first. */
export function listRequirementsFrom(db: Queryable, from: Date): RequirementRecord[] {
  return db.select().from(requirements).where(gte(requirements.intervalStart, from)).orderBy(asc(requirements.intervalStart)).all();
}
