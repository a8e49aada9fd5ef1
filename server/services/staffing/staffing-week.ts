/**
 * The Staffing page's week: the stored forecast restaffed with the channels' settings and any
 * what-if overrides, the working behind every figure, recent actuals for the chart, the forecast
 * run's model scores and how the channel models compare. A read: it writes nothing.
 */
import { z } from "zod";
import {
  compareChannelModels,
  computeStaffingRequirements,
  type ChannelSettings,
  type ForecastInterval,
  type IntervalRequirement,
  type ModelComparison,
} from "@/server/domain/staffing";
import { summariseHistorySpan, type ChannelSpan, type HistorySpanSummary } from "@/server/domain/forecast/history-span";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import type { ChannelRecord } from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/staffing-repository";
import type { ForecastRunRecord } from "@/server/repositories/staffing-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { channelSettingsFrom } from "@/server/services/engine-input/channels";
import { listPlanningWeeks, planningWeek, type PlanningWeekChoice } from "@/server/services/engine-input/planning-week";

/** One channel's what-if overrides; an absent field keeps the channel's setting. */
export const ZWhatIf = z.object({
  channel: z.string(),
  targetSl: z.number().gt(0, "Service-level target must be above 0").lt(1, "Service-level target must be below 100%").optional(),
  targetSeconds: z.number().int().min(1, "At least 1 second").max(3600).optional(),
  ahtSeconds: z.number().gt(0, "AHT must be above 0 seconds").max(7200).optional(),
  shrinkage: z.number().min(0, "Shrinkage cannot be negative").lt(1, "Shrinkage must be below 100%").optional(),
  maxOccupancy: z.number().gt(0, "Occupancy cap must be above 0").max(1, "Occupancy cap is at most 100%").optional(),
  concurrency: z.number().int().min(1, "At least 1 chat at a time").max(10).optional(),
  responseMinutes: z.number().int().min(1).max(10_080).optional(),
});
export type WhatIf = z.infer<typeof ZWhatIf>;

export const ZStaffingWeekInput = z.object({
  weekOffset: z.number().int().min(-8).max(8).default(0),
  whatIf: z.array(ZWhatIf).max(10).default([]),
});
export type TStaffingWeekInput = z.infer<typeof ZStaffingWeekInput>;

/** A channel as stored, with the settings the week was staffed with (overrides applied). */
export type StaffingWeekChannel = ChannelRecord & { effective: ChannelSettings };

export interface StaffingWeek {
  week: { start: string; end: string; zone: string; intervalMinutes: number; weekOffset: number };
  /** This week and the three after it, for the week picker. */
  planningWeeks: PlanningWeekChoice[];
  /** The history the week's forecast learned from, in words and figures; null before a forecast (or for runs made before it was kept). */
  history: HistorySpanSummary | null;
  channels: StaffingWeekChannel[];
  forecastRun: ForecastRunRecord | null;
  /** Per interval and channel: the requirement, its service and the working behind it (traffic, P(wait), servers…). */
  intervals: IntervalRequirement[];
  modelComparison: ModelComparison[];
  /** History from two weeks before the week to its end, for the chart. */
  actuals: { intervalStart: string; channel: string; contacts: number }[];
}

/** The channel's settings with a what-if's fields laid over them. */
function applyWhatIf(base: ChannelSettings, w: WhatIf | undefined): ChannelSettings {
  if (!w) return base;
  return {
    ...base,
    targetSl: w.targetSl ?? base.targetSl,
    targetSeconds: w.targetSeconds ?? base.targetSeconds,
    shrinkage: w.shrinkage ?? base.shrinkage,
    maxOccupancy: w.maxOccupancy ?? base.maxOccupancy,
    concurrency: w.concurrency ?? base.concurrency,
    responseTargetMinutes: w.responseMinutes ?? base.responseTargetMinutes,
    ahtSeconds: w.ahtSeconds ?? base.ahtSeconds,
  };
}

/** The history a stored run learned from, summarised in the organisation's zone. */
function historyOfRun(run: ForecastRunRecord | undefined, zone: string, channelOrder: readonly string[]): HistorySpanSummary | null {
  const spans: ChannelSpan[] = (run?.channels ?? []).flatMap((c) =>
    c.history
      ? [{ channel: c.channel, fromMs: Date.parse(c.history.from), toMs: Date.parse(c.history.to), rows: c.history.rows, leftOutRows: c.history.leftOutRows, gapMs: c.history.gapMs }]
      : [],
  );
  return summariseHistorySpan(spans, zone, { channelOrder });
}

/**
 * The staffing page's data for one planning week: the stored forecast (contacts per interval and
 * channel) restaffed with the channels' settings and the what-if overrides, so the page shows
 * the engine's figures and recomputes nothing. Settings the engine cannot staff are refused as
 * invalid input naming the field.
 */
export function getStaffingWeek(db: Store, opts: { now: Date; weekOffset: number; whatIf: readonly WhatIf[] }): StaffingWeek {
  const week = planningWeek(db, opts.now, opts.weekOffset);
  const overrides = new Map(opts.whatIf.map((w) => [w.channel, w]));
  const channels = orgRepo.listChannels(db).map((row) => ({ ...row, effective: applyWhatIf(channelSettingsFrom(row), overrides.get(row.key)) }));
  const stored = repo.listRequirements(db, week.start.toJSDate(), week.end.toJSDate());
  const run = repo.latestForecastRun(db, week.start.toJSDate());
  let intervals: IntervalRequirement[] = [];
  let modelComparison: ModelComparison[] = [];
  if (stored.length > 0) {
    const forecast: ForecastInterval[] = stored.map((r) => ({
      startsAt: r.intervalStart.toISOString(),
      channelId: r.channelKey,
      contacts: r.contacts,
      // A what-if AHT replaces the forecast AHT for that channel.
      ahtSeconds: overrides.get(r.channelKey)?.ahtSeconds ?? r.ahtSeconds,
    }));
    const input = { intervalMinutes: week.intervalMinutes, channels: channels.map((c) => c.effective), forecast };
    try {
      const computed = computeStaffingRequirements(input);
      intervals = computed.intervals;
      modelComparison = compareChannelModels(computed, input);
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
    planningWeeks: listPlanningWeeks(db, opts.now),
    history: historyOfRun(run, week.zone, channels.map((c) => c.key)),
    channels,
    forecastRun: run ?? null,
    intervals,
    modelComparison,
    actuals: actuals.map((a) => ({ intervalStart: a.intervalStart.toISOString(), channel: a.channelKey, contacts: a.contacts })),
  };
}
