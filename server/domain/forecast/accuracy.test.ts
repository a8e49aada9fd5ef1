import { describe, expect, it } from "vitest";
import { backtestOrigins } from "./backtest";
import { cleanSeries } from "./clean";
import { evaluateProtocol, type ProtocolResult } from "./evaluation";
import { forecastChannels } from "./forecast";
import { buildLocalHistory, createZoneClock, dayOrdinalOfIsoDate, isoDateOfDayOrdinal, type LocalSeries, parseHistoryRows } from "./history";
import { cleanProfileTable, DEFAULT_SMOOTH_PROFILE } from "./robust-profile";
import { callCentreHistory } from "./synthetic-call-centre";

const score = (result: ProtocolResult, model: string): number => result.scores.find((entry) => entry.model === model)?.wmape as number;

function seriesOf(generated: ReturnType<typeof callCentreHistory>): LocalSeries {
  const local = buildLocalHistory(parseHistoryRows(generated.rows), createZoneClock(generated.zone), generated.intervalMinutes);
  return local.series.get("voice") as LocalSeries;
}

describe("the held-out protocol on generated call-centre history (4 Monday origins × 5 weekdays)", () => {
  // Seeds 2 and 5: one where raw Holt-Winters holds up, one where it carries the outage (as on the real history).
  const results = [2, 5].map((seed) => {
    const generated = callCentreHistory({ seed });
    return evaluateProtocol({ history: generated.rows, zone: generated.zone, intervalMinutes: 30, origins: generated.testMondays });
  });

  it("the forecast (the combination) beats the classic WFM profile by at least 8 % of its error on every seed", () => {
    for (const result of results) {
      expect(score(result, "forecast")).toBeLessThan(score(result, "profile") * 0.92);
      expect(result.choices.every((choice) => choice.chosenModel === "combination")).toBe(true);
    }
  });

  it("robust levels keep the outage evening out of the week after it: the clean profile beats the plain one at the first origin", () => {
    for (const result of results) {
      const first = (model: string): number => result.scores.find((entry) => entry.model === model)?.perOrigin[0] as number;
      expect(first("clean-profile")).toBeLessThan(first("profile"));
      expect(first("combination")).toBeLessThan(first("holt-winters"));
    }
  });
});

describe("cleaning", () => {
  const generated = callCentreHistory({ seed: 3 });
  const series = seriesOf(generated);
  const origin = (dayOrdinalOfIsoDate(generated.testMondays[0] as string) as number) - series.firstDay;
  const cleaned = cleanSeries(series, origin);
  const dates = cleaned.outlierDays.map((day) => isoDateOfDayOrdinal(series.firstDay + day));

  it("leaves out the outage evening (or its whole day) and the surges after holidays", () => {
    const outageDay = (dayOrdinalOfIsoDate(generated.outageDate as string) as number) - series.firstDay;
    let eveningKept = 0;
    for (let slot = 34; slot < 42; slot++) if (!Number.isNaN(cleaned.series.values[outageDay * 48 + slot])) eveningKept++;
    expect(eveningKept).toBe(0);
    for (const surge of generated.surgeDays.filter((date) => date > "2026-01-20")) expect(dates).toContain(surge);
    // Noise and drift are not outliers: only a handful of days go.
    expect(cleaned.outlierDays.length).toBeLessThan(generated.surgeDays.length + 4);
  });
});

describe("intraday shape", () => {
  it("shrinking toward similar weekdays and neighbouring slots lowers the error on a noisy low-volume series", () => {
    let smoothError = 0;
    let rawError = 0;
    for (const seed of [1, 2, 3]) {
      const generated = callCentreHistory({ seed, meanPerInterval: 6, outage: false });
      const series = seriesOf(generated);
      const origin = (dayOrdinalOfIsoDate(generated.testMondays[0] as string) as number) - series.firstDay;
      const smooth = cleanProfileTable(series, origin, DEFAULT_SMOOTH_PROFILE);
      const raw = cleanProfileTable(series, origin, { ...DEFAULT_SMOOTH_PROFILE, shrink: false });
      for (let day = origin; day < series.dayCount; day++) {
        const weekday = (((series.firstDay + day + 3) % 7) + 7) % 7;
        for (let slot = 0; slot < 48; slot++) {
          const actual = series.values[day * 48 + slot] as number;
          if (Number.isNaN(actual)) continue;
          smoothError += Math.abs(actual - (smooth[weekday * 48 + slot] as number));
          rawError += Math.abs(actual - (raw[weekday * 48 + slot] as number));
        }
      }
    }
    expect(smoothError).toBeLessThan(rawError * 0.97);
  });
});

describe("day-ahead mode", () => {
  const generated = callCentreHistory({ seed: 4, weeks: 14, testWeeks: 1 });

  it("backtests one-day folds on days with data only, and refits daily in the protocol", () => {
    const series = seriesOf(generated);
    const origin = (dayOrdinalOfIsoDate(generated.testMondays[0] as string) as number) - series.firstDay;
    const origins = backtestOrigins(series, origin, { mode: "day-ahead" });
    expect(origins).toHaveLength(10);
    for (const day of origins) expect([5, 6]).not.toContain((((series.firstDay + day + 3) % 7) + 7) % 7);
    const result = forecastChannels({ history: generated.rows, zone: generated.zone, start: generated.testMondays[0] as string, days: 1, mode: "day-ahead" });
    expect(result.mode).toBe("day-ahead");
    expect(result.perChannel[0]?.folds).toBe(10);
    expect(result.perChannel[0]?.chosenModel).toBe("combination");
    const protocol = evaluateProtocol({ history: generated.rows, zone: generated.zone, intervalMinutes: 30, origins: generated.testMondays, mode: "day-ahead" });
    expect(protocol.choices).toHaveLength(5);
    expect(score(protocol, "forecast")).toBeLessThan(score(protocol, "profile"));
  });
});
