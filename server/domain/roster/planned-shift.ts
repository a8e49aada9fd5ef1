/**
 * Where a hand-placed shift's breaks go. Moving a shift keeps its breaks at the same offsets
 * from its start, so saving it unchanged changes nothing; a new shift, or one given another
 * template, gets each break at its earliest allowed offset on the interval grid.
 */
import { DateTime } from "luxon";

/** A shift template's length and break rules, as stored. */
export interface PlannableTemplate {
  id: number;
  minutes: number;
  breaks: readonly { minutes: number; earliestAfterMinutes: number }[];
}

export interface TimedRange {
  startMs: number;
  endMs: number;
}

/** The shift being moved, if any: its template and its current times. */
export interface ShiftBeingMoved {
  templateId: number | null;
  startMs: number;
  breaks: readonly TimedRange[];
}

export interface PlannedShiftTimes extends TimedRange {
  breaks: TimedRange[];
}

/**
 * The instant an ISO 8601 date-time with an offset names, or null when it names none. Tolerates
 * `Settings.throwOnInvalid`, so callers get one answer whatever the app has set.
 * @example parseIsoInstantMs("2026-03-29T09:00:00+01:00") //=> Date.parse("2026-03-29T08:00:00Z")
 * @example parseIsoInstantMs("not a time") //=> null
 */
export function parseIsoInstantMs(iso: string): number | null {
  try {
    const parsed = DateTime.fromISO(iso, { zone: "utc" });
    return parsed.isValid ? parsed.toMillis() : null;
  } catch {
    return null;
  }
}

/**
 * The times of a shift of `template` starting at `startMs`, breaks included. Breaks keep their
 * offsets from `moved` when it has the same template and as many breaks; otherwise each break
 * starts at its earliest offset rounded up to a whole interval. Instants in ms, lengths in minutes.
 * @example
 * planShiftTimes(Date.parse("2026-03-23T08:00:00Z"), { id: 1, minutes: 480, breaks: [{ minutes: 30, earliestAfterMinutes: 200 }] }, 30)
 * //=> a shift 08:00–16:00 with its break 11:30–12:00 (200 minutes rounded up to 210)
 */
export function planShiftTimes(startMs: number, template: PlannableTemplate, intervalMinutes: number, moved?: ShiftBeingMoved): PlannedShiftTimes {
  const keepBreaks = moved !== undefined && moved.templateId === template.id && moved.breaks.length === template.breaks.length;
  const breaks = keepBreaks
    ? moved.breaks.map((b) => {
        const offsetMs = b.startMs - moved.startMs;
        return { startMs: startMs + offsetMs, endMs: startMs + offsetMs + (b.endMs - b.startMs) };
      })
    : template.breaks.map((b) => {
        const offsetMinutes = Math.ceil(b.earliestAfterMinutes / intervalMinutes) * intervalMinutes;
        return { startMs: startMs + offsetMinutes * 60_000, endMs: startMs + (offsetMinutes + b.minutes) * 60_000 };
      });
  return { startMs, endMs: startMs + template.minutes * 60_000, breaks };
}
