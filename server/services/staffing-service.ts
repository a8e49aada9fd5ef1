/**
 * Forecast and staffing use cases: import interval history from CSV, forecast a planning
 * week and store its requirements, and read them back (with what-if overrides) for the
 * staffing page. Parsing, forecasting and Erlang maths happen before any write; each write
 * is one transaction, so a failed import or forecast changes nothing.
 */
import { and, gte, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Queryable } from "@/db/types";
import { contactHistory, forecastRuns, requirements } from "@/db/schema";
import { forecastChannels, type ForecastAdjustment } from "@/server/domain/forecast";
import {
  computeStaffingRequirements,
  type ChannelSettings,
  type StaffingRequirements,
} from "@/server/domain/staffing";
import { AppError } from "@/server/errors";
import { parseHistoryCsv } from "@/server/import/history-csv";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/staffing-repository";
import { channelSettingsFrom } from "./engine-input/channels";
import { planningWeek } from "./engine-input/planning-week";
import { writeAudit } from "@/server/repositories/audit-repository";

export function importHistoryCsv(db: Queryable, actorId: number, csv: string, now: Date) {
  const settings = orgRepo.getSettings(db);
  const channelKeys = orgRepo.listChannels(db).map((c) => c.key);
  const parsed = parseHistoryCsv(csv, { channels: channelKeys, intervalMinutes: settings.intervalMinutes });
  if (parsed.rows.length === 0) throw new AppError("INVALID_INPUT", { field: "file", message: "The file has no data rows." });
  db.transaction((tx) => {
    for (const row of parsed.rows) {
      const values = {
        intervalStart: new Date(row.intervalStart),
        channelKey: row.channel,
        contacts: row.contacts,
        ahtSeconds: row.ahtSeconds,
      };
      // Re-importing an interval replaces it.
      tx.insert(contactHistory)
        .values(values)
        .onConflictDoUpdate({ target: [contactHistory.intervalStart, contactHistory.channelKey], set: { contacts: values.contacts, ahtSeconds: values.ahtSeconds } })
        .run();
    }
    const starts = parsed.rows.map((r) => r.intervalStart).sort();
    writeAudit(tx, {
      actorId,
      action: "history.import",
      entity: "contactHistory",
      details: { rows: parsed.rows.length, channels: parsed.channels, from: starts[0], to: starts[starts.length - 1] },
      at: now,
    });
  });
  const starts = parsed.rows.map((r) => r.intervalStart).sort();
  return { rows: parsed.rows.length, channels: parsed.channels, from: starts[0] ?? null, to: starts[starts.length - 1] ?? null };
}

/**
 * Forecasts the planning week starting `weekStart` from all stored history, turns it into
 * requirements with the channels' settings, and replaces that week's stored requirements.
 */
