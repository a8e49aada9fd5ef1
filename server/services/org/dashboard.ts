/** The signed-in home page per role: an agent's profile, a lead's teams, a manager's regions. */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { loadTeamSummaries } from "./team-summaries";

/**
 * The actor's home: their own profile and team for everyone; the teams they lead and those
 * teams' members for a lead; every region's headcount and every team for a manager.
 */
export function getDashboard(db: Store, actor: Actor) {
  const settings = orgRepo.getSettings(db);
  const regionsList = orgRepo.listRegions(db);
  const me = orgRepo.getPerson(db, actor.id);
  if (!me) throw new AppError("NOT_FOUND", { message: "Your profile no longer exists." });
  const myRegion = regionsList.find((r) => r.id === me.regionId);
  const templates = orgRepo.listTemplates(db);
  const myTemplateIds = orgRepo.listPersonTemplateIds(db).get(me.id) ?? [];
  const profile = {
    ...me,
    regionName: myRegion?.name ?? "?",
    effectiveTimeZone: me.timeZone ?? myRegion?.timeZone ?? "UTC",
    templates: templates.filter((t) => myTemplateIds.includes(t.id)).map((t) => t.name),
  };
  const teamSummaries = loadTeamSummaries(db);
  const myTeam = teamSummaries.find((t) => t.id === me.teamId) ?? null;

  if (actor.role === "agent") {
    return { role: actor.role, settings, profile, myTeam, regions: [], teams: [], teamMembers: [] };
  }
  const allPeople = orgRepo.listPeople(db);
  const ledTeams = actor.role === "lead" ? teamSummaries.filter((t) => t.leadId === actor.id) : teamSummaries;
  const teamMembers =
    actor.role === "lead" ? orgRepo.listPeopleInTeams(db, ledTeams.map((t) => t.id)).filter((p) => p.id !== actor.id) : [];
  const regionSummaries = regionsList.map((r) => {
    const inRegion = allPeople.filter((p) => p.regionId === r.id && p.active);
    return {
      ...r,
      agents: inRegion.filter((p) => p.role === "agent").length,
      leads: inRegion.filter((p) => p.role === "lead").length,
      teams: teamSummaries.filter((t) => t.regionId === r.id).length,
    };
  });
  return {
    role: actor.role,
    settings,
    profile,
    myTeam,
    regions: actor.role === "manager" ? regionSummaries : [],
    teams: ledTeams,
    teamMembers,
  };
}
