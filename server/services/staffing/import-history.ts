/**
 * Import interval history from a CSV file. Every row is checked before anything is written; the
 * rows and their audit entry land in one transaction, so a bad file changes nothing.
 */
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { parseHistoryCsv } from "@/server/import/history-csv";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/staffing-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

export const ZImportHistoryInput = z.object({
  csv: z.string().min(1, "Choose a CSV file").max(20_000_000, "The file is larger than 20 MB"),
});
export type TImportHistoryInput = z.infer<typeof ZImportHistoryInput>;

/** What an import wrote: rows, channels and the first and last interval (ISO UTC). */
export interface ImportHistoryResult {
  rows: number;
  channels: string[];
  from: string | null;
  to: string | null;
}

/**
 * Parses the CSV against the organisation's channels and interval grid (the whole file is
 * refused, naming row and column, on any bad row) and upserts its rows: re-importing an
 * interval replaces it.
 */
export function importHistoryCsv(db: Store, actor: Actor, input: TImportHistoryInput, now: Date): ImportHistoryResult {
  const settings = orgRepo.getSettings(db);
  const channelKeys = orgRepo.listChannels(db).map((c) => c.key);
  const parsed = parseHistoryCsv(input.csv, { channels: channelKeys, intervalMinutes: settings.intervalMinutes });
  if (parsed.rows.length === 0) throw new AppError("INVALID_INPUT", { field: "file", message: "The file has no data rows." });
  const starts = parsed.rows.map((r) => r.intervalStart).sort();
  const from = starts[0] ?? null;
  const to = starts[starts.length - 1] ?? null;
  inTransaction(db, (tx) => {
    repo.upsertHistory(
      tx,
      parsed.rows.map((row) => ({ intervalStart: new Date(row.intervalStart), channelKey: row.channel, contacts: row.contacts, ahtSeconds: row.ahtSeconds })),
    );
    writeAudit(tx, {
      actorId: actor.id,
      action: "history.import",
      entity: "contactHistory",
      details: { rows: parsed.rows.length, channels: parsed.channels, from, to },
      at: now,
    });
  });
  return { rows: parsed.rows.length, channels: parsed.channels, from, to };
}
