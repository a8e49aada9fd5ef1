import { DAYS_PER_WEEK, type LocalSeries } from "./history";
import { combinationWeights } from "./combine";
import { COMBINATION_MEMBERS, FALLBACK_MODEL, fitModels, MODEL_NAMES, type ModelName } from "./models";

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

/** Week-ahead: each fold forecasts the week after its origin. Day-ahead: the day after it, refitted daily. */
export type ForecastMode = "week-ahead" | "day-ahead";

export interface BacktestOptions {
  /** Candidates to score; all by default. */
  models?: readonly ModelName[];
  /** Most origins to try (the last weeks, or days with data, of history). Default 4 week-ahead, 10 day-ahead. */
  maxFolds?: number;
  /** Fewest days with data a fold must train on. Default 7. */
  minTrainDays?: number;
  /** Default week-ahead. */
  mode?: ForecastMode;
}

/** One member's weight in the combination. */
export interface ModelWeight {
  model: ModelName;
  weight: number;
}

export interface BacktestResult {
  /** Day indices (into the series) of each fold's origin, oldest first. */
  origins: number[];
  scores: ModelScore[];
  /**
   * The combination when it was a candidate, unless one candidate did at least as well in every fold
   * and clearly better overall (ties go to the simpler model); otherwise the lowest pooled wMAPE.
   */
  chosenModel: ModelName;
  /** The combination's member weights from every fold's errors (empty when it was not a candidate). */
  weights: ModelWeight[];
}

/** A candidate must beat the combination by this share of its wMAPE (and in every fold) to replace it. */
const CLEAR_MARGIN = 0.05;

/**
 * Rolling-origin backtest: origins at the starts of the last weeks (or the last days with data, day-ahead)
 * before `trainDays`, each model fitted only on the days before its origin and scored on the horizon
 * after it, unknown intervals skipped. Scores are pooled over folds as wMAPE = Σ|actual − forecast| / Σ
 * actual. The combination is scored honestly: each fold uses weights from the folds before it only.
 * @example backtestSeries(series, 56).chosenModel //=> "combination"
 */
export function backtestSeries(series: LocalSeries, trainDays: number, options: BacktestOptions = {}): BacktestResult {
  const models = options.models ?? MODEL_NAMES;
  const origins = backtestOrigins(series, trainDays, options);
  const horizonDays = options.mode === "day-ahead" ? 1 : DAYS_PER_WEEK;
  const { slotsPerDay, values } = series;
  const combined = models.includes("combination");
  const fitted: ModelName[] = [...new Set<ModelName>([...models, ...(combined ? COMBINATION_MEMBERS : [])])].filter((model) => model !== "combination");
  const absError = new Map<ModelName, number[]>([...fitted, "combination" as const].map((model) => [model, []]));
  const actualSums: number[] = [];

  for (const origin of origins) {
    const predictors = fitModels(series, origin, fitted);
    const weights = combined ? combinationWeights(pooledErrors(absError, actualSums, COMBINATION_MEMBERS)) : new Map<ModelName, number>();
    const members = COMBINATION_MEMBERS.map((member) => [predictors.get(member), weights.get(member) ?? 0] as const);
    const endDay = Math.min(origin + horizonDays, trainDays, series.dayCount);
    let actualSum = 0;
    const foldErrors = new Map<ModelName, number>([...fitted, "combination" as const].map((model) => [model, 0]));
    for (let day = origin; day < endDay; day++) {
      for (let slot = 0; slot < slotsPerDay; slot++) {
        const actual = values[day * slotsPerDay + slot] as number;
        if (Number.isNaN(actual)) continue;
        actualSum += actual;
        for (const model of fitted) {
          const predict = predictors.get(model);
          if (predict === undefined) continue;
          foldErrors.set(model, (foldErrors.get(model) as number) + Math.abs(actual - predict(day, slot)));
        }
        if (combined) {
          let value = 0;
          for (const [predict, weight] of members) value += weight * (predict === undefined ? 0 : predict(day, slot));
          foldErrors.set("combination", (foldErrors.get("combination") as number) + Math.abs(actual - value));
        }
      }
    }
    actualSums.push(actualSum);
    for (const [model, error] of foldErrors) (absError.get(model) as number[]).push(error);
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
  const finalWeights = combined ? combinationWeights(pooledErrors(absError, actualSums, COMBINATION_MEMBERS)) : new Map<ModelName, number>();
  return {
    origins,
    scores,
    chosenModel: chooseModel(scores, models),
    weights: [...finalWeights].map(([model, weight]) => ({ model, weight })),
  };
}

function pooledErrors(absError: ReadonlyMap<ModelName, number[]>, actualSums: readonly number[], members: readonly ModelName[]): Map<ModelName, number | null> {
  const total = actualSums.reduce((sum, value) => sum + value, 0);
  return new Map(
    members.map((member) => {
      const errors = absError.get(member) ?? [];
      return [member, total > 0 && errors.length > 0 ? errors.reduce((sum, value) => sum + value, 0) / total : null];
    }),
  );
}

function chooseModel(scores: readonly ModelScore[], models: readonly ModelName[]): ModelName {
  let chosenModel: ModelName = models.includes(FALLBACK_MODEL) ? FALLBACK_MODEL : (models[0] ?? FALLBACK_MODEL);
  let best = Infinity;
  for (const score of scores) {
    // Strictly lower only: on a tie the simpler (earlier) model stays.
    if (score.wmape !== null && score.wmape < best - 1e-12) {
      best = score.wmape;
      chosenModel = score.model;
    }
  }
  const combination = scores.find((score) => score.model === "combination");
  if (combination === undefined || combination.wmape === null || chosenModel === "combination") return chosenModel;
  const winner = scores.find((score) => score.model === chosenModel) as ModelScore;
  const tie = Math.abs((winner.wmape as number) - combination.wmape) <= 1e-12;
  const everyFold = winner.foldWmapes.every((error, fold) => (error ?? 0) <= (combination.foldWmapes[fold] ?? 0) + 1e-12);
  const clearly = (winner.wmape as number) < combination.wmape * (1 - CLEAR_MARGIN);
  return tie || (everyFold && clearly) ? chosenModel : "combination";
}

/**
 * Fold origins (day indices) for a backtest before `trainDays`: one week apart, ending at the last
 * full week, each leaving at least `minTrainDays` days since the series' first day with data.
 * @example backtestOrigins(series, 56) //=> [28, 35, 42, 49]
 */
export function backtestOrigins(series: LocalSeries, trainDays: number, options: BacktestOptions = {}): number[] {
  if (options.mode === "day-ahead") return dayAheadOrigins(series, trainDays, options);
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

function dayAheadOrigins(series: LocalSeries, trainDays: number, options: BacktestOptions): number[] {
  const maxFolds = options.maxFolds ?? 10;
  const minTrainDays = options.minTrainDays ?? DAYS_PER_WEEK;
  const end = Math.min(trainDays, series.dayCount);
  const firstKnown = firstDayWithData(series, end);
  if (firstKnown === null) return [];
  const origins: number[] = [];
  for (let day = end - 1; day - firstKnown >= minTrainDays && origins.length < maxFolds; day--) {
    // Only days with data are folds: a closed Sunday says nothing about a day-ahead forecast.
    if (firstDayWithData({ ...series, values: series.values.subarray(day * series.slotsPerDay, (day + 1) * series.slotsPerDay) }, 1) === 0) {
      origins.unshift(day);
    }
  }
  return origins;
}
