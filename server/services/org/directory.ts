/** The organisation as the manager's editors and the lead's pages read it. */
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { loadTeamSummaries } from "./team-summaries";

/** Settings, regions, team summaries, people (with their allowed templates, no hashes), templates and channels. */
export function getOrgDirectory(db: Store) {
  const templateIds = orgRepo.listPersonTemplateIds(db);
  return {
    settings: orgRepo.getSettings(db),
    regions: orgRepo.listRegions(db),
    teams: loadTeamSummaries(db),
    people: orgRepo.listPeople(db).map((p) => ({ ...p, templateIds: templateIds.get(p.id) ?? [] })),
    templates: orgRepo.listTemplates(db),
    channels: orgRepo.listChannels(db),
  };
}
