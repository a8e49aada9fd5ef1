import { DateTime } from "luxon";
import Papa from "papaparse";
import { AppError } from "../errors";

/** One row of contact history, as imported. */
export interface HistoryImportRow {
  /** Interval start as an ISO-8601 UTC instant, e.g. "2024-03-04T09:00:00.000Z". */
  intervalStart: string;
  channel: string;
  contacts: number;
  /** Average handle time in seconds; null when the column is absent or the cell is empty. */
  ahtSeconds: number | null;
  /** Contacts that hung up before an answer (0 ≤ abandoned ≤ contacts); null (or absent) when not in the file. */
  abandoned?: number | null;
  /** Mean wait of all contacts in seconds (≥ 0); null (or absent) when not in the file. */
  waitSeconds?: number | null;
}

export interface HistoryCsvOptions {
  /** Allowed channel names; any channel when absent. */
  channels?: readonly string[];
  /** Interval length in minutes; every interval start must lie on its grid. The file's spacing when absent. */
  intervalMinutes?: number;
}

export interface HistoryCsvResult {
  rows: HistoryImportRow[];
  /** Channels in order of first appearance. */
  channels: string[];
  /** The grid the rows were checked against (given, or the file's spacing); null with fewer than two distinct starts. */
  intervalMinutes: number | null;
}

/** One problem in one cell. Rows count the header as row 1, so the first data row is row 2. */
export interface CsvRowError {
  row: number;
  field: string;
  message: string;
}

/**
 * A rejected history file. `row` and `field` point at the first problem; `errors` lists up to
 * {@link MAX_REPORTED_ERRORS} of them. Nothing of a rejected file is imported.
 */
export class CsvImportError extends AppError {
  readonly errors: CsvRowError[];
  readonly totalErrors: number;
  override readonly row: number;
  override readonly field: string;

  constructor(errors: CsvRowError[], totalErrors: number) {
    const first = errors[0] ?? { row: 1, field: "file", message: "Row 1: unreadable file" };
    const more = totalErrors > errors.length ? `\n… and ${totalErrors - errors.length} more` : "";
    const message =
      totalErrors === 1
        ? first.message
        : `${totalErrors} problems in the history file (rows count the header as row 1):\n${errors.map((error) => error.message).join("\n")}${more}`;
    super("INVALID_INPUT", { message, row: first.row, field: first.field });
    this.name = "CsvImportError";
    this.errors = errors;
    this.totalErrors = totalErrors;
    this.row = first.row;
    this.field = first.field;
  }
}

export const MAX_REPORTED_ERRORS = 20;
const REQUIRED_COLUMNS = ["interval_start", "channel", "contacts"] as const;
/** An ISO instant's explicit offset (Z or ±hh[:mm]) at its end: local times without one are refused. */
export const OFFSET_PATTERN = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
/** A plain decimal number (no hex, no "Infinity", no thousands separators). */
export const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Parses contact history in the import format: columns `interval_start` (ISO instant with an
 * offset), `channel`, `contacts` (a number ≥ 0) and optionally `aht_seconds` (a number above 0;
 * empty, or 0 on a row with 0 contacts, means none), `abandoned` (contacts that hung up before an
 * answer, 0 ≤ abandoned ≤ contacts) and `wait_seconds` (mean wait of all contacts, ≥ 0); those two
 * let staffing estimate callers' patience (Erlang A). Empty optional cells mean none. Checks every
 * row and rejects the whole file on any problem, naming the row (the header is row 1) and column.
 * Two rows for the same interval and channel are an error.
 * @example
 * parseHistoryCsv("interval_start,channel,contacts\n2024-03-04T09:00:00+00:00,voice,12\n").rows
 * //=> [{ intervalStart: "2024-03-04T09:00:00.000Z", channel: "voice", contacts: 12, ahtSeconds: null, abandoned: null, waitSeconds: null }]
 */
