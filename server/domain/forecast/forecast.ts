import { DateTime } from "luxon";
import { adjustmentFactor, type ForecastAdjustment, resolveAdjustments } from "./adjustments";
import { forecastAhtTable } from "./aht";
import { backtestSeries, type ForecastMode, type ModelScore, type ModelWeight } from "./backtest";
import { maskDays } from "./clean";
import {
  assertIntervalMinutes,
  buildLocalHistory,
  assertZone,
  createZoneClock,
  DAYS_PER_WEEK,
  dayOrdinalOfIsoDate,
  ForecastInputError,
  type HistoryRow,
  inferIntervalMinutes,
  isoDateOfDayOrdinal,
  type LocalCell,
  type LocalHistory,
  type LocalSeries,
  MS_PER_MINUTE,
  type ParsedHistory,
  parseHistoryRows,
  parseInstantMs,
  weekdayOfDayOrdinal,
} from "./history";
import { FALLBACK_MODEL, fitModels, MODEL_NAMES, type ModelName } from "./models";
import { formatInstant, ISO_WITH_OFFSET } from "../time/format";

export interface ForecastInput {
  history: readonly HistoryRow[];
  /** IANA zone that carries the seasonality (the organisation's). */
  zone: string;
  /** Interval length; the history's spacing when absent. */
  intervalMinutes?: number;
  /** First forecast interval: an ISO instant, or a local date/time read in `zone` when it has no offset. */
  start: string;
  /** Horizon in local days of `zone` (a DST day has 23 or 25 hours of intervals). */
  days: number;
  adjustments?: readonly ForecastAdjustment[];
  /** Candidates to backtest; all by default. */
  models?: readonly ModelName[];
  /** Most backtest origins. Default 4 week-ahead, 10 day-ahead. */
  maxFolds?: number;
  /** Week-ahead (default): backtest folds forecast a week. Day-ahead: refitted daily, folds of one day. */
  mode?: ForecastMode;
  /**
   * Demand zone per channel: the clock its customers keep. Its history is placed on that zone's local
   * weekday and wall-clock slot, forecast there and mapped back to instants. Absent: `zone`.
   */
  zoneByChannel?: Readonly<Record<string, string | null | undefined>>;
  /**
   * Special days (holidays, days the manager marks), local dates in the channel's demand zone: left
   * out of fitting; forecast × factor when a factor is given. `channel` null: every channel.
   */
  specialDays?: readonly SpecialDay[];
}

/** A day that is not like its weekday. */
export interface SpecialDay {
  /** Local date, YYYY-MM-DD, in the channel's demand zone. */
  date: string;
  channel: string | null;
  /** Forecast multiplier for the day (0 = closed); null = only left out of fitting. */
  factor: number | null;
}

export interface ChannelForecast {
  channel: string;
  chosenModel: ModelName;
  /** The combination's member weights (empty when there was no backtest or no combination). */
  weights: ModelWeight[];
  /** The zone whose clock the channel was forecast in. */
  demandZone: string;
  /** Every candidate's backtest score (empty when the history was too short to backtest). */
  scores: ModelScore[];
  /** Number of backtest folds behind the scores. */
  folds: number;
  warnings: string[];
  /** Expected contacts per interval, aligned with `intervals`, adjustments and special days applied. */
  values: number[];
  /**
   * Forecast AHT in seconds per interval, aligned with `intervals`, by interval of the week in the
   * demand zone (see forecastAhtTable); null when the history carries no AHT.
   */
  ahtSeconds: number[] | null;
}

export interface ForecastResult {
  zone: string;
  mode: ForecastMode;
  intervalMinutes: number;
  /** Interval starts as ISO instants with the zone's offset, e.g. "2024-03-31T03:00:00+01:00". */
  intervals: string[];
  intervalStartsMs: number[];
  /** Local dates of the history used for training (inclusive) and its length in local days. */
  training: { fromDate: string; toDate: string; days: number };
  perChannel: ChannelForecast[];
  /** Warnings that concern every channel. */
  warnings: string[];
}

const MAX_FORECAST_DAYS = 366;

/**
 * Backtests the candidate models per channel on the history, picks the lowest wMAPE, and
 * forecasts every interval of `[start, start + days local days)`. History after the start's local
 * day is not used. A channel with too little history for a backtest gets seasonal naive and a warning.
 * @example
 * const result = forecastChannels({ history, zone: "Europe/Dublin", start: "2024-03-25T00:00:00Z", days: 7 });
 * result.perChannel[0]?.chosenModel //=> "robust-profile"
 */
