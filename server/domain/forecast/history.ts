import { DateTime, IANAZone } from "luxon";

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;
export const DAYS_PER_WEEK = 7;

/** One observed interval of contact history. */
export interface HistoryRow {
  /** Start of the interval: an ISO-8601 instant with an offset, or epoch milliseconds (UTC). */
  intervalStart: string | number;
  channel: string;
  contacts: number;
  /** Mean handle time of the interval's contacts, when the history carries it. */
  ahtSeconds?: number | null;
}

/**
 * Bad forecast input (a flag, a history row, an adjustment). `field` names what was wrong.
 * The code matches the app's error codes so `server/api` can map it without knowing this class.
 */
export class ForecastInputError extends Error {
  readonly code = "INVALID_INPUT" as const;
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = "ForecastInputError";
    this.field = field;
  }
}

/**
 * History of one channel on a local wall-clock grid: `values[day * slotsPerDay + slot]` holds the
 * contacts of local day `firstDay + day` at wall-clock slot `slot` (slot 36 of 15 minutes is 09:00
 * local), or NaN when the history has no row for it (unknown, not zero). On a 23-hour day the
 * skipped wall-clock slots stay unknown; on a 25-hour day the repeated wall-clock hour holds the
 * mean of its two real intervals.
 */
export interface LocalSeries {
  readonly zone: string;
  readonly intervalMinutes: number;
  readonly slotsPerDay: number;
  /** Local calendar day of `values[0]`, as days since 1970-01-01 (a day ordinal). */
  readonly firstDay: number;
  readonly dayCount: number;
  readonly values: Float64Array;
  /**
   * Handle time per cell (Σ contacts × AHT seconds) and the contacts behind it, over rows that carry
   * an AHT; absent when no row does.
   */
  readonly handleSeconds?: Float64Array;
  readonly handledContacts?: Float64Array;
}

/** A UTC instant placed on the local wall-clock grid. */
export interface LocalCell {
  /** Local calendar day as days since 1970-01-01. */
  dayOrdinal: number;
  /** Wall-clock slot within the local day: floor(minutes since local midnight / interval). */
  slot: number;
}

/** Maps UTC instants to local wall-clock cells in one IANA zone. Caches zone offsets. */
export interface ZoneClock {
  readonly zone: string;
  offsetMinutes(epochMs: number): number;
  toCell(epochMs: number, intervalMinutes: number): LocalCell;
}

/**
 * Checks that `zone` is an IANA zone name luxon can use.
 * @example assertZone("Europe/Dublin") // ok; assertZone("Mars/Base") throws ForecastInputError
 */
export function assertZone(zone: string, field = "zone"): void {
  if (typeof zone !== "string" || zone === "" || !IANAZone.isValidZone(zone)) {
    throw new ForecastInputError(`${field}: "${String(zone)}" is not an IANA time zone (e.g. "Europe/Dublin", "UTC")`, field);
  }
}

/**
 * A clock for one zone. Local fields come from the zone's offset at each instant, so 09:00 local
 * stays slot 09:00 across a DST change.
 * @example createZoneClock("Europe/Dublin").toCell(Date.UTC(2024, 6, 1, 8, 0), 30) //=> { dayOrdinal: 19905, slot: 18 } (09:00 IST)
 */
export function createZoneClock(zone: string): ZoneClock {
  assertZone(zone);
  const ianaZone = IANAZone.create(zone);
  const cache = new Map<number, number>();
  const offsetMinutes = (epochMs: number): number => {
    let offset = cache.get(epochMs);
    if (offset === undefined) {
      offset = ianaZone.offset(epochMs);
      cache.set(epochMs, offset);
    }
    return offset;
  };
  return {
    zone,
    offsetMinutes,
    toCell(epochMs, intervalMinutes) {
      const localMs = epochMs + offsetMinutes(epochMs) * MS_PER_MINUTE;
      const dayOrdinal = Math.floor(localMs / MS_PER_DAY);
      const minuteOfDay = Math.floor((localMs - dayOrdinal * MS_PER_DAY) / MS_PER_MINUTE);
      return { dayOrdinal, slot: Math.floor(minuteOfDay / intervalMinutes) };
    },
  };
}

/**
 * Day of week of a day ordinal, Monday = 0 … Sunday = 6.
 * @example weekdayOfDayOrdinal(0) //=> 3 (1970-01-01 was a Thursday)
 */
export function weekdayOfDayOrdinal(dayOrdinal: number): number {
  return (((dayOrdinal + 3) % 7) + 7) % 7;
}

/**
 * The calendar date (YYYY-MM-DD) of a day ordinal.
 * @example isoDateOfDayOrdinal(19905) //=> "2024-07-01"
 */
export function isoDateOfDayOrdinal(dayOrdinal: number): string {
  return DateTime.fromMillis(dayOrdinal * MS_PER_DAY, { zone: "UTC" }).toISODate() ?? "";
}

/**
 * The day ordinal of a calendar date (YYYY-MM-DD), or null when it is not a date.
 * @example dayOrdinalOfIsoDate("1970-01-02") //=> 1
 */
