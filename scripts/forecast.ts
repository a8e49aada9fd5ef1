/**
 * npm run -s forecast -- --history FILE.csv --start ISO --days N [--zone IANA] [--interval MINUTES]
 *                        [--channels a,b] [--adjust FROM..TO:PERCENT[:CHANNEL]]... [--mode week-ahead|day-ahead]
 *
 * `--zone` is the demand zone: the clock the customers keep, where weekdays and slots are read.
 * Reads contact history in the import format, backtests the candidate models per channel, and
 * prints the forecast as CSV on stdout (interval_start,channel,forecast). The chosen model, every
 * candidate's backtest wMAPE and any warnings go to stderr. Bad input: a message naming the row or
 * flag on stderr and exit code 1 (data) or 2 (flags).
 */
import { readFileSync } from "node:fs";
import {
  assertZone,
  type ForecastAdjustment,
  forecastChannels,
  ForecastInputError,
  type ForecastMode,
  type ForecastResult,
  MODEL_DESCRIPTIONS,
  parseAdjustmentSpec,
} from "../server/domain/forecast/index";
import { CsvImportError, parseHistoryCsv } from "../server/import/history-csv";

const USAGE =
  "usage: npm run -s forecast -- --history FILE.csv --start ISO --days N [--zone IANA] [--interval MINUTES] [--channels a,b] [--adjust FROM..TO:PERCENT[:CHANNEL]] [--mode week-ahead|day-ahead]";

class UsageError extends Error {}

interface Flags {
  history: string;
  start: string;
  days: number;
  zone: string;
  intervalMinutes: number | undefined;
  channels: string[] | undefined;
  adjustments: ForecastAdjustment[];
  mode: ForecastMode;
}

function parseFlags(argv: readonly string[]): Flags {
  const values = new Map<string, string>();
  const adjustments: ForecastAdjustment[] = [];
  const known = new Set(["history", "start", "days", "zone", "interval", "channels", "adjust", "mode"]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") throw new UsageError(USAGE);
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UsageError(`unexpected argument "${arg}"\n${USAGE}`);
    const name = match[1] as string;
    if (!known.has(name)) throw new UsageError(`unknown flag --${name}\n${USAGE}`);
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name}: expected a value`);
      i++;
    }
    if (name === "adjust") {
      try {
        adjustments.push(parseAdjustmentSpec(value));
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      continue;
    }
    if (values.has(name)) throw new UsageError(`--${name}: given twice`);
    values.set(name, value);
  }
  for (const required of ["history", "start", "days"]) {
    if (!values.has(required)) throw new UsageError(`--${required} is required\n${USAGE}`);
  }
  const daysText = values.get("days") as string;
  const days = /^\d+$/.test(daysText) ? Number(daysText) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError(`--days: expected a whole number from 1 to 366, got "${daysText}"`);
  const intervalText = values.get("interval");
  let intervalMinutes: number | undefined;
  if (intervalText !== undefined) {
    intervalMinutes = /^\d+$/.test(intervalText) ? Number(intervalText) : Number.NaN;
    if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0) {
      throw new UsageError(`--interval: expected whole minutes that divide a day (15, 30, 60…), got "${intervalText}"`);
    }
  }
  const channelsText = values.get("channels");
  const mode = values.get("mode") ?? "week-ahead";
  if (mode !== "week-ahead" && mode !== "day-ahead") throw new UsageError(`--mode: expected week-ahead or day-ahead, got "${mode}"`);
  return {
    mode,
    history: values.get("history") as string,
    start: values.get("start") as string,
    days,
    zone: values.get("zone") ?? "UTC",
    intervalMinutes,
    channels: channelsText === undefined ? undefined : channelsText.split(",").map((channel) => channel.trim()).filter((channel) => channel !== ""),
    adjustments,
  };
}

function percent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

function report(result: ForecastResult): string {
  const lines = [
    `forecast: zone ${result.zone}, ${result.mode}, ${result.intervalMinutes}-minute intervals, trained on ${result.training.fromDate}..${result.training.toDate} (${result.training.days} local days), ${result.intervals.length} intervals per channel`,
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  for (const channel of result.perChannel) {
    const best = channel.scores.find((score) => score.model === channel.chosenModel);
    const scored = channel.folds > 0 ? ` (backtest wMAPE ${percent(best?.wmape ?? null)} over ${channel.folds} ${result.mode} folds)` : " (no backtest)";
    lines.push(`channel ${channel.channel}: chosen model ${channel.chosenModel}${scored}: ${MODEL_DESCRIPTIONS[channel.chosenModel]}`);
    for (const score of channel.scores) {
      const folds = score.foldWmapes.map(percent).join(", ");
      lines.push(`  ${score.model.padEnd(18)} wMAPE ${percent(score.wmape).padStart(7)}  folds: ${folds}${score.model === channel.chosenModel ? "  <- chosen" : ""}`);
    }
    if (channel.weights.length > 0) {
      lines.push(`  combination weights: ${channel.weights.map((entry) => `${entry.model} ${entry.weight.toFixed(2)}`).join(", ")}`);
    }
    for (const warning of channel.warnings) lines.push(`  warning: ${warning}`);
  }
  return `${lines.join("\n")}\n`;
}

function toCsv(result: ForecastResult): string {
  const lines = ["interval_start,channel,forecast"];
  result.intervals.forEach((interval, index) => {
    for (const channel of result.perChannel) {
      lines.push(`${interval},${csvField(channel.channel)},${(channel.values[index] ?? 0).toFixed(3)}`);
    }
  });
  return `${lines.join("\n")}\n`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function main(): number {
  let flags: Flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`forecast: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    assertZone(flags.zone, "--zone");
  } catch (error) {
    process.stderr.write(`forecast: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(flags.history, "utf8");
  } catch (error) {
    process.stderr.write(`forecast: --history: cannot read "${flags.history}": ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const parsed = parseHistoryCsv(text, {
      ...(flags.channels === undefined ? {} : { channels: flags.channels }),
      ...(flags.intervalMinutes === undefined ? {} : { intervalMinutes: flags.intervalMinutes }),
    });
    const result = forecastChannels({
      history: parsed.rows,
      zone: flags.zone,
      start: flags.start,
      days: flags.days,
      adjustments: flags.adjustments,
      mode: flags.mode,
      ...(flags.intervalMinutes === undefined ? {} : { intervalMinutes: flags.intervalMinutes }),
    });
    process.stderr.write(report(result));
    process.stdout.write(toCsv(result));
    return 0;
  } catch (error) {
    if (error instanceof CsvImportError) {
      process.stderr.write(`forecast: ${flags.history}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ForecastInputError) {
      // Input errors about flags name the flag the way it was typed.
      const flag = ({ zone: "--zone", start: "--start", days: "--days", intervalMinutes: "--interval" } as Record<string, string>)[error.field ?? ""];
      process.stderr.write(`forecast: ${flag === undefined ? error.message : `${flag}: ${error.message.replace(/^[a-zA-Z]+: /, "")}`}\n`);
      return flag === undefined ? 1 : 2;
    }
    if (error instanceof Error && "code" in error && error.code === "INVALID_INPUT") {
      process.stderr.write(`forecast: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
