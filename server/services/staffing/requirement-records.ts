/** The staffing engine's per-interval answer as the stored requirement row: one mapping for every writer. */
import type { ChannelRequirement } from "@/server/domain/staffing";
import type { RequirementRecord } from "@/server/repositories/staffing-repository";

export function toRequirementRecord(startsAtMs: number, intervalMinutes: number, c: ChannelRequirement): RequirementRecord {
  return {
    intervalStart: new Date(startsAtMs),
    channelKey: c.channelId,
    intervalMinutes,
    contacts: c.contacts,
    ahtSeconds: c.ahtSeconds,
    agents: c.agents,
    agentsWithShrinkage: c.agentsWithShrinkage,
    serviceLevel: c.serviceLevel,
    asaSeconds: c.asaSeconds,
    occupancy: c.occupancy,
    probabilityAbandon: c.probabilityAbandon,
  };
}
