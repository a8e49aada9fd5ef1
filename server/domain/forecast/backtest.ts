import { DAYS_PER_WEEK, type LocalSeries } from "./history";
import { FALLBACK_MODEL, fitModels, MODEL_NAMES, type ModelName } from "./models";

/** One candidate's backtest result. */
export interface ModelScore {
  model: ModelName;
  /** Σ|actual − forecast| / Σ actual over every fold's known intervals; null when the folds had no contacts. */
  wmape: number | null;
  /** How many week-ahead folds were scored. */
  folds: number;
  /** wMAPE of each fold, oldest origin first (null for a fold without contacts). */
  foldWmapes: (number | null)[];
}

export interface BacktestOptions {
  /** Candidates to score; all by default. */
  models?: readonly ModelName[];
  /** Most week-ahead origins to try (the last weeks of history). Default 4. */
  maxFolds?: number;
  /** Fewest days with data a fold must train on. Default 7. */
  minTrainDays?: number;
}

export interface BacktestResult {
  /** Day indices (into the series) of each fold's origin, oldest first. */
  origins: number[];
  scores: ModelScore[];
  /** Lowest pooled wMAPE; ties go to the simpler model. The fallback when nothing could be scored. */
  chosenModel: ModelName;
}

/**
 * Rolling-origin backtest: origins at the starts of the last weeks before `trainDays`, each model
 * fitted only on the days before its origin and scored on the week after it, unknown intervals
 * skipped. Scores are pooled over folds as wMAPE = Σ|actual − forecast| / Σ actual.
 * @example backtestSeries(series, 56).chosenModel //=> "robust-profile"
 */
export function backtestSeries(series: LocalSeries, trainDays: number, options: BacktestOptions = {}): BacktestResult {
  const models = options.models ?? MODEL_NAMES;
  const origins = backtestOrigins(series, trainDays, options);
  const { slotsPerDay, values } = series;
  const absError = new Map<ModelName, number[]>(models.map((model) => [model, []]));
  const actualSums: number[] = [];

  for (const origin of origins) {
    const predictors = fitModels(series, origin, models);
    const endDay = Math.min(origin + DAYS_PER_WEEK, trainDays, series.dayCount);
    let actualSum = 0;
    const foldErrors = new Map<ModelName, number>(models.map((model) => [model, 0]));
    for (let day = origin; day < endDay; day++) {
      for (let slot = 0; slot < slotsPerDay; slot++) {
        const actual = values[day * slotsPerDay + slot] as number;
        if (Number.isNaN(actual)) continue;
        actualSum += actual;
        for (const model of models) {
          const predict = predictors.get(model);
          if (predict === undefined) continue;
          foldErrors.set(model, (foldErrors.get(model) as number) + Math.abs(actual - predict(day, slot)));
        }
      }
    }
    actualSums.push(actualSum);
    for (const model of models) (absError.get(model) as number[]).push(foldErrors.get(model) as number);
  }

  const totalActual = actualSums.reduce((sum, value) => sum + value, 0);
  const scores: ModelScore[] = models.map((model) => {
    const errors = absError.get(model) as number[];
    const totalError = errors.reduce((sum, value) => sum + value, 0);
    return {
      model,
      wmape: totalActual > 0 ? totalError / totalActual : null,
      folds: origins.length,
      foldWmapes: errors.map((error, fold) => {
        const actual = actualSums[fold] as number;
        return actual > 0 ? error / actual : null;
      }),
    };
  });

  let chosenModel: ModelName = models.includes(FALLBACK_MODEL) ? FALLBACK_MODEL : (models[0] ?? FALLBACK_MODEL);
  let best = Infinity;
  for (const score of scores) {
    // Strictly lower only: on a tie the simpler (earlier) model stays.
    if (score.wmape !== null && score.wmape < best - 1e-12) {
      best = score.wmape;
      chosenModel = score.model;
    }
  }
  return { origins, scores, chosenModel };
}

/**
 * Fold origins (day indices) for a backtest before `trainDays`: one week apart, ending at the last
 * full week, each leaving at least `minTrainDays` days since the series' first day with data.
 * @example backtestOrigins(series, 56) //=> [28, 35, 42, 49]
 */
export function backtestOrigins(series: LocalSeries, trainDays: number, options: BacktestOptions = {}): number[] {
  const maxFolds = options.maxFolds ?? 4;
  const minTrainDays = options.minTrainDays ?? DAYS_PER_WEEK;
  const end = Math.min(trainDays, series.dayCount);
  const firstKnown = firstDayWithData(series, end);
  if (firstKnown === null) return [];
  const origins: number[] = [];
  for (let fold = 1; fold <= maxFolds; fold++) {
    const origin = end - fold * DAYS_PER_WEEK;
    if (origin - firstKnown < minTrainDays) break;
    origins.unshift(origin);
  }
  return origins;
}

/**
 * Index of the first day with any known interval before `endDay`, or null.
 * @example firstDayWithData(series, 56) //=> 0
 */
export function firstDayWithData(series: LocalSeries, endDay: number): number | null {
  const { slotsPerDay, values } = series;
  for (let i = 0; i < endDay * slotsPerDay; i++) {
    if (!Number.isNaN(values[i])) return Math.floor(i / slotsPerDay);
  }
  return null;
}