export function dayOrdinalOfIsoDate(isoDate: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const parsed = safeLuxon(() => DateTime.fromISO(isoDate, { zone: "UTC" }));
  if (parsed === null) return null;
  return Math.round(parsed.toMillis() / MS_PER_DAY);
}

/**
 * Parses an ISO instant. With `requireOffset` a wall time without `Z` or `±hh:mm` is rejected;
 * otherwise it is read in `zone`. Works whether or not the app set `Settings.throwOnInvalid`.
 * @example parseInstantMs("2024-03-31T01:00:00+01:00") //=> 1711843200000
 */
export function parseInstantMs(text: string, options: { zone?: string; requireOffset?: boolean } = {}): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const fast = strictIsoInstantMs(trimmed);
  if (fast !== undefined) return fast;
  const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(trimmed) && /T/i.test(trimmed);
  if (options.requireOffset === true && !hasOffset) return null;
  const parsed = safeLuxon(() => DateTime.fromISO(trimmed, { zone: options.zone ?? "UTC", setZone: false }));
  return parsed === null ? null : parsed.toMillis();
}

const STRICT_ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The common shape `2024-03-04T09:00:00+01:00` read without luxon (a history has tens of thousands
 * of rows); undefined for any other shape, null for an impossible date such as February 30th.
 */
function strictIsoInstantMs(text: string): number | null | undefined {
  const match = STRICT_ISO_INSTANT.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHours, offsetMinutes] = match;
  const y = Number(year);
  // Date.UTC reads years 0–99 as 1900–1999; leave such dates to luxon.
  if (y < 1000) return undefined;
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const se = second === undefined ? 0 : Number(second);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1];
  if (monthDays === undefined || d < 1 || d > monthDays || h > 23 || mi > 59 || se > 59) return null;
  const oh = zulu === undefined ? Number(offsetHours) : 0;
  const om = zulu === undefined ? Number(offsetMinutes) : 0;
  if (oh > 23 || om > 59) return null;
  const offsetMs = (sign === "-" ? -1 : 1) * (oh * 60 + om) * MS_PER_MINUTE;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  // Date.UTC is plain calendar arithmetic (no clock, no machine zone).
  return Date.UTC(y, mo - 1, d, h, mi, se, ms) - offsetMs;
}

function safeLuxon(make: () => DateTime): DateTime | null {
  try {
    const value = make();
    return value.isValid ? value : null;
  } catch {
    return null;
  }
}

/**
 * The history's spacing: the smallest positive gap between distinct interval starts, in minutes.
 * @example inferIntervalMinutes([0, 1_800_000, 5_400_000]) //=> 30
 */
export function inferIntervalMinutes(intervalStartsMs: readonly number[]): number {
  const distinct = [...new Set(intervalStartsMs)].sort((a, b) => a - b);
  let smallestMs = Infinity;
  for (let i = 1; i < distinct.length; i++) {
    const gap = (distinct[i] as number) - (distinct[i - 1] as number);
    if (gap > 0 && gap < smallestMs) smallestMs = gap;
  }
  if (!Number.isFinite(smallestMs)) {
    throw new ForecastInputError("history: cannot infer the interval from fewer than two distinct interval starts; give intervalMinutes", "intervalMinutes");
  }
  const minutes = smallestMs / MS_PER_MINUTE;
  if (!Number.isInteger(minutes) || MINUTES_PER_DAY % minutes !== 0) {
    throw new ForecastInputError(
      `history: its spacing of ${minutes} minutes does not divide a day into whole intervals; give intervalMinutes`,
      "intervalMinutes",
    );
  }
  return minutes;
}

/**
 * Checks an interval length: a whole number of minutes that divides 1440.
 * @example assertIntervalMinutes(15) // ok; assertIntervalMinutes(7) throws
 */
export function assertIntervalMinutes(intervalMinutes: number, field = "intervalMinutes"): void {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || MINUTES_PER_DAY % intervalMinutes !== 0) {
    throw new ForecastInputError(`${field}: expected a whole number of minutes that divides a day (5, 10, 15, 30, 60…), got ${String(intervalMinutes)}`, field);
  }
}

/** History in UTC milliseconds, validated, with its channels in order of first appearance. */
export interface ParsedHistory {
  channels: string[];
  rows: { intervalStartMs: number; channel: string; contacts: number; ahtSeconds: number | null }[];
}

/**
 * Validates history rows and turns their starts into epoch milliseconds.
 * Two rows for the same channel and instant are an error (a double import, not more contacts).
 * @example parseHistoryRows([{ intervalStart: "2024-01-01T09:00:00Z", channel: "voice", contacts: 3 }]).channels //=> ["voice"]
 */
