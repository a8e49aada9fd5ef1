import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticHistory } from "../server/domain/forecast/synthetic-history";
import { rmSync } from "node:fs";

const dir = mkdtempSync(join(tmpdir(), "sunshift-forecast-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${["interval_start,channel,contacts,aht_seconds", ...lines].join("\n")}\n`);
  return path;
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npx", ["tsx", "scripts/forecast.ts", ...args], { encoding: "utf8", env: { ...process.env, TZ: "Pacific/Chatham" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Four weeks of 30-minute history in Europe/Dublin, two channels; the forecast week holds the spring-forward day.
const history = syntheticHistory({
  zone: "Europe/Dublin",
  fromDate: "2024-02-26",
  days: 28,
  intervalMinutes: 30,
  channels: [
    { channel: "voice", dailyContacts: 900 },
    { channel: "chat", dailyContacts: 300, openHours: Array.from({ length: 7 }, () => [0, 24] as const), weekdayFactors: [1, 1, 1, 1, 1, 1, 1] },
  ],
  noise: true,
  seed: 9,
  closedHoursAs: "zero",
});
const historyPath = writeCsv("history.csv", history.map((row) => `${String(row.intervalStart)},${row.channel},${row.contacts},${row.contacts > 0 ? 240 : ""}`));

describe("npm run forecast", () => {
  const ok = run(["--history", historyPath, "--start", "2024-03-25T00:00:00Z", "--days", "7", "--zone", "Europe/Dublin"]);

  it("prints a CSV with one row per channel and interval, DST week included", () => {
    expect(ok.status).toBe(0);
    const lines = ok.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("interval_start,channel,forecast");
    // 7 local days, one of 23 hours: 7 × 48 − 2 intervals, for each of 2 channels.
    expect(lines).toHaveLength(1 + 2 * (7 * 48 - 2));
    const rows = lines.slice(1).map((line) => line.split(","));
    for (const [instant, channel, forecast] of rows) {
      expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(["voice", "chat"]).toContain(channel);
      expect(Number(forecast)).toBeGreaterThanOrEqual(0);
      expect(forecast).toMatch(/^\d+\.\d+$/);
    }
    const instants = rows.map(([instant]) => instant);
    expect(instants).toContain("2024-03-31T00:30:00+00:00");
    expect(instants).not.toContain("2024-03-31T01:00:00+00:00");
    expect(instants).toContain("2024-03-31T02:00:00+01:00");
    expect(instants.at(-1)).toBe("2024-03-31T23:30:00+01:00");
  });

  it("reports the chosen model and every candidate's backtest score on stderr", () => {
    expect(ok.stderr).toMatch(/channel voice: chosen model [a-z-]+ \(backtest wMAPE \d+\.\d% over 3 week-ahead folds\)/);
    expect(ok.stderr).toMatch(/channel chat: chosen model/);
    for (const model of ["seasonal-naive", "weekday-mean", "profile", "holt-winters"]) expect(ok.stderr).toMatch(new RegExp(`\\n  ${model} +wMAPE +\\d+\\.\\d%`));
  });

  it("defaults to UTC and the history's spacing, and honours --interval and --adjust", () => {
    const utc = run(["--history", historyPath, "--start", "2024-03-25", "--days", "1"]);
    expect(utc.status).toBe(0);
    expect(utc.stdout.split("\n")[1]).toMatch(/^2024-03-25T00:00:00\+00:00,/);
    expect(utc.stdout.trimEnd().split("\n")).toHaveLength(1 + 2 * 48);
    const adjusted = run(["--history", historyPath, "--start", "2024-03-25", "--days", "1", "--interval", "30", "--adjust", "2024-03-25:+50:voice"]);
    const value = (output: string, at: string): number => Number(output.split("\n").find((line) => line.startsWith(at))?.split(",")[2]);
    expect(value(adjusted.stdout, "2024-03-25T12:00:00+00:00,voice")).toBeCloseTo(value(utc.stdout, "2024-03-25T12:00:00+00:00,voice") * 1.5, 2);
  });

  it("keeps the output format in day-ahead mode and reports the combination's weights", () => {
    const dayAhead = run(["--history", historyPath, "--start", "2024-03-25", "--days", "1", "--zone", "Europe/Dublin", "--mode", "day-ahead"]);
    expect(dayAhead.status).toBe(0);
    const lines = dayAhead.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("interval_start,channel,forecast");
    expect(lines).toHaveLength(1 + 2 * 48);
    expect(dayAhead.stderr).toMatch(/day-ahead folds/);
    expect(dayAhead.stderr).toMatch(/combination weights: clean-profile \d\.\d\d/);
  });

  it("warns and falls back to the simplest model on a history too short to backtest", () => {
    const short = writeCsv("short.csv", ["2024-03-04T09:00:00Z,voice,4,180", "2024-03-04T09:30:00Z,voice,6,180"]);
    const result = run(["--history", short, "--start", "2024-03-05T00:00:00Z", "--days", "1"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: history too short to backtest.*seasonal-naive/);
  });

  it.each([
    [["--history", "bad"], 'Row 3, column "contacts": expected a number ≥ 0, got "lots"'],
    [["--zone", "Mars/Base"], '--zone: "Mars/Base" is not an IANA time zone'],
    [["--days", "zero"], '--days: expected a whole number from 1 to 366, got "zero"'],
    [["--interval", "7"], "--interval: expected whole minutes that divide a day"],
    [["--start", "someday"], '--start: expected an ISO date-time, got "someday"'],
    [["--frobnicate", "1"], "unknown flag --frobnicate"],
    [["--mode", "weekly"], '--mode: expected week-ahead or day-ahead, got "weekly"'],
  ])("exits non-zero with a message naming the row or flag: %j", (override, message) => {
    const bad = writeCsv("bad.csv", ["2024-03-04T09:00:00Z,voice,4,180", "2024-03-04T09:30:00Z,voice,lots,180"]);
    const args = new Map([["--history", historyPath], ["--start", "2024-03-25T00:00:00Z"], ["--days", "7"]]);
    const [flag, value] = override as [string, string];
    args.set(flag, flag === "--history" ? bad : value);
    const result = run([...args].flat());
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });
});
