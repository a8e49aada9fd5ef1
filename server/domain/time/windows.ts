/**
 * Region working windows: local wall-clock times in an IANA zone turned into UTC instants, one
 * window per local day, by luxon. Never add offsets by hand: on a clock-change day the window is
 * an hour shorter or longer in real time, and only the zone rules know which.
 */
import { DateTime } from "luxon";
import { MINUTES_PER_DAY, parseLocalMinutes, windowLengthMinutes, type TRegion } from "../roster/problem";
import type { InstantRange } from "./ranges";

function atLocalTime(date: DateTime, minutesAfterMidnight: number): DateTime {
  // "24:00" is midnight of the next day; plus({ days }) is calendar arithmetic in the zone, not 24 h.
  const base = minutesAfterMidnight >= MINUTES_PER_DAY ? date.plus({ days: 1 }) : date;
  const minutes = minutesAfterMidnight % MINUTES_PER_DAY;
  return base.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/**
 * Every working window of a region that overlaps [fromMs, toMs), as UTC instants, clipped to that range.
 * Round-the-clock regions get one window for the whole range.
 * @example
 * regionWindows({ id: "emea", timeZone: "Europe/Dublin", earliestStart: "07:00", latestEnd: "23:00" },
 *   Date.UTC(2026, 9, 25), Date.UTC(2026, 9, 26))
 * //=> [{ startMs: Date.UTC(2026, 9, 25, 7), endMs: Date.UTC(2026, 9, 25, 23) }]
 */
export function regionWindows(region: TRegion, fromMs: number, toMs: number): InstantRange[] {
  if (windowLengthMinutes(region) === MINUTES_PER_DAY) return [{ startMs: fromMs, endMs: toMs }];
  const startMinutes = parseLocalMinutes(region.earliestStart);
  let endMinutes = parseLocalMinutes(region.latestEnd);
  if (endMinutes <= startMinutes) endMinutes += MINUTES_PER_DAY; // wraps past midnight
  const windows: InstantRange[] = [];
  // Start a day early: yesterday's window may run past midnight into the range.
  let day = DateTime.fromMillis(fromMs, { zone: region.timeZone }).startOf("day").minus({ days: 1 });
  const lastDay = DateTime.fromMillis(toMs, { zone: region.timeZone }).startOf("day");
  while (day <= lastDay) {
    const startMs = atLocalTime(day, startMinutes).toMillis();
    const endMs = atLocalTime(day, endMinutes).toMillis();
    const clippedStart = Math.max(startMs, fromMs);
    const clippedEnd = Math.min(endMs, toMs);
    if (clippedEnd > clippedStart) windows.push({ startMs: clippedStart, endMs: clippedEnd });
    day = day.plus({ days: 1 });
  }
  return windows;
}
