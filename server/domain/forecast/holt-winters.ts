import { DAYS_PER_WEEK, type LocalSeries, weekdayOfDayOrdinal } from "./history";
import type { Predictor } from "./models";

/** Smoothing parameters of Holt-Winters with a one-week season, per interval step. */
export interface HoltWintersParams {
  seasonality: "additive" | "multiplicative";
  /** Level smoothing per interval. */
  alpha: number;
  /** Trend smoothing per interval. */
  beta: number;
  /** Seasonal smoothing: each slot of the week is updated once a week, so 0.25 remembers about four weeks. */
  gamma: number;
  /** Trend damping per interval: a week ahead, the trend has long faded. */
  phi: number;
}

export const DEFAULT_HOLT_WINTERS_PARAMS: HoltWintersParams = { seasonality: "multiplicative", alpha: 0.02, beta: 0, gamma: 0.25, phi: 0.99 };

/** The small grid searched on the last training week (when there are at least three weeks). */
export const HOLT_WINTERS_GRID: readonly HoltWintersParams[] = (["multiplicative", "additive"] as const).flatMap((seasonality) =>
  [0.005, 0.02, 0.08].flatMap((alpha) =>
    [0.1, 0.25, 0.5].flatMap((gamma) => [0, 0.002].map((beta) => ({ seasonality, alpha, beta, gamma, phi: 0.99 }))),
  ),
);

/**
 * The smaller grid for a cleaned history (multiplicative, no trend): outliers are gone, so the
 * additive and trend variants that chase them rarely win, and it costs a quarter of the full grid.
 */
export const CLEAN_HOLT_WINTERS_GRID: readonly HoltWintersParams[] = HOLT_WINTERS_GRID.filter(
  (params) => params.seasonality === "multiplicative" && params.beta === 0,
);

/** Below this seasonal index an interval says too little about the level (a night slot near zero). */
const MIN_SEASONAL_INDEX = 0.1;
const VALIDATION_DAYS = 7;
const INIT_DAYS = 14;

interface HoltWintersState {
  params: HoltWintersParams;
  level: number;
  trend: number;
  /** Per slot of the week (weekday × slotsPerDay + slot); NaN until first seen. */
  season: Float64Array;
  /** Step index (day × slotsPerDay + slot) of the last training interval. */
  lastStep: number;
}

/**
 * Holt-Winters with a one-week season over the local wall-clock grid, fitted on the first
 * `trainDays` days. Unknown intervals skip the update: the state carries forward on its own
 * forecast. Without `params`, the grid is searched on the last training week.
 * @example fitHoltWinters(series, 28)(30, 36) // forecast for day 30, slot 36
 */
export function fitHoltWinters(
  series: LocalSeries,
  trainDays: number,
  params?: HoltWintersParams,
  grid: readonly HoltWintersParams[] = HOLT_WINTERS_GRID,
): Predictor {
  const chosen = params ?? chooseHoltWintersParams(series, trainDays, grid);
  const state = runHoltWinters(series, trainDays, chosen);
  if (state === null) return () => 0;
  return (day, slot) => predictFromState(series, state, day, slot);
}

/**
 * Picks the grid point with the lowest wMAPE on the last training week, fitted on the weeks
 * before it; the default parameters when there is too little history for that.
 * @example chooseHoltWintersParams(series, 56).seasonality //=> "multiplicative"
 */
export function chooseHoltWintersParams(series: LocalSeries, trainDays: number, grid: readonly HoltWintersParams[] = HOLT_WINTERS_GRID): HoltWintersParams {
  const firstKnown = firstKnownDay(series, trainDays);
  if (firstKnown === null || trainDays - firstKnown < INIT_DAYS + VALIDATION_DAYS) return DEFAULT_HOLT_WINTERS_PARAMS;
  const fitDays = trainDays - VALIDATION_DAYS;
  let best = DEFAULT_HOLT_WINTERS_PARAMS;
  let bestError = Infinity;
  for (const candidate of grid) {
    const state = runHoltWinters(series, fitDays, candidate);
    if (state === null) continue;
    let absError = 0;
    for (let day = fitDays; day < trainDays; day++) {
      for (let slot = 0; slot < series.slotsPerDay; slot++) {
        const actual = series.values[day * series.slotsPerDay + slot] as number;
        if (Number.isNaN(actual)) continue;
        absError += Math.abs(actual - predictFromState(series, state, day, slot));
      }
    }
    // Same denominator for every candidate, so the absolute error ranks them as wMAPE would.
    if (absError < bestError) {
      bestError = absError;
      best = candidate;
    }
  }
  return best;
}

