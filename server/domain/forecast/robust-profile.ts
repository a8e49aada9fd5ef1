import { DAYS_PER_WEEK, type LocalSeries, weekdayOfDayOrdinal } from "./history";

/** Tuning of the profile models fitted on a cleaned series. */
export interface SmoothProfileOptions {
  /** Recent same weekdays whose mean total is the level (clean-profile). */
  levelDays: number;
  /** Recent same weekdays behind each weekday's intraday shape. */
  shapeDays: number;
  /** Shrink shapes toward similar weekdays and neighbouring slots. Default true; false for comparisons. */
  shrink?: boolean;
}

export const DEFAULT_SMOOTH_PROFILE: SmoothProfileOptions = { levelDays: 5, shapeDays: 8 };

/** Recent days with data of one weekday, most recent first, with their estimated totals. */
interface WeekdayDays {
  days: number[];
  totals: number[];
  /** Mean per slot over those days (known values only). */
  slotMean: Float64Array;
}

function collectWeekday(series: LocalSeries, trainDays: number, weekday: number, maxDays: number): WeekdayDays | null {
  const { slotsPerDay, values } = series;
  const days: number[] = [];
  for (let day = Math.min(trainDays, series.dayCount) - 1; day >= 0 && days.length < maxDays; day--) {
    if (weekdayOfDayOrdinal(series.firstDay + day) !== weekday) continue;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      if (!Number.isNaN(values[day * slotsPerDay + slot])) {
        days.push(day);
        break;
      }
    }
  }
  if (days.length === 0) return null;
  const slotMean = new Float64Array(slotsPerDay);
  const slotCount = new Uint16Array(slotsPerDay);
  for (const day of days) {
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const value = values[day * slotsPerDay + slot] as number;
      if (Number.isNaN(value)) continue;
      slotMean[slot] = (slotMean[slot] as number) + value;
      slotCount[slot] = (slotCount[slot] as number) + 1;
    }
  }
  let meanTotal = 0;
  for (let slot = 0; slot < slotsPerDay; slot++) {
    const count = slotCount[slot] as number;
    slotMean[slot] = count === 0 ? 0 : (slotMean[slot] as number) / count;
    meanTotal += slotMean[slot] as number;
  }
  // A partly known day (an outage evening left out) is scaled up by the share its known slots carry.
  const totals = days.map((day) => {
    let knownSum = 0;
    let knownWeight = 0;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const value = values[day * slotsPerDay + slot] as number;
      if (Number.isNaN(value)) continue;
      knownSum += value;
      knownWeight += slotMean[slot] as number;
    }
    return knownWeight > 0 ? (knownSum / knownWeight) * meanTotal : 0;
  });
  return { days, totals, slotMean };
}

/**
 * Intraday shares per weekday (each sums to 1 over the day): the weekday's own mean shape, shrunk
 * toward the pooled shape of weekdays open in the same slots, then toward a 1-2-1 smoothing across
 * neighbouring slots. Each shrinkage is empirical Bayes (positive-part James–Stein): the weight on the
 * target is the noise of the mean shape (from its days' spread) over its squared distance to the
 * target, at most 1. A noisy low-volume weekday borrows much; a noise-free one keeps its own shape.
 * Null for a weekday without data.
 */
export function smoothShapes(series: LocalSeries, trainDays: number, options: SmoothProfileOptions): (Float64Array | null)[] {
  const { slotsPerDay, values } = series;
  const own: (Float64Array | null)[] = [];
  const noise: number[] = [];
  const weights: number[] = [];
  const keys: string[] = [];
  for (let weekday = 0; weekday < DAYS_PER_WEEK; weekday++) {
    const stats = collectWeekday(series, trainDays, weekday, options.shapeDays);
    const total = stats === null ? 0 : stats.slotMean.reduce((sum, value) => sum + value, 0);
    if (stats === null || total <= 0) {
      own.push(null);
      noise.push(0);
      weights.push(0);
      keys.push("");
      continue;
    }
    const shape = stats.slotMean.map((value) => value / total);
    // Variance of the mean share per slot, from the spread of the days' own shares.
    let variance = 0;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      let sum = 0;
      let sumSquares = 0;
      let count = 0;
      stats.days.forEach((day, index) => {
        const value = values[day * slotsPerDay + slot] as number;
        const dayTotal = stats.totals[index] as number;
        if (Number.isNaN(value) || dayTotal <= 0) return;
        const share = value / dayTotal;
        sum += share;
        sumSquares += share * share;
        count++;
      });
      if (count >= 2) variance += (sumSquares - (sum * sum) / count) / (count - 1) / count;
    }
    own.push(shape);
    noise.push(variance);
    weights.push(total * stats.days.length);
    keys.push(Array.from(shape, (value) => (value > 0 ? "1" : "0")).join(""));
  }
  return own.map((shape, weekday) => {
    if (shape === null) return null;
    const pooled = new Float64Array(slotsPerDay);
    let pooledWeight = 0;
    own.forEach((other, otherDay) => {
      if (other === null || keys[otherDay] !== keys[weekday]) return;
      const weight = weights[otherDay] as number;
      for (let slot = 0; slot < slotsPerDay; slot++) pooled[slot] = (pooled[slot] as number) + weight * (other[slot] as number);
      pooledWeight += weight;
    });
    for (let slot = 0; slot < slotsPerDay; slot++) pooled[slot] = (pooled[slot] as number) / pooledWeight;
    const variance = options.shrink === false ? 0 : (noise[weekday] as number);
    const towardSimilar = shrinkWeight(variance, shape, pooled);
    const mixed = shape.map((value, slot) => (1 - towardSimilar) * value + towardSimilar * (pooled[slot] as number));
    const kernel = new Float64Array(slotsPerDay);
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const here = mixed[slot] as number;
      if (here <= 0) continue;
      // Closed neighbours do not pull an opening or closing slot down.
      const before = slot > 0 && (mixed[slot - 1] as number) > 0 ? (mixed[slot - 1] as number) : here;
      const after = slot + 1 < slotsPerDay && (mixed[slot + 1] as number) > 0 ? (mixed[slot + 1] as number) : here;
      kernel[slot] = (before + 2 * here + after) / 4;
    }
    const towardNeighbours = shrinkWeight(variance * (1 - towardSimilar) ** 2, mixed, kernel);
    const smoothed = mixed.map((value, slot) => (1 - towardNeighbours) * value + towardNeighbours * (kernel[slot] as number));
    const sum = smoothed.reduce((total, value) => total + value, 0);
    return smoothed.map((value) => value / sum);
  });
}

