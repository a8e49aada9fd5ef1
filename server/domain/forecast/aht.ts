import { DAYS_PER_WEEK, type LocalSeries, weekdayOfDayOrdinal } from "./history";

/** Weeks of history behind each interval-of-the-week AHT, and behind the channel's mean. */
const AHT_WEEKS = 8;
const MEAN_WEEKS = 4;
/** Contacts of prior weight on the channel mean: an interval with few contacts stays near it. */
export const AHT_SHRINK_CONTACTS = 30;

/** AHT per slot of the week (weekday × slotsPerDay + slot) and the channel mean, in seconds. */
export interface AhtTable {
  bySlotOfWeek: Float64Array;
  meanSeconds: number;
}

/**
 * AHT by interval of the week, forecast like volume: the contact-weighted mean handle time of the
 * same local weekday and wall-clock slot over the last eight weeks before `trainDays`, shrunk toward
 * the channel's contact-weighted mean of the last four weeks by {@link AHT_SHRINK_CONTACTS} contacts
 * (Σ contacts × AHT + 30 × mean) / (Σ contacts + 30). Null when the history carries no AHT.
 * @example forecastAhtTable(series, 56)?.meanSeconds //=> 312.4
 */
export function forecastAhtTable(series: LocalSeries, trainDays: number): AhtTable | null {
  const { handleSeconds, handledContacts, slotsPerDay } = series;
  if (handleSeconds === undefined || handledContacts === undefined) return null;
  const endDay = Math.min(trainDays, series.dayCount);
  const handle = new Float64Array(DAYS_PER_WEEK * slotsPerDay);
  const contacts = new Float64Array(DAYS_PER_WEEK * slotsPerDay);
  let meanHandle = 0;
  let meanContacts = 0;
  let allHandle = 0;
  let allContacts = 0;
  for (let day = Math.max(0, endDay - AHT_WEEKS * DAYS_PER_WEEK); day < endDay; day++) {
    const base = weekdayOfDayOrdinal(series.firstDay + day) * slotsPerDay;
    const recent = day >= endDay - MEAN_WEEKS * DAYS_PER_WEEK;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const h = handleSeconds[day * slotsPerDay + slot] as number;
      const c = handledContacts[day * slotsPerDay + slot] as number;
      if (c <= 0) continue;
      handle[base + slot] = (handle[base + slot] as number) + h;
      contacts[base + slot] = (contacts[base + slot] as number) + c;
      allHandle += h;
      allContacts += c;
      if (recent) {
        meanHandle += h;
        meanContacts += c;
      }
    }
  }
  if (allContacts <= 0) return null;
  const meanSeconds = meanContacts > 0 ? meanHandle / meanContacts : allHandle / allContacts;
  const bySlotOfWeek = new Float64Array(DAYS_PER_WEEK * slotsPerDay);
  for (let i = 0; i < bySlotOfWeek.length; i++) {
    bySlotOfWeek[i] = ((handle[i] as number) + AHT_SHRINK_CONTACTS * meanSeconds) / ((contacts[i] as number) + AHT_SHRINK_CONTACTS);
  }
  return { bySlotOfWeek, meanSeconds };
}
