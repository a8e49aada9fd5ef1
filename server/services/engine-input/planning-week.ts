/** The organisation's planning week, from its settings (zone, first weekday, interval). */
import { weekContaining } from "@/server/domain/time/weeks";
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";

/** The week containing `now` in the organisation's zone, shifted by `weekOffset` weeks. */
export function planningWeek(db: Store, now: Date, weekOffset: number) {
  const settings = orgRepo.getSettings(db);
  const { start, end } = weekContaining(now, settings.timeZone, settings.weekStart, weekOffset);
  return { start, end, zone: settings.timeZone, intervalMinutes: settings.intervalMinutes };
}