export function forecastChannels(input: ForecastInput): ForecastResult {
  const clock = createZoneClock(input.zone);
  const mode = input.mode ?? "week-ahead";
  if (mode !== "week-ahead" && mode !== "day-ahead") throw new ForecastInputError(`mode: expected "week-ahead" or "day-ahead", got "${String(mode)}"`, "mode");
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_FORECAST_DAYS) {
    throw new ForecastInputError(`days: expected a whole number from 1 to ${MAX_FORECAST_DAYS}, got ${String(input.days)}`, "days");
  }
  const startMs = parseInstantMs(input.start, { zone: input.zone });
  if (startMs === null) throw new ForecastInputError(`start: expected an ISO date-time, got "${input.start}"`, "start");
  const models = input.models ?? MODEL_NAMES;
  if (models.length === 0) throw new ForecastInputError("models: expected at least one model", "models");
  for (const model of models) {
    if (!MODEL_NAMES.includes(model)) throw new ForecastInputError(`models: unknown model "${String(model)}" (known: ${MODEL_NAMES.join(", ")})`, "models");
  }
  const adjustments = resolveAdjustments(input.adjustments ?? []);
  const specialDays = resolveSpecialDays(input.specialDays ?? []);
  for (const [channel, zone] of Object.entries(input.zoneByChannel ?? {})) if (zone !== null && zone !== undefined) assertZone(zone, `zoneByChannel.${channel}`);

  const parsed = parseHistoryRows(input.history);
  if (parsed.rows.length === 0) throw new ForecastInputError("history: no rows to forecast from", "history");
  const intervalMinutes = input.intervalMinutes ?? inferIntervalMinutes(parsed.rows.map((row) => row.intervalStartMs));
  assertIntervalMinutes(intervalMinutes);
  const intervalMs = intervalMinutes * MS_PER_MINUTE;
  const phase = mod((parsed.rows[0] as { intervalStartMs: number }).intervalStartMs, intervalMs);
  parsed.rows.forEach((row, index) => {
    if (mod(row.intervalStartMs, intervalMs) !== phase) {
      throw new ForecastInputError(`history[${index}].intervalStart: not on the ${intervalMinutes}-minute grid of the first row`, "intervalStart");
    }
  });
  if (mod(startMs, intervalMs) !== phase) {
    throw new ForecastInputError(`start: ${input.start} is not on the history's ${intervalMinutes}-minute grid`, "start");
  }

  // Training days are counted in the organisation's zone for the report; each channel trains on its own clock.
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (const row of parsed.rows) {
    if (row.intervalStartMs < firstMs) firstMs = row.intervalStartMs;
    if (row.intervalStartMs > lastMs) lastMs = row.intervalStartMs;
  }
  const firstDay = clock.toCell(firstMs, intervalMinutes).dayOrdinal;
  const dayCount = clock.toCell(lastMs, intervalMinutes).dayOrdinal - firstDay + 1;
  const startCell = clock.toCell(startMs, intervalMinutes);
  const trainDays = Math.min(dayCount, startCell.dayOrdinal - firstDay);
  if (trainDays <= 0) {
    throw new ForecastInputError(`start: ${input.start} is not after the history's first day (${isoDateOfDayOrdinal(firstDay)})`, "start");
  }
  const warnings: string[] = [];
  if (trainDays < dayCount) {
    warnings.push(`history from ${isoDateOfDayOrdinal(firstDay + trainDays)} on is at or after the forecast start and is not used`);
  }
  const gapDays = startCell.dayOrdinal - (firstDay + trainDays);
  if (gapDays > 4 * DAYS_PER_WEEK) {
    warnings.push(`the forecast starts ${gapDays} days after the history ends; recent changes in volume are not in it`);
  }

  const endMs = DateTime.fromMillis(startMs, { zone: input.zone }).plus({ days: input.days }).toMillis();
  const intervalStartsMs: number[] = [];
  for (let ms = startMs; ms < endMs; ms += intervalMs) intervalStartsMs.push(ms);
  const orgCells = intervalStartsMs.map((ms) => clock.toCell(ms, intervalMinutes));
  const intervals = intervalStartsMs.map((ms) => formatInstant(ms, input.zone, ISO_WITH_OFFSET, "none"));

  const demandZoneOf = (channel: string): string => input.zoneByChannel?.[channel] ?? input.zone;
  const byZone = new Map<string, { local: LocalHistory; cells: LocalCell[]; trainDays: number }>();
  const zoneView = (zone: string) => {
    let view = byZone.get(zone);
    if (view === undefined) {
      const zoneClock = zone === input.zone ? clock : createZoneClock(zone);
      const subset: ParsedHistory = {
        channels: parsed.channels.filter((channel) => demandZoneOf(channel) === zone),
        rows: parsed.rows.filter((row) => demandZoneOf(row.channel) === zone),
      };
      const local = buildLocalHistory(subset, zoneClock, intervalMinutes);
      const zoneStart = zoneClock.toCell(startMs, intervalMinutes);
      const zoneTrainDays = Math.min(local.dayCount, zoneStart.dayOrdinal - local.firstDay);
      if (zoneTrainDays <= 0) {
        throw new ForecastInputError(`start: ${input.start} is not after the history's first day in ${zone} (${isoDateOfDayOrdinal(local.firstDay)})`, "start");
      }
      view = { local, cells: intervalStartsMs.map((ms) => zoneClock.toCell(ms, intervalMinutes)), trainDays: zoneTrainDays };
      byZone.set(zone, view);
    }
    return view;
  };

  const perChannel = parsed.channels.map((channel) => {
    const demandZone = demandZoneOf(channel);
    const { local, cells, trainDays: channelTrainDays } = zoneView(demandZone);
    const special = specialDays.filter((day) => day.channel === null || day.channel === channel);
    const series = maskDays(local.series.get(channel) as LocalSeries, special.map((day) => day.dayOrdinal - local.firstDay));
    const channelWarnings = describeGaps(series, channelTrainDays);
    const backtest = backtestSeries(series, channelTrainDays, { models, mode, ...(input.maxFolds === undefined ? {} : { maxFolds: input.maxFolds }) });
    let chosenModel = backtest.chosenModel;
    if (backtest.origins.length === 0) {
      chosenModel = models.includes(FALLBACK_MODEL) ? FALLBACK_MODEL : (models[0] as ModelName);
      channelWarnings.push(
        `history too short to backtest (a week to train and a week to test are needed): using the simplest model, ${chosenModel}`,
      );
    } else if (backtest.origins.length === 1) {
      channelWarnings.push(`only one backtest ${mode === "day-ahead" ? "day" : "week"}: the model choice rests on it alone`);
    }
    if (backtest.origins.length > 0 && backtest.scores.every((score) => score.wmape === null)) {
      channelWarnings.push("no contacts in the backtest weeks: wMAPE is undefined; using the simplest model");
    }
    const weights = backtest.origins.length === 0 ? [] : backtest.weights;
    const predict = fitModels(series, channelTrainDays, [chosenModel], { weights: new Map(weights.map((entry) => [entry.model, entry.weight])) }).get(chosenModel);
    const factorOf = new Map(special.filter((day) => day.factor !== null).map((day) => [day.dayOrdinal, day.factor as number]));
    const values = cells.map((cell, index) => {
      const value = predict === undefined ? 0 : predict(cell.dayOrdinal - local.firstDay, cell.slot);
      const orgDay = (orgCells[index] as LocalCell).dayOrdinal;
      return value * adjustmentFactor(adjustments, channel, orgDay) * (factorOf.get(cell.dayOrdinal) ?? 1);
    });
    const aht = forecastAhtTable(series, channelTrainDays);
    const ahtSeconds =
      aht === null
        ? null
        : cells.map((cell) => aht.bySlotOfWeek[weekdayOfDayOrdinal(cell.dayOrdinal) * series.slotsPerDay + cell.slot] ?? aht.meanSeconds);
    return {
      channel,
      chosenModel,
      weights,
      demandZone,
      scores: backtest.origins.length === 0 ? [] : backtest.scores,
      folds: backtest.origins.length,
      warnings: channelWarnings,
      values,
      ahtSeconds,
    } satisfies ChannelForecast;
  });

  return {
    zone: input.zone,
    mode,
    intervalMinutes,
    intervals,
    intervalStartsMs,
    training: { fromDate: isoDateOfDayOrdinal(firstDay), toDate: isoDateOfDayOrdinal(firstDay + trainDays - 1), days: trainDays },
    perChannel,
    warnings,
  };
}

