import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backtestOrigins, backtestSeries } from "./backtest";
import { buildLocalHistory, createZoneClock, type LocalSeries, parseHistoryRows } from "./history";
import { fitHoltWinters } from "./holt-winters";
import { activeSlotsOfWeek, fitModels, MODEL_NAMES } from "./models";
import { syntheticHistory } from "./synthetic-history";

function seriesOf(days: number, options: { noise?: boolean; seed?: number; zone?: string } = {}): LocalSeries {
  const zone = options.zone ?? "UTC";
  const rows = syntheticHistory({
    zone,
    fromDate: "2024-01-01",
    days,
    intervalMinutes: 60,
    channels: [{ channel: "voice", dailyContacts: 1200 }],
    noise: options.noise ?? true,
    seed: options.seed ?? 11,
  });
  return buildLocalHistory(parseHistoryRows(rows), createZoneClock(zone), 60).series.get("voice") as LocalSeries;
}

describe("backtestOrigins", () => {
  it("puts up to four week-ahead origins at the end, each with at least a week to train on", () => {
    // Sundays are closed and have no rows, so 57 days from a Monday end on the 57th day, a Monday.
    expect(seriesOf(57).dayCount).toBe(57);
    expect(backtestOrigins(seriesOf(57), 57)).toEqual([29, 36, 43, 50]);
    expect(backtestOrigins(seriesOf(22), 22)).toEqual([8, 15]);
    expect(backtestOrigins(seriesOf(13), 13)).toEqual([]);
    expect(backtestOrigins(seriesOf(57), 57, { maxFolds: 2 })).toEqual([43, 50]);
    // Never past the data: a later training end is clamped to the last day with rows.
    expect(backtestOrigins(seriesOf(57), 70)).toEqual([29, 36, 43, 50]);
  });
});

describe("backtestSeries", () => {
  it("fits each fold only on data before its origin", () => {
    const series = seriesOf(56);
    const before = backtestSeries(series, 56);
    // Wreck the last week: only the last fold may notice.
    const values = series.values.slice();
    for (let i = 49 * 24; i < values.length; i++) values[i] = (values[i] as number) * 3;
    const after = backtestSeries({ ...series, values }, 56);
    before.scores.forEach((score, index) => {
      const changed = after.scores[index];
      expect(changed?.foldWmapes.slice(0, 3)).toEqual(score.foldWmapes.slice(0, 3));
      expect(changed?.foldWmapes[3]).not.toEqual(score.foldWmapes[3]);
    });
  });

  it("pools wMAPE over folds and chooses the lowest", () => {
    const result = backtestSeries(seriesOf(56), 56);
    expect(result.scores).toHaveLength(MODEL_NAMES.length);
    for (const score of result.scores) {
      expect(score.folds).toBe(4);
      expect(score.wmape).toBeGreaterThan(0);
      expect(score.wmape).toBeLessThan(0.2);
    }
    const lowest = Math.min(...result.scores.map((score) => score.wmape as number));
    // The stable rule: the combination unless one candidate beats it in every fold and clearly overall.
    const combination = result.scores.find((score) => score.model === "combination");
    const chosen = result.scores.find((score) => score.model === result.chosenModel);
    if (result.chosenModel !== "combination") {
      expect(chosen?.wmape).toBe(lowest);
      expect(chosen?.foldWmapes.every((error, fold) => (error ?? 0) <= (combination?.foldWmapes[fold] ?? 0))).toBe(true);
    }
    expect(combination?.wmape).toBeLessThan(lowest * 1.1);
  });

  it("scores every model 0 on a noise-free season (and keeps the simplest on the tie)", () => {
    const result = backtestSeries(seriesOf(56, { noise: false }), 56);
    for (const score of result.scores) expect(score.wmape).toBeCloseTo(0, 9);
    expect(result.chosenModel).toBe("seasonal-naive");
  });

  it("prefers the robust profile when the history holds holidays and a bad afternoon", () => {
    const series = seriesOf(84, { seed: 5 });
    const values = series.values.slice();
    // Two quiet holidays (rows present, 20% of normal) and an outage afternoon, all in training.
    for (const day of [36, 50]) for (let slot = 0; slot < 24; slot++) values[day * 24 + slot] = Math.round((values[day * 24 + slot] as number) * 0.2);
    for (let slot = 13; slot < 24; slot++) values[58 * 24 + slot] = 0;
    const result = backtestSeries({ ...series, values }, 84);
    const score = (model: string): number => result.scores.find((entry) => entry.model === model)?.wmape as number;
    expect(score("robust-profile")).toBeLessThan(score("profile"));
  });
});

describe("model properties", () => {
  it("never forecasts below 0, and forecasts 0 where the week never had contacts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 14, max: 42 }), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (days, seed, dropShare) => {
        const series = seriesOf(days, { seed });
        const values = series.values.slice();
        const random = ((state) => () => (state = (state * 48271) % 2147483647) / 2147483647)(seed);
        for (let i = 0; i < values.length; i++) if (random() < dropShare) values[i] = Number.NaN;
        const holey = { ...series, values };
        const active = activeSlotsOfWeek(holey, days);
        const predictors = fitModels(holey, days, MODEL_NAMES);
        for (const predict of predictors.values()) {
          for (let day = days; day < days + 7; day++) {
            for (let slot = 0; slot < 24; slot++) {
              const value = predict(day, slot);
              expect(value).toBeGreaterThanOrEqual(0);
              const weekday = (((series.firstDay + day + 3) % 7) + 7) % 7;
              if (active[weekday * 24 + slot] === 0) expect(value).toBe(0);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("Holt-Winters carries its state across unknown intervals", () => {
    const series = seriesOf(42, { noise: false });
    const values = series.values.slice();
    for (let i = 28 * 24; i < 35 * 24; i++) values[i] = Number.NaN;
    const predict = fitHoltWinters({ ...series, values }, 42);
    for (let slot = 0; slot < 24; slot++) {
      const lastMonday = values[35 * 24 + slot] as number;
      expect(predict(42, slot)).toBeCloseTo(Number.isNaN(lastMonday) ? 0 : lastMonday, 6);
    }
  });
});
