import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { forecastChannels } from "./forecast";
import type { HistoryRow } from "./history";
import { expectedContacts, type SyntheticChannel, syntheticHistory } from "./synthetic-history";

const ZONES = ["Asia/Manila", "America/New_York", "Europe/Dublin"] as const;
const channelOf = (zone: string): SyntheticChannel => ({ channel: zone, dailyContacts: 1500 });
// Weeks either side of every DST change: US 2026-03-08 and 2026-11-01, EU 2026-03-29 and 2026-10-25.
const CHANGES = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"];

/** Noise-free demand on each zone's own clock, six weeks before `fromDate` plus the horizon. */
function historyBefore(start: DateTime): HistoryRow[] {
  return ZONES.flatMap((zone) =>
    syntheticHistory({ zone, fromDate: start.minus({ weeks: 6 }).toISODate() ?? "", days: 42, intervalMinutes: 60, channels: [channelOf(zone)], noise: false }),
  );
}

describe("each stream in its own clock", () => {
  const cases = ZONES.flatMap((orgZone) =>
    CHANGES.flatMap((change) => {
      const changeDay = DateTime.fromISO(change, { zone: orgZone });
      // A week across the change (history all before it) and the week after it (history across it).
      return [changeDay.minus({ days: 3 }), changeDay.plus({ days: 4 })].map((start) => [orgZone, start.toISODate() ?? ""] as const);
    }),
  );

  it.each(cases)("org in %s, week from %s: every zone's demand forecast within 1 %", (orgZone, startDate) => {
    const start = DateTime.fromISO(startDate, { zone: orgZone });
    const result = forecastChannels({
      history: historyBefore(start),
      zone: orgZone,
      start: startDate,
      days: 7,
      intervalMinutes: 60,
      zoneByChannel: Object.fromEntries(ZONES.map((zone) => [zone, zone])),
      models: ["seasonal-naive", "profile", "clean-profile", "weekly-profile", "clean-holt-winters", "robust-profile", "combination"],
    });
    for (const channel of result.perChannel) {
      expect(channel.demandZone).toBe(channel.channel);
      let error = 0;
      let total = 0;
      result.intervalStartsMs.forEach((ms, index) => {
        const local = DateTime.fromMillis(ms, { zone: channel.demandZone });
        const truth = expectedContacts(channelOf(channel.channel), local.weekday - 1, local.hour * 60 + local.minute, 60);
        error += Math.abs((channel.values[index] ?? 0) - truth);
        total += truth;
      });
      expect(error / total).toBeLessThan(0.01);
    }
  });

  it("without a demand zone, a channel keeps the organisation's clock (and is off when its customers' clock moves)", () => {
    const start = DateTime.fromISO("2026-03-30", { zone: "Europe/Dublin" });
    const history = syntheticHistory({
      zone: "Asia/Manila",
      fromDate: start.minus({ weeks: 6 }).toISODate() ?? "",
      days: 42,
      intervalMinutes: 60,
      channels: [channelOf("Asia/Manila")],
      noise: false,
    });
    const orgClock = forecastChannels({ history, zone: "Europe/Dublin", start: "2026-03-30", days: 7, intervalMinutes: 60 });
    const ownClock = forecastChannels({ history, zone: "Europe/Dublin", start: "2026-03-30", days: 7, intervalMinutes: 60, zoneByChannel: { "Asia/Manila": "Asia/Manila" } });
    const errorOf = (values: readonly number[]): number => {
      let error = 0;
      let total = 0;
      orgClock.intervalStartsMs.forEach((ms, index) => {
        const local = DateTime.fromMillis(ms, { zone: "Asia/Manila" });
        const truth = expectedContacts(channelOf("Asia/Manila"), local.weekday - 1, local.hour * 60, 60);
        error += Math.abs((values[index] ?? 0) - truth);
        total += truth;
      });
      return error / total;
    };
    expect(errorOf(orgClock.perChannel[0]?.values ?? [])).toBeGreaterThan(0.05);
    expect(errorOf(ownClock.perChannel[0]?.values ?? [])).toBeLessThan(0.01);
  });
});
