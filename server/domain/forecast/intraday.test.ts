import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { describeDay, reforecastDay, summariseDay, type IntradayIntervalInput } from "./intraday";

const HALF_HOUR = 1_800_000;
const DAY_START = Date.UTC(2026, 10, 24);

/** A 48-interval day with a flat forecast, running `factor` × forecast up to `completeIntervals`. */
function flatDay(factor: number, completeIntervals: number, forecast = 10): IntradayIntervalInput[] {
  return Array.from({ length: 48 }, (_, i) => ({
    startMs: DAY_START + i * HALF_HOUR,
    forecastContacts: forecast,
    actualContacts: i <= completeIntervals ? forecast * factor : null,
  }));
}

describe("reforecastDay", () => {
  it("barely moves after one interval of a day running 20 % above forecast", () => {
    // The current interval (index 1) has a partial actual: it must be left out.
    const day = reforecastDay({ intervals: flatDay(1.2, 1), intervalMinutes: 30, nowMs: DAY_START + HALF_HOUR + 60_000 });
    expect(day.runningRatio).toBeCloseTo(1.2, 10);
    expect(day.evidenceMinutes).toBe(30);
    expect(day.weight).toBeCloseTo(30 / 150, 10);
    expect(day.appliedRatio).toBeCloseTo(1.04, 10);
    expect(day.intervals[0]?.phase).toBe("complete");
    expect(day.intervals[1]?.phase).toBe("current");
    expect(day.intervals[1]?.reforecastContacts).toBeCloseTo(10.4, 10);
  });

  it("re-forecasts the rest about +20 % once most of the day has passed at +20 %", () => {
    const day = reforecastDay({ intervals: flatDay(1.2, 40), intervalMinutes: 30, nowMs: DAY_START + 40 * HALF_HOUR });
    expect(day.evidenceMinutes).toBe(40 * 30);
    expect(day.appliedRatio).toBeGreaterThan(1.18);
    expect(day.appliedRatio).toBeLessThan(1.2);
    const later = day.intervals.filter((iv) => iv.phase !== "complete");
    expect(later).toHaveLength(8);
    for (const iv of later) expect(iv.reforecastContacts).toBeCloseTo(10 * day.appliedRatio, 10);
    expect(day.remainingReforecast / day.remainingForecast).toBeCloseTo(day.appliedRatio, 10);
  });

  it("gains weight with every interval of evidence and never overshoots the running ratio", () => {
    let previous = 1;
    for (let n = 1; n <= 47; n++) {
      const day = reforecastDay({ intervals: flatDay(1.2, n), intervalMinutes: 30, nowMs: DAY_START + n * HALF_HOUR });
      expect(day.appliedRatio).toBeGreaterThan(previous);
      expect(day.appliedRatio).toBeLessThan(1.2);
      previous = day.appliedRatio;
    }
  });

  it("damps a day running below forecast the same way", () => {
    const day = reforecastDay({ intervals: flatDay(0.8, 16), intervalMinutes: 30, nowMs: DAY_START + 16 * HALF_HOUR });
    expect(day.weight).toBeCloseTo(480 / 600, 10);
    expect(day.appliedRatio).toBeCloseTo(1 - 0.8 * 0.2, 10);
  });

  it("weights the ratio by contacts, not by intervals", () => {
    const intervals: IntradayIntervalInput[] = [
      { startMs: DAY_START, forecastContacts: 100, actualContacts: 110 },
      { startMs: DAY_START + HALF_HOUR, forecastContacts: 2, actualContacts: 6 },
      { startMs: DAY_START + 2 * HALF_HOUR, forecastContacts: 50, actualContacts: null },
    ];
    const day = reforecastDay({ intervals, intervalMinutes: 30, nowMs: DAY_START + 2 * HALF_HOUR, shrinkMinutes: 0 });
    expect(day.runningRatio).toBeCloseTo(116 / 102, 10);
    expect(day.intervals[2]?.reforecastContacts).toBeCloseTo(50 * (116 / 102), 10);
  });

  it("clamps the applied ratio to a sane range", () => {
    const spike = reforecastDay({ intervals: flatDay(9, 40), intervalMinutes: 30, nowMs: DAY_START + 40 * HALF_HOUR });
    expect(spike.appliedRatio).toBe(2);
    const outage = reforecastDay({ intervals: flatDay(0, 40), intervalMinutes: 30, nowMs: DAY_START + 40 * HALF_HOUR });
    expect(outage.appliedRatio).toBe(0.5);
  });

  it("treats zero-forecast intervals: no evidence when nothing came, zero stays zero, nothing forecast so far means ratio 1", () => {
    // A quiet night: 16 intervals forecast at 0 with no contacts, then 2 busy ones at +50 %.
    const intervals: IntradayIntervalInput[] = Array.from({ length: 24 }, (_, i) => ({
      startMs: DAY_START + i * HALF_HOUR,
      forecastContacts: i < 16 || i === 20 ? 0 : 10,
      actualContacts: i < 16 ? 0 : i < 18 ? 15 : null,
    }));
    const day = reforecastDay({ intervals, intervalMinutes: 30, nowMs: DAY_START + 18 * HALF_HOUR });
    expect(day.evidenceMinutes).toBe(60);
    expect(day.runningRatio).toBeCloseTo(1.5, 10);
    expect(day.appliedRatio).toBeCloseTo(1 + (60 / 180) * 0.5, 10);
    expect(day.intervals[20]?.reforecastContacts).toBe(0);

    // Contacts in intervals forecast at zero: the ratio is unknown, so the forecast stands.
    const unforecast = reforecastDay({
      intervals: [
        { startMs: DAY_START, forecastContacts: 0, actualContacts: 4 },
        { startMs: DAY_START + HALF_HOUR, forecastContacts: 10, actualContacts: null },
      ],
      intervalMinutes: 30,
      nowMs: DAY_START + HALF_HOUR,
    });
    expect(unforecast.runningRatio).toBeNull();
    expect(unforecast.appliedRatio).toBe(1);
    expect(unforecast.intervals[1]?.reforecastContacts).toBe(10);
  });

  it("leaves complete intervals without an actual out of the ratio (a late feed is unknown, not zero)", () => {
    const intervals = flatDay(1.2, 10).map((iv, i) => (i >= 6 ? { ...iv, actualContacts: null } : iv));
    const day = reforecastDay({ intervals, intervalMinutes: 30, nowMs: DAY_START + 10 * HALF_HOUR });
    expect(day.evidenceMinutes).toBe(6 * 30);
    expect(day.runningRatio).toBeCloseTo(1.2, 10);
    expect(day.intervals[7]?.expectedContacts).toBe(10);
  });

  it("handles a 25-hour DST day: the repeated hour's intervals count once each", () => {
    // Europe/Dublin falls back on Sun 25 Oct 2026: local 01:00–02:00 happens twice, 50 half-hours.
    const start = DateTime.fromISO("2026-10-25T00:00", { zone: "Europe/Dublin" });
    const end = start.plus({ days: 1 });
    const count = end.diff(start, "minutes").minutes / 30;
    expect(count).toBe(50);
    const intervals: IntradayIntervalInput[] = Array.from({ length: count }, (_, i) => ({
      startMs: start.toMillis() + i * HALF_HOUR,
      forecastContacts: 10,
      actualContacts: i < 12 ? 12 : null,
    }));
    // Local 05:00 (GMT) is 6 hours, 12 intervals, after local midnight (IST).
    const nowMs = DateTime.fromISO("2026-10-25T05:00", { zone: "Europe/Dublin" }).toMillis();
    expect((nowMs - start.toMillis()) / HALF_HOUR).toBe(12);
    const day = reforecastDay({ intervals, intervalMinutes: 30, nowMs });
    expect(day.intervals.filter((iv) => iv.phase === "complete")).toHaveLength(12);
    expect(day.intervals.filter((iv) => iv.phase !== "complete")).toHaveLength(38);
    expect(day.evidenceMinutes).toBe(360);
    expect(day.appliedRatio).toBeCloseTo(1 + (360 / 480) * 0.2, 10);
  });

  it("refuses a grid without length", () => {
    expect(() => reforecastDay({ intervals: [], intervalMinutes: 0, nowMs: 0 })).toThrow(RangeError);
  });
});

