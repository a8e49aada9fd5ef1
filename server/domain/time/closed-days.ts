/** Local days a region does not work, as instant ranges. */
import { DateTime } from "luxon";

/**
 * The local days of `zone` overlapping [fromMs, toMs) whose ISO weekday (1 = Monday) is not in
 * `workingDays`, each as a whole local day in UTC ISO instants (23 or 25 hours across DST).
 * @example closedDayRanges(Date.parse("2026-03-28T00:00:00Z"), Date.parse("2026-03-30T00:00:00Z"), "Europe/Dublin", [1, 2, 3, 4, 5]).length //=> 2
 */
export function closedDayRanges(fromMs: number, toMs: number, zone: string, workingDays: readonly number[]): { start: string; end: string }[] {
  const ranges: { start: string; end: string }[] = [];
  if (workingDays.length >= 7) return ranges;
  let day = DateTime.fromMillis(fromMs, { zone }).startOf("day");
  while (day.toMillis() < toMs) {
    const next = day.plus({ days: 1 });
    if (!workingDays.includes(day.weekday)) ranges.push({ start: day.toUTC().toISO() ?? "", end: next.toUTC().toISO() ?? "" });
    day = next;
  }
  return ranges;
}
