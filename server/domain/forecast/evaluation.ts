import { backtestSeries, type ForecastMode, type ModelWeight } from "./backtest";
import { maskDays } from "./clean";
import { buildLocalHistory, createZoneClock, dayOrdinalOfIsoDate, ForecastInputError, type HistoryRow, parseHistoryRows } from "./history";
import { fitModels, MODEL_NAMES, type ModelName } from "./models";

/** The held-out protocol: origins (local Mondays), days forecast after each, week- or day-ahead. */
export interface ProtocolInput {
  history: readonly HistoryRow[];
  zone: string;
  intervalMinutes: number;
  /** Local dates, YYYY-MM-DD, of the origins: fit on everything before each. */
  origins: readonly string[];
  /** Days scored after each origin. Default 5 (a working week from a Monday). */
  days?: number;
  mode?: ForecastMode;
  /** Channel to score; the first in the history by default. */
  channel?: string;
  /** Local dates left out of fitting and of scoring (special days). */
  specialDates?: readonly string[];
}

export interface ProtocolScore {
  /** A candidate, or "forecast" for what forecastChannels would output (the chosen model). */
  model: ModelName | "forecast";
  /** wMAPE pooled over every origin's scored intervals. */
  wmape: number;
  /** wMAPE per origin, in the order given. */
  perOrigin: number[];
}

export interface ProtocolResult {
  scores: ProtocolScore[];
  /** Per origin (per refit, day-ahead): the model chosen and the combination's weights. */
  choices: { origin: string; chosenModel: ModelName; weights: ModelWeight[] }[];
}

/**
 * Scores every candidate and the forecaster's choice the way the held-out real history was scored:
 * from each origin, fit on everything before it (week-ahead: once; day-ahead: again before every
 * day) and forecast the next `days` days; wMAPE = Σ|actual − forecast| / Σ actual over the known
 * intervals of those days, pooled over origins. `profile` is the classic WFM baseline.
 * @example evaluateProtocol({ history, zone: "Europe/Dublin", intervalMinutes: 30, origins: ["2026-07-06"] }).scores
 */
export function evaluateProtocol(input: ProtocolInput): ProtocolResult {
  const parsed = parseHistoryRows(input.history);
  const local = buildLocalHistory(parsed, createZoneClock(input.zone), input.intervalMinutes);
  const channel = input.channel ?? local.channels[0] ?? "";
  let series = local.series.get(channel);
  if (series === undefined) throw new ForecastInputError(`channel: "${channel}" is not in the history`, "channel");
  const special = (input.specialDates ?? []).map((date) => (dayOrdinalOfIsoDate(date) ?? 0) - local.firstDay);
  series = maskDays(series, special);
  const days = input.days ?? 5;
  const mode = input.mode ?? "week-ahead";
  const names: (ModelName | "forecast")[] = [...MODEL_NAMES, "forecast"];
  const errors = new Map(names.map((name) => [name, [] as number[]]));
  const actuals: number[] = [];
  const choices: ProtocolResult["choices"] = [];
  const { slotsPerDay, values } = series;

  for (const origin of input.origins) {
    const originOrdinal = dayOrdinalOfIsoDate(origin);
    if (originOrdinal === null) throw new ForecastInputError(`origins: "${origin}" is not a date`, "origins");
    const originDay = originOrdinal - local.firstDay;
    const fitDays = mode === "day-ahead" ? Array.from({ length: days }, (_, offset) => originDay + offset) : [originDay];
    let actualSum = 0;
    const foldError = new Map(names.map((name) => [name, 0]));
    for (const fitDay of fitDays) {
      const backtest = backtestSeries(series, fitDay, { mode });
      const weights = new Map(backtest.weights.map((entry) => [entry.model, entry.weight]));
      const predictors = fitModels(series, fitDay, MODEL_NAMES, { weights });
      choices.push({ origin: mode === "day-ahead" ? `${origin}+${fitDay - originDay}` : origin, chosenModel: backtest.chosenModel, weights: backtest.weights });
      const lastDay = mode === "day-ahead" ? fitDay + 1 : originDay + days;
      for (let day = fitDay; day < lastDay && day < series.dayCount; day++) {
        for (let slot = 0; slot < slotsPerDay; slot++) {
          const actual = values[day * slotsPerDay + slot] as number;
          if (Number.isNaN(actual)) continue;
          actualSum += actual;
          for (const model of MODEL_NAMES) {
            const value = (predictors.get(model) as (day: number, slot: number) => number)(day, slot);
            foldError.set(model, (foldError.get(model) as number) + Math.abs(actual - value));
            if (model === backtest.chosenModel) foldError.set("forecast", (foldError.get("forecast") as number) + Math.abs(actual - value));
          }
        }
      }
    }
    actuals.push(actualSum);
    for (const [name, error] of foldError) (errors.get(name) as number[]).push(error);
  }
  const totalActual = actuals.reduce((sum, value) => sum + value, 0);
  const scores = names.map((model) => {
    const list = errors.get(model) as number[];
    return {
      model,
      wmape: list.reduce((sum, value) => sum + value, 0) / totalActual,
      perOrigin: list.map((error, index) => error / (actuals[index] as number)),
    };
  });
  return { scores, choices };
}
