import { describe, expect, it } from "vitest";
import {
  buildLocalHistory,
  createZoneClock,
  dayOrdinalOfIsoDate,
  ForecastInputError,
  inferIntervalMinutes,
  isoDateOfDayOrdinal,
  parseHistoryRows,
  parseInstantMs,
  weekdayOfDayOrdinal,
} from "./history";

const at = (iso: string): number => parseInstantMs(iso) as number;

describe("createZoneClock: UTC instants on the local wall-clock grid", () => {
  // [zone, instant, interval, local date, wall-clock slot]
  const table: [string, string, number, string, number][] = [
    ["UTC", "2024-03-04T09:00:00Z", 30, "2024-03-04", 18],
    ["Europe/Dublin", "2024-03-30T09:00:00+00:00", 30, "2024-03-30", 18], // GMT
    ["Europe/Dublin", "2024-04-01T09:00:00+01:00", 30, "2024-04-01", 18], // IST: 09:00 stays slot 18
    ["Europe/Dublin", "2024-03-31T00:30:00Z", 30, "2024-03-31", 1], // 00:30 GMT, before the gap
    ["Europe/Dublin", "2024-03-31T01:00:00Z", 30, "2024-03-31", 4], // 02:00 IST: slots 2–3 (01:00–02:00) do not exist
    ["Europe/Dublin", "2024-10-27T00:30:00Z", 30, "2024-10-27", 3], // 01:30 IST, first pass
    ["Europe/Dublin", "2024-10-27T01:30:00Z", 30, "2024-10-27", 3], // 01:30 GMT, second pass: same wall slot
    ["Pacific/Chatham", "2024-06-30T20:15:00Z", 60, "2024-07-01", 9], // +12:45: 09:00 local
    ["Asia/Kolkata", "2024-06-30T03:30:00Z", 60, "2024-06-30", 9], // +05:30
    ["Pacific/Kiritimati", "2024-06-30T20:00:00Z", 60, "2024-07-01", 10], // +14: across the date line
    ["Pacific/Pago_Pago", "2024-07-01T20:00:00Z", 60, "2024-07-01", 9], // −11
  ];
  it.each(table)("%s %s every %i min → %s slot %i", (zone, instant, intervalMinutes, date, slot) => {
    const cell = createZoneClock(zone).toCell(at(instant), intervalMinutes);
    expect(isoDateOfDayOrdinal(cell.dayOrdinal)).toBe(date);
    expect(cell.slot).toBe(slot);
  });

  it("rejects a zone that is not IANA", () => {
    expect(() => createZoneClock("Mars/Olympus")).toThrow(ForecastInputError);
  });
});

describe("day ordinals", () => {
  it("round-trips dates and knows weekdays (Monday = 0)", () => {
    expect(dayOrdinalOfIsoDate("1970-01-01")).toBe(0);
    expect(weekdayOfDayOrdinal(0)).toBe(3);
    const ordinal = dayOrdinalOfIsoDate("2024-03-04") as number;
    expect(weekdayOfDayOrdinal(ordinal)).toBe(0);
    expect(isoDateOfDayOrdinal(ordinal)).toBe("2024-03-04");
    expect(weekdayOfDayOrdinal(-1)).toBe(2);
    expect(dayOrdinalOfIsoDate("2024-02-30")).toBeNull();
    expect(dayOrdinalOfIsoDate("04/03/2024")).toBeNull();
  });
});

describe("inferIntervalMinutes", () => {
  it("takes the smallest positive gap between distinct starts", () => {
    const base = at("2024-03-04T09:00:00Z");
    expect(inferIntervalMinutes([base, base, base + 3_600_000, base + 5_400_000])).toBe(30);
  });
  it("refuses a spacing that does not divide a day, or a single start", () => {
    const base = at("2024-03-04T09:00:00Z");
    expect(() => inferIntervalMinutes([base, base + 7 * 60_000])).toThrow(/does not divide a day/);
    expect(() => inferIntervalMinutes([base])).toThrow(ForecastInputError);
  });
});

describe("parseHistoryRows", () => {
  it("accepts ISO instants with offsets and epoch milliseconds", () => {
    const parsed = parseHistoryRows([
      { intervalStart: "2024-03-04T09:00:00+01:00", channel: "voice", contacts: 3 },
      { intervalStart: at("2024-03-04T08:30:00Z"), channel: "chat", contacts: 0 },
    ]);
    expect(parsed.channels).toEqual(["voice", "chat"]);
    expect(parsed.rows[0]?.intervalStartMs).toBe(at("2024-03-04T08:00:00Z"));
  });
  it.each([
    [{ intervalStart: "2024-03-04T09:00:00", channel: "voice", contacts: 1 }, /intervalStart/],
    [{ intervalStart: "yesterday", channel: "voice", contacts: 1 }, /intervalStart/],
    [{ intervalStart: "2024-03-04T09:00:00Z", channel: "", contacts: 1 }, /channel/],
    [{ intervalStart: "2024-03-04T09:00:00Z", channel: "voice", contacts: -1 }, /contacts/],
    [{ intervalStart: "2024-03-04T09:00:00Z", channel: "voice", contacts: Number.NaN }, /contacts/],
  ])("rejects %o", (row, message) => {
    expect(() => parseHistoryRows([row])).toThrow(message);
  });
  it("rejects two rows for one channel and instant", () => {
    const row = { intervalStart: "2024-03-04T09:00:00Z", channel: "voice", contacts: 1 };
    expect(() => parseHistoryRows([row, { ...row, intervalStart: "2024-03-04T10:00:00+01:00" }])).toThrow(/second row/);
  });
});

describe("buildLocalHistory", () => {
  it("keeps absent intervals unknown, skips the spring-forward gap and averages the repeated hour", () => {
    const clock = createZoneClock("Europe/Dublin");
    const rows = [
      { intervalStart: "2024-10-27T00:00:00+01:00", channel: "voice", contacts: 2 },
      { intervalStart: "2024-10-27T01:00:00+01:00", channel: "voice", contacts: 4 }, // 01:00 IST
      { intervalStart: "2024-10-27T01:00:00+00:00", channel: "voice", contacts: 6 }, // 01:00 GMT, an hour later
      { intervalStart: "2024-10-27T03:00:00+00:00", channel: "voice", contacts: 8 },
    ];
    const local = buildLocalHistory(parseHistoryRows(rows), clock, 60);
    const values = local.series.get("voice")?.values as Float64Array;
    expect(local.dayCount).toBe(1);
    expect(values[0]).toBe(2);
    expect(values[1]).toBe(5);
    expect(Number.isNaN(values[2] as number)).toBe(true);
    expect(values[3]).toBe(8);
  });
});
