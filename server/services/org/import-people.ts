/**
 * Import people from a CSV file. The whole file is checked first against the organisation
 * (server/import/people-csv.ts); teams it names are created, people are created or updated by
 * email, and team leads set, all in one transaction with their audit entries, so a refused file
 * changes nothing. New people get a password hash no password matches: a manager gives them a
 * set-password link. Re-importing a person never touches their password.
 */
import type { Actor } from "@/server/auth/actor";
import { unusablePasswordHash } from "@/server/auth/password";
import { parsePeopleCsv } from "@/server/import/people-csv";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as peopleRepo from "@/server/repositories/people-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { countOf, type ImportSummary, type TImportCsvInput } from "./import-inputs";

export interface ImportPeopleSummary extends ImportSummary {
  teamsCreated: number;
}

/**
 * Creates and updates the file's people (and the teams it names) in one transaction and audits
 * each write. After it, every person in the file leads exactly the team the file lists them as
 * lead of, or none. `actor` is null when the command line imports.
 * @example importPeopleCsv(db, manager, { csv }, now).summary //=> "Imported 150 people: 148 new, 2 updated; 3 teams created"
 */
export function importPeopleCsv(db: Store, actor: Actor | null, input: TImportCsvInput, now: Date): ImportPeopleSummary {
  return inTransaction(db, (tx) => {
    const teamsBefore = orgRepo.listTeams(tx);
    // Parsed inside the transaction, so the names it matched are the ones it writes against.
    const parsed = parsePeopleCsv(input.csv, {
      regions: orgRepo.listRegions(tx),
      teams: teamsBefore,
      channels: orgRepo.listChannels(tx),
      templates: orgRepo.listTemplates(tx),
      people: orgRepo.listPeople(tx),
    });
    const actorId = actor?.id ?? null;
    const teamIdByName = new Map(teamsBefore.map((t) => [t.name.toLowerCase(), t.id]));
    for (const spec of parsed.newTeams) {
      const team = orgRepo.insertTeam(tx, { name: spec.name, regionId: spec.regionId, leadId: null, autoApproveSwaps: false });
      teamIdByName.set(spec.name.toLowerCase(), team.id);
      writeAudit(tx, { actorId, action: "team.create", entity: "team", entityId: team.id, details: { name: spec.name, regionId: spec.regionId, source: "import", row: spec.row }, at: now });
    }

    let created = 0;
    const personIdByEmail = new Map<string, number>();
    for (const person of parsed.rows) {
      const fields: peopleRepo.ImportedPersonFields = {
        name: person.name,
        email: person.email,
        role: person.role,
        regionId: person.regionId,
        teamId: person.team === null ? null : (teamIdByName.get(person.team.name.toLowerCase()) ?? null),
        skills: person.skills,
        ...person.contract,
      };
      let id: number;
      if (person.existingId === null) {
        id = peopleRepo.insertImportedPerson(tx, { ...fields, passwordHash: unusablePasswordHash() });
        created++;
      } else {
        id = person.existingId;
        peopleRepo.updateImportedPerson(tx, id, fields);
      }
      peopleRepo.replacePersonTemplates(tx, id, person.templateIds);
      // The lead of a team is whoever the file says; leads are set below, after everyone exists.
      orgRepo.clearLeadOfTeams(tx, id);
      personIdByEmail.set(person.email, id);
      writeAudit(tx, {
        actorId,
        action: person.existingId === null ? "person.create" : "person.update",
        entity: "person",
        entityId: id,
        details: { ...fields, templateIds: person.templateIds, source: "import", row: person.row },
        at: now,
      });
    }
    for (const [teamName, email] of parsed.leadEmailByTeam) {
      const teamId = teamIdByName.get(teamName);
      const leadId = personIdByEmail.get(email);
      if (teamId !== undefined && leadId !== undefined) orgRepo.setTeamLead(tx, teamId, leadId);
    }
    const leadBefore = new Map(teamsBefore.map((t) => [t.id, t.leadId]));
    for (const team of orgRepo.listTeams(tx)) {
      const before = leadBefore.get(team.id);
      if (before !== undefined && before !== team.leadId) {
        writeAudit(tx, { actorId, action: "team.update", entity: "team", entityId: team.id, details: { leadId: team.leadId, previousLeadId: before, source: "import" }, at: now });
      }
    }

    const total = parsed.rows.length;
    const updated = total - created;
    const teamsCreated = parsed.newTeams.length;
    const teamsPart = teamsCreated > 0 ? `; ${countOf(teamsCreated, "team", "teams")} created` : "";
    const summary = `Imported ${countOf(total, "person", "people")}: ${created} new, ${updated} updated${teamsPart}`;
    writeAudit(tx, { actorId, action: "people.import", entity: "person", details: { people: total, created, updated, teamsCreated }, at: now });
    return { total, created, updated, teamsCreated, summary };
  });
}
