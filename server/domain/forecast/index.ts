export {
  adjustmentFactor,
  type ForecastAdjustment,
  parseAdjustmentSpec,
  type ResolvedAdjustment,
  resolveAdjustments,
} from "./adjustments";
export { backtestOrigins, type BacktestOptions, type BacktestResult, backtestSeries, type ForecastMode, type ModelScore, type ModelWeight } from "./backtest";
export { type AhtTable, forecastAhtTable } from "./aht";
export { cleanSeries, maskDays } from "./clean";
export { combinationWeights } from "./combine";
export { type ChannelForecast, type ForecastInput, type ForecastResult, forecastChannels, type SpecialDay } from "./forecast";
export {
  assertZone,
  buildLocalHistory,
  createZoneClock,
  ForecastInputError,
  type HistoryRow,
  inferIntervalMinutes,
  type LocalSeries,
  parseHistoryRows,
} from "./history";
export { DEFAULT_HOLT_WINTERS_PARAMS, fitHoltWinters, type HoltWintersParams } from "./holt-winters";
export { COMBINATION_MEMBERS, FALLBACK_MODEL, fitModels, MODEL_DESCRIPTIONS, MODEL_NAMES, type ModelName, type Predictor } from "./models";