export function generateWeekRequirements(
  db: Queryable,
  opts: { actorId: number | null; weekStart: DateTime; now: Date; adjustments?: ForecastAdjustment[] },
) {
  const settings = orgRepo.getSettings(db);
  const channelRows = orgRepo.listChannels(db);
  const history = repo.listAllHistory(db).filter((h) => h.intervalStart.getTime() < opts.weekStart.toMillis());
  if (history.length === 0) {
    throw new AppError("INVALID_INPUT", { field: "history", message: "No contact history before this week: import history first." });
  }
  const forecast = forecastChannels({
    history: history.map((h) => ({ intervalStart: h.intervalStart.getTime(), channel: h.channelKey, contacts: h.contacts })),
    zone: settings.timeZone,
    intervalMinutes: settings.intervalMinutes,
    start: opts.weekStart.toUTC().toISO() ?? "",
    days: 7,
    adjustments: opts.adjustments ?? [],
  });
  // Each channel's recent mean AHT (weighted by contacts) stands in for its forecast AHT.
  const ahtByChannel = new Map<string, number>();
  for (const channel of channelRows) {
    const recent = history.filter((h) => h.channelKey === channel.key && h.ahtSeconds !== null).slice(-14 * 48);
    const contacts = recent.reduce((s, h) => s + h.contacts, 0);
    const weighted = recent.reduce((s, h) => s + h.contacts * (h.ahtSeconds ?? 0), 0);
    ahtByChannel.set(channel.key, contacts > 0 ? weighted / contacts : channel.ahtSeconds);
  }
  const known = new Set(channelRows.map((c) => c.key));
  const forecastRows = forecast.perChannel
    .filter((c) => known.has(c.channel))
    .flatMap((c) =>
      c.values.map((contacts, i) => ({
        startsAt: DateTime.fromMillis(forecast.intervalStartsMs[i] ?? 0, { zone: "utc" }).toISO() ?? "",
        channelId: c.channel,
        contacts,
        ahtSeconds: ahtByChannel.get(c.channel) ?? null,
      })),
    );
  const computed = computeStaffingRequirements({
    intervalMinutes: settings.intervalMinutes,
    channels: channelRows.map(channelSettingsFrom),
    forecast: forecastRows,
  });
  const from = opts.weekStart.toJSDate();
  const to = opts.weekStart.plus({ weeks: 1 }).toJSDate();
  const run = db.transaction((tx) => {
    tx.delete(requirements).where(and(gte(requirements.intervalStart, from), lt(requirements.intervalStart, to))).run();
    const rows = computed.intervals
      .filter((iv) => iv.startsAtMs >= from.getTime() && iv.startsAtMs < to.getTime())
      .flatMap((iv) =>
        iv.channels.map((c) => ({
          intervalStart: new Date(iv.startsAtMs),
          channelKey: c.channelId,
          intervalMinutes: settings.intervalMinutes,
          contacts: c.contacts,
          ahtSeconds: c.ahtSeconds,
          agents: c.agents,
          agentsWithShrinkage: c.agentsWithShrinkage,
          serviceLevel: c.serviceLevel,
          asaSeconds: c.asaSeconds,
          occupancy: c.occupancy,
        })),
      );
    for (let i = 0; i < rows.length; i += 400) tx.insert(requirements).values(rows.slice(i, i + 400)).run();
    const inserted = tx
      .insert(forecastRuns)
      .values({
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
        })),
        warnings: forecast.warnings,
        adjustments: opts.adjustments ?? [],
      })
      .returning({ id: forecastRuns.id })
      .get();
    writeAudit(tx, {
      actorId: opts.actorId,
      action: "requirements.generate",
      entity: "forecastRun",
      entityId: inserted.id,
      details: { periodStart: from.toISOString(), rows: rows.length },
      at: opts.now,
    });
    return { id: inserted.id, rows: rows.length };
  });
  return { forecastRunId: run.id, rows: run.rows, perChannel: forecast.perChannel.map((c) => ({ channel: c.channel, chosenModel: c.chosenModel })) };
}

export interface WhatIf {
  channel: string;
  targetSl?: number | undefined;
  targetSeconds?: number | undefined;
  ahtSeconds?: number | undefined;
  shrinkage?: number | undefined;
  maxOccupancy?: number | undefined;
  concurrency?: number | undefined;
  responseMinutes?: number | undefined;
}

/**
 * The staffing page's data for one planning week: the stored forecast (contacts per
 * interval and channel) recomputed with the channels' settings and any what-if overrides,
 * recent actuals for the chart, and the forecast run's model scores.
 */
