import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { forecastChannels } from "./forecast";
import { ForecastInputError } from "./history";
import { MODEL_NAMES } from "./models";
import { expectedContacts, type SyntheticChannel, syntheticHistory } from "./synthetic-history";

const voice: SyntheticChannel = { channel: "voice", dailyContacts: 2400 };
const chat: SyntheticChannel = { channel: "chat", dailyContacts: 600 };

/** The true expected contacts of each forecast interval, from the generator's season. */
function truthFor(intervals: readonly string[], channel: SyntheticChannel, zone: string, intervalMinutes: number): number[] {
  return intervals.map((iso) => {
    const local = DateTime.fromISO(iso, { zone });
    return expectedContacts(channel, local.weekday - 1, local.hour * 60 + local.minute, intervalMinutes);
  });
}

function wmape(actual: readonly number[], forecast: readonly number[]): number {
  let error = 0;
  let total = 0;
  actual.forEach((value, index) => {
    error += Math.abs(value - (forecast[index] ?? 0));
    total += value;
  });
  return error / total;
}

describe("forecastChannels on a known weekly season with noise", () => {
  const history = syntheticHistory({ zone: "UTC", fromDate: "2024-01-01", days: 56, intervalMinutes: 30, channels: [voice, chat], noise: true, seed: 7 });
  const result = forecastChannels({ history, zone: "UTC", start: "2024-02-26T00:00:00Z", days: 7 });

  it("reports every candidate's backtest score over four week-ahead folds and forecasts with the combination", () => {
    for (const channel of result.perChannel) {
      expect(channel.scores.map((score) => score.model)).toEqual([...MODEL_NAMES]);
      expect(channel.folds).toBe(4);
      // The combination (scored honestly, weights from earlier folds only) rather than a pick on four noisy folds.
      const score = (model: string): number => channel.scores.find((entry) => entry.model === model)?.wmape as number;
      expect(channel.chosenModel).toBe("combination");
      expect(score("combination")).toBeLessThan(score("profile"));
      expect(channel.weights.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 9);
      // Averaging weeks beats last week alone on Poisson noise.
      expect(channel.chosenModel).not.toBe("seasonal-naive");
      expect(channel.warnings).toEqual([]);
    }
  });

  it("recovers the season: the forecast is within a few percent of the true expected contacts", () => {
    const forecastVoice = result.perChannel.find((channel) => channel.channel === "voice")?.values as number[];
    const truth = truthFor(result.intervals, voice, "UTC", 30);
    expect(wmape(truth, forecastVoice)).toBeLessThan(0.06);
    const total = forecastVoice.reduce((sum, value) => sum + value, 0);
    const trueTotal = truth.reduce((sum, value) => sum + value, 0);
    expect(Math.abs(total / trueTotal - 1)).toBeLessThan(0.03);
  });

  it("gives one value per interval of the horizon, as ISO instants with offsets", () => {
    expect(result.intervals).toHaveLength(7 * 48);
    expect(result.intervals[0]).toBe("2024-02-26T00:00:00+00:00");
    expect(result.intervalMinutes).toBe(30);
    for (const channel of result.perChannel) expect(channel.values).toHaveLength(7 * 48);
  });

  it("forecasts 0 for a time of week that never had contacts (closed Sunday, nights)", () => {
    const forecastVoice = result.perChannel[0]?.values as number[];
    result.intervals.forEach((iso, index) => {
      const local = DateTime.fromISO(iso, { zone: "UTC" });
      if (local.weekday === 7 || local.hour < 8) expect(forecastVoice[index]).toBe(0);
    });
  });
});

describe("missing days are unknown, not zero", () => {
  const zone = "Europe/Paris";
  // Three of the last four Mondays are absent (holiday, outage, export gap).
  const missingDates = ["2024-01-29", "2024-02-12", "2024-02-19"];
  const history = syntheticHistory({ zone, fromDate: "2024-01-01", days: 56, intervalMinutes: 60, channels: [voice], noise: false, missingDates });
  const result = forecastChannels({ history, zone, start: "2024-02-26", days: 7, models: MODEL_NAMES });

  it.each(MODEL_NAMES.map((model) => [model]))("%s keeps Monday at its true level", (model) => {
    const single = forecastChannels({ history, zone, start: "2024-02-26", days: 7, models: [model] });
    const values = single.perChannel[0]?.values as number[];
    const truth = truthFor(single.intervals, voice, zone, 60);
    const monday = single.intervals.map((iso) => DateTime.fromISO(iso, { zone }).weekday === 1);
    const sum = (list: number[]): number => list.reduce((total, value, index) => total + (monday[index] === true ? value : 0), 0);
    expect(sum(values) / sum(truth)).toBeGreaterThan(0.98);
    expect(sum(values) / sum(truth)).toBeLessThan(1.02);
  });

  it("says which days were missing", () => {
    expect(result.perChannel[0]?.warnings.join("\n")).toMatch(/3 day\(s\) without any rows.*2024-01-29, 2024-02-12, 2024-02-19/);
  });
});

