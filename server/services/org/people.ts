/**
 * The manager's create and edit of people: contract, region, team, skills, allowed templates,
 * the planner mark (leads only) and (optionally) a new password. Each write lands in the audit
 * log with it; granting or removing the planner mark gets an entry of its own.
 */
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as peopleRepo from "@/server/repositories/people-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import type { TPersonInput, TUpdatePersonInput } from "./inputs";

/** Every id and key the person names must exist: region, team, templates, channels (skills). */
function checkPersonRefs(db: Store, input: { regionId: number; teamId: number | null; templateIds: number[]; skills: string[] }) {
  if (!orgRepo.regionExists(db, input.regionId)) throw new AppError("INVALID_INPUT", { field: "regionId", message: "Unknown region" });
  if (input.teamId !== null && !orgRepo.teamExists(db, input.teamId)) throw new AppError("INVALID_INPUT", { field: "teamId", message: "Unknown team" });
  const templateIds = new Set(orgRepo.listTemplateIds(db));
  const badTemplate = input.templateIds.find((id) => !templateIds.has(id));
  if (badTemplate !== undefined) throw new AppError("INVALID_INPUT", { field: "templateIds", message: `Unknown shift template ${badTemplate}` });
  const channelKeys = new Set(orgRepo.listChannels(db).map((c) => c.key));
  const badSkill = input.skills.find((s) => !channelKeys.has(s));
  if (badSkill !== undefined) throw new AppError("INVALID_INPUT", { field: "skills", message: `Unknown channel "${badSkill}"` });
}

/** The planner mark means something only on a lead; anyone else is stored unmarked. */
function plannerMarkFor(input: { role: TPersonInput["role"]; isPlanner: boolean }): boolean {
  return input.role === "lead" && input.isPlanner;
}

function refuseTakenEmail(db: Store, email: string, exceptId?: number) {
  if (peopleRepo.isEmailTaken(db, email, exceptId)) throw new AppError("INVALID_INPUT", { field: "email", message: "Someone already uses this email" });
}

/** Creates a person with an initial password and their allowed templates; the email stays unique. */
export async function createPerson(db: Store, actor: Actor, input: TPersonInput, now: Date) {
  if (!input.password) throw new AppError("INVALID_INPUT", { field: "password", message: "Set an initial password (at least 10 characters)" });
  // Hash before the transaction: better-sqlite3 transactions must stay synchronous.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, (tx) => {
    checkPersonRefs(tx, input);
    refuseTakenEmail(tx, input.email);
    const { templateIds, password: _password, ...rest } = input;
    const fields = { ...rest, isPlanner: plannerMarkFor(input) };
    const id = peopleRepo.insertPerson(tx, { ...fields, passwordHash });
    peopleRepo.replacePersonTemplates(tx, id, templateIds);
    writeAudit(tx, { actorId: actor.id, action: "person.create", entity: "person", entityId: id, details: { ...fields, templateIds }, at: now });
    return orgRepo.getPerson(tx, id);
  });
}

/** Changes a person's fields and allowed templates, and their password when one is given. */
export async function updatePerson(db: Store, actor: Actor, input: TUpdatePersonInput, now: Date) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(db, (tx) => {
    const { id, templateIds, password: _password, ...rest } = input;
    const before = orgRepo.getPerson(tx, id);
    if (!before) throw new AppError("NOT_FOUND", { message: "Person not found" });
    checkPersonRefs(tx, input);
    const fields = { ...rest, isPlanner: plannerMarkFor(input) };
    refuseTakenEmail(tx, fields.email, id);
    peopleRepo.updatePerson(tx, id, fields, passwordHash);
    peopleRepo.replacePersonTemplates(tx, id, templateIds);
    writeAudit(tx, { actorId: actor.id, action: "person.update", entity: "person", entityId: id, details: { ...fields, templateIds, passwordChanged: Boolean(passwordHash) }, at: now });
    if (before.isPlanner !== fields.isPlanner) {
      writeAudit(tx, { actorId: actor.id, action: fields.isPlanner ? "person.planner.grant" : "person.planner.revoke", entity: "person", entityId: id, details: { name: fields.name }, at: now });
    }
    return orgRepo.getPerson(tx, id);
  });
}
