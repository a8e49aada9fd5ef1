/**
 * Import interval history from a CSV file. Every row is checked before anything is written; the
 * rows and their audit entry land in one transaction, so a bad file changes nothing.
 */
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { formatDateRange, isFarFromPlanningWeeks } from "@/server/domain/forecast/history-span";
import { AppError } from "@/server/errors";
import { parseHistoryCsv } from "@/server/import/history-csv";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/staffing-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { PLANNING_WEEKS, planningWeek } from "@/server/services/engine-input/planning-week";

export const ZImportHistoryInput = z.object({
  csv: z.string().min(1, "Choose a CSV file").max(20_000_000, "The file is larger than 20 MB"),
  /** The person confirmed that history far from the planning weeks belongs to this organisation's timeline. */
  confirmFarHistory: z.boolean().default(false),
});
export type TImportHistoryInput = z.infer<typeof ZImportHistoryInput>;

/** What an import wrote: rows, channels and the first and last interval (ISO UTC). */
export interface ImportedHistory {
  needsConfirmation: false;
  rows: number;
  channels: string[];
  from: string | null;
  to: string | null;
}

/**
 * Nothing written: the file's history lies far from the planning weeks, so the person is asked
 * whether it belongs to this organisation's timeline; re-sending with `confirmFarHistory` imports it.
 */
export interface FarHistoryQuestion {
  needsConfirmation: true;
  rows: number;
  channels: string[];
  from: string;
  to: string;
  /** The question in plain words, naming the file's span and the planning weeks. */
  message: string;
}

export type ImportHistoryResult = ImportedHistory | FarHistoryQuestion;

/**
 * Parses the CSV against the organisation's channels and interval grid (the whole file is
 * refused, naming row and column, on any bad row) and upserts its rows: re-importing an
 * interval replaces it. A file lying wholly far from the planning weeks (it ends more than eight
 * weeks before this week or starts as long after the fourth planning week) is not written until
 * the person confirms it belongs to this organisation's timeline.
 */
export function importHistoryCsv(db: Store, actor: Actor, input: TImportHistoryInput, now: Date): ImportHistoryResult {
  const settings = orgRepo.getSettings(db);
  const channelKeys = orgRepo.listChannels(db).map((c) => c.key);
  const parsed = parseHistoryCsv(input.csv, { channels: channelKeys, intervalMinutes: settings.intervalMinutes });
  if (parsed.rows.length === 0) throw new AppError("INVALID_INPUT", { field: "file", message: "The file has no data rows." });
  const starts = parsed.rows.map((r) => r.intervalStart).sort();
  const from = starts[0] ?? null;
  const to = starts[starts.length - 1] ?? null;
  if (from !== null && to !== null && !input.confirmFarHistory) {
    const planning = { start: planningWeek(db, now, 0).start, end: planningWeek(db, now, PLANNING_WEEKS - 1).end };
    const span = { fromMs: Date.parse(from), toMs: Date.parse(to) };
    if (isFarFromPlanningWeeks(span, { startMs: planning.start.toMillis(), endMs: planning.end.toMillis() })) {
      const zone = settings.timeZone;
      const fileDates = formatDateRange(span.fromMs, span.toMs, zone);
      const planningDates = formatDateRange(planning.start.toMillis(), planning.end.minus({ days: 1 }).toMillis(), zone);
      return {
        needsConfirmation: true,
        rows: parsed.rows.length,
        channels: parsed.channels,
        from,
        to,
        message: `This file holds history from ${fileDates}, far from the planning weeks (${planningDates}). Does it belong to this organisation's timeline? Nothing was imported yet.`,
      };
    }
  }
  inTransaction(db, (tx) => {
    repo.upsertHistory(
      tx,
      parsed.rows.map((row) => ({
        intervalStart: new Date(row.intervalStart),
        channelKey: row.channel,
        contacts: row.contacts,
        ahtSeconds: row.ahtSeconds,
        abandoned: row.abandoned ?? null,
        waitSeconds: row.waitSeconds ?? null,
      })),
    );
    writeAudit(tx, {
      actorId: actor.id,
      action: "history.import",
      entity: "contactHistory",
      details: { rows: parsed.rows.length, channels: parsed.channels, from, to, confirmedFarHistory: input.confirmFarHistory },
      at: now,
    });
  });
  return { needsConfirmation: false, rows: parsed.rows.length, channels: parsed.channels, from, to };
}
