/** The zones the region and person forms offer. */
import { IANAZone } from "luxon";

/** Every IANA zone the runtime's Intl knows (and luxon can use), for the zone pickers. */
export function listTimeZones(): string[] {
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  // Checks the name without reading the clock (DateTime.local() would).
  return zones.filter((zone) => IANAZone.isValidZone(zone));
}
