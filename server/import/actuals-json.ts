/**
 * Intraday actuals as JSON (`POST /api/actuals`): an array of `{ interval_start, channel,
 * contacts, aht_seconds? }`, checked cell by cell with the history CSV's rules (an ISO instant
 * with an offset on the planning grid, a known channel, contacts ≥ 0, an AHT above 0 or none)
 * and rejected whole on any problem, naming the row (the array index + 1) and the field.
 */
import { DateTime } from "luxon";
import { AppError } from "../errors";
import { MAX_REPORTED_ERRORS, NUMBER_PATTERN, OFFSET_PATTERN, isoUtc, parseIsoMs, type CsvRowError, type HistoryImportRow } from "./history-csv";

export interface ActualsJsonOptions {
  /** Allowed channel names. */
  channels: readonly string[];
  /** Every interval start must lie on this grid, counted from local midnight in `timeZone`. */
  intervalMinutes: number;
  timeZone: string;
  /** Actuals cannot start after this instant (epoch milliseconds): "now". */
  latestStartMs: number;
}

/** At most this many rows in one post: a day of 15-minute intervals for a hundred channels. */
export const MAX_ACTUAL_ROWS = 10_000;
const FIELDS = ["interval_start", "channel", "contacts", "aht_seconds"] as const;
const EXAMPLE = "2026-11-24T09:00:00+00:00";

/**
 * A rejected post. `row` and `field` point at the first problem; `errors` lists up to
 * {@link MAX_REPORTED_ERRORS} of them. Nothing of a rejected post is recorded.
 */
export class ActualsInputError extends AppError {
  readonly errors: CsvRowError[];
  readonly totalErrors: number;

  constructor(errors: CsvRowError[], totalErrors: number) {
    const first = errors[0] ?? { row: 0, field: "body", message: "Unreadable body" };
    const more = totalErrors > errors.length ? `\n… and ${totalErrors - errors.length} more` : "";
    const message = totalErrors === 1 ? first.message : `${totalErrors} problems in the actuals (rows count from 1):\n${errors.map((e) => e.message).join("\n")}${more}`;
    super("INVALID_INPUT", { message, row: first.row, field: first.field });
    this.name = "ActualsInputError";
    this.errors = errors;
    this.totalErrors = totalErrors;
  }
}

function shown(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : value === undefined ? "nothing" : JSON.stringify(value);
}

function numberOf(value: unknown): number {
  if (typeof value === "number") return value;
  return typeof value === "string" && NUMBER_PATTERN.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

/**
 * Checks every row of a parsed JSON body and returns them as history rows (UTC ISO starts).
 * @example
 * parseActualsJson([{ interval_start: "2026-11-24T09:00:00Z", channel: "voice", contacts: 12 }],
 *   { channels: ["voice"], intervalMinutes: 30, timeZone: "Europe/Dublin", latestStartMs: Date.UTC(2026, 10, 24, 10) })
 * //=> [{ intervalStart: "2026-11-24T09:00:00.000Z", channel: "voice", contacts: 12, ahtSeconds: null }]
 */
export function parseActualsJson(body: unknown, options: ActualsJsonOptions): HistoryImportRow[] {
  const errors: CsvRowError[] = [];
  let totalErrors = 0;
  const fail = (row: number, field: string, detail: string): void => {
    totalErrors++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ row, field, message: field === "" ? `Row ${row}: ${detail}` : `Row ${row}, field "${field}": ${detail}` });
  };
  if (!Array.isArray(body)) throw new ActualsInputError([{ row: 0, field: "body", message: `Expected a JSON array of { interval_start, channel, contacts, aht_seconds? }, got ${body === null ? "null" : typeof body}` }], 1);
  if (body.length === 0) throw new ActualsInputError([{ row: 0, field: "body", message: "Expected at least one row, got an empty array" }], 1);
  if (body.length > MAX_ACTUAL_ROWS) throw new ActualsInputError([{ row: 0, field: "body", message: `Expected at most ${MAX_ACTUAL_ROWS} rows, got ${body.length}` }], 1);

  const allowed = new Set(options.channels);
  const intervalMs = options.intervalMinutes * 60_000;
  const rows: HistoryImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  body.forEach((item: unknown, index) => {
    const row = index + 1;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      fail(row, "", `expected an object with ${FIELDS.slice(0, 3).join(", ")}, got ${shown(item)}`);
      return;
    }
    const record = item as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(record)) {
      if (!(FIELDS as readonly string[]).includes(key)) {
        fail(row, key, `unknown field (expected: ${FIELDS.join(", ")})`);
        ok = false;
      }
    }

    const startValue = record.interval_start;
    let startMs: number | null = null;
    if (typeof startValue !== "string" || !/T/i.test(startValue) || !OFFSET_PATTERN.test(startValue.trim())) {
      fail(row, "interval_start", `expected an ISO instant with an offset such as ${EXAMPLE}, got ${shown(startValue)}`);
    } else {
      startMs = parseIsoMs(startValue.trim());
      if (startMs === null) fail(row, "interval_start", `expected an ISO instant with an offset such as ${EXAMPLE}, got ${shown(startValue)}`);
      else if ((startMs - DateTime.fromMillis(startMs, { zone: options.timeZone }).startOf("day").toMillis()) % intervalMs !== 0) {
        fail(row, "interval_start", `${startValue} is not on the organisation's ${options.intervalMinutes}-minute grid`);
        startMs = null;
      } else if (startMs > options.latestStartMs) {
        fail(row, "interval_start", `${startValue} has not started yet: actuals are for intervals under way or past`);
        startMs = null;
      }
    }
    if (startMs === null) ok = false;

    const channel = record.channel;
    if (typeof channel !== "string" || channel.trim() === "") {
      fail(row, "channel", `expected a channel name, got ${shown(channel)}`);
      ok = false;
    } else if (!allowed.has(channel.trim())) {
      fail(row, "channel", `unknown channel "${channel}" (expected one of: ${[...allowed].join(", ")})`);
      ok = false;
    }

    const contacts = numberOf(record.contacts);
    if (!Number.isFinite(contacts) || contacts < 0) {
      fail(row, "contacts", `expected a number ≥ 0, got ${shown(record.contacts)}`);
      ok = false;
    }

    let ahtSeconds: number | null = null;
    const ahtValue = record.aht_seconds;
    if (ahtValue !== undefined && ahtValue !== null && ahtValue !== "") {
      const aht = numberOf(ahtValue);
      // As in the CSV: no contacts, no handle time; a 0 there means "none".
      if (aht === 0 && contacts === 0) ahtSeconds = null;
      else if (!Number.isFinite(aht) || aht <= 0) {
        fail(row, "aht_seconds", `expected a number above 0, got ${shown(ahtValue)}`);
        ok = false;
      } else ahtSeconds = aht;
    }

    if (!ok || startMs === null || typeof channel !== "string") return;
    const name = channel.trim();
    const key = `${name}\u0000${startMs}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      fail(row, "interval_start", `duplicate: row ${earlier} already has channel "${name}" at ${String(startValue)}`);
      return;
    }
    firstRowOf.set(key, row);
    rows.push({ intervalStart: isoUtc(startMs), channel: name, contacts, ahtSeconds });
  });
  if (totalErrors > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw new ActualsInputError(errors, totalErrors);
  }
  return rows;
}
