/**
 * The organisation as the swap checks, views and follow-ups read it: people, regions,
 * templates and team leads by id, loaded once per use case.
 */
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";

export interface OrgSnapshot {
  people: Map<number, orgRepo.PersonRow>;
  regions: Map<number, { id: number; name: string; timeZone: string }>;
  templates: Map<number, { id: number; name: string; minutes: number }>;
  teamLeads: Map<number, number | null>;
  autoApproveTeams: Set<number>;
}

export function loadOrgSnapshot(db: Store): OrgSnapshot {
  const teams = orgRepo.listTeams(db);
  return {
    people: new Map(orgRepo.listPeople(db).map((p) => [p.id, p])),
    regions: new Map(orgRepo.listRegions(db).map((r) => [r.id, r])),
    templates: new Map(orgRepo.listTemplates(db).map((t) => [t.id, t])),
    teamLeads: new Map(teams.map((t) => [t.id, t.leadId])),
    autoApproveTeams: new Set(teams.filter((t) => t.autoApproveSwaps).map((t) => t.id)),
  };
}

/** A person's zone: their own, else their region's. */
export function zoneOf(org: OrgSnapshot, personId: number | null): string {
  const person = personId === null ? undefined : org.people.get(personId);
  if (!person) return "UTC";
  return person.timeZone ?? org.regions.get(person.regionId)?.timeZone ?? "UTC";
}

export function nameOf(org: OrgSnapshot, personId: number | null): string {
  return (personId === null ? undefined : org.people.get(personId)?.name) ?? "Nobody";
}
