/**
 * Forecast a planning week and store its requirements. History is read, forecast (backtest and
 * model choice per channel) and staffed before any write; the requirements, the forecast run and
 * its audit entry then land in one transaction, so a failed forecast changes nothing.
 */
import { toRequirementRecord } from "./requirement-records";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { forecastChannels, type ForecastAdjustment } from "@/server/domain/forecast";
import { selectHistorySpan, summariseHistorySpan, type ChannelSpan, type HistorySpanSummary } from "@/server/domain/forecast/history-span";
import { computeStaffingRequirements } from "@/server/domain/staffing";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import type { ChannelRecord } from "@/server/repositories/org-repository";
import { listSpecialDays } from "@/server/repositories/special-days-repository";
import * as repo from "@/server/repositories/staffing-repository";
import type { ContactHistoryRecord, RequirementRecord } from "@/server/repositories/staffing-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { channelSettingsFrom } from "@/server/services/engine-input/channels";
import { PLANNING_WEEKS, planningWeek } from "@/server/services/engine-input/planning-week";

export const ZForecastAdjustment = z.object({
  fromDate: z.iso.date("Use YYYY-MM-DD"),
  toDate: z.iso.date("Use YYYY-MM-DD"),
  upliftPercent: z.number().min(-100).max(500),
  channel: z.string().optional(),
  note: z.string().max(200).optional(),
});

export const ZGenerateInput = z.object({
  weekOffset: z
    .number()
    .int()
    .min(0, "Forecast this week or one of the next three")
    .max(PLANNING_WEEKS - 1, "Forecast this week or one of the next three"),
  adjustments: z.array(ZForecastAdjustment).max(20).default([]),
});
export type TGenerateInput = z.infer<typeof ZGenerateInput>;

/** What a forecast wrote: the run, how many requirement rows, the model chosen per channel and the history used. */
export interface GenerateWeekResult {
  forecastRunId: number;
  rows: number;
  perChannel: { channel: string; chosenModel: string }[];
  history: HistorySpanSummary | null;
}

/** Intervals of recent history whose handle times stand in for the forecast AHT. */
const RECENT_AHT_ROWS = 14 * 48;

/** Each channel's recent mean AHT, weighted by contacts; the channel's own AHT when history has none. */
function recentAhtByChannel(history: readonly ContactHistoryRecord[], channels: readonly ChannelRecord[]): Map<string, number> {
  const ahtByChannel = new Map<string, number>();
  for (const channel of channels) {
    const recent = history.filter((h) => h.channelKey === channel.key && h.ahtSeconds !== null).slice(-RECENT_AHT_ROWS);
    const contacts = recent.reduce((s, h) => s + h.contacts, 0);
    const weighted = recent.reduce((s, h) => s + h.contacts * (h.ahtSeconds ?? 0), 0);
    ahtByChannel.set(channel.key, contacts > 0 ? weighted / contacts : channel.ahtSeconds);
  }
  return ahtByChannel;
}

