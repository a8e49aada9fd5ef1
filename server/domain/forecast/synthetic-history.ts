import { DateTime } from "luxon";
import { type HistoryRow, MS_PER_MINUTE } from "./history";

/** A channel of made-up history: a known weekly season, optional noise. */
export interface SyntheticChannel {
  channel: string;
  /** Expected contacts on an average open weekday. */
  dailyContacts: number;
  /** Multiplier per weekday, Monday first. Default: busy Monday, quieter Friday, small Saturday, closed Sunday. */
  weekdayFactors?: readonly number[];
  /** Local opening hours [from, to) per weekday, Monday first; null = closed. Default 08–20 weekdays, 10–16 Saturday, Sunday closed. */
  openHours?: readonly (readonly [number, number] | null)[];
}

export interface SyntheticHistoryOptions {
  zone: string;
  /** First local date, YYYY-MM-DD. */
  fromDate: string;
  days: number;
  intervalMinutes: number;
  channels: readonly SyntheticChannel[];
  /** Poisson noise (the natural noise of arrivals) when true; exact expected values when false. */
  noise: boolean;
  /** Seed of the random generator, so a test sees the same series every run. */
  seed?: number;
  /** Local dates with no rows at all (an export gap). */
  missingDates?: readonly string[];
  /** How closed hours appear: no rows (default) or rows with 0 contacts. */
  closedHoursAs?: "absent" | "zero";
}

const DEFAULT_WEEKDAY_FACTORS = [1.2, 1.05, 1, 1, 0.9, 0.35, 0] as const;
const DEFAULT_OPEN_HOURS: readonly (readonly [number, number] | null)[] = [[8, 20], [8, 20], [8, 20], [8, 20], [8, 20], [10, 16], null];

/**
 * Expected contacts of a channel for one interval starting at a local wall-clock time: the
 * weekday's daily volume spread over opening hours with a morning peak and an afternoon hump.
 * @example expectedContacts({ channel: "voice", dailyContacts: 960 }, 0, 9 * 60, 30) // Monday 09:00–09:30
 */
export function expectedContacts(channel: SyntheticChannel, weekday: number, minuteOfDay: number, intervalMinutes: number): number {
  const open = (channel.openHours ?? DEFAULT_OPEN_HOURS)[weekday] ?? null;
  const factor = (channel.weekdayFactors ?? DEFAULT_WEEKDAY_FACTORS)[weekday] ?? 0;
  if (open === null || factor === 0) return 0;
  const [fromHour, toHour] = open;
  const hour = (minuteOfDay + intervalMinutes / 2) / 60;
  if (hour < fromHour || hour >= toHour) return 0;
  // Shape: two bumps (10:30 and 15:00) on a floor; normalised over the open hours below.
  const shape = (h: number): number => 0.4 + Math.exp(-(((h - 10.5) / 1.5) ** 2)) + 0.7 * Math.exp(-(((h - 15) / 1.8) ** 2));
  let norm = 0;
  const step = intervalMinutes / 60;
  for (let h = fromHour + step / 2; h < toHour; h += step) norm += shape(h);
  return (channel.dailyContacts * factor * shape(hour)) / norm;
}

/**
 * Made-up interval history with a known weekly season in local time, for tests and benchmarks.
 * Interval starts are UTC instants stepping through real time, so DST days have 23 or 25 hours.
 * @example syntheticHistory({ zone: "UTC", fromDate: "2024-01-01", days: 14, intervalMinutes: 30, channels: [{ channel: "voice", dailyContacts: 500 }], noise: false }).length
 */
export function syntheticHistory(options: SyntheticHistoryOptions): HistoryRow[] {
  const random = mulberry32(options.seed ?? 1);
  const missing = new Set(options.missingDates ?? []);
  const startLocal = DateTime.fromISO(options.fromDate, { zone: options.zone }).startOf("day");
  const endMs = startLocal.plus({ days: options.days }).toMillis();
  const stepMs = options.intervalMinutes * MS_PER_MINUTE;
  const rows: HistoryRow[] = [];
  for (let ms = startLocal.toMillis(); ms < endMs; ms += stepMs) {
    const local = DateTime.fromMillis(ms, { zone: options.zone });
    if (missing.has(local.toISODate() ?? "")) continue;
    const weekday = local.weekday - 1;
    const minuteOfDay = local.hour * 60 + local.minute;
    for (const channel of options.channels) {
      const mean = expectedContacts(channel, weekday, minuteOfDay, options.intervalMinutes);
      if (mean === 0 && (options.closedHoursAs ?? "absent") === "absent") continue;
      const contacts = options.noise ? poisson(mean, random) : mean;
      rows.push({ intervalStart: local.toISO() ?? "", channel: channel.channel, contacts });
    }
  }
  return rows;
}

/**
 * A small seeded generator (mulberry32): uniform numbers in [0, 1).
 * @example mulberry32(7)() // the same number on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Poisson draw (Knuth for small means, a rounded normal above 30).
 * @example poisson(4, mulberry32(1)) // a whole number near 4
 */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}
