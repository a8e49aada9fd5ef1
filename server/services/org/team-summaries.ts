/** Teams as the home pages and the directory show them: region, lead, active agents, span flag. */
import { teamSpanStatus } from "@/server/domain/roster/lead-span";
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";

/**
 * Every team with its region's name, its lead's name, its active agent count and how that
 * count sits against the organisation's lead span (one lead per 8–15 agents by default).
 */
export function loadTeamSummaries(db: Store) {
  const settings = orgRepo.getSettings(db);
  const span = { min: settings.leadSpanMin, max: settings.leadSpanMax };
  const allPeople = orgRepo.listPeople(db);
  const regionById = new Map(orgRepo.listRegions(db).map((r) => [r.id, r]));
  return orgRepo.listTeams(db).map((team) => {
    const agents = allPeople.filter((p) => p.teamId === team.id && p.role === "agent" && p.active);
    const lead = allPeople.find((p) => p.id === team.leadId);
    return {
      ...team,
      regionName: regionById.get(team.regionId)?.name ?? "?",
      leadName: lead?.name ?? null,
      agentCount: agents.length,
      span: teamSpanStatus(agents.length, Boolean(lead), span),
      leadSpan: span,
    };
  });
}