/** The engine's AHT forecast for interval `i`, when it made one there (history with handle times). */
function intervalAht(forecast: readonly number[] | null, i: number): number | null {
  const value = forecast?.[i];
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

/** A channel's span as kept with the run. */
function runHistoryOf(span: ChannelSpan) {
  return {
    from: new Date(span.fromMs).toISOString(),
    to: new Date(span.toMs).toISOString(),
    rows: span.rows,
    leftOutRows: span.leftOutRows,
    gapMs: span.gapMs,
  };
}

/**
 * Forecasts the planning week starting `weekStart` from the stored history before it (each
 * channel's latest contiguous span: rows before a hole of over two weeks, such as an old export
 * imported beside recent data, are left out), each channel in its demand zone and with the marked
 * special days, turns the forecast (contacts and AHT per interval; the recent flat AHT where the
 * engine has none) into requirements with the channels' settings, and replaces that week's stored
 * requirements. The demo seed calls it with
 * the weeks it plans; the page through {@link forecastPlanningWeek}.
 */
export function generateWeekRequirements(
  db: Store,
  opts: { actorId: number | null; weekStart: DateTime; now: Date; adjustments?: ForecastAdjustment[] },
): GenerateWeekResult {
  const settings = orgRepo.getSettings(db);
  const channelRows = orgRepo.listChannels(db);
  const adjustments = opts.adjustments ?? [];
  const from = opts.weekStart.toJSDate();
  const to = opts.weekStart.plus({ weeks: 1 }).toJSDate();
  const stored = repo.listHistoryBefore(db, from);
  if (stored.length === 0) {
    throw new AppError("INVALID_INPUT", { field: "history", message: "No contact history before this week: import history first." });
  }
  const span = selectHistorySpan(stored.map((h) => ({ ...h, intervalStartMs: h.intervalStart.getTime(), channel: h.channelKey })));
  const history = span.kept;
  const spanByChannel = new Map(span.channels.map((c) => [c.channel, c]));
  const forecast = forecastChannels({
    history: history.map((h) => ({ intervalStart: h.intervalStart.getTime(), channel: h.channelKey, contacts: h.contacts, ahtSeconds: h.ahtSeconds })),
    zone: settings.timeZone,
    intervalMinutes: settings.intervalMinutes,
    start: opts.weekStart.toUTC().toISO() ?? "",
    days: 7,
    adjustments,
    // Each channel's seasonality in its customers' clock (null: the organisation's).
    zoneByChannel: Object.fromEntries(channelRows.map((c) => [c.key, c.demandZone])),
    specialDays: listSpecialDays(db).map((d) => ({ date: d.date, channel: d.channelKey, factor: d.factor })),
  });
  const ahtByChannel = recentAhtByChannel(history, channelRows);
  const known = new Set(channelRows.map((c) => c.key));
  const forecastRows = forecast.perChannel
    .filter((c) => known.has(c.channel))
    .flatMap((c) =>
      c.values.map((contacts, i) => ({
        startsAt: DateTime.fromMillis(forecast.intervalStartsMs[i] ?? 0, { zone: "utc" }).toISO() ?? "",
        channelId: c.channel,
        contacts,
        ahtSeconds: intervalAht(c.ahtSeconds, i) ?? ahtByChannel.get(c.channel) ?? null,
      })),
    );
  const computed = computeStaffingRequirements({
    intervalMinutes: settings.intervalMinutes,
    channels: channelRows.map(channelSettingsFrom),
    forecast: forecastRows,
  });
  const rows: RequirementRecord[] = computed.intervals
    .filter((iv) => iv.startsAtMs >= from.getTime() && iv.startsAtMs < to.getTime())
    .flatMap((iv) =>
      iv.channels.map((c) => toRequirementRecord(iv.startsAtMs, settings.intervalMinutes, c)),
    );
  const historyUsed = summariseHistorySpan(span.channels, settings.timeZone, { channelOrder: channelRows.map((c) => c.key) });
  const forecastRunId = inTransaction(db, (tx) => {
    repo.replaceRequirements(tx, from, to, rows);
    const id = repo.insertForecastRun(tx, {
      createdAt: opts.now,
      createdById: opts.actorId,
      periodStart: from,
      days: 7,
      zone: settings.timeZone,
      intervalMinutes: settings.intervalMinutes,
      channels: forecast.perChannel.map((c) => ({
        channel: c.channel,
        chosenModel: c.chosenModel,
        scores: c.scores.map((s) => ({ model: s.model, wmape: s.wmape })),
        folds: c.folds,
        warnings: c.warnings,
        ...(c.weights.length > 0 ? { weights: c.weights.map((w) => ({ model: w.model, weight: w.weight })) } : {}),
        demandZone: c.demandZone,
        ...(spanByChannel.has(c.channel) ? { history: runHistoryOf(spanByChannel.get(c.channel) as ChannelSpan) } : {}),
      })),
      warnings: forecast.warnings,
      adjustments,
    });
    writeAudit(tx, {
      actorId: opts.actorId,
      action: "requirements.generate",
      entity: "forecastRun",
      entityId: id,
      details: { periodStart: from.toISOString(), rows: rows.length, history: historyUsed?.message ?? null },
      at: opts.now,
    });
    return id;
  });
  return {
    forecastRunId,
    rows: rows.length,
    perChannel: forecast.perChannel.map((c) => ({ channel: c.channel, chosenModel: c.chosenModel })),
    history: historyUsed,
  };
}

/** The Staffing page's "Re-forecast": the planning week `weekOffset` weeks from the one containing `now`. */
export function forecastPlanningWeek(db: Store, actor: Actor, input: TGenerateInput, now: Date): GenerateWeekResult {
  return generateWeekRequirements(db, {
    actorId: actor.id,
    weekStart: planningWeek(db, now, input.weekOffset).start,
    now,
    adjustments: input.adjustments,
  });
}