interface ResolvedSpecialDay {
  dayOrdinal: number;
  channel: string | null;
  factor: number | null;
}

function resolveSpecialDays(days: readonly SpecialDay[]): ResolvedSpecialDay[] {
  return days.map((day, index) => {
    const dayOrdinal = dayOrdinalOfIsoDate(day.date);
    if (dayOrdinal === null) throw new ForecastInputError(`specialDays[${index}].date: expected YYYY-MM-DD, got "${String(day.date)}"`, "specialDays");
    if (day.factor !== null && (typeof day.factor !== "number" || !Number.isFinite(day.factor) || day.factor < 0)) {
      throw new ForecastInputError(`specialDays[${index}].factor: expected a number ≥ 0 or null, got ${String(day.factor)}`, "specialDays");
    }
    return { dayOrdinal, channel: day.channel ?? null, factor: day.factor };
  });
}

function describeGaps(series: LocalSeries, trainDays: number): string[] {
  const { slotsPerDay, values } = series;
  const endDay = Math.min(trainDays, series.dayCount);
  const dayKnown: boolean[] = [];
  const weekdaySeen = new Set<number>();
  for (let day = 0; day < endDay; day++) {
    let known = false;
    for (let slot = 0; slot < slotsPerDay && !known; slot++) known = !Number.isNaN(values[day * slotsPerDay + slot]);
    dayKnown.push(known);
    if (known) weekdaySeen.add(weekdayOfDayOrdinal(series.firstDay + day));
  }
  const firstKnown = dayKnown.indexOf(true);
  // A weekday never open (no rows on any such day) is closed, not missing.
  const emptyDays: number[] = [];
  for (let day = Math.max(0, firstKnown); day < endDay; day++) {
    if (!dayKnown[day] && weekdaySeen.has(weekdayOfDayOrdinal(series.firstDay + day))) emptyDays.push(day);
  }
  if (firstKnown < 0 || emptyDays.length === 0) return [];
  const listed = emptyDays.slice(0, 5).map((day) => isoDateOfDayOrdinal(series.firstDay + day));
  const more = emptyDays.length > 5 ? ` and ${emptyDays.length - 5} more` : "";
  return [`${emptyDays.length} day(s) without any rows, treated as unknown (not zero): ${listed.join(", ")}${more}`];
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
