/** Stored channels as the staffing and coverage engines read them. */
import { estimatePatienceSeconds, type ChannelSettings } from "@/server/domain/staffing";
import type { ChannelRecord } from "@/server/repositories/org-repository";
import * as staffingRepo from "@/server/repositories/staffing-repository";
import type { Store } from "@/server/repositories/unit-of-work";

/**
 * A stored channel as engine settings. A live channel with `patienceSeconds` is staffed with
 * Erlang A (and its `maxAbandonRate` cap); without it, Erlang C. Only the manager's patience is
 * used, so staffing, coverage, swaps and intraday all staff a channel with the same model; the
 * history's estimate ({@link loadPatienceEstimates}) is a suggestion for the manager to adopt.
 */
export function channelSettingsFrom(row: ChannelRecord): ChannelSettings {
  return {
    channelId: row.key,
    kind: row.kind,
    ahtSeconds: row.ahtSeconds,
    targetSl: row.targetSl,
    targetSeconds: row.targetSeconds,
    targetAsaSeconds: row.targetAsaSeconds,
    maxOccupancy: row.maxOccupancy,
    shrinkage: row.shrinkage,
    concurrency: row.concurrency,
    responseTargetMinutes: row.responseMinutes,
    patienceSeconds: row.patienceSeconds,
    maxAbandonRate: row.maxAbandonRate,
  };
}

/** Weeks of history before the period that the patience estimate reads. */
export const PATIENCE_HISTORY_WEEKS = 8;

/**
 * Mean patience per channel key estimated from the {@link PATIENCE_HISTORY_WEEKS} weeks of history
 * before `before` (mean wait of all contacts ÷ abandoned share; see server/domain/staffing/patience.ts).
 * Channels whose history carries too few abandons, or no `abandoned` / `wait_seconds`, are absent.
 */
export function loadPatienceEstimates(db: Store, before: Date): Map<string, number> {
  const from = new Date(before.getTime() - PATIENCE_HISTORY_WEEKS * 7 * 86_400_000);
  const byChannel = new Map<string, staffingRepo.ContactHistoryRecord[]>();
  for (const row of staffingRepo.listHistory(db, from, before)) {
    const rows = byChannel.get(row.channelKey) ?? [];
    rows.push(row);
    byChannel.set(row.channelKey, rows);
  }
  const estimates = new Map<string, number>();
  for (const [channel, rows] of byChannel) {
    const estimate = estimatePatienceSeconds(rows);
    if (estimate !== null) estimates.set(channel, estimate);
  }
  return estimates;
}
