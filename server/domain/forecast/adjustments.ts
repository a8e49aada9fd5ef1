import { dayOrdinalOfIsoDate, ForecastInputError } from "./history";

/**
 * A manual uplift over local dates in the forecast's zone (a product launch, a holiday).
 * Several adjustments on the same interval multiply: +20% and +10% give ×1.32.
 */
export interface ForecastAdjustment {
  /** First local date, YYYY-MM-DD, inclusive. */
  fromDate: string;
  /** Last local date, YYYY-MM-DD, inclusive. */
  toDate: string;
  /** +20 raises the forecast by a fifth; −100 would close (not allowed below −100). */
  upliftPercent: number;
  /** Only this channel; all channels when absent. */
  channel?: string;
  /** Why, for people reading the plan. */
  note?: string;
}

/** An adjustment with its dates as day ordinals, validated. */
export interface ResolvedAdjustment {
  fromDay: number;
  toDay: number;
  factor: number;
  channel: string | undefined;
}

/**
 * Validates adjustments; the error names the adjustment by index and field.
 * @example resolveAdjustments([{ fromDate: "2024-03-25", toDate: "2024-03-26", upliftPercent: 20 }])[0]?.factor //=> 1.2
 */
export function resolveAdjustments(adjustments: readonly ForecastAdjustment[]): ResolvedAdjustment[] {
  return adjustments.map((adjustment, index) => {
    const where = `adjustments[${index}]`;
    const fromDay = dayOrdinalOfIsoDate(adjustment.fromDate);
    if (fromDay === null) throw new ForecastInputError(`${where}.fromDate: expected a date YYYY-MM-DD, got "${adjustment.fromDate}"`, "fromDate");
    const toDay = dayOrdinalOfIsoDate(adjustment.toDate);
    if (toDay === null) throw new ForecastInputError(`${where}.toDate: expected a date YYYY-MM-DD, got "${adjustment.toDate}"`, "toDate");
    if (toDay < fromDay) throw new ForecastInputError(`${where}.toDate: ${adjustment.toDate} is before fromDate ${adjustment.fromDate}`, "toDate");
    if (typeof adjustment.upliftPercent !== "number" || !Number.isFinite(adjustment.upliftPercent) || adjustment.upliftPercent < -100) {
      throw new ForecastInputError(`${where}.upliftPercent: expected a number ≥ −100, got ${String(adjustment.upliftPercent)}`, "upliftPercent");
    }
    return { fromDay, toDay, factor: 1 + adjustment.upliftPercent / 100, channel: adjustment.channel };
  });
}

/**
 * The combined factor for one channel on one local day.
 * @example adjustmentFactor(resolveAdjustments([{ fromDate: "1970-01-01", toDate: "1970-01-01", upliftPercent: 50 }]), "voice", 0) //=> 1.5
 */
export function adjustmentFactor(adjustments: readonly ResolvedAdjustment[], channel: string, dayOrdinal: number): number {
  let factor = 1;
  for (const adjustment of adjustments) {
    if (adjustment.channel !== undefined && adjustment.channel !== channel) continue;
    if (dayOrdinal < adjustment.fromDay || dayOrdinal > adjustment.toDay) continue;
    factor *= adjustment.factor;
  }
  return factor;
}

/**
 * Reads the command-line form `FROM..TO:PERCENT[:CHANNEL]` (or a single date `DATE:PERCENT`).
 * @example parseAdjustmentSpec("2024-03-25..2024-03-27:+20:voice") //=> { fromDate: "2024-03-25", toDate: "2024-03-27", upliftPercent: 20, channel: "voice" }
 */
export function parseAdjustmentSpec(spec: string): ForecastAdjustment {
  const match = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?:([+-]?\d+(?:\.\d+)?)%?(?::(.+))?$/.exec(spec.trim());
  if (match === null) {
    throw new ForecastInputError(`--adjust: expected FROM..TO:PERCENT[:CHANNEL] such as 2024-03-25..2024-03-27:+20:voice, got "${spec}"`, "adjust");
  }
  const [, fromDate, toDate, percent, channel] = match;
  const adjustment: ForecastAdjustment = { fromDate: fromDate as string, toDate: toDate ?? (fromDate as string), upliftPercent: Number(percent) };
  if (channel !== undefined) adjustment.channel = channel;
  resolveAdjustments([adjustment]);
  return adjustment;
}
