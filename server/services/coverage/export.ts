/** The coverage table as a CSV download, built from the same report the page shows. */
import type { Actor } from "@/server/auth/actor";
import type { Store } from "@/server/repositories/unit-of-work";
import { getCoverage, type CoverageInput } from "./report";

const CSV_COLUMNS = [
  "interval_start",
  "region",
  "channel",
  "contacts",
  "aht_seconds",
  "target_sl",
  "target_seconds",
  "required",
  "scheduled",
  "gap",
  "projected_sl",
  "projected_asa_seconds",
  "leads_on_duty",
] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The coverage table as CSV: one row per interval, region and channel. A region's share of a
 * channel's requirement and contacts follows the region's share of the interval's requirement;
 * its scheduled agents are split between channels like the whole interval's.
 */
export function exportCoverageCsv(db: Store, actor: Actor, input: CoverageInput & { regionId?: string | undefined; channelId?: string | undefined }) {
  const coverage = getCoverage(db, actor, input);
  const regionName = new Map(coverage.regions.map((r) => [r.id, r.name]));
  const channelById = new Map(coverage.channels.map((c) => [c.id, c]));
  const lines = [CSV_COLUMNS.join(",")];
  for (const iv of coverage.intervals) {
    const at = new Date(iv.startMs).toISOString();
    for (const region of iv.regions) {
      if (input.regionId && region.regionId !== input.regionId) continue;
      const requiredShare = iv.required > 0 ? region.required / iv.required : 0;
      const scheduledShare = iv.scheduled > 0 ? region.scheduled / iv.scheduled : 0;
      for (const c of iv.channels) {
        if (input.channelId && c.channelId !== input.channelId) continue;
        const channel = channelById.get(c.channelId);
        const required = c.required * requiredShare;
        const scheduled = c.allocated * scheduledShare;
        lines.push(
          [
            at,
            regionName.get(region.regionId) ?? region.regionId,
            c.channelId,
            c.contacts * requiredShare,
            c.ahtSeconds,
            channel?.targetSl ?? null,
            channel?.targetSeconds ?? null,
            required,
            scheduled,
            scheduled - required,
            c.serviceLevel,
            c.asaSeconds,
            iv.leadsOnDuty,
          ]
            .map(csvCell)
            .join(","),
        );
      }
    }
  }
  return { filename: `coverage-${coverage.roster.periodStart.slice(0, 10)}-roster-${coverage.roster.id}.csv`, csv: `${lines.join("\n")}\n` };
}