export function parseHistoryCsv(text: string, options: HistoryCsvOptions = {}): HistoryCsvResult {
  const errors: CsvRowError[] = [];
  let totalErrors = 0;
  const fail = (row: number, field: string, detail: string): void => {
    totalErrors++;
    if (errors.length < MAX_REPORTED_ERRORS) {
      errors.push({ row, field, message: field === "" ? `Row ${row}: ${detail}` : `Row ${row}, column "${field}": ${detail}` });
    }
  };
  const reject = (): never => {
    throw new CsvImportError(errors, totalErrors);
  };

  if (options.intervalMinutes !== undefined) {
    const minutes = options.intervalMinutes;
    if (!Number.isInteger(minutes) || minutes <= 0 || 1440 % minutes !== 0) {
      throw new AppError("INVALID_INPUT", {
        message: `intervalMinutes: expected a whole number of minutes that divides a day, got ${String(minutes)}`,
        field: "intervalMinutes",
      });
    }
  }

  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  if (records.length === 0 || header.every((name) => name === "")) {
    fail(1, "", `expected a header with columns ${REQUIRED_COLUMNS.join(", ")}, found an empty file`);
    reject();
  }
  const columnIndex = new Map<string, number>();
  header.forEach((name, index) => {
    if (columnIndex.has(name)) fail(1, name, "appears twice in the header");
    else columnIndex.set(name, index);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columnIndex.has(column)) fail(1, column, `missing from the header (found: ${header.join(", ")})`);
  }
  if (totalErrors > 0) reject();
  const allowedChannels = options.channels === undefined ? null : new Set(options.channels);
  const cell = (record: string[], column: string): string | undefined => {
    const index = columnIndex.get(column);
    return index === undefined ? undefined : record[index]?.trim();
  };

  const rows: HistoryImportRow[] = [];
  const rowNumbers: number[] = [];
  const startsMs: number[] = [];
  const startTexts: string[] = [];
  const firstRowOf = new Map<string, number>();
  const channels: string[] = [];
  for (let index = 1; index < records.length; index++) {
    const record = records[index] as string[];
    const row = index + 1;
    if (record.every((value) => value.trim() === "")) continue;
    if (record.length < header.length) {
      fail(row, "", `expected ${header.length} columns, found ${record.length}`);
      continue;
    }
    if (record.length > header.length && record.slice(header.length).some((value) => value.trim() !== "")) {
      fail(row, "", `expected ${header.length} columns, found ${record.length}`);
      continue;
    }
    let ok = true;

    const startText = cell(record, "interval_start") ?? "";
    let startMs: number | null = null;
    if (startText === "") {
      fail(row, "interval_start", "expected an ISO instant with an offset such as 2024-03-04T09:00:00+00:00, got an empty cell");
    } else if (!/T/i.test(startText) || !OFFSET_PATTERN.test(startText)) {
      fail(row, "interval_start", `expected an ISO instant with an offset such as 2024-03-04T09:00:00+00:00, got "${startText}"`);
    } else {
      startMs = parseIsoMs(startText);
      if (startMs === null) fail(row, "interval_start", `expected an ISO instant with an offset such as 2024-03-04T09:00:00+00:00, got "${startText}"`);
    }
    if (startMs === null) ok = false;

    const channel = cell(record, "channel") ?? "";
    if (channel === "") {
      fail(row, "channel", "expected a channel name, got an empty cell");
      ok = false;
    } else if (allowedChannels !== null && !allowedChannels.has(channel)) {
      fail(row, "channel", `unknown channel "${channel}" (expected one of: ${[...allowedChannels].join(", ")})`);
      ok = false;
    }

    const contactsText = cell(record, "contacts") ?? "";
    const contacts = NUMBER_PATTERN.test(contactsText) ? Number(contactsText) : Number.NaN;
    if (!Number.isFinite(contacts) || contacts < 0) {
      fail(row, "contacts", `expected a number ≥ 0, got "${contactsText}"`);
      ok = false;
    }

    let ahtSeconds: number | null = null;
    const ahtText = cell(record, "aht_seconds");
    if (ahtText !== undefined && ahtText !== "") {
      const aht = NUMBER_PATTERN.test(ahtText) ? Number(ahtText) : Number.NaN;
      // No contacts, no handle time: an export's 0 there means "none", not an AHT of zero.
      if (aht === 0 && contacts === 0) ahtSeconds = null;
      else if (!Number.isFinite(aht) || aht <= 0) {
        fail(row, "aht_seconds", `expected a number above 0, got "${ahtText}"`);
        ok = false;
      } else ahtSeconds = aht;
    }

    let abandoned: number | null = null;
    const abandonedText = cell(record, "abandoned");
    if (abandonedText !== undefined && abandonedText !== "") {
      const value = NUMBER_PATTERN.test(abandonedText) ? Number(abandonedText) : Number.NaN;
      if (!Number.isFinite(value) || value < 0) {
        fail(row, "abandoned", `expected a number ≥ 0, got "${abandonedText}"`);
        ok = false;
      } else if (Number.isFinite(contacts) && value > contacts) {
        fail(row, "abandoned", `expected at most the row's ${contactsText} contacts (abandoned contacts are part of them), got "${abandonedText}"`);
        ok = false;
      } else abandoned = value;
    }

    let waitSeconds: number | null = null;
    const waitText = cell(record, "wait_seconds");
    if (waitText !== undefined && waitText !== "") {
      const value = NUMBER_PATTERN.test(waitText) ? Number(waitText) : Number.NaN;
      if (!Number.isFinite(value) || value < 0) {
        fail(row, "wait_seconds", `expected a number of seconds ≥ 0, got "${waitText}"`);
        ok = false;
      } else waitSeconds = value;
    }

    if (!ok || startMs === null) continue;
    const key = `${channel}\u0000${startMs}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      fail(row, "interval_start", `duplicate: row ${earlier} already has channel "${channel}" at ${startText}`);
      continue;
    }
    firstRowOf.set(key, row);
    if (!channels.includes(channel)) channels.push(channel);
    rows.push({ intervalStart: isoUtc(startMs), channel, contacts, ahtSeconds, abandoned, waitSeconds });
    rowNumbers.push(row);
    startsMs.push(startMs);
    startTexts.push(startText);
  }
  if (totalErrors === 0 && rows.length === 0) fail(2, "", "no data rows under the header");

  // Without a given interval the grid is the commonest gap, so a stray row cannot bend the grid to
  // itself; only when a few rows (one, or at most 5%) are off it, else the file simply has a finer spacing.
  const gridMinutes = options.intervalMinutes ?? commonestGapMinutes(startsMs);
  if (gridMinutes !== null && startsMs.length > 0) {
    const intervalMs = gridMinutes * 60_000;
    const phase = commonestPhase(startsMs, intervalMs);
    const offGrid = startsMs.flatMap((ms, index) => (mod(ms, intervalMs) === phase ? [] : [index]));
    if (options.intervalMinutes !== undefined || offGrid.length <= Math.max(1, startsMs.length * 0.05)) {
      for (const index of offGrid) {
        const inferred = options.intervalMinutes === undefined ? " (the file's commonest spacing)" : "";
        const text = startTexts[index] ?? "";
        fail(rowNumbers[index] as number, "interval_start", `${text} is not on the ${gridMinutes}-minute grid${inferred} of the other rows`);
      }
    }
  }
  if (totalErrors > 0) {
    errors.sort((a, b) => a.row - b.row);
    reject();
  }
  return { rows, channels, intervalMinutes: options.intervalMinutes ?? spacingMinutes(startsMs) };
}

/** Epoch milliseconds of an ISO instant, or null when it is not a valid date. */
export function parseIsoMs(text: string): number | null {
  try {
    const parsed = DateTime.fromISO(text, { setZone: true });
    return parsed.isValid ? parsed.toMillis() : null;
  } catch {
    // The app may set Settings.throwOnInvalid; an invalid date is a row error either way.
    return null;
  }
}

/** The instant as ISO-8601 UTC with milliseconds, as history rows store it. */
export function isoUtc(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: "UTC" }).toISO() ?? "";
}

/** Smallest positive gap between distinct starts, in minutes, if it divides a day; else null. */
function spacingMinutes(startsMs: readonly number[]): number | null {
  const distinct = [...new Set(startsMs)].sort((a, b) => a - b);
  let smallest = Infinity;
  for (let i = 1; i < distinct.length; i++) {
    const gap = (distinct[i] as number) - (distinct[i - 1] as number);
    if (gap < smallest) smallest = gap;
  }
  const minutes = smallest / 60_000;
  return Number.isInteger(minutes) && 1440 % minutes === 0 ? minutes : null;
}

/** The commonest gap between consecutive distinct starts, in minutes, if it divides a day; else null. */
function commonestGapMinutes(startsMs: readonly number[]): number | null {
  const distinct = [...new Set(startsMs)].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  let best: number | null = null;
  let bestCount = 0;
  for (let i = 1; i < distinct.length; i++) {
    const gap = (distinct[i] as number) - (distinct[i - 1] as number);
    const count = (counts.get(gap) ?? 0) + 1;
    counts.set(gap, count);
    if (count > bestCount || (count === bestCount && best !== null && gap < best)) {
      best = gap;
      bestCount = count;
    }
  }
  if (best === null) return null;
  const minutes = best / 60_000;
  return Number.isInteger(minutes) && 1440 % minutes === 0 ? minutes : null;
}

/** The grid's phase is what most rows agree on, so one stray row is the one reported. */
function commonestPhase(startsMs: readonly number[], intervalMs: number): number {
  const counts = new Map<number, number>();
  let best = mod(startsMs[0] as number, intervalMs);
  let bestCount = 0;
  for (const ms of startsMs) {
    const phase = mod(ms, intervalMs);
    const count = (counts.get(phase) ?? 0) + 1;
    counts.set(phase, count);
    if (count > bestCount) {
      best = phase;
      bestCount = count;
    }
  }
  return best;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