describe("seasonality in local time across DST", () => {
  it("keeps 09:00 local at 09:00 through the spring-forward week in Europe/Dublin (a 23-hour day)", () => {
    const zone = "Europe/Dublin";
    const history = syntheticHistory({ zone, fromDate: "2024-02-05", days: 56, intervalMinutes: 30, channels: [voice], noise: false });
    const result = forecastChannels({ history, zone, start: "2024-03-25T00:00:00Z", days: 14 });
    // 25 March – 7 April: 14 local days, one of them 23 hours long.
    expect(result.intervals).toHaveLength(14 * 48 - 2);
    const truth = truthFor(result.intervals, voice, zone, 30);
    const values = result.perChannel[0]?.values as number[];
    values.forEach((value, index) => expect(value).toBeCloseTo(truth[index] as number, 6));
    const nineAm = result.intervals.filter((iso) => iso.includes("T09:00:00"));
    expect(nineAm).toContain("2024-03-29T09:00:00+00:00");
    expect(nineAm).toContain("2024-04-02T09:00:00+01:00");
  });

  it("trains across a fall-back change and forecasts a 25-hour day in America/New_York", () => {
    const zone = "America/New_York";
    const channel: SyntheticChannel = { channel: "email", dailyContacts: 480, openHours: Array.from({ length: 7 }, () => [0, 24] as const), weekdayFactors: [1, 1, 1, 1, 1, 0.5, 0.5] };
    const history = syntheticHistory({ zone, fromDate: "2024-10-07", days: 28, intervalMinutes: 60, channels: [channel], noise: false });
    const result = forecastChannels({ history, zone, start: "2024-11-03", days: 1 });
    expect(result.intervals).toHaveLength(25);
    expect(result.intervals.filter((iso) => iso.startsWith("2024-11-03T01:00:00"))).toEqual(["2024-11-03T01:00:00-04:00", "2024-11-03T01:00:00-05:00"]);
    const values = result.perChannel[0]?.values as number[];
    const truth = truthFor(result.intervals, channel, zone, 60);
    values.forEach((value, index) => expect(value).toBeCloseTo(truth[index] as number, 6));
  });
});

describe("short history, adjustments and bad input", () => {
  const history = syntheticHistory({ zone: "UTC", fromDate: "2024-01-01", days: 10, intervalMinutes: 60, channels: [voice], noise: true, seed: 3 });

  it("falls back to seasonal naive with a warning when the history is too short to backtest", () => {
    const result = forecastChannels({ history, zone: "UTC", start: "2024-01-11", days: 2 });
    const channel = result.perChannel[0];
    expect(channel?.chosenModel).toBe("seasonal-naive");
    expect(channel?.scores).toEqual([]);
    expect(channel?.warnings.join()).toMatch(/too short to backtest/);
  });

  it("applies a percentage uplift to the chosen dates and channel only", () => {
    const base = forecastChannels({ history, zone: "UTC", start: "2024-01-11", days: 2 });
    const adjusted = forecastChannels({
      history,
      zone: "UTC",
      start: "2024-01-11",
      days: 2,
      adjustments: [
        { fromDate: "2024-01-12", toDate: "2024-01-12", upliftPercent: 20 },
        { fromDate: "2024-01-12", toDate: "2024-01-20", upliftPercent: 50, channel: "chat" },
      ],
    });
    base.intervals.forEach((iso, index) => {
      const factor = iso.startsWith("2024-01-12") ? 1.2 : 1;
      expect(adjusted.perChannel[0]?.values[index]).toBeCloseTo((base.perChannel[0]?.values[index] as number) * factor, 9);
    });
  });

  it.each([
    [{ zone: "Nowhere/Town" }, "zone"],
    [{ days: 0 }, "days"],
    [{ start: "not a date" }, "start"],
    [{ start: "2023-12-01T00:00:00Z" }, "start"],
    [{ start: "2024-01-11T00:10:00Z" }, "start"],
    [{ intervalMinutes: 7 }, "intervalMinutes"],
    [{ adjustments: [{ fromDate: "2024-01-12", toDate: "2024-01-11", upliftPercent: 5 }] }, "toDate"],
  ])("rejects %o naming the field", (override, field) => {
    const call = (): unknown => forecastChannels({ history, zone: "UTC", start: "2024-01-11", days: 2, ...override });
    expect(call).toThrow(ForecastInputError);
    try {
      call();
    } catch (error) {
      expect((error as ForecastInputError).field).toBe(field);
    }
  });
});
