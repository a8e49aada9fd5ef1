import { DateTime } from "luxon";
import { adjustmentFactor, type ForecastAdjustment, resolveAdjustments } from "./adjustments";
import { backtestSeries, type ModelScore } from "./backtest";
import {
  assertIntervalMinutes,
  buildLocalHistory,
  createZoneClock,
  DAYS_PER_WEEK,
  ForecastInputError,
  type HistoryRow,
  inferIntervalMinutes,
  isoDateOfDayOrdinal,
  type LocalSeries,
  MS_PER_MINUTE,
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
  /** Most week-ahead backtest origins. Default 4. */
  maxFolds?: number;
}

export interface ChannelForecast {
  channel: string;
  chosenModel: ModelName;
  /** Every candidate's backtest score (empty when the history was too short to backtest). */
  scores: ModelScore[];
  /** Number of backtest folds behind the scores. */
  folds: number;
  warnings: string[];
  /** Expected contacts per interval, aligned with `intervals`, adjustments applied. */
  values: number[];
}

export interface ForecastResult {
  zone: string;
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

  const local = buildLocalHistory(parsed, clock, intervalMinutes);
  const startCell = clock.toCell(startMs, intervalMinutes);
  const trainDays = Math.min(local.dayCount, startCell.dayOrdinal - local.firstDay);
  if (trainDays <= 0) {
    throw new ForecastInputError(`start: ${input.start} is not after the history's first day (${isoDateOfDayOrdinal(local.firstDay)})`, "start");
  }
  const warnings: string[] = [];
  if (trainDays < local.dayCount) {
    warnings.push(`history from ${isoDateOfDayOrdinal(local.firstDay + trainDays)} on is at or after the forecast start and is not used`);
  }
  const gapDays = startCell.dayOrdinal - (local.firstDay + trainDays);
  if (gapDays > 4 * DAYS_PER_WEEK) {
    warnings.push(`the forecast starts ${gapDays} days after the history ends; recent changes in volume are not in it`);
  }

  const endMs = DateTime.fromMillis(startMs, { zone: input.zone }).plus({ days: input.days }).toMillis();
  const intervalStartsMs: number[] = [];
  for (let ms = startMs; ms < endMs; ms += intervalMs) intervalStartsMs.push(ms);
  const cells = intervalStartsMs.map((ms) => clock.toCell(ms, intervalMinutes));
  const intervals = intervalStartsMs.map((ms) => formatInstant(ms, input.zone, ISO_WITH_OFFSET, "none"));

  const perChannel = local.channels.map((channel) => {
    const series = local.series.get(channel) as LocalSeries;
    const channelWarnings = describeGaps(series, trainDays);
    const backtest = backtestSeries(series, trainDays, { models, ...(input.maxFolds === undefined ? {} : { maxFolds: input.maxFolds }) });
    let chosenModel = backtest.chosenModel;
    if (backtest.origins.length === 0) {
      chosenModel = models.includes(FALLBACK_MODEL) ? FALLBACK_MODEL : (models[0] as ModelName);
      channelWarnings.push(
        `history too short to backtest (a week to train and a week to test are needed): using the simplest model, ${chosenModel}`,
      );
    } else if (backtest.origins.length === 1) {
      channelWarnings.push("only one backtest week: the model choice rests on a single week");
    }
    if (backtest.origins.length > 0 && backtest.scores.every((score) => score.wmape === null)) {
      channelWarnings.push("no contacts in the backtest weeks: wMAPE is undefined; using the simplest model");
    }
    const predict = fitModels(series, trainDays, [chosenModel]).get(chosenModel);
    const values = cells.map((cell) => {
      const value = predict === undefined ? 0 : predict(cell.dayOrdinal - local.firstDay, cell.slot);
      return value * adjustmentFactor(adjustments, channel, cell.dayOrdinal);
    });
    return {
      channel,
      chosenModel,
      scores: backtest.origins.length === 0 ? [] : backtest.scores,
      folds: backtest.origins.length,
      warnings: channelWarnings,
      values,
    } satisfies ChannelForecast;
  });

  return {
    zone: input.zone,
    intervalMinutes,
    intervals,
    intervalStartsMs,
    training: { fromDate: isoDateOfDayOrdinal(local.firstDay), toDate: isoDateOfDayOrdinal(local.firstDay + trainDays - 1), days: trainDays },
    perChannel,
    warnings,
  };
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
