import { describe, expect, it } from "vitest";
import { CsvImportError, parseHistoryCsv } from "./history-csv";

const HEADER = "interval_start,channel,contacts,aht_seconds";
const csv = (...lines: string[]): string => [HEADER, ...lines].join("\n") + "\n";

function importError(text: string, options?: Parameters<typeof parseHistoryCsv>[1]): CsvImportError {
  try {
    parseHistoryCsv(text, options);
  } catch (error) {
    if (error instanceof CsvImportError) return error;
    throw error;
  }
  throw new Error("expected the file to be rejected");
}

describe("parseHistoryCsv", () => {
  it("reads rows as UTC instants with optional AHT", () => {
    const result = parseHistoryCsv(csv("2024-03-31T00:30:00+00:00,voice,12,180", "2024-03-31T02:00:00+01:00,voice,3,", "2024-03-31T01:00:00Z,chat,0,0"));
    expect(result.rows).toEqual([
      { intervalStart: "2024-03-31T00:30:00.000Z", channel: "voice", contacts: 12, ahtSeconds: 180, abandoned: null, waitSeconds: null },
      { intervalStart: "2024-03-31T01:00:00.000Z", channel: "voice", contacts: 3, ahtSeconds: null, abandoned: null, waitSeconds: null },
      { intervalStart: "2024-03-31T01:00:00.000Z", channel: "chat", contacts: 0, ahtSeconds: null, abandoned: null, waitSeconds: null },
    ]);
    expect(result.channels).toEqual(["voice", "chat"]);
    expect(result.intervalMinutes).toBe(30);
  });

  it("works without the aht_seconds column, with a BOM, blank lines and quoted cells", () => {
    const result = parseHistoryCsv('\uFEFFinterval_start,channel,contacts\n2024-03-04T09:00:00Z,"voice",4\n\n2024-03-04T09:15:00Z,voice,5\n');
    expect(result.rows.map((row) => row.contacts)).toEqual([4, 5]);
    expect(result.intervalMinutes).toBe(15);
  });

  // Row numbers count the header as row 1: the first data row is row 2.
  it.each([
    ["2024-03-04T09:00:00Z,voice,-3,180", 2, "contacts", 'Row 2, column "contacts": expected a number ≥ 0, got "-3"'],
    ["2024-03-04T09:00:00Z,voice,abc,180", 2, "contacts", 'Row 2, column "contacts": expected a number ≥ 0, got "abc"'],
    ["2024-03-04T09:00:00Z,voice,,180", 2, "contacts", 'Row 2, column "contacts": expected a number ≥ 0, got ""'],
    ["2024-03-04T09:00:00Z,voice,4,0", 2, "aht_seconds", 'Row 2, column "aht_seconds": expected a number above 0, got "0"'],
    ["2024-03-04T09:00:00Z,voice,4,fast", 2, "aht_seconds", 'Row 2, column "aht_seconds": expected a number above 0, got "fast"'],
    ["2024-03-04 09:00,voice,4,180", 2, "interval_start", 'Row 2, column "interval_start": expected an ISO instant with an offset'],
    ["2024-03-04T09:00:00,voice,4,180", 2, "interval_start", 'Row 2, column "interval_start": expected an ISO instant with an offset'],
    ["2024-02-30T09:00:00Z,voice,4,180", 2, "interval_start", 'Row 2, column "interval_start": expected an ISO instant with an offset'],
    ["2024-03-04T09:00:00Z,,4,180", 2, "channel", 'Row 2, column "channel": expected a channel name'],
    ["2024-03-04T09:00:00Z,voice,4", 2, "", "Row 2: expected 4 columns, found 3"],
  ])("rejects %s", (line, row, field, message) => {
    const error = importError(csv(line));
    expect(error.row).toBe(row);
    expect(error.field).toBe(field);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(message);
  });

  it("rejects a channel not in the given list", () => {
    const error = importError(csv("2024-03-04T09:00:00Z,voice,4,180", "2024-03-04T09:00:00Z,fax,1,100"), { channels: ["voice", "chat"] });
    expect(error.message).toBe('Row 3, column "channel": unknown channel "fax" (expected one of: voice, chat)');
  });

  it("rejects an interval off the given grid, and a stray row off the file's own grid", () => {
    const given = importError(csv("2024-03-04T09:00:00Z,voice,4,180", "2024-03-04T09:10:00Z,voice,1,100"), { intervalMinutes: 30 });
    expect(given.message).toContain('Row 3, column "interval_start": 2024-03-04T09:10:00Z is not on the 30-minute grid');
    const lines = Array.from({ length: 8 }, (_, index) => `2024-03-04T${String(9 + Math.floor(index / 2)).padStart(2, "0")}:${index % 2 === 0 ? "00" : "30"}:00Z,voice,4,180`);
    lines.splice(5, 0, "2024-03-04T11:10:00Z,voice,1,100");
    const inferred = importError(csv(...lines));
    expect(inferred.row).toBe(7);
    expect(inferred.message).toContain("not on the 30-minute grid");
  });

  it("rejects a duplicate interval and channel, naming both rows", () => {
    const error = importError(csv("2024-03-04T09:00:00Z,voice,4,180", "2024-03-04T10:00:00+01:00,voice,5,180"));
    expect(error.message).toBe('Row 3, column "interval_start": duplicate: row 2 already has channel "voice" at 2024-03-04T10:00:00+01:00');
  });

  it("collects every bad row (up to 20) and rejects the whole file", () => {
    const lines = Array.from({ length: 30 }, (_, index) => `2024-03-04T${String(index % 24).padStart(2, "0")}:00:00Z,voice${index},x,180`);
    const error = importError(csv("2024-03-05T00:00:00Z,voice,1,100", ...lines));
    expect(error.totalErrors).toBe(30);
    expect(error.errors).toHaveLength(20);
    expect(error.row).toBe(3);
    expect(error.message).toMatch(/^30 problems in the history file \(rows count the header as row 1\):\nRow 3, column "contacts"/);
    expect(error.message).toContain("… and 10 more");
  });

  it("rejects a missing column or an empty file at row 1", () => {
    expect(importError("interval_start,channel\n2024-03-04T09:00:00Z,voice\n").message).toContain('Row 1, column "contacts": missing from the header');
    expect(importError("").row).toBe(1);
    expect(importError(`${HEADER}\n`).message).toContain("no data rows");
  });

  describe("abandoned and wait_seconds", () => {
    const withAbandons = (...lines: string[]) => ["interval_start,channel,contacts,aht_seconds,abandoned,wait_seconds", ...lines].join("\n") + "\n";

    it("reads them when present, empty cells as none", () => {
      const result = parseHistoryCsv(withAbandons("2024-03-04T09:00:00Z,voice,40,180,3,12.5", "2024-03-04T09:30:00Z,voice,20,170,,", "2024-03-04T10:00:00Z,voice,0,,0,0"));
      expect(result.rows.map((r) => [r.abandoned, r.waitSeconds])).toEqual([
        [3, 12.5],
        [null, null],
        [0, 0],
      ]);
    });

    it.each([
      ["2024-03-04T09:00:00Z,voice,40,180,-1,10", "abandoned", 'Row 2, column "abandoned": expected a number ≥ 0, got "-1"'],
      ["2024-03-04T09:00:00Z,voice,40,180,many,10", "abandoned", 'Row 2, column "abandoned": expected a number ≥ 0, got "many"'],
      ["2024-03-04T09:00:00Z,voice,40,180,41,10", "abandoned", 'Row 2, column "abandoned": expected at most the row\'s 40 contacts'],
      ["2024-03-04T09:00:00Z,voice,40,180,3,-2", "wait_seconds", 'Row 2, column "wait_seconds": expected a number of seconds ≥ 0, got "-2"'],
      ["2024-03-04T09:00:00Z,voice,40,180,3,soon", "wait_seconds", 'Row 2, column "wait_seconds": expected a number of seconds ≥ 0, got "soon"'],
    ])("rejects %s", (line, field, message) => {
      const error = importError(withAbandons(line));
      expect(error.row).toBe(2);
      expect(error.field).toBe(field);
      expect(error.message).toContain(message);
    });

    it("works with only one of the two columns", () => {
      const result = parseHistoryCsv("interval_start,channel,contacts,abandoned\n2024-03-04T09:00:00Z,voice,40,2\n");
      expect(result.rows[0]).toMatchObject({ abandoned: 2, waitSeconds: null, ahtSeconds: null });
    });
  });
});
