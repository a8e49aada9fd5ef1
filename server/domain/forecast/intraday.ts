/**
 * The intraday re-forecast: how today is running against the forecast so far, and the rest of the
 * day scaled by it.
 *
 * Method, per channel:
 * - The day's intervals are split at "now": intervals that ended at or before now are complete,
 *   the one containing now is current (incomplete, so its actual is partial and left out), the
 *   rest are to come.
 * - The day's running ratio is contact-weighted over the complete intervals that have an actual:
 *   Σ actual ÷ Σ forecast. A complete interval without an actual (the feed is late) is unknown,
 *   not zero, and counts for neither sum.
 * - Early in the day that ratio is mostly noise (one busy half hour says little about the
 *   afternoon), so it is damped toward 1 with weight w = n ÷ (n + k): n is the minutes of evidence
 *   (complete intervals with an actual in which something was expected or arrived; a quiet night
 *   where nothing was expected and nothing came is no evidence), k a shrink constant in minutes
 *   (default 120). The applied ratio is 1 + w · (ratio − 1), clamped to [0.5, 2]: a day is rarely
 *   half or double its forecast, and a runaway ratio from a broken feed should not double the
 *   staffing.
 * - The current interval and those to come are re-forecast as forecast × applied ratio; an
 *   interval forecast at zero stays zero. Complete intervals keep their actual.
 *
 * The day is whatever intervals the caller gives (a local day of 23, 24 or 25 hours); nothing here
 * reads a clock or a zone.
 */

/** One interval of the day for one channel. */
export interface IntradayIntervalInput {
  /** Interval start, epoch milliseconds. */
  startMs: number;
  /** Forecast contacts (the stored requirement's contacts). */
  forecastContacts: number;
  /** Contacts that arrived; null when no actual has been recorded for the interval. */
  actualContacts: number | null;
}

export interface ReforecastDayInput {
  /** The day's intervals in time order, on one grid of `intervalMinutes`. */
  intervals: readonly IntradayIntervalInput[];
  intervalMinutes: number;
  /** "Now", epoch milliseconds. */
  nowMs: number;
  /** Minutes of evidence at which the running ratio gets half its weight; default {@link DEFAULT_SHRINK_MINUTES}. */
  shrinkMinutes?: number;
  /** Bounds on the applied ratio; default {@link RATIO_BOUNDS}. */
  bounds?: { min: number; max: number };
}

/** Where an interval lies relative to now. */
export type IntervalPhase = "complete" | "current" | "future";

export interface ReforecastInterval extends IntradayIntervalInput {
  phase: IntervalPhase;
  /** Re-forecast contacts for the current and future intervals; null for complete ones. */
  reforecastContacts: number | null;
  /** The best figure for the interval: its actual when complete and known, else its (re-)forecast. */
  expectedContacts: number;
}

export interface ReforecastDay {
  intervals: ReforecastInterval[];
  /** Σ actual and Σ forecast over the complete intervals that have an actual. */
  actualSoFar: number;
  forecastSoFar: number;
  /** Σ actual ÷ Σ forecast so far; null when nothing was forecast so far. */
  runningRatio: number | null;
  /** Minutes of evidence behind the running ratio (n in n ÷ (n + k)). */
  evidenceMinutes: number;
  /** n ÷ (n + k), in [0, 1). */
  weight: number;
  /** The ratio applied to the rest of the day: 1 + weight · (runningRatio − 1), clamped. */
  appliedRatio: number;
  /** Σ forecast and Σ re-forecast over the current and future intervals. */
  remainingForecast: number;
  remainingReforecast: number;
}

export const DEFAULT_SHRINK_MINUTES = 120;
export const RATIO_BOUNDS = { min: 0.5, max: 2 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Re-forecasts the rest of one channel's day from how it has run so far (see the file's comment
 * for the method).
 * @example
 * // Four complete hours (8 × 30 min) running 20 % above a flat forecast of 10: n = 240, k = 120,
 * // w = 2/3, so the rest of the day is re-forecast +13.3 %.
 * reforecastDay({ intervalMinutes: 30, nowMs: 8 * 1_800_000, intervals: [...] }).appliedRatio //=> 1.1333…
 */
