/**
 * Who may change whose shifts: managers anyone's, a lead the members of the teams they lead
 * and themselves, an agent nobody's. The board marks rows editable with it; edits enforce it.
 */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";

/** Which people the actor may edit shifts of: "all", or a set of person ids (empty for agents). */
export function editablePersonIds(db: Store, actor: Actor): Set<number> | "all" {
  if (actor.role === "manager") return "all";
  if (actor.role !== "lead") return new Set();
  const teamIds = orgRepo.listTeams(db).filter((t) => t.leadId === actor.id).map((t) => t.id);
  return new Set([actor.id, ...orgRepo.listPeopleInTeams(db, teamIds).map((p) => p.id)]);
}

/** Refuses, before any write, an edit touching a person outside `editable` (or a shift nobody holds). */
export function assertMayEdit(editable: Set<number> | "all", personIds: readonly (number | null)[]): void {
  for (const personId of personIds) {
    if (editable !== "all" && !editable.has(personId ?? 0)) {
      throw new AppError("FORBIDDEN", { message: "You can only edit shifts of people in the teams you lead." });
    }
  }
}
