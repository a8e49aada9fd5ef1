/**
 * Record today's actuals posted as JSON (`POST /api/actuals`): every row is checked before
 * anything is written; the rows (an upsert: re-posting an interval replaces it) and their audit
 * entry land in one transaction, so a bad post changes nothing.
 */
import type { Actor } from "@/server/auth/actor";
import { parseActualsJson } from "@/server/import/actuals-json";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/staffing-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

/** What a post wrote: rows, channels and the first and last interval (ISO UTC). */
export interface RecordActualsResult {
  rows: number;
  channels: string[];
  from: string | null;
  to: string | null;
}

/**
 * Checks the parsed JSON body against the organisation's channels, grid and clock (no interval
 * after `now`) and upserts its rows as contact history, the same store the history import fills.
 */
export function recordActuals(db: Store, actor: Actor, body: unknown, now: Date): RecordActualsResult {
  const settings = orgRepo.getSettings(db);
  const rows = parseActualsJson(body, {
    channels: orgRepo.listChannels(db).map((c) => c.key),
    intervalMinutes: settings.intervalMinutes,
    timeZone: settings.timeZone,
    latestStartMs: now.getTime(),
  });
  const starts = rows.map((r) => r.intervalStart).sort();
  const from = starts[0] ?? null;
  const to = starts[starts.length - 1] ?? null;
  const channels = [...new Set(rows.map((r) => r.channel))];
  inTransaction(db, (tx) => {
    repo.upsertHistory(
      tx,
      rows.map((row) => ({ intervalStart: new Date(row.intervalStart), channelKey: row.channel, contacts: row.contacts, ahtSeconds: row.ahtSeconds })),
    );
    writeAudit(tx, { actorId: actor.id, action: "actuals.record", entity: "contactHistory", details: { rows: rows.length, channels, from, to }, at: now });
  });
  return { rows: rows.length, channels, from, to };
}