export function getStaffingWeek(db: Queryable, opts: { now: Date; weekOffset: number; whatIf: WhatIf[] }) {
  const week = planningWeek(db, opts.now, opts.weekOffset);
  const channelRows = orgRepo.listChannels(db);
  const stored = repo.listRequirements(db, week.start.toJSDate(), week.end.toJSDate());
  const run = repo.latestForecastRun(db, week.start.toJSDate());
  const overrides = new Map(opts.whatIf.map((w) => [w.channel, w]));
  const effective = channelRows.map((row) => {
    const base = channelSettingsFrom(row);
    const w = overrides.get(row.key);
    if (!w) return { row, settings: base };
    const settings: ChannelSettings = {
      ...base,
      targetSl: w.targetSl ?? base.targetSl,
      targetSeconds: w.targetSeconds ?? base.targetSeconds,
      shrinkage: w.shrinkage ?? base.shrinkage,
      maxOccupancy: w.maxOccupancy ?? base.maxOccupancy,
      concurrency: w.concurrency ?? base.concurrency,
      responseTargetMinutes: w.responseMinutes ?? base.responseTargetMinutes,
      ahtSeconds: w.ahtSeconds ?? base.ahtSeconds,
    };
    return { row, settings };
  });
  let computed: StaffingRequirements | null = null;
  let modelComparison: ModelComparison[] = [];
  if (stored.length > 0) {
    const forecast = stored.map((r) => ({
      startsAt: r.intervalStart.toISOString(),
      channelId: r.channelKey,
      contacts: r.contacts,
      // A what-if AHT replaces the forecast AHT for that channel.
      ahtSeconds: overrides.get(r.channelKey)?.ahtSeconds ?? r.ahtSeconds,
    }));
    try {
      computed = computeStaffingRequirements({ intervalMinutes: week.intervalMinutes, channels: effective.map((e) => e.settings), forecast });
      modelComparison = compareChannelModels(computed, effective.map((e) => e.settings), forecast, week.intervalMinutes);
    } catch (error) {
      const e = error as { field?: string; message?: string };
      throw new AppError("INVALID_INPUT", { field: e.field ?? "whatIf", message: e.message ?? "Invalid what-if settings" });
    }
  }
  const actuals = repo.listHistory(db, week.start.minus({ weeks: 2 }).toJSDate(), week.end.toJSDate());
  return {
    week: {
      start: week.start.toUTC().toISO() ?? "",
      end: week.end.toUTC().toISO() ?? "",
      zone: week.zone,
      intervalMinutes: week.intervalMinutes,
      weekOffset: opts.weekOffset,
    },
    channels: effective.map(({ row, settings }) => ({ ...row, effective: settings })),
    forecastRun: run ?? null,
    intervals: computed?.intervals ?? [],
    modelComparison,
    actuals: actuals.map((a) => ({ intervalStart: a.intervalStart.toISOString(), channel: a.channelKey, contacts: a.contacts })),
  };
}

export interface ModelComparison {
  channel: string;
  model: string;
  agentHours: number;
  alternative: string;
  alternativeAgentHours: number;
}

/**
 * How the channel models differ on this week's forecast: chat with concurrency against
 * chat staffed like voice (one chat at a time); email and social as deferred work against
 * treating them as a live queue answered within the response target (80% in the target).
 */
function compareChannelModels(
  computed: StaffingRequirements,
  settings: ChannelSettings[],
  forecast: Parameters<typeof computeStaffingRequirements>[0]["forecast"],
  intervalMinutes: number,
): ModelComparison[] {
  const hours = intervalMinutes / 60;
  const agentHours = (result: StaffingRequirements, channel: string) =>
    result.intervals.reduce((sum, iv) => sum + (iv.channels.find((c) => c.channelId === channel)?.agents ?? 0), 0) * hours;
  const out: ModelComparison[] = [];
  for (const channel of settings) {
    let alternative: ChannelSettings | null = null;
    let label = "";
    if (channel.kind === "chat" && (channel.concurrency ?? 1) > 1) {
      alternative = { ...channel, concurrency: 1 };
      label = "one chat at a time (voice-like)";
    } else if (channel.kind === "email" || channel.kind === "social") {
      const targetSeconds = Math.round((channel.responseTargetMinutes ?? 60) * 60);
      alternative = { ...channel, kind: "voice", targetSl: 0.8, targetSeconds, targetAsaSeconds: null, maxOccupancy: channel.maxOccupancy };
      label = `Erlang C, 80% within ${Math.round(targetSeconds / 60)} min, no backlog carried`;
    }
    if (!alternative) continue;
    const alt = computeStaffingRequirements({ intervalMinutes, channels: [alternative], forecast: forecast.filter((f) => f.channelId === channel.channelId) });
    out.push({
      channel: channel.channelId,
      model: channel.kind === "chat" ? `Erlang C on ${channel.concurrency ?? 1} chats per agent` : "deferred work with backlog",
      agentHours: agentHours(computed, channel.channelId),
      alternative: label,
      alternativeAgentHours: agentHours(alt, channel.channelId),
    });
  }
  return out;
}