describe("summariseDay and describeDay", () => {
  it("sums channels by contacts and words the day", () => {
    const voice = reforecastDay({ intervals: flatDay(1.2, 24, 20), intervalMinutes: 30, nowMs: DAY_START + 24 * HALF_HOUR });
    const email = reforecastDay({ intervals: flatDay(0.9, 24, 5), intervalMinutes: 30, nowMs: DAY_START + 24 * HALF_HOUR });
    const summary = summariseDay([voice, email]);
    expect(summary.runningRatio).toBeCloseTo((24 * 24 + 4.5 * 24) / (20 * 24 + 5 * 24), 10);
    expect(describeDay(summary)).toMatch(/^Today is running 14 % above forecast; the rest of the day is re-forecast \+12 %\.$/);
  });

  it("says so when there is nothing to compare", () => {
    expect(describeDay({ runningRatio: null, remainingRatio: 1 })).toBe("No actuals against a forecast yet today; the rest of the day keeps its forecast.");
    expect(describeDay({ runningRatio: 0.88, remainingRatio: 0.91 })).toBe("Today is running 12 % below forecast; the rest of the day is re-forecast −9 %.");
    expect(describeDay({ runningRatio: 1, remainingRatio: null })).toBe("Today is running on forecast; nothing is forecast for the rest of the day.");
  });
});
