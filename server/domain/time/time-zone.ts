/** Which zone names the app accepts: IANA names only, so a region's clock follows its rules. */
import { IANAZone } from "luxon";
import { z } from "zod";

/**
 * Whether `zone` is an IANA zone name the runtime knows, and not a fixed offset
 * ("+01:00", "UTC+1", "Etc/GMT-1"), which would ignore daylight saving time.
 * @example isIanaZoneName("Europe/Dublin") //=> true
 * @example isIanaZoneName("UTC+1") //=> false
 */
export function isIanaZoneName(zone: string): boolean {
  return IANAZone.isValidZone(zone) && !/^[+-]|^UTC[+-]|^Etc\//.test(zone);
}

/** A form field holding an IANA zone name. */
export const ZTimeZone = z.string().min(1, "Pick a time zone").refine(isIanaZoneName, "Not an IANA time zone (e.g. Europe/Dublin)");
