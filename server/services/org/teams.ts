/** The manager's create and edit of teams; each write lands in the audit log with it. */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as peopleRepo from "@/server/repositories/people-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import type { TTeamInput, TUpdateTeamInput } from "./inputs";

/** The region must exist, and a named lead must be a person with the lead role. */
function checkTeamRefs(db: Store, input: { regionId: number; leadId: number | null }) {
  if (!orgRepo.regionExists(db, input.regionId)) throw new AppError("INVALID_INPUT", { field: "regionId", message: "Unknown region" });
  if (input.leadId !== null) {
    const role = peopleRepo.findPersonRole(db, input.leadId);
    if (!role) throw new AppError("INVALID_INPUT", { field: "leadId", message: "Unknown person" });
    if (role !== "lead") throw new AppError("INVALID_INPUT", { field: "leadId", message: "A team's lead must have the lead role" });
  }
}

function refuseTakenName(db: Store, name: string, exceptId?: number) {
  if (orgRepo.isTeamNameTaken(db, name, exceptId)) throw new AppError("INVALID_INPUT", { field: "name", message: "A team with this name exists" });
}

/** Creates a team; its lead, when named, joins it. */
export function createTeam(db: Store, actor: Actor, input: TTeamInput, now: Date) {
  return inTransaction(db, (tx) => {
    checkTeamRefs(tx, input);
    refuseTakenName(tx, input.name);
    const row = orgRepo.insertTeam(tx, input);
    if (input.leadId !== null) peopleRepo.setPersonTeam(tx, input.leadId, row.id);
    writeAudit(tx, { actorId: actor.id, action: "team.create", entity: "team", entityId: row.id, details: input, at: now });
    return row;
  });
}

/** Changes a team's name, region, lead or swap auto-approval; a new lead joins the team. */
export function updateTeam(db: Store, actor: Actor, input: TUpdateTeamInput, now: Date) {
  return inTransaction(db, (tx) => {
    const { id, ...fields } = input;
    if (!orgRepo.teamExists(tx, id)) throw new AppError("NOT_FOUND", { message: "Team not found" });
    checkTeamRefs(tx, fields);
    refuseTakenName(tx, fields.name, id);
    const row = orgRepo.updateTeam(tx, id, fields);
    if (fields.leadId !== null) peopleRepo.setPersonTeam(tx, fields.leadId, id);
    writeAudit(tx, { actorId: actor.id, action: "team.update", entity: "team", entityId: id, details: fields, at: now });
    return row;
  });
}
