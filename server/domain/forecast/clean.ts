import { DAYS_PER_WEEK, type LocalSeries } from "./history";

/** What cleaning left out of a series, for tests and reports. */
export interface CleanedSeries {
  series: LocalSeries;
  /** Day indices left out whole (a surge, a quiet holiday, an outage day). */
  outlierDays: number[];
  /** Intervals left out on days otherwise kept (an outage evening). */
  outlierIntervals: number;
}

/** Same weekdays either side of a day that stand in for its expected values. */
const NEIGHBOUR_WEEKS = 3;
/** Days either side whose level stands in for the day's own (drift). */
const DRIFT_WINDOW_DAYS = 4;
/** A day whose total is off its expected total by more than this share is not a normal day. */
const DAY_OUTLIER_SHARE = 0.12;
/** An interval is suspect when it is this far below (or, inverted, above) its expected value… */
const SLOT_LOW_RATIO = 0.55;
/** …and the gap is this many Poisson standard deviations. */
const SLOT_Z = 3;

/**
 * Leaves out of the first `trainDays` days what should not shape a forecast: runs of intervals far
 * below or above the same interval on the neighbouring same weekdays (an outage evening), then whole
 * days whose total is off the neighbours' by more than 12 % or many standard deviations (the surge
 * after a holiday, a quiet bridge day). "Expected" is the median of up to three same weekdays
 * either side, so slow drift is not an outlier. Left-out values become unknown (NaN); the rest of a
 * partly left-out day still counts, scaled by the share its known intervals usually carry.
 * @example cleanSeries(series, 140).outlierDays //=> [139] (the outage Friday)
 */
export function cleanSeries(series: LocalSeries, trainDays: number): CleanedSeries {
  const { slotsPerDay, values } = series;
  const endDay = Math.min(trainDays, series.dayCount);
  const cleaned = values.slice(0, endDay * slotsPerDay);
  const outlierDays: number[] = [];
  let outlierIntervals = 0;
  const expected = new Float64Array(endDay * slotsPerDay).fill(Number.NaN);
  const ratio = new Float64Array(endDay).fill(Number.NaN);
  const neighbourValues: number[] = [];

  // Pass 1: each interval's expected value, the median of the same interval on nearby same weekdays.
  for (let day = 0; day < endDay; day++) {
    if (!hasData(values, day, slotsPerDay)) continue;
    const neighbours: number[] = [];
    for (let week = 1; week <= NEIGHBOUR_WEEKS; week++) {
      for (const other of [day - week * DAYS_PER_WEEK, day + week * DAYS_PER_WEEK]) {
        if (other >= 0 && other < endDay && hasData(values, other, slotsPerDay)) neighbours.push(other);
      }
    }
    if (neighbours.length < 2) continue;
    let actualSum = 0;
    let expectedSum = 0;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      neighbourValues.length = 0;
      for (const other of neighbours) {
        const value = values[other * slotsPerDay + slot] as number;
        if (!Number.isNaN(value)) neighbourValues.push(value);
      }
      if (neighbourValues.length === 0) continue;
      const mean = median(neighbourValues);
      expected[day * slotsPerDay + slot] = mean;
      const actual = values[day * slotsPerDay + slot] as number;
      if (Number.isNaN(actual)) continue;
      actualSum += actual;
      expectedSum += mean;
    }
    if (expectedSum > 0) ratio[day] = actualSum / expectedSum;
  }

  const flags = new Int8Array(slotsPerDay);
  const nearby: number[] = [];
  for (let day = 0; day < endDay; day++) {
    if (Number.isNaN(ratio[day])) continue;
    // The level around the day (median ratio of the days either side) takes out drift: at the end of
    // the history the neighbours are all older weeks, and a falling level is not an outage.
    nearby.length = 0;
    for (let other = day - DRIFT_WINDOW_DAYS; other <= day + DRIFT_WINDOW_DAYS; other++) {
      if (other === day || other < 0 || other >= endDay) continue;
      const value = ratio[other] as number;
      if (!Number.isNaN(value)) nearby.push(value);
    }
    const level = nearby.length >= 2 ? median(nearby) : 1;

    for (let slot = 0; slot < slotsPerDay; slot++) {
      flags[slot] = 0;
      const actual = values[day * slotsPerDay + slot] as number;
      const mean = (expected[day * slotsPerDay + slot] as number) * level;
      if (Number.isNaN(actual) || Number.isNaN(mean) || mean < 1) continue;
      const gap = SLOT_Z * Math.sqrt(mean) + 1;
      if (actual < mean * SLOT_LOW_RATIO && mean - actual > gap) flags[slot] = -1;
      else if (actual > mean / SLOT_LOW_RATIO && actual - mean > gap) flags[slot] = 1;
    }
    // Only runs of two or more suspect intervals: one odd half hour is noise, an evening is an event.
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const flag = flags[slot] as number;
      if (flag === 0) continue;
      if (flags[slot - 1] === flag || flags[slot + 1] === flag) {
        cleaned[day * slotsPerDay + slot] = Number.NaN;
        outlierIntervals++;
      }
    }

    let actualSum = 0;
    let expectedSum = 0;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const actual = cleaned[day * slotsPerDay + slot] as number;
      const mean = expected[day * slotsPerDay + slot] as number;
      if (Number.isNaN(actual) || Number.isNaN(mean)) continue;
      actualSum += actual;
      expectedSum += mean * level;
    }
    if (expectedSum <= 0) continue;
    const share = actualSum / expectedSum - 1;
    const noise = 4 / Math.sqrt(expectedSum);
    if (Math.abs(share) > Math.max(DAY_OUTLIER_SHARE, noise)) {
      cleaned.fill(Number.NaN, day * slotsPerDay, (day + 1) * slotsPerDay);
      outlierDays.push(day);
    }
  }
  const full = new Float64Array(values.length);
  full.set(cleaned);
  full.fill(Number.NaN, cleaned.length);
  return { series: { ...series, values: full }, outlierDays, outlierIntervals };
}

/**
 * A copy of the series with the given days unknown (special days: holidays, days a manager marks).
 * @example maskDays(series, [12, 40]).values[12 * series.slotsPerDay] //=> NaN
 */
export function maskDays(series: LocalSeries, days: readonly number[]): LocalSeries {
  if (days.length === 0) return series;
  const values = series.values.slice();
  for (const day of days) {
    if (day < 0 || day >= series.dayCount) continue;
    values.fill(Number.NaN, day * series.slotsPerDay, (day + 1) * series.slotsPerDay);
  }
  return { ...series, values };
}

function hasData(values: Float64Array, day: number, slotsPerDay: number): boolean {
  for (let slot = 0; slot < slotsPerDay; slot++) if (!Number.isNaN(values[day * slotsPerDay + slot])) return true;
  return false;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? (values[middle] as number) : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
}
