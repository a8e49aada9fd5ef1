/** The manager's create and edit of shift templates; each write lands in the audit log with it. */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import type { TTemplateInput, TUpdateTemplateInput } from "./inputs";

/** The roster engine places shifts and breaks on the planning grid, so lengths must fit it. */
function checkTemplateGrid(db: Store, input: TTemplateInput) {
  const { intervalMinutes } = orgRepo.getSettings(db);
  if (input.minutes % intervalMinutes !== 0) {
    throw new AppError("INVALID_INPUT", { field: "minutes", message: `Must be a multiple of the ${intervalMinutes}-minute planning interval` });
  }
  const bad = input.breaks.findIndex((b) => b.minutes % intervalMinutes !== 0);
  if (bad >= 0) {
    throw new AppError("INVALID_INPUT", { field: "breaks", message: `Break ${bad + 1}: length must be a multiple of the ${intervalMinutes}-minute planning interval` });
  }
}

function refuseTakenName(db: Store, name: string, exceptId?: number) {
  if (orgRepo.isTemplateNameTaken(db, name, exceptId)) throw new AppError("INVALID_INPUT", { field: "name", message: "A template with this name exists" });
}

/** Creates a shift template whose length and breaks fit the planning grid. */
export function createTemplate(db: Store, actor: Actor, input: TTemplateInput, now: Date) {
  return inTransaction(db, (tx) => {
    checkTemplateGrid(tx, input);
    refuseTakenName(tx, input.name);
    const row = orgRepo.insertTemplate(tx, input);
    writeAudit(tx, { actorId: actor.id, action: "template.create", entity: "shiftTemplate", entityId: row.id, details: input, at: now });
    return row;
  });
}

/** Changes a shift template; the name stays unique and the lengths stay on the grid. */
export function updateTemplate(db: Store, actor: Actor, input: TUpdateTemplateInput, now: Date) {
  return inTransaction(db, (tx) => {
    checkTemplateGrid(tx, input);
    const { id, ...fields } = input;
    if (!orgRepo.templateExists(tx, id)) throw new AppError("NOT_FOUND", { message: "Template not found" });
    refuseTakenName(tx, fields.name, id);
    const row = orgRepo.updateTemplate(tx, id, fields);
    writeAudit(tx, { actorId: actor.id, action: "template.update", entity: "shiftTemplate", entityId: id, details: fields, at: now });
    return row;
  });
}