function firstKnownDay(series: LocalSeries, trainDays: number): number | null {
  const { slotsPerDay } = series;
  const end = Math.min(trainDays, series.dayCount) * slotsPerDay;
  for (let i = 0; i < end; i++) {
    if (!Number.isNaN(series.values[i])) return Math.floor(i / slotsPerDay);
  }
  return null;
}

function runHoltWinters(series: LocalSeries, trainDays: number, params: HoltWintersParams): HoltWintersState | null {
  const { slotsPerDay, values } = series;
  const endDay = Math.min(trainDays, series.dayCount);
  const startDay = firstKnownDay(series, endDay);
  if (startDay === null) return null;
  const multiplicative = params.seasonality === "multiplicative";

  // Initial season from the mean of each slot of the week over the first two weeks with data.
  const slotsPerWeek = DAYS_PER_WEEK * slotsPerDay;
  const initSum = new Float64Array(slotsPerWeek);
  const initCount = new Uint16Array(slotsPerWeek);
  for (let day = startDay; day < Math.min(endDay, startDay + INIT_DAYS); day++) {
    const base = weekdayOfDayOrdinal(series.firstDay + day) * slotsPerDay;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const value = values[day * slotsPerDay + slot] as number;
      if (Number.isNaN(value)) continue;
      initSum[base + slot] = (initSum[base + slot] as number) + value;
      initCount[base + slot] = (initCount[base + slot] as number) + 1;
    }
  }
  let levelSum = 0;
  let levelCount = 0;
  for (let k = 0; k < slotsPerWeek; k++) {
    const count = initCount[k] as number;
    if (count === 0) continue;
    levelSum += (initSum[k] as number) / count;
    levelCount++;
  }
  let level = levelCount === 0 ? 0 : levelSum / levelCount;
  if (multiplicative && level <= 0) return null;
  const season = new Float64Array(slotsPerWeek).fill(Number.NaN);
  for (let k = 0; k < slotsPerWeek; k++) {
    const count = initCount[k] as number;
    if (count === 0) continue;
    const slotMean = (initSum[k] as number) / count;
    season[k] = multiplicative ? slotMean / level : slotMean - level;
  }

  const { alpha, beta, gamma, phi } = params;
  let trend = 0;
  for (let day = startDay; day < endDay; day++) {
    const base = weekdayOfDayOrdinal(series.firstDay + day) * slotsPerDay;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const actual = values[day * slotsPerDay + slot] as number;
      const k = base + slot;
      const expectedLevel = level + phi * trend;
      if (Number.isNaN(actual)) {
        level = expectedLevel;
        trend *= phi;
        continue;
      }
      const seasonal = season[k] as number;
      if (Number.isNaN(seasonal)) {
        season[k] = multiplicative ? actual / expectedLevel : actual - expectedLevel;
        level = expectedLevel;
        trend *= phi;
        continue;
      }
      let nextLevel: number;
      if (multiplicative) {
        nextLevel = seasonal >= MIN_SEASONAL_INDEX ? alpha * (actual / seasonal) + (1 - alpha) * expectedLevel : expectedLevel;
        // A level collapsing towards 0 would make the seasonal ratio explode; hold it above a floor.
        if (nextLevel < 1e-6) nextLevel = 1e-6;
        season[k] = gamma * (actual / nextLevel) + (1 - gamma) * seasonal;
      } else {
        nextLevel = alpha * (actual - seasonal) + (1 - alpha) * expectedLevel;
        season[k] = gamma * (actual - nextLevel) + (1 - gamma) * seasonal;
      }
      trend = beta * (nextLevel - level) + (1 - beta) * phi * trend;
      level = nextLevel;
    }
  }
  return { params, level, trend, season, lastStep: endDay * slotsPerDay - 1 };
}

function predictFromState(series: LocalSeries, state: HoltWintersState, day: number, slot: number): number {
  const { slotsPerDay } = series;
  const seasonal = state.season[weekdayOfDayOrdinal(series.firstDay + day) * slotsPerDay + slot] as number;
  if (Number.isNaN(seasonal)) return 0;
  const steps = Math.max(1, day * slotsPerDay + slot - state.lastStep);
  const { phi } = state.params;
  const dampedTrend = phi === 1 ? steps * state.trend : (state.trend * phi * (1 - phi ** steps)) / (1 - phi);
  const level = state.level + dampedTrend;
  const value = state.params.seasonality === "multiplicative" ? level * seasonal : level + seasonal;
  return value > 0 ? value : 0;
}