export function parseHistoryRows(history: readonly HistoryRow[]): ParsedHistory {
  const channels: string[] = [];
  const seenChannels = new Set<string>();
  const seenKeys = new Set<string>();
  const rows: ParsedHistory["rows"] = [];
  history.forEach((row, index) => {
    const where = `history[${index}]`;
    const intervalStartMs =
      typeof row.intervalStart === "number"
        ? Number.isFinite(row.intervalStart)
          ? row.intervalStart
          : null
        : parseInstantMs(row.intervalStart, { requireOffset: true });
    if (intervalStartMs === null) {
      throw new ForecastInputError(`${where}.intervalStart: expected an ISO instant with an offset, got "${String(row.intervalStart)}"`, "intervalStart");
    }
    if (typeof row.channel !== "string" || row.channel.trim() === "") {
      throw new ForecastInputError(`${where}.channel: expected a channel name`, "channel");
    }
    if (typeof row.contacts !== "number" || !Number.isFinite(row.contacts) || row.contacts < 0) {
      throw new ForecastInputError(`${where}.contacts: expected a number ≥ 0, got ${String(row.contacts)}`, "contacts");
    }
    const aht = row.ahtSeconds ?? null;
    if (aht !== null && (typeof aht !== "number" || !Number.isFinite(aht) || aht < 0)) {
      throw new ForecastInputError(`${where}.ahtSeconds: expected a number ≥ 0 or null, got ${String(aht)}`, "ahtSeconds");
    }
    const key = `${row.channel}\u0000${intervalStartMs}`;
    if (seenKeys.has(key)) {
      throw new ForecastInputError(`${where}: a second row for channel "${row.channel}" at ${String(row.intervalStart)}`, "intervalStart");
    }
    seenKeys.add(key);
    if (!seenChannels.has(row.channel)) {
      seenChannels.add(row.channel);
      channels.push(row.channel);
    }
    rows.push({ intervalStartMs, channel: row.channel, contacts: row.contacts, ahtSeconds: aht });
  });
  return { channels, rows };
}

/** Per-channel series on one shared local day range. */
export interface LocalHistory {
  zone: string;
  intervalMinutes: number;
  slotsPerDay: number;
  firstDay: number;
  dayCount: number;
  channels: string[];
  series: Map<string, LocalSeries>;
}

/**
 * Places history on the local wall-clock grid of `zone`, one series per channel over the same
 * local days (first to last day with any row). Absent intervals are NaN (unknown).
 * @example buildLocalHistory(parsed, createZoneClock("Europe/Dublin"), 30).series.get("voice")?.values
 */
export function buildLocalHistory(parsed: ParsedHistory, clock: ZoneClock, intervalMinutes: number): LocalHistory {
  assertIntervalMinutes(intervalMinutes);
  const slotsPerDay = MINUTES_PER_DAY / intervalMinutes;
  const cells = parsed.rows.map((row) => clock.toCell(row.intervalStartMs, intervalMinutes));
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const cell of cells) {
    if (cell.dayOrdinal < firstDay) firstDay = cell.dayOrdinal;
    if (cell.dayOrdinal > lastDay) lastDay = cell.dayOrdinal;
  }
  if (!Number.isFinite(firstDay)) {
    throw new ForecastInputError("history: no rows", "history");
  }
  const dayCount = lastDay - firstDay + 1;
  const sums = new Map<string, { sum: Float64Array; count: Uint8Array; handle: Float64Array | null; handled: Float64Array | null }>();
  const withAht = new Set(parsed.rows.filter((row) => row.ahtSeconds !== null).map((row) => row.channel));
  for (const channel of parsed.channels) {
    const size = dayCount * slotsPerDay;
    const aht = withAht.has(channel);
    sums.set(channel, { sum: new Float64Array(size), count: new Uint8Array(size), handle: aht ? new Float64Array(size) : null, handled: aht ? new Float64Array(size) : null });
  }
  parsed.rows.forEach((row, index) => {
    const cell = cells[index] as LocalCell;
    const target = sums.get(row.channel);
    if (target === undefined) return;
    const at = (cell.dayOrdinal - firstDay) * slotsPerDay + cell.slot;
    target.sum[at] = (target.sum[at] as number) + row.contacts;
    target.count[at] = (target.count[at] as number) + 1;
    if (row.ahtSeconds !== null && target.handle !== null && target.handled !== null) {
      target.handle[at] = (target.handle[at] as number) + row.contacts * row.ahtSeconds;
      target.handled[at] = (target.handled[at] as number) + row.contacts;
    }
  });
  const series = new Map<string, LocalSeries>();
  for (const channel of parsed.channels) {
    const { sum, count, handle, handled } = sums.get(channel) as { sum: Float64Array; count: Uint8Array; handle: Float64Array | null; handled: Float64Array | null };
    const values = new Float64Array(sum.length);
    for (let i = 0; i < values.length; i++) {
      const n = count[i] as number;
      // The repeated hour of a 25-hour day puts two real intervals on one wall-clock slot: keep their mean.
      values[i] = n === 0 ? Number.NaN : (sum[i] as number) / n;
    }
    const aht = handle === null || handled === null ? {} : { handleSeconds: handle, handledContacts: handled };
    series.set(channel, { zone: clock.zone, intervalMinutes, slotsPerDay, firstDay, dayCount, values, ...aht });
  }
  return { zone: clock.zone, intervalMinutes, slotsPerDay, firstDay, dayCount, channels: parsed.channels, series };
}
