/** Stored channels as the staffing and coverage engines read them. */
import type { ChannelSettings } from "@/server/domain/staffing";
import type { ChannelRecord } from "@/server/repositories/org-repository";

export function channelSettingsFrom(row: ChannelRecord): ChannelSettings {
  return {
    channelId: row.key,
    kind: row.kind,
    ahtSeconds: row.ahtSeconds,
    targetSl: row.targetSl,
    targetSeconds: row.targetSeconds,
    targetAsaSeconds: row.targetAsaSeconds,
    maxOccupancy: row.maxOccupancy,
    shrinkage: row.shrinkage,
    concurrency: row.concurrency,
    responseTargetMinutes: row.responseMinutes,
  };
}
