/**
 * Instants and durations as text: one formatter for the engine's files, the forecast output, rule
 * messages and the pages, so a time reads the same wherever it is shown. Every local time names
 * its zone; which zone is always an argument, never the machine's.
 */
import { DateTime } from "luxon";

/** Weekday, day, month and wall-clock time: "Tue 24 Nov 07:00". */
export const DAY_AND_TIME = "ccc d LLL HH:mm";

/** ISO 8601 with the zone's numeric offset, never "Z", seconds precision: "2024-03-31T02:00:00+01:00". */
export const ISO_WITH_OFFSET = "yyyy-MM-dd'T'HH:mm:ssZZ";

/**
 * How the zone follows a local time: its abbreviation ("07:00 GMT"), its IANA name
 * ("07:00 Europe/Dublin"), the IANA name in brackets ("07:00 (Europe/Dublin)"), or nothing (the
 * pattern writes the offset itself, or the caller names the zone once for several times).
 */
export type ZoneNaming = "abbreviation" | "iana" | "bracketed" | "none";

/**
 * An instant (epoch milliseconds or an ISO string) as text.
 *
 * Without a zone it is written as the roster format writes instants: ISO 8601 in UTC, "Z",
 * milliseconds only when there are some. With a zone it is the local time in `pattern` (luxon
 * tokens, `DAY_AND_TIME` by default) followed by the zone as `zoneNaming` says (its abbreviation
 * by default, as the pages show it). Text that is not an instant is returned as it is.
 * @example formatInstant(Date.UTC(2026, 2, 23, 7)) //=> "2026-03-23T07:00:00Z"
 * @example formatInstant(Date.UTC(2026, 10, 24, 7), "Europe/Dublin") //=> "Tue 24 Nov 07:00 GMT"
 * @example formatInstant(Date.UTC(2026, 10, 24, 7), "Europe/Dublin", DAY_AND_TIME, "bracketed") //=> "Tue 24 Nov 07:00 (Europe/Dublin)"
 * @example formatInstant(Date.UTC(2024, 2, 31, 1), "Europe/Dublin", ISO_WITH_OFFSET, "none") //=> "2024-03-31T02:00:00+01:00"
 */
export function formatInstant(instant: number | string, zone?: string, pattern: string = DAY_AND_TIME, zoneNaming: ZoneNaming = "abbreviation"): string {
  const options = { zone: zone ?? "utc" };
  let local: DateTime;
  try {
    local = typeof instant === "number" ? DateTime.fromMillis(instant, options) : DateTime.fromISO(instant, options);
  } catch {
    // With luxon's Settings.throwOnInvalid an unreadable instant throws instead of being invalid.
    return String(instant);
  }
  if (!local.isValid) return String(instant);
  if (zone === undefined) return local.toISO({ suppressMilliseconds: true }) ?? String(instant);
  const text = local.toFormat(pattern);
  switch (zoneNaming) {
    case "abbreviation":
      return `${text} ${local.toFormat("ZZZZ")}`;
    case "iana":
      return `${text} ${zone}`;
    case "bracketed":
      return `${text} (${zone})`;
    case "none":
      return text;
  }
}

/**
 * An instant as people read it in rule messages and notifications, the zone named in brackets.
 * @example localLabel(Date.UTC(2026, 10, 24, 7), "Europe/Dublin") //=> "Tue 24 Nov 07:00 (Europe/Dublin)"
 */
export function localLabel(instantMs: number, zone: string): string {
  return formatInstant(instantMs, zone, DAY_AND_TIME, "bracketed");
}

/**
 * A local calendar date (yyyy-MM-dd) in words: "Monday 23 Mar".
 * @example localDayLabel("2026-03-23") //=> "Monday 23 Mar"
 */
export function localDayLabel(isoDate: string): string {
  // The date is already local: read it as a calendar date, in no zone at all.
  const day = DateTime.fromISO(isoDate, { zone: "utc" });
  return day.isValid ? day.toFormat("cccc d LLL") : isoDate;
}

/**
 * Minutes as hours for people, "−" for negative amounts.
 * @example hoursLabel(630) //=> "10 h 30 min"
 * @example hoursLabel(540) //=> "9 h"
 */
export function hoursLabel(minutes: number): string {
  const sign = minutes < 0 ? "−" : "";
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${m} min`;
}
