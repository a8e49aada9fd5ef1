/**
 * The regions import file: columns `name,time_zone,earliest_start,latest_end,working_days,cost_per_hour`.
 * Pure: checks every row and refuses the whole file on any problem, naming the row (the header is
 * row 1) and the column; the use case (server/services/org/import-regions.ts) writes the result.
 */
import { isIanaZoneName } from "../domain/time/time-zone";
import { parseDecimal, readCsvTable, RowErrors } from "./csv-table";

/** One region as the file describes it. A known name (any case) updates that region. */
export interface RegionImportRow {
  row: number;
  name: string;
  timeZone: string;
  /** Local wall-clock "HH:mm" in `timeZone`; an end at or before the start wraps past midnight. */
  windowStart: string;
  windowEnd: string;
  /** ISO weekdays, 1 = Monday, ascending. */
  workingDays: number[];
  hourlyCostCents: number;
  /** The id of the existing region with this name, or null for a new one. */
  existingId: number | null;
}

/** The regions the organisation has, to tell updates from new regions. */
export interface RegionsCsvContext {
  regions: readonly { id: number; name: string }[];
}

export const REGION_COLUMNS = {
  required: ["name", "time_zone", "earliest_start", "latest_end", "cost_per_hour"],
  optional: ["working_days"],
} as const;

const LOCAL_TIME = /^(?:([01]?\d|2[0-3]):([0-5]\d)|24:00)$/;
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const FULL_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
/** The form's bound: no support team pays more than this per agent hour. */
const MAX_COST_PER_HOUR = 1000;

/** "7:00" → "07:00"; null when the text is not a 24-hour HH:mm time. */
function parseLocalTime(text: string): string | null {
  const match = LOCAL_TIME.exec(text);
  if (match === null) return null;
  if (match[1] === undefined) return "24:00";
  return `${match[1].padStart(2, "0")}:${match[2] ?? "00"}`;
}

function weekdayNumber(text: string): number | null {
  const name = text.trim().toLowerCase();
  const short = WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
  if (short >= 0) return short + 1;
  const full = FULL_WEEKDAYS.indexOf(name as (typeof FULL_WEEKDAYS)[number]);
  return full >= 0 ? full + 1 : null;
}

/**
 * Working days as ISO weekdays: "Mon-Fri", "Mon,Wed,Fri", "Mon-Wed;Sat", full names too, any
 * case; a range may wrap past Sunday ("Fri-Mon"). Empty means every day. Throws the reason.
 * @example parseWorkingDays("Mon-Fri") //=> [1, 2, 3, 4, 5]
 * @example parseWorkingDays("Sat,mon") //=> [1, 6]
 */
export function parseWorkingDays(text: string): number[] {
  if (text.trim() === "") return [1, 2, 3, 4, 5, 6, 7];
  const days = new Set<number>();
  for (const part of text.split(/[,;\s]+/).filter((p) => p !== "")) {
    const [fromText, toText, extra] = part.split("-");
    const from = weekdayNumber(fromText ?? "");
    if (from === null || extra !== undefined) throw new Error(`"${part}" is not a weekday or a range of weekdays such as Mon-Fri`);
    if (toText === undefined) {
      days.add(from);
      continue;
    }
    const to = weekdayNumber(toText);
    if (to === null) throw new Error(`"${part}" is not a weekday or a range of weekdays such as Mon-Fri`);
    for (let day = from; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * Parses and checks a regions file against the regions that exist (names match without regard to
 * case; a known name updates that region). Refuses the whole file on any bad row, with every
 * problem (up to 20) named by row and column.
 * @example
 * parseRegionsCsv("name,time_zone,earliest_start,latest_end,working_days,cost_per_hour\nEMEA,Europe/Dublin,07:00,23:00,Mon-Fri,18.50\n", { regions: [] })
 * //=> [{ row: 2, name: "EMEA", timeZone: "Europe/Dublin", windowStart: "07:00", windowEnd: "23:00", workingDays: [1, 2, 3, 4, 5], hourlyCostCents: 1850, existingId: null }]
 */
export function parseRegionsCsv(text: string, context: RegionsCsvContext): RegionImportRow[] {
  const errors = new RowErrors("regions");
  const records = readCsvTable(text, REGION_COLUMNS, errors);
  const existing = new Map(context.regions.map((r) => [r.name.toLowerCase(), r.id]));
  const firstRowOf = new Map<string, number>();
  const rows: RegionImportRow[] = [];
  for (const record of records) {
    const { row } = record;
    let ok = true;
    const fail = (field: string, detail: string) => {
      errors.fail(row, field, detail);
      ok = false;
    };

    const name = record.cell("name");
    if (name.length < 2 || name.length > 60) fail("name", `expected a name of 2 to 60 characters, got "${name}"`);
    const earlier = firstRowOf.get(name.toLowerCase());
    if (name !== "" && earlier !== undefined) fail("name", `duplicate: row ${earlier} already has region "${name}"`);
    else firstRowOf.set(name.toLowerCase(), row);

    const timeZone = record.cell("time_zone");
    if (!isIanaZoneName(timeZone)) fail("time_zone", `expected an IANA time zone such as Europe/Dublin, got "${timeZone}"`);

    const windowStart = parseLocalTime(record.cell("earliest_start"));
    if (windowStart === null) fail("earliest_start", `expected a 24-hour time HH:mm such as 07:00, got "${record.cell("earliest_start")}"`);
    const windowEnd = parseLocalTime(record.cell("latest_end"));
    if (windowEnd === null) fail("latest_end", `expected a 24-hour time HH:mm such as 23:00, got "${record.cell("latest_end")}"`);

    let workingDays: number[] = [];
    try {
      workingDays = parseWorkingDays(record.cell("working_days"));
    } catch (error) {
      fail("working_days", `${error instanceof Error ? error.message : String(error)} (empty means every day)`);
    }

    const costText = record.cell("cost_per_hour");
    const cost = parseDecimal(costText);
    if (cost === null || cost > MAX_COST_PER_HOUR) fail("cost_per_hour", `expected an amount per hour from 0 to ${MAX_COST_PER_HOUR} such as 18.50, got "${costText}"`);

    if (!ok || windowStart === null || windowEnd === null || cost === null) continue;
    rows.push({
      row,
      name,
      timeZone,
      windowStart,
      windowEnd,
      workingDays,
      hourlyCostCents: Math.round(cost * 100),
      existingId: existing.get(name.toLowerCase()) ?? null,
    });
  }
  errors.throwIfAny();
  return rows;
}
