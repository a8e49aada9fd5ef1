/**
 * Today's actuals in the demo: from the organisation's local midnight to the seed's now, each
 * complete interval's forecast contacts running about 10 % above forecast with a little noise,
 * so the Today page shows a real day on first start. Deterministic for a given `random`.
 */
import type { DateTime } from "luxon";
import type { Queryable } from "@/db/types";
import * as staffingRepo from "@/server/repositories/staffing-repository";

/** How today runs against its forecast in the demo. */
export const DEMO_TODAY_FACTOR = 1.1;

/** Writes today's actuals up to `now` (complete intervals only) and returns how many rows it wrote. */
export function seedTodayActuals(db: Queryable, now: DateTime, orgZone: string, random: () => number): number {
  const dayStart = now.setZone(orgZone).startOf("day");
  const forecast = staffingRepo.listRequirements(db, dayStart.toJSDate(), now.toJSDate());
  const rows = forecast
    .filter((r) => r.intervalStart.getTime() + r.intervalMinutes * 60_000 <= now.toMillis())
    .map((r) => {
      const contacts = Math.max(0, Math.round(r.contacts * DEMO_TODAY_FACTOR * (0.92 + 0.16 * random())));
      return { intervalStart: r.intervalStart, channelKey: r.channelKey, contacts, ahtSeconds: contacts > 0 ? Math.round(r.ahtSeconds * (0.95 + 0.1 * random())) : null };
    });
  staffingRepo.upsertHistory(db, rows);
  return rows.length;
}
