/**
 * The planning-week picker: this week and the next three (the weeks Rosters builds). The first
 * two are named in words, the later ones by their first day; a week without a forecast says so.
 */
import { DateTime } from "luxon";
import type { StaffingWeek } from "./staffing-model";

/** Words for the weeks until the server has dated them. */
const WEEK_WORDS = ["This week", "Next week", "In 2 weeks", "In 3 weeks"];

/** The picker's name for a week: "This week", "Next week", then "Week of 7 Dec". */
export function weekLabel(weekOffset: number, startDate: string | undefined): string {
  if (weekOffset <= 1 || !startDate) return WEEK_WORDS[weekOffset] ?? `In ${weekOffset} weeks`;
  return `Week of ${DateTime.fromISO(startDate).toFormat("d LLL")}`;
}

/** What the forecast button does for the picked week: "Forecast the week of 7 Dec", "Re-forecast this week". */
export function forecastButtonLabel(weekOffset: number, startDate: string | undefined, hasForecast: boolean): string {
  const verb = hasForecast ? "Re-forecast" : "Forecast";
  const which = weekOffset <= 1 || !startDate ? (WEEK_WORDS[weekOffset] ?? "").toLowerCase() : `the week of ${DateTime.fromISO(startDate).toFormat("d LLL")}`;
  return `${verb} ${which}`;
}

export function WeekPicker(props: { weeks: StaffingWeek["planningWeeks"]; weekOffset: number; onPick: (weekOffset: number) => void }) {
  return (
    <div role="group" aria-label="Planning week" className="flex flex-wrap gap-1">
      {WEEK_WORDS.map((words, offset) => {
        const week = props.weeks.find((w) => w.weekOffset === offset);
        const label = weekLabel(offset, week?.startDate);
        const pressed = props.weekOffset === offset;
        return (
          <button
            key={words}
            type="button"
            aria-pressed={pressed}
            title={week && !week.forecast ? `${label}: not forecast yet` : undefined}
            className={pressed ? "btn-primary" : "btn-secondary"}
            onClick={() => props.onPick(offset)}
          >
            {label}
            {week && !week.forecast ? <span className="ml-1 text-xs opacity-75" aria-hidden="true">·&nbsp;no forecast</span> : null}
          </button>
        );
      })}
    </div>
  );
}
