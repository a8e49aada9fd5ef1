import { DateTime } from "luxon";
import type { HistoryRow } from "./history";
import { mulberry32, poisson } from "./synthetic-history";

/** A made-up but realistic call-centre history, built the way real ones go wrong. */
export interface CallCentreOptions {
  seed: number;
  /** Zone of the centre's clock (its DST changes fall inside a seven-month span). Default Europe/Dublin. */
  zone?: string;
  /** First local Monday, YYYY-MM-DD. Default 2026-01-05. */
  fromDate?: string;
  /** Weeks of history including the test weeks. Default 30 (about seven months). */
  weeks?: number;
  /** Final weeks held out for the test. Default 4. */
  testWeeks?: number;
  /** Default 30. */
  intervalMinutes?: number;
  /** Mean contacts per open interval at the start. Default 1000: Poisson noise alone then gives about 2.3 % wMAPE, as on the real history. */
  meanPerInterval?: number;
  /** Day-to-day variation beyond Poisson (a standard deviation as a share). Default 0.035. */
  dayNoise?: number;
  /** Interval-to-interval variation beyond Poisson. Default 0.03. */
  slotNoise?: number;
  /** Local dates closed (no rows), each followed by a surge on the next open day. Default: Irish-style bank holidays in the span. */
  holidays?: readonly string[];
  /** An outage evening (17:00–21:00 at a quarter of normal) on the last day before the test weeks. Default true. */
  outage?: boolean;
  channel?: string;
}

export interface CallCentreHistory {
  rows: HistoryRow[];
  zone: string;
  intervalMinutes: number;
  /** Local Mondays (YYYY-MM-DD) that start the test weeks. */
  testMondays: string[];
  /** Holidays and the surge days after them. */
  holidays: string[];
  surgeDays: string[];
  outageDate: string | null;
}

const OPEN_HOUR = 7;
const CLOSE_HOUR = 21;
const DEFAULT_HOLIDAYS = ["2026-01-01", "2026-02-02", "2026-03-17", "2026-04-06", "2026-05-04", "2026-06-01", "2026-08-03"];

/** Intraday shape by local hour: a morning peak, a lunchtime dip, an afternoon hump, a falling evening. */
function intradayShape(hour: number, weekday: number): number {
  const morning = Math.exp(-(((hour - 10) / 1.6) ** 2));
  const afternoon = 0.85 * Math.exp(-(((hour - 14.5) / 1.8) ** 2));
  const evening = 0.35 * Math.exp(-(((hour - 18.5) / 1.5) ** 2));
  // Mondays load the morning, Fridays thin the late afternoon: weekday shapes differ a little.
  const tilt = weekday === 0 ? 1 + 0.12 * morning : weekday === 4 ? 1 - 0.12 * (afternoon + evening) : 1;
  return (0.25 + morning + afternoon + evening) * tilt;
}

/**
 * A weekday-only, 07:00–21:00 local history with Poisson noise at realistic volumes, extra day and
 * interval variation, slow drift of the level, holidays (no rows) each followed by a 15–30 % surge, an
 * outage evening at a quarter of normal on the last day before the test weeks, and the zone's DST
 * changes. The last `testWeeks` weeks are the test weeks of the protocol.
 * @example callCentreHistory({ seed: 1 }).testMondays //=> ["2026-07-06", "2026-07-13", "2026-07-20", "2026-07-27"]
 */
export function callCentreHistory(options: CallCentreOptions): CallCentreHistory {
  const random = mulberry32(options.seed);
  const zone = options.zone ?? "Europe/Dublin";
  const intervalMinutes = options.intervalMinutes ?? 30;
  const weeks = options.weeks ?? 30;
  const testWeeks = options.testWeeks ?? 4;
  const channel = options.channel ?? "voice";
  const dayNoise = options.dayNoise ?? 0.035;
  const slotNoise = options.slotNoise ?? 0.03;
  const start = DateTime.fromISO(options.fromDate ?? "2026-01-05", { zone }).startOf("day");
  const normal = (): number => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());

  const weekdayFactor = [1.15, 1.04, 1, 0.98, 0.88].map((factor) => factor * (1 + 0.03 * normal()));
  const driftAmplitude = 0.03 + 0.04 * random();
  const driftPhase = 2 * Math.PI * random();
  const driftPerWeek = 0.003 * normal();
  const slotsPerHour = 60 / intervalMinutes;
  let shapeNorm = 0;
  for (let h = OPEN_HOUR + 0.5 / slotsPerHour; h < CLOSE_HOUR; h += 1 / slotsPerHour) shapeNorm += intradayShape(h, 2);
  const slotsOpen = (CLOSE_HOUR - OPEN_HOUR) * slotsPerHour;
  const meanPerInterval = options.meanPerInterval ?? 1000;

  const firstTest = start.plus({ weeks: weeks - testWeeks });
  const testMondays = Array.from({ length: testWeeks }, (_, week) => firstTest.plus({ weeks: week }).toISODate() ?? "");
  const lastDate = start.plus({ weeks }).toISODate() ?? "";
  const holidaySet = new Set(
    (options.holidays ?? DEFAULT_HOLIDAYS).filter((date) => date >= (start.toISODate() ?? "") && date < (firstTest.toISODate() ?? "")),
  );
  let outageDate: string | null = null;
  if (options.outage ?? true) {
    let day = firstTest.minus({ days: 1 });
    while (day.weekday > 5 || holidaySet.has(day.toISODate() ?? "")) day = day.minus({ days: 1 });
    outageDate = day.toISODate();
  }

  const rows: HistoryRow[] = [];
  const surgeDays: string[] = [];
  let surgePending = false;
  for (let day = start; (day.toISODate() ?? "") < lastDate; day = day.plus({ days: 1 })) {
    const date = day.toISODate() ?? "";
    if (day.weekday > 5) continue;
    if (holidaySet.has(date)) {
      surgePending = true;
      continue;
    }
    const weeksIn = day.diff(start, "days").days / 7;
    const level = 1 + driftAmplitude * Math.sin((2 * Math.PI * weeksIn) / 39 + driftPhase) + driftPerWeek * weeksIn;
    let dayFactor = (weekdayFactor[day.weekday - 1] ?? 1) * level * Math.exp(dayNoise * normal());
    if (surgePending) {
      dayFactor *= 1.15 + 0.15 * random();
      surgeDays.push(date);
      surgePending = false;
    }
    const dailyMean = meanPerInterval * slotsOpen;
    for (let slot = 0; slot < slotsOpen; slot++) {
      const wall = day.set({ hour: OPEN_HOUR }).plus({ minutes: slot * intervalMinutes });
      const hour = OPEN_HOUR + (slot + 0.5) / slotsPerHour;
      let mean = (dailyMean * dayFactor * intradayShape(hour, day.weekday - 1)) / shapeNorm;
      mean *= Math.exp(slotNoise * normal());
      if (date === outageDate && hour >= 17) mean *= 0.25;
      rows.push({ intervalStart: wall.toISO() ?? "", channel, contacts: poisson(mean, random) });
    }
  }
  return { rows, zone, intervalMinutes, testMondays, holidays: [...holidaySet], surgeDays, outageDate };
}
