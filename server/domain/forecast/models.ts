import { DAYS_PER_WEEK, type LocalSeries, weekdayOfDayOrdinal } from "./history";
import { cleanSeries } from "./clean";
import { CLEAN_HOLT_WINTERS_GRID, fitHoltWinters } from "./holt-winters";
import { cleanProfileTable, DEFAULT_SMOOTH_PROFILE, weeklyProfileTable } from "./robust-profile";

/** Candidate models, simplest first (ties in the backtest go to the earlier one). */
export const MODEL_NAMES = [
  "seasonal-naive",
  "weekday-mean",
  "profile",
  "trimmed-mean",
  "robust-profile",
  "holt-winters",
  "ensemble",
  "clean-profile",
  "weekly-profile",
  "clean-holt-winters",
  "combination",
] as const;

export type ModelName = (typeof MODEL_NAMES)[number];

/** The model used when the history is too short to backtest. */
export const FALLBACK_MODEL: ModelName = "seasonal-naive";

/** What each model does, for reports and the app. */
export const MODEL_DESCRIPTIONS: Record<ModelName, string> = {
  "seasonal-naive": "same interval last week (the latest week that has it)",
  "weekday-mean": `mean of the same interval over the last ${4} same weekdays that have it`,
  profile: "classic WFM profile: mean daily total of the last 4 same weekdays × their mean intraday shape",
  "trimmed-mean": "mean of the same interval over the last 6 same weekdays, dropping the highest and lowest",
  "robust-profile":
    "profile with outlier days (holidays, outages: total off the median by more than 30%) left out; level from the last 4 normal same weekdays, shape from the last 8",
  "holt-winters": "Holt-Winters with a one-week season (additive or multiplicative, damped trend), parameters chosen on the last training week",
  ensemble: "mean of robust-profile, trimmed-mean and holt-winters",
  "clean-profile":
    "outlier intervals and days (outage evenings, post-holiday surges) left out; level = mean of the last 5 clean same weekdays; shape of the last 8, shrunk toward similar weekdays and neighbouring slots",
  "weekly-profile":
    "outliers left out; one recency-weighted level from the last 15 clean days (each divided by its weekday's ratio) × weekday ratio × smoothed shape",
  "clean-holt-winters": "Holt-Winters fitted on the history with outlier intervals and days left out",
  combination:
    "weighted mean of clean-profile, weekly-profile, clean-holt-winters and robust-profile: inverse backtest error, shrunk halfway toward equal weights",
};

/** The members of the combination, and the share of its weight spread equally whatever the scores. */
export const COMBINATION_MEMBERS: readonly ModelName[] = ["clean-profile", "weekly-profile", "clean-holt-winters", "robust-profile"];

/** Forecast for a local day (index into the series' days, may lie past its end) and wall-clock slot. */
export type Predictor = (day: number, slot: number) => number;

const ENSEMBLE_MEMBERS: readonly ModelName[] = ["robust-profile", "trimmed-mean", "holt-winters"];

/**
 * Fits the given models on the first `trainDays` local days of a series. Every predictor returns
 * 0 for a time of week that never had contacts in the training days, and never a negative value.
 * @example fitModels(series, 28, ["seasonal-naive", "profile"]).get("profile")?.(28, 36)
 */
