/** The organisation's planning week, from its settings (zone, first weekday, interval). */
import { weekContaining } from "@/server/domain/time/weeks";
import * as orgRepo from "@/server/repositories/org-repository";
import { hasRequirements } from "@/server/repositories/staffing-repository";
import type { Store } from "@/server/repositories/unit-of-work";

/** The week containing `now` in the organisation's zone, shifted by `weekOffset` weeks. */
export function planningWeek(db: Store, now: Date, weekOffset: number) {
  const settings = orgRepo.getSettings(db);
  const { start, end } = weekContaining(now, settings.timeZone, settings.weekStart, weekOffset);
  return { start, end, zone: settings.timeZone, intervalMinutes: settings.intervalMinutes };
}

/** The weeks the pages plan: this week and the three after it (Staffing forecasts them, Rosters builds them). */
export const PLANNING_WEEKS = 4;

/** One of the planning weeks, and whether it has been forecast. */
export interface PlanningWeekChoice {
  weekOffset: number;
  /** Start of the week (ISO instant), and its local date in the organisation's zone. */
  start: string;
  startDate: string;
  forecast: boolean;
}

/** This week and the next three, each marked with whether requirements are stored for it. */
export function listPlanningWeeks(db: Store, now: Date): PlanningWeekChoice[] {
  return Array.from({ length: PLANNING_WEEKS }, (_, weekOffset) => {
    const week = planningWeek(db, now, weekOffset);
    return { weekOffset, start: week.start.toUTC().toISO() ?? "", startDate: week.start.toISODate() ?? "", forecast: hasRequirements(db, week.start.toJSDate(), week.end.toJSDate()) };
  });
}
