import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { AHT_SHRINK_CONTACTS } from "./aht";
import { forecastChannels } from "./forecast";
import { ForecastInputError, type HistoryRow } from "./history";
import { syntheticHistory } from "./synthetic-history";

const zone = "Europe/Dublin";
const voice = { channel: "voice", dailyContacts: 2400 };

/** AHT that depends on the local weekday and hour: longer calls in the morning and on Mondays. */
function ahtOf(iso: string): number {
  const local = DateTime.fromISO(iso, { zone });
  return 240 + (local.hour < 12 ? 60 : 0) + (local.weekday === 1 ? 30 : 0);
}

function withAht(rows: HistoryRow[]): HistoryRow[] {
  return rows.map((row) => ({ ...row, ahtSeconds: ahtOf(String(row.intervalStart)) }));
}

describe("AHT by interval of the week", () => {
  const history = withAht(syntheticHistory({ zone, fromDate: "2026-02-02", days: 56, intervalMinutes: 30, channels: [voice], noise: true, seed: 3 }));
  const result = forecastChannels({ history, zone, start: "2026-03-30", days: 7 });
  const channel = result.perChannel[0];

  it("is the contact-weighted mean of the same weekday and slot, beside the volume forecast", () => {
    expect(channel?.ahtSeconds).toHaveLength(result.intervals.length);
    result.intervals.forEach((iso, index) => {
      if ((channel?.values[index] ?? 0) < 20) return;
      // Busy slots: hundreds of contacts outweigh the prior, so within a couple of seconds of the truth.
      expect(Math.abs((channel?.ahtSeconds?.[index] ?? 0) - ahtOf(iso))).toBeLessThan(3);
    });
  });

  it("shrinks a slot with few contacts toward the channel mean", () => {
    const sparse: HistoryRow[] = [];
    for (let week = 0; week < 4; week++) {
      const monday = DateTime.fromISO("2026-03-02T09:00", { zone }).plus({ weeks: week });
      sparse.push({ intervalStart: monday.toISO() ?? "", channel: "voice", contacts: 100, ahtSeconds: 300 });
      sparse.push({ intervalStart: monday.plus({ hours: 1 }).toISO() ?? "", channel: "voice", contacts: 1, ahtSeconds: 900 });
    }
    const sparseResult = forecastChannels({ history: sparse, zone, start: "2026-03-30", days: 1, models: ["seasonal-naive"] });
    const at = (hhmm: string): number => {
      const index = sparseResult.intervals.findIndex((iso) => iso.startsWith(`2026-03-30T${hhmm}`));
      return sparseResult.perChannel[0]?.ahtSeconds?.[index] as number;
    };
    const mean = (4 * 100 * 300 + 4 * 900) / 404;
    expect(at("10:00")).toBeCloseTo((4 * 900 + AHT_SHRINK_CONTACTS * mean) / (4 + AHT_SHRINK_CONTACTS), 6);
    expect(at("10:00")).toBeLessThan(450);
    expect(at("09:00")).toBeCloseTo((400 * 300 + AHT_SHRINK_CONTACTS * mean) / (400 + AHT_SHRINK_CONTACTS), 6);
    // A time of week with no contacts at all gets the channel mean.
    expect(at("15:00")).toBeCloseTo(mean, 6);
  });

  it("is null when the history carries no AHT", () => {
    const plain = syntheticHistory({ zone, fromDate: "2026-02-02", days: 21, intervalMinutes: 60, channels: [voice], noise: false });
    expect(forecastChannels({ history: plain, zone, start: "2026-02-23", days: 1 }).perChannel[0]?.ahtSeconds).toBeNull();
  });
});

describe("special days", () => {
  const rows = syntheticHistory({ zone, fromDate: "2026-02-02", days: 56, intervalMinutes: 60, channels: [voice, { channel: "chat", dailyContacts: 600 }], noise: false });
  // A marked day in the last week (a promotion doubled it); not marked, it pulls Wednesday up.
  const promoted = rows.map((row) => (String(row.intervalStart).startsWith("2026-03-25") ? { ...row, contacts: row.contacts * 2 } : row));
  const base = forecastChannels({ history: rows, zone, start: "2026-03-30", days: 7 });

  it("are left out of fitting", () => {
    const marked = forecastChannels({ history: promoted, zone, start: "2026-03-30", days: 7, specialDays: [{ date: "2026-03-25", channel: null, factor: null }] });
    const unmarked = forecastChannels({ history: promoted, zone, start: "2026-03-30", days: 7, models: ["profile"] });
    const wednesday = base.intervals.map((iso) => iso.startsWith("2026-04-01"));
    const sum = (values: readonly number[]): number => values.reduce((total, value, index) => total + (wednesday[index] === true ? value : 0), 0);
    for (const [index, channel] of marked.perChannel.entries()) {
      expect(sum(channel.values) / sum(base.perChannel[index]?.values ?? [])).toBeCloseTo(1, 6);
    }
    expect(sum(unmarked.perChannel[0]?.values ?? []) / sum(base.perChannel[0]?.values ?? [])).toBeGreaterThan(1.2);
  });

  it("scale the forecast by their factor, for their channel only", () => {
    const special = forecastChannels({
      history: rows,
      zone,
      start: "2026-03-30",
      days: 7,
      specialDays: [
        { date: "2026-04-06", channel: null, factor: 0 },
        { date: "2026-04-02", channel: "voice", factor: 1.25 },
      ],
    });
    special.intervals.forEach((iso, index) => {
      const factor = iso.startsWith("2026-04-02") ? 1.25 : 1;
      expect(special.perChannel[0]?.values[index]).toBeCloseTo((base.perChannel[0]?.values[index] ?? 0) * factor, 6);
      expect(special.perChannel[1]?.values[index]).toBeCloseTo(base.perChannel[1]?.values[index] ?? 0, 6);
    });
    const easterMonday = forecastChannels({ history: rows, zone, start: "2026-04-06", days: 1, specialDays: [{ date: "2026-04-06", channel: null, factor: 0 }] });
    for (const channel of easterMonday.perChannel) expect(channel.values.every((value) => value === 0)).toBe(true);
  });

  it("are validated, naming the field", () => {
    expect(() => forecastChannels({ history: rows, zone, start: "2026-03-30", days: 1, specialDays: [{ date: "30/03/2026", channel: null, factor: null }] })).toThrow(ForecastInputError);
    expect(() => forecastChannels({ history: rows, zone, start: "2026-03-30", days: 1, specialDays: [{ date: "2026-03-30", channel: null, factor: -1 }] })).toThrow(
      /specialDays\[0\]\.factor/,
    );
  });
});