export function fitModels(
  series: LocalSeries,
  trainDays: number,
  models: readonly ModelName[],
  options: FitOptions = {},
): Map<ModelName, Predictor> {
  const slotsPerWeek = DAYS_PER_WEEK * series.slotsPerDay;
  const active = activeSlotsOfWeek(series, trainDays);
  const weekdayOf = (day: number): number => weekdayOfDayOrdinal(series.firstDay + day);
  const fromWeeklyTable = (table: Float64Array): Predictor => (day, slot) => table[weekdayOf(day) * series.slotsPerDay + slot] ?? 0;
  const guard =
    (predict: Predictor): Predictor =>
    (day, slot) => {
      if (active[weekdayOf(day) * series.slotsPerDay + slot] !== 1) return 0;
      const value = predict(day, slot);
      return Number.isFinite(value) && value > 0 ? value : 0;
    };

  const fitted = new Map<ModelName, Predictor>();
  const needed = new Set<ModelName>(models);
  if (needed.has("ensemble")) for (const member of ENSEMBLE_MEMBERS) needed.add(member);
  if (needed.has("combination")) for (const member of COMBINATION_MEMBERS) needed.add(member);
  let recent: RecentValues | null = null;
  const recentValues = (): RecentValues => (recent ??= collectRecentValues(series, trainDays, 8));
  let cleaned: LocalSeries | null = null;
  const clean = (): LocalSeries => (cleaned ??= cleanSeries(series, trainDays).series);

  for (const model of MODEL_NAMES) {
    if (!needed.has(model)) continue;
    let predictor: Predictor;
    switch (model) {
      case "seasonal-naive":
        predictor = fromWeeklyTable(tableFromRecent(recentValues(), slotsPerWeek, (values) => values[0] ?? 0));
        break;
      case "weekday-mean":
        predictor = fromWeeklyTable(tableFromRecent(recentValues(), slotsPerWeek, (values) => mean(values.slice(0, 4))));
        break;
      case "trimmed-mean":
        predictor = fromWeeklyTable(tableFromRecent(recentValues(), slotsPerWeek, (values) => trimmedMean(values.slice(0, 6))));
        break;
      case "profile":
        predictor = fromWeeklyTable(profileTable(series, trainDays, { levelDays: 4, shapeDays: 4, outlierRatio: null }));
        break;
      case "robust-profile":
        predictor = fromWeeklyTable(profileTable(series, trainDays, { levelDays: 4, shapeDays: 8, outlierRatio: 1.3 }));
        break;
      case "holt-winters":
        predictor = fitHoltWinters(series, trainDays);
        break;
      case "clean-profile":
        predictor = fromWeeklyTable(cleanProfileTable(clean(), trainDays, DEFAULT_SMOOTH_PROFILE));
        break;
      case "weekly-profile":
        predictor = fromWeeklyTable(weeklyProfileTable(clean(), trainDays, DEFAULT_SMOOTH_PROFILE));
        break;
      case "clean-holt-winters":
        predictor = fitHoltWinters(clean(), trainDays, undefined, CLEAN_HOLT_WINTERS_GRID);
        break;
      case "combination": {
        const weights = options.weights ?? equalWeights(COMBINATION_MEMBERS);
        const members = COMBINATION_MEMBERS.map((member) => [fitted.get(member) as Predictor, weights.get(member) ?? 0] as const);
        predictor = (day, slot) => {
          let sum = 0;
          for (const [member, weight] of members) sum += weight * member(day, slot);
          return sum;
        };
        break;
      }
      case "ensemble": {
        const members = ENSEMBLE_MEMBERS.map((member) => fitted.get(member) as Predictor);
        predictor = (day, slot) => {
          let sum = 0;
          for (const member of members) sum += member(day, slot);
          return sum / members.length;
        };
        break;
      }
    }
    fitted.set(model, guard(predictor));
  }
  for (const model of fitted.keys()) if (!models.includes(model)) fitted.delete(model);
  return fitted;
}

/** Options of a fit: the combination's member weights (equal when absent). */
export interface FitOptions {
  weights?: ReadonlyMap<ModelName, number>;
}

/**
 * Equal weights over the given models.
 * @example equalWeights(["profile", "holt-winters"]).get("profile") //=> 0.5
 */
export function equalWeights(models: readonly ModelName[]): Map<ModelName, number> {
  return new Map(models.map((model) => [model, 1 / models.length]));
}

/**
 * Slots of the week (weekday × slotsPerDay + slot) with at least one positive known value in the
 * training days: 1, else 0. A time of week that never had contacts is forecast as 0.
 */
export function activeSlotsOfWeek(series: LocalSeries, trainDays: number): Uint8Array {
  const { slotsPerDay } = series;
  const active = new Uint8Array(DAYS_PER_WEEK * slotsPerDay);
  for (let day = 0; day < Math.min(trainDays, series.dayCount); day++) {
    const base = weekdayOfDayOrdinal(series.firstDay + day) * slotsPerDay;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const value = series.values[day * slotsPerDay + slot] as number;
      if (value > 0) active[base + slot] = 1;
    }
  }
  return active;
}

/** Per slot of the week, known values of the latest same weekdays, most recent first. */
type RecentValues = number[][];

function collectRecentValues(series: LocalSeries, trainDays: number, maxValues: number): RecentValues {
  const { slotsPerDay } = series;
  const recent: RecentValues = Array.from({ length: DAYS_PER_WEEK * slotsPerDay }, () => []);
  for (let day = Math.min(trainDays, series.dayCount) - 1; day >= 0; day--) {
    const base = weekdayOfDayOrdinal(series.firstDay + day) * slotsPerDay;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const value = series.values[day * slotsPerDay + slot] as number;
      // Unknown is skipped, so a missing day falls back to an older week instead of counting as 0.
      if (Number.isNaN(value)) continue;
      const list = recent[base + slot] as number[];
      if (list.length < maxValues) list.push(value);
    }
  }
  return recent;
}