function shrinkWeight(variance: number, from: Float64Array, to: Float64Array): number {
  let distance = 0;
  for (let slot = 0; slot < from.length; slot++) distance += ((from[slot] as number) - (to[slot] as number)) ** 2;
  // Rounding can leave a noise-free variance a hair below zero: no noise, no shrinkage.
  if (variance <= 0) return 0;
  if (distance <= 0) return 1;
  return Math.min(1, variance / distance);
}

/**
 * Clean profile: per weekday, the mean total of its last `levelDays` days × its smoothed shape.
 * Meant for a cleaned series (outlier days already unknown).
 * @example cleanProfileTable(cleaned, 140, DEFAULT_SMOOTH_PROFILE)[0 * 48 + 18] // Monday 09:00
 */
export function cleanProfileTable(series: LocalSeries, trainDays: number, options: SmoothProfileOptions): Float64Array {
  const { slotsPerDay } = series;
  const table = new Float64Array(DAYS_PER_WEEK * slotsPerDay);
  const shapes = smoothShapes(series, trainDays, options);
  for (let weekday = 0; weekday < DAYS_PER_WEEK; weekday++) {
    const shape = shapes[weekday];
    const stats = collectWeekday(series, trainDays, weekday, options.levelDays);
    if (shape === null || shape === undefined || stats === null) continue;
    const level = stats.totals.reduce((sum, value) => sum + value, 0) / stats.totals.length;
    for (let slot = 0; slot < slotsPerDay; slot++) table[weekday * slotsPerDay + slot] = level * (shape[slot] as number);
  }
  return table;
}

/** Days behind the weekly level and their half-life (most recent day weighs most). */
const WEEKLY_LEVEL_DAYS = 15;
const WEEKLY_LEVEL_HALF_LIFE_DAYS = 7;

/**
 * Weekly profile: one level for the whole week, from the last open days of every weekday (each day's
 * total divided by its weekday's ratio, weighted toward the most recent), × the weekday's ratio to the
 * mean weekday (from the last `shapeDays` weeks) × its smoothed shape. Uses three times the days a
 * per-weekday level does, so day-to-day noise carries less into the forecast.
 * @example weeklyProfileTable(cleaned, 140, DEFAULT_SMOOTH_PROFILE)[0 * 48 + 18] // Monday 09:00
 */
export function weeklyProfileTable(series: LocalSeries, trainDays: number, options: SmoothProfileOptions): Float64Array {
  const { slotsPerDay } = series;
  const table = new Float64Array(DAYS_PER_WEEK * slotsPerDay);
  const shapes = smoothShapes(series, trainDays, options);
  const ratios = new Float64Array(DAYS_PER_WEEK);
  const recent: { day: number; total: number; weekday: number }[] = [];
  let openWeekdays = 0;
  let ratioSum = 0;
  for (let weekday = 0; weekday < DAYS_PER_WEEK; weekday++) {
    const stats = collectWeekday(series, trainDays, weekday, options.shapeDays);
    if (stats === null) continue;
    const mean = stats.totals.reduce((sum, value) => sum + value, 0) / stats.totals.length;
    if (mean <= 0) continue;
    ratios[weekday] = mean;
    ratioSum += mean;
    openWeekdays++;
    stats.days.forEach((day, index) => recent.push({ day, total: stats.totals[index] as number, weekday }));
  }
  if (openWeekdays === 0) return table;
  for (let weekday = 0; weekday < DAYS_PER_WEEK; weekday++) ratios[weekday] = ((ratios[weekday] as number) * openWeekdays) / ratioSum;
  recent.sort((a, b) => b.day - a.day);
  const lastDay = recent[0]?.day ?? 0;
  let weighted = 0;
  let weightSum = 0;
  for (const { day, total, weekday } of recent.slice(0, WEEKLY_LEVEL_DAYS)) {
    const weight = 0.5 ** ((lastDay - day) / WEEKLY_LEVEL_HALF_LIFE_DAYS);
    weighted += (weight * total) / (ratios[weekday] as number);
    weightSum += weight;
  }
  const level = weighted / weightSum;
  for (let weekday = 0; weekday < DAYS_PER_WEEK; weekday++) {
    const shape = shapes[weekday];
    if (shape === null || shape === undefined) continue;
    const total = level * (ratios[weekday] as number);
    for (let slot = 0; slot < slotsPerDay; slot++) table[weekday * slotsPerDay + slot] = total * (shape[slot] as number);
  }
  return table;
}
