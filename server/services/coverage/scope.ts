/**
 * What part of the organisation a coverage caller sees: managers everything, a lead the regions
 * and people of the teams they lead. Agents have no coverage view.
 */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";

/** Regions a caller may look at: all for managers, the regions of the teams a lead leads; agents are refused. */
export function visibleRegionIds(db: Store, actor: Actor): Set<number> | "all" {
  if (actor.role === "manager") return "all";
  if (actor.role !== "lead") throw new AppError("FORBIDDEN", { message: "Coverage is for leads and managers." });
  return new Set(orgRepo.listTeams(db).filter((t) => t.leadId === actor.id).map((t) => t.regionId));
}

/** People whose overtime a caller may be offered as a fix: all for managers, a lead's teams and the lead. */
export function visiblePersonIds(db: Store, actor: Actor): Set<number> | "all" {
  if (actor.role === "manager") return "all";
  const teamIds = orgRepo.listTeams(db).filter((t) => t.leadId === actor.id).map((t) => t.id);
  return new Set([actor.id, ...orgRepo.listPeopleInTeams(db, teamIds).map((p) => p.id)]);
}