function tableFromRecent(recent: RecentValues, slotsPerWeek: number, summarise: (values: number[]) => number): Float64Array {
  const table = new Float64Array(slotsPerWeek);
  for (let i = 0; i < slotsPerWeek; i++) {
    const values = recent[i] as number[];
    table[i] = values.length === 0 ? 0 : summarise(values);
  }
  return table;
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function trimmedMean(values: readonly number[]): number {
  if (values.length < 4) return mean(values);
  const sorted = [...values].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

interface ProfileOptions {
  /** How many recent same weekdays give the daily total. */
  levelDays: number;
  /** How many recent same weekdays give the intraday shape. */
  shapeDays: number;
  /** Days whose total is off the median by more than this ratio (either way) are left out; null keeps all. */
  outlierRatio: number | null;
}

/**
 * Daily total × intraday shape per weekday. A day with some intervals missing gets its total scaled
 * up by the share those intervals usually carry (a ratio estimate), so an export gap in the
 * afternoon does not read as a quiet day; a day with nothing known is not a day at all.
 */
function profileTable(series: LocalSeries, trainDays: number, options: ProfileOptions): Float64Array {
  const { slotsPerDay } = series;
  const table = new Float64Array(DAYS_PER_WEEK * slotsPerDay);
  const lookBack = Math.max(options.levelDays, options.shapeDays) * (options.outlierRatio === null ? 1 : 2);
  const lastDay = Math.min(trainDays, series.dayCount) - 1;
  for (let weekday = 0; weekday < DAYS_PER_WEEK; weekday++) {
    const days: number[] = [];
    for (let day = lastDay; day >= 0 && days.length < lookBack; day--) {
      if (weekdayOfDayOrdinal(series.firstDay + day) !== weekday) continue;
      if (hasKnownValue(series, day)) days.push(day);
    }
    if (days.length === 0) continue;

    // Mean per slot over the candidate days: the weights for partial-day totals and the imputation.
    const slotMean = new Float64Array(slotsPerDay);
    const slotCount = new Uint16Array(slotsPerDay);
    for (const day of days) {
      for (let slot = 0; slot < slotsPerDay; slot++) {
        const value = series.values[day * slotsPerDay + slot] as number;
        if (Number.isNaN(value)) continue;
        slotMean[slot] = (slotMean[slot] as number) + value;
        slotCount[slot] = (slotCount[slot] as number) + 1;
      }
    }
    let meanDayTotal = 0;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const count = slotCount[slot] as number;
      slotMean[slot] = count === 0 ? 0 : (slotMean[slot] as number) / count;
      meanDayTotal += slotMean[slot] as number;
    }
    if (meanDayTotal <= 0) continue;

    const dayRows = days.map((day) => {
      let knownSum = 0;
      let knownWeight = 0;
      for (let slot = 0; slot < slotsPerDay; slot++) {
        const value = series.values[day * slotsPerDay + slot] as number;
        if (Number.isNaN(value)) continue;
        knownSum += value;
        knownWeight += slotMean[slot] as number;
      }
      const total = knownWeight > 0 ? (knownSum / knownWeight) * meanDayTotal : 0;
      return { day, total };
    });

    let kept = dayRows;
    if (options.outlierRatio !== null && dayRows.length >= 3) {
      const typical = median(dayRows.map((row) => row.total));
      const ratio = options.outlierRatio;
      const normal = dayRows.filter((row) => typical > 0 && row.total <= typical * ratio && row.total >= typical / ratio);
      if (normal.length > 0) kept = normal;
    }
    const levelRows = kept.slice(0, options.levelDays);
    const shapeRows = kept.slice(0, options.shapeDays);
    const level = mean(levelRows.map((row) => row.total));

    const shape = new Float64Array(slotsPerDay);
    let shapeDays = 0;
    for (const { day, total } of shapeRows) {
      if (total <= 0) continue;
      const scale = total / meanDayTotal;
      for (let slot = 0; slot < slotsPerDay; slot++) {
        const value = series.values[day * slotsPerDay + slot] as number;
        const filled = Number.isNaN(value) ? (slotMean[slot] as number) * scale : value;
        shape[slot] = (shape[slot] as number) + filled / total;
      }
      shapeDays++;
    }
    if (shapeDays === 0) continue;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      table[weekday * slotsPerDay + slot] = (level * (shape[slot] as number)) / shapeDays;
    }
  }
  return table;
}

function hasKnownValue(series: LocalSeries, day: number): boolean {
  const { slotsPerDay } = series;
  for (let slot = 0; slot < slotsPerDay; slot++) {
    if (!Number.isNaN(series.values[day * slotsPerDay + slot])) return true;
  }
  return false;
}
