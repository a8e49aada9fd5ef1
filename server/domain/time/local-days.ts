/** Local calendar days of instants: the day a rule ("one shift per local day") or a soft goal counts in. */
import { DateTime } from "luxon";

/**
 * The local calendar date (yyyy-MM-dd) of an instant in a zone.
 * @example localDate(Date.UTC(2026, 2, 23, 23, 30), "Asia/Manila") //=> "2026-03-24"
 */
export function localDate(instantMs: number, timeZone: string): string {
  return DateTime.fromMillis(instantMs, { zone: timeZone }).toISODate() ?? "";
}

/** Local facts about an instant used for rules and soft goals. */
export interface LocalFacts {
  /** yyyy-MM-dd in the zone. */
  date: string;
  /** Whole days since 1970-01-01 of the local date: consecutive local days differ by 1. */
  dayNumber: number;
  /** Minutes after local midnight. */
  minuteOfDay: number;
  weekend: boolean;
}

/**
 * Local date, day number, time of day and weekend flag of an instant in a zone.
 * @example localFacts(Date.UTC(2026, 2, 28, 9), "Europe/Dublin").weekend //=> true
 */
export function localFacts(instantMs: number, timeZone: string): LocalFacts {
  const local = DateTime.fromMillis(instantMs, { zone: timeZone });
  const date = local.toISODate() ?? "";
  const dayNumber = Math.round(DateTime.fromISO(date, { zone: "utc" }).toMillis() / 86_400_000);
  return { date, dayNumber, minuteOfDay: local.hour * 60 + local.minute, weekend: local.weekday >= 6 };
}
