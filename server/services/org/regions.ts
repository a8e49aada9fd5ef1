/** The manager's create and edit of regions; each write lands in the audit log with it. */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import type { TRegionInput, TUpdateRegionInput } from "./inputs";

/** The stored fields: the hourly cost is kept in whole cents. */
function regionFields(input: TRegionInput): orgRepo.RegionFields {
  const { hourlyCost, ...rest } = input;
  return { ...rest, hourlyCostCents: Math.round(hourlyCost * 100) };
}

function refuseTakenName(db: Store, name: string, exceptId?: number) {
  if (orgRepo.isRegionNameTaken(db, name, exceptId)) throw new AppError("INVALID_INPUT", { field: "name", message: "A region with this name exists" });
}

/** Creates a region with a name no other region has. */
export function createRegion(db: Store, actor: Actor, input: TRegionInput, now: Date) {
  return inTransaction(db, (tx) => {
    refuseTakenName(tx, input.name);
    const row = orgRepo.insertRegion(tx, regionFields(input));
    writeAudit(tx, { actorId: actor.id, action: "region.create", entity: "region", entityId: row.id, details: input, at: now });
    return row;
  });
}

/** Changes a region's name, zone, window, working days or cost; the name stays unique. */
export function updateRegion(db: Store, actor: Actor, input: TUpdateRegionInput, now: Date) {
  return inTransaction(db, (tx) => {
    const { id, ...fields } = input;
    if (!orgRepo.regionExists(tx, id)) throw new AppError("NOT_FOUND", { message: "Region not found" });
    refuseTakenName(tx, fields.name, id);
    const row = orgRepo.updateRegion(tx, id, regionFields(fields));
    writeAudit(tx, { actorId: actor.id, action: "region.update", entity: "region", entityId: id, details: input, at: now });
    return row;
  });
}