export function reforecastDay(input: ReforecastDayInput): ReforecastDay {
  const intervalMs = input.intervalMinutes * 60_000;
  const shrink = input.shrinkMinutes ?? DEFAULT_SHRINK_MINUTES;
  const bounds = input.bounds ?? RATIO_BOUNDS;
  if (!(input.intervalMinutes > 0)) throw new RangeError(`intervalMinutes must be above 0, got ${input.intervalMinutes}`);
  if (!(shrink >= 0)) throw new RangeError(`shrinkMinutes must be 0 or more, got ${shrink}`);

  const phaseOf = (startMs: number): IntervalPhase => (startMs + intervalMs <= input.nowMs ? "complete" : startMs <= input.nowMs ? "current" : "future");
  let actualSoFar = 0;
  let forecastSoFar = 0;
  let evidenceMinutes = 0;
  for (const interval of input.intervals) {
    if (phaseOf(interval.startMs) !== "complete" || interval.actualContacts === null) continue;
    actualSoFar += interval.actualContacts;
    forecastSoFar += interval.forecastContacts;
    if (interval.forecastContacts > 0 || interval.actualContacts > 0) evidenceMinutes += input.intervalMinutes;
  }
  const runningRatio = forecastSoFar > 0 ? actualSoFar / forecastSoFar : null;
  const weight = evidenceMinutes + shrink > 0 ? evidenceMinutes / (evidenceMinutes + shrink) : 0;
  const appliedRatio = runningRatio === null ? 1 : clamp(1 + weight * (runningRatio - 1), bounds.min, bounds.max);

  let remainingForecast = 0;
  let remainingReforecast = 0;
  const intervals = input.intervals.map((interval): ReforecastInterval => {
    const phase = phaseOf(interval.startMs);
    if (phase === "complete") {
      return { ...interval, phase, reforecastContacts: null, expectedContacts: interval.actualContacts ?? interval.forecastContacts };
    }
    const reforecastContacts = interval.forecastContacts * appliedRatio;
    remainingForecast += interval.forecastContacts;
    remainingReforecast += reforecastContacts;
    return { ...interval, phase, reforecastContacts, expectedContacts: reforecastContacts };
  });
  return { intervals, actualSoFar, forecastSoFar, runningRatio, evidenceMinutes, weight, appliedRatio, remainingForecast, remainingReforecast };
}

/** The organisation's day in two figures: how it is running and how the rest is re-forecast. */
export interface DaySummary {
  /** Σ actual ÷ Σ forecast so far over every channel; null when nothing was forecast so far. */
  runningRatio: number | null;
  /** Σ re-forecast ÷ Σ forecast over the rest of the day; null when nothing is forecast for it. */
  remainingRatio: number | null;
}

/**
 * Sums channels' re-forecasts into the day's two ratios (contact-weighted, so a busy channel
 * counts for more than a quiet one).
 * @example summariseDay([{ actualSoFar: 112, forecastSoFar: 100, remainingForecast: 200, remainingReforecast: 218, … }])
 * //=> { runningRatio: 1.12, remainingRatio: 1.09 }
 */
export function summariseDay(channels: readonly ReforecastDay[]): DaySummary {
  const sum = (pick: (day: ReforecastDay) => number) => channels.reduce((total, day) => total + pick(day), 0);
  const forecastSoFar = sum((d) => d.forecastSoFar);
  const remainingForecast = sum((d) => d.remainingForecast);
  return {
    runningRatio: forecastSoFar > 0 ? sum((d) => d.actualSoFar) / forecastSoFar : null,
    remainingRatio: remainingForecast > 0 ? sum((d) => d.remainingReforecast) / remainingForecast : null,
  };
}

/**
 * The day's ratios in plain words, percentages rounded to whole numbers.
 * @example describeDay({ runningRatio: 1.12, remainingRatio: 1.09 })
 * //=> "Today is running 12 % above forecast; the rest of the day is re-forecast +9 %."
 */
export function describeDay(summary: DaySummary): string {
  const pct = (ratio: number) => Math.round((ratio - 1) * 100);
  const running =
    summary.runningRatio === null
      ? "No actuals against a forecast yet today"
      : pct(summary.runningRatio) === 0
        ? "Today is running on forecast"
        : `Today is running ${Math.abs(pct(summary.runningRatio))} % ${pct(summary.runningRatio) > 0 ? "above" : "below"} forecast`;
  if (summary.remainingRatio === null) return `${running}; nothing is forecast for the rest of the day.`;
  const rest = pct(summary.remainingRatio);
  const restText = rest === 0 ? "the rest of the day keeps its forecast" : `the rest of the day is re-forecast ${rest > 0 ? "+" : "−"}${Math.abs(rest)} %`;
  return `${running}; ${restText}.`;
}
