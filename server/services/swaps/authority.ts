/**
 * Who may do what with a swap request, checked before any write:
 * - an agent or lead acts only on their own shifts, and only with people of their own team;
 * - the counterpart of a request (or, for an open offer, an eligible teammate) accepts or declines;
 * - a lead approves or rejects requests that involve a member of a team they lead, never their own;
 *   managers decide any request.
 * Plus the guards every use case starts with: the request exists, the machine allows the action,
 * the shift is the requester's and has not started.
 */
import type { Actor } from "@/server/auth/actor";
import { nextSwapStatus, refusalMessage, type SwapAction } from "@/server/domain/swaps/state-machine";
import { AppError } from "@/server/errors";
import type { PersonRow } from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/swap-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import type { OrgSnapshot } from "../engine-input/org-snapshot";
import { involvedIds } from "./participants";

/** Active agents and leads of the person's team, the person excluded: who they may trade with. */
export function teammatesOf(dir: OrgSnapshot, personId: number): PersonRow[] {
  const me = dir.people.get(personId);
  if (!me || me.teamId === null) return [];
  return [...dir.people.values()].filter((p) => p.teamId === me.teamId && p.id !== personId && p.active && (p.role === "agent" || p.role === "lead"));
}

/** Both people belong to one team (people without a team share none). */
export function sameTeam(dir: OrgSnapshot, a: number, b: number): boolean {
  const teamA = dir.people.get(a)?.teamId ?? null;
  return teamA !== null && teamA === (dir.people.get(b)?.teamId ?? null);
}

/** A lead decides requests involving a member of a team they lead (never their own); managers decide all. */
export function mayDecide(dir: OrgSnapshot, actor: Actor, request: Pick<repo.SwapRow, "requesterId" | "counterpartId">): boolean {
  if (actor.role === "manager") return true;
  if (actor.role !== "lead") return false;
  const people = involvedIds(request);
  if (people.includes(actor.id)) return false;
  return people.some((id) => {
    const teamId = dir.people.get(id)?.teamId ?? null;
    return teamId !== null && dir.teamLeads.get(teamId) === actor.id;
  });
}

/** Who is told a request waits for a decision: the leads of the teams involved (managers if none). */
export function approversOf(dir: OrgSnapshot, request: Pick<repo.SwapRow, "requesterId" | "counterpartId">): number[] {
  const people = involvedIds(request);
  const leads = people
    .map((id) => dir.teamLeads.get(dir.people.get(id)?.teamId ?? -1) ?? null)
    .filter((id): id is number => id !== null && !people.includes(id));
  if (leads.length > 0) return [...new Set(leads)];
  return [...dir.people.values()].filter((p) => p.role === "manager" && p.active).map((p) => p.id);
}

/** The request, or NOT_FOUND. */
export function requireRequest(db: Store, id: number): repo.SwapRow {
  const request = repo.getRequest(db, id);
  if (!request) throw new AppError("NOT_FOUND", { message: "Request not found" });
  return request;
}

/** The status `action` leads to, or CONFLICT saying in words why the machine refuses it. */
export function requireTransition(request: repo.SwapRow, action: SwapAction) {
  const to = nextSwapStatus(request.kind, request.status, action);
  if (to === null) throw new AppError("CONFLICT", { message: refusalMessage(action, request.status, request.kind) });
  return to;
}

/**
 * A shift `personId` may still trade: published, theirs, not started. `own` says whether it is
 * the actor's own shift (FORBIDDEN when not theirs) or a colleague's (INVALID_INPUT).
 */
export function requireOwnOpenShift(db: Store, shiftId: number, personId: number, now: Date, field: string, own: boolean) {
  const shift = repo.getShiftWithRoster(db, shiftId);
  // Another person's shift outside the requester's reach is reported as missing, not described.
  if (!shift || shift.rosterStatus !== "published") throw new AppError("NOT_FOUND", { field, message: "Shift not found in a published roster" });
  if (shift.personId !== personId) {
    throw new AppError(own ? "FORBIDDEN" : "INVALID_INPUT", { field, message: own ? "You can only trade your own shifts." : "That shift is not this colleague's." });
  }
  if (shift.startsAt.getTime() <= now.getTime()) throw new AppError("CONFLICT", { field, message: "This shift has already started." });
  return shift;
}
