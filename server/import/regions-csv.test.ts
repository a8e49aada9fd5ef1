import { describe, expect, it } from "vitest";
import { CsvFileError } from "./csv-table";
import { parseRegionsCsv, parseWorkingDays } from "./regions-csv";

const HEADER = "name,time_zone,earliest_start,latest_end,working_days,cost_per_hour";
const csv = (...lines: string[]): string => [HEADER, ...lines].join("\n") + "\n";
const context = { regions: [{ id: 3, name: "EMEA" }] };

function refusal(text: string): CsvFileError {
  try {
    parseRegionsCsv(text, context);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("parseWorkingDays", () => {
  it.each([
    ["Mon-Fri", [1, 2, 3, 4, 5]],
    ["Mon,Wed,Fri", [1, 3, 5]],
    ["sat; MONDAY", [1, 6]],
    ["Fri-Mon", [1, 5, 6, 7]],
    ["Mon-Wed,Sat", [1, 2, 3, 6]],
    ["", [1, 2, 3, 4, 5, 6, 7]],
  ])("reads %j", (text, days) => {
    expect(parseWorkingDays(text)).toEqual(days);
  });

  it.each(["Funday", "Mon-", "Mon-Tue-Wed", "1-5"])("refuses %j", (text) => {
    expect(() => parseWorkingDays(text)).toThrow(/is not a weekday/);
  });
});

describe("parseRegionsCsv", () => {
  it("reads a good file: quoted day lists, 7:00, 24:00, cents, a known name (any case) as an update", () => {
    const rows = parseRegionsCsv(
      csv('emea,Europe/Dublin,7:00,23:00,"Mon,Wed,Fri",18.5', "APAC,Asia/Manila,06:00,24:00,Mon-Sat,9.99", "Night,America/New_York,22:00,06:00,,0"),
      context,
    );
    expect(rows).toEqual([
      { row: 2, name: "emea", timeZone: "Europe/Dublin", windowStart: "07:00", windowEnd: "23:00", workingDays: [1, 3, 5], hourlyCostCents: 1850, existingId: 3 },
      { row: 3, name: "APAC", timeZone: "Asia/Manila", windowStart: "06:00", windowEnd: "24:00", workingDays: [1, 2, 3, 4, 5, 6], hourlyCostCents: 999, existingId: null },
      { row: 4, name: "Night", timeZone: "America/New_York", windowStart: "22:00", windowEnd: "06:00", workingDays: [1, 2, 3, 4, 5, 6, 7], hourlyCostCents: 0, existingId: null },
    ]);
  });

  it("works without the optional working_days column, with a BOM and blank lines", () => {
    const rows = parseRegionsCsv("\uFEFFname,time_zone,earliest_start,latest_end,cost_per_hour\n\nLATAM,America/Sao_Paulo,08:00,20:00,16.50\n", context);
    expect(rows[0]?.workingDays).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]?.row).toBe(3);
  });

  it.each([
    ["X,Europe/Dublin,07:00,23:00,,18", "name", 'expected a name of 2 to 60 characters, got "X"'],
    ["LATAM,Mars/Olympus,07:00,23:00,,18", "time_zone", 'expected an IANA time zone such as Europe/Dublin, got "Mars/Olympus"'],
    ["LATAM,UTC+1,07:00,23:00,,18", "time_zone", 'got "UTC+1"'],
    ["LATAM,Europe/Dublin,7am,23:00,,18", "earliest_start", 'expected a 24-hour time HH:mm such as 07:00, got "7am"'],
    ["LATAM,Europe/Dublin,07:00,25:00,,18", "latest_end", 'got "25:00"'],
    ["LATAM,Europe/Dublin,07:00,23:00,Mon-Funday,18", "working_days", '"Mon-Funday" is not a weekday or a range of weekdays'],
    ["LATAM,Europe/Dublin,07:00,23:00,,-3", "cost_per_hour", 'expected an amount per hour from 0 to 1000 such as 18.50, got "-3"'],
    ["LATAM,Europe/Dublin,07:00,23:00,,", "cost_per_hour", 'got ""'],
    ["LATAM,Europe/Dublin,07:00,23:00,,12 USD", "cost_per_hour", 'got "12 USD"'],
  ])("refuses %s naming row 3 and its column", (line, field, detail) => {
    const error = refusal(csv("APAC,Asia/Manila,06:00,22:00,Mon-Fri,10", line));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.row).toBe(3);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^Row 3, column "${field}": `));
    expect(error.message).toContain(detail);
  });

  it("refuses a name given twice (any case), naming both rows", () => {
    const error = refusal(csv("APAC,Asia/Manila,06:00,22:00,Mon-Fri,10", "apac,Asia/Tokyo,06:00,22:00,Mon-Fri,10"));
    expect(error.message).toBe('Row 3, column "name": duplicate: row 2 already has region "apac"');
  });

  it("refuses a missing, unknown or repeated column in the header as row 1", () => {
    expect(refusal("name,time_zone,earliest_start,cost_per_hour\nA1,UTC,07:00,1\n").message).toContain('Row 1, column "latest_end": missing from the header');
    expect(refusal(`${HEADER},colour\n`).message).toBe('Row 1, column "colour": unknown column (expected: name, time_zone, earliest_start, latest_end, cost_per_hour, working_days)');
    expect(refusal("").message).toContain("Row 1: expected a header");
    expect(refusal(csv()).message).toBe("Row 2: no data rows under the header");
    expect(refusal(csv("APAC,Asia/Manila,06:00")).message).toBe("Row 2: expected 6 columns, found 3");
  });

  it("lists every bad row (up to 20) with the total, in row order", () => {
    const bad = Array.from({ length: 25 }, (_, i) => `Region ${i},Nowhere/${i},07:00,23:00,,1`);
    const error = refusal(csv(...bad));
    expect(error.totalErrors).toBe(25);
    expect(error.errors).toHaveLength(20);
    expect(error.errors.map((e) => e.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(error.message).toMatch(/^25 problems in the regions file \(rows count the header as row 1\):\n/);
    expect(error.message).toContain("… and 5 more");
  });
});
