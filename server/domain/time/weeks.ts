/** Planning weeks: local calendar weeks of a zone, DST-correct. */
import { DateTime } from "luxon";

/**
 * The local week containing `now` in `zone`, starting on `weekStart` (1 = Monday … 7 = Sunday),
 * shifted by `weekOffset` weeks. A week across a DST change is 167 or 169 hours long.
 * @example weekContaining(new Date("2026-12-02T03:00:00Z"), "Europe/Dublin", 1, 0).start.toISO() //=> "2026-11-30T00:00:00.000+00:00"
 */
export function weekContaining(now: Date, zone: string, weekStart: number, weekOffset: number): { start: DateTime; end: DateTime } {
  const local = DateTime.fromJSDate(now, { zone });
  // Luxon weeks start on Monday; shift to the chosen first weekday.
  const start = local.startOf("day").minus({ days: (local.weekday - weekStart + 7) % 7 }).plus({ weeks: weekOffset });
  return { start, end: start.plus({ weeks: 1 }) };
}
