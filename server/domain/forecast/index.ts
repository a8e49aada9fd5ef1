export {
  adjustmentFactor,
  type ForecastAdjustment,
  parseAdjustmentSpec,
  type ResolvedAdjustment,
  resolveAdjustments,
} from "./adjustments";
export { backtestOrigins, type BacktestOptions, type BacktestResult, backtestSeries, type ModelScore } from "./backtest";
export { type ChannelForecast, type ForecastInput, type ForecastResult, forecastChannels } from "./forecast";
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
export { FALLBACK_MODEL, fitModels, MODEL_DESCRIPTIONS, MODEL_NAMES, type ModelName, type Predictor } from "./models";
