/**
 * Restaffing the stored forecast after the channels' targets change: the requirement rows keep
 * contacts and AHT per interval and channel, so every planning week from the current one on is
 * staffed again with the channels as they now are, inside the caller's transaction, and the
 * drafts planned on those weeks are marked stale. No forecast is re-run.
 */
import { toRequirementRecord } from "./requirement-records";
import { computeStaffingRequirements, StaffingInputError, type ForecastInterval } from "@/server/domain/staffing";
import { formatInstant, DAY_AND_TIME } from "@/server/domain/time/format";
import { weekContaining } from "@/server/domain/time/weeks";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as rosterRepo from "@/server/repositories/roster-repository";
import * as repo from "@/server/repositories/staffing-repository";
import type { RequirementRecord } from "@/server/repositories/staffing-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { channelSettingsFrom } from "@/server/services/engine-input/channels";

/** What a restaff changed: the weeks restaffed (UTC ISO starts), the rows written and the drafts marked stale. */
export interface RestaffResult {
  weeks: string[];
  rows: number;
  staleRosterIds: number[];
}

/** Stored rows grouped by the planning week (its start in ms) they fall in. */
function groupByWeek(rows: readonly RequirementRecord[], zone: string, weekStart: number): Map<number, { start: Date; end: Date; rows: RequirementRecord[] }> {
  const weeks = new Map<number, { start: Date; end: Date; rows: RequirementRecord[] }>();
  for (const row of rows) {
    const week = weekContaining(row.intervalStart, zone, weekStart, 0);
    const key = week.start.toMillis();
    const entry = weeks.get(key) ?? { start: week.start.toJSDate(), end: week.end.toJSDate(), rows: [] };
    entry.rows.push(row);
    weeks.set(key, entry);
  }
  return weeks;
}

/** One week's stored rows staffed again with the channels in service; rows of retired channels drop out. */
function restaffWeek(rows: readonly RequirementRecord[], channels: readonly orgRepo.ChannelRecord[]): RequirementRecord[] {
  const inService = new Set(channels.map((c) => c.key));
  const forecast: ForecastInterval[] = rows
    .filter((r) => inService.has(r.channelKey))
    .map((r) => ({ startsAt: r.intervalStart.toISOString(), channelId: r.channelKey, contacts: r.contacts, ahtSeconds: r.ahtSeconds }));
  if (forecast.length === 0) return [];
  const intervalMinutes = rows[0]?.intervalMinutes ?? 30;
  const computed = computeStaffingRequirements({ intervalMinutes, channels: channels.map(channelSettingsFrom), forecast });
  const stored = new Set(rows.map((r) => `${r.intervalStart.getTime()}|${r.channelKey}`));
  return computed.intervals.flatMap((iv) =>
    iv.channels
      // The engine fills every interval for every channel; keep the rows the forecast stored.
      .filter((c) => stored.has(`${iv.startsAtMs}|${c.channelId}`))
      .map((c) => toRequirementRecord(iv.startsAtMs, intervalMinutes, c)),
  );
}

/**
 * Restaffs every stored planning week from the one containing `now` on with the channels as they
 * are in `tx` (call it after writing the new targets, in the same transaction), and marks the
 * drafts overlapping those weeks stale with the reason `describe` words from "now" in the
 * organisation's zone (e.g. "Voice targets changed on Tue 24 Nov 10:00 (Europe/Dublin); …"). Targets the engine cannot staff are refused as invalid input
 * naming the field, which rolls the caller's transaction back.
 */
export function restaffStoredWeeks(tx: Store, now: Date, describe: (when: string) => string): RestaffResult {
  const settings = orgRepo.getSettings(tx);
  const channels = orgRepo.listChannels(tx);
  const from = weekContaining(now, settings.timeZone, settings.weekStart, 0).start.toJSDate();
  const weeks = groupByWeek(repo.listRequirementsFrom(tx, from), settings.timeZone, settings.weekStart);
  const reason = describe(formatInstant(now.getTime(), settings.timeZone, DAY_AND_TIME, "bracketed"));
  const result: RestaffResult = { weeks: [], rows: 0, staleRosterIds: [] };
  for (const week of weeks.values()) {
    let rows: RequirementRecord[];
    try {
      rows = restaffWeek(week.rows, channels);
    } catch (error) {
      if (error instanceof StaffingInputError) throw new AppError("INVALID_INPUT", { field: error.field.replace(/^channels\[\d+\]\./, ""), message: error.reason });
      throw error;
    }
    repo.replaceRequirements(tx, week.start, week.end, rows);
    result.weeks.push(week.start.toISOString());
    result.rows += rows.length;
    for (const id of rosterRepo.markDraftsStale(tx, week.start, week.end, reason)) if (!result.staleRosterIds.includes(id)) result.staleRosterIds.push(id);
  }
  return result;
}
