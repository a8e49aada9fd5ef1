/**
 * Leavers: a manager deactivates a person who left, and reactivates one who returns. History
 * stays (past shifts, requests, audit entries); what deactivation ends is everything ahead:
 *
 * - their shifts from now on in drafts and published rosters are left with nobody on them (like an
 *   approved drop), each audited; shifts already started or in archived rosters stay as worked;
 * - open swap requests they are part of, or on those shifts, are cancelled and the others told;
 * - they no longer lead a team; their calendar token is revoked (the feed URL answers 404);
 *   unused set-password links end;
 * - `active` goes false with `deactivatedAt`: sign-in refuses them, an existing session stops at
 *   its next request (the context only resolves active people), and solves, swap options and
 *   teammates leave them out.
 */
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import { clearCalendarToken } from "@/server/repositories/calendar-token-repository";
import { addNotifications } from "@/server/repositories/notification-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import { expireOpenPasswordTokens } from "@/server/repositories/password-token-repository";
import * as peopleRepo from "@/server/repositories/people-repository";
import * as rosterRepo from "@/server/repositories/roster-repository";
import * as swapRepo from "@/server/repositories/swap-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";

export const ZPersonLifecycleInput = z.object({ personId: z.number().int() });
export type TPersonLifecycleInput = z.infer<typeof ZPersonLifecycleInput>;

export interface DeactivationResult {
  id: number;
  name: string;
  /** Upcoming shifts left with nobody on them, in published rosters and in drafts. */
  unassignedPublished: number;
  unassignedDraft: number;
  cancelledRequests: number;
  teamsLed: number[];
}

/** How many open requests a person may have at most: far above anything real, so none is missed. */
const REQUEST_SCAN_LIMIT = 100_000;

/** Deactivates a person (not oneself) in one transaction; see the file comment for what ends. */
export function deactivatePerson(db: Store, actor: Actor, input: TPersonLifecycleInput, now: Date): DeactivationResult {
  if (input.personId === actor.id) throw new AppError("INVALID_INPUT", { field: "personId", message: "You cannot deactivate yourself." });
  return inTransaction(db, (tx) => {
    const person = orgRepo.getPerson(tx, input.personId);
    if (!person) throw new AppError("NOT_FOUND", { message: "Person not found" });
    if (!person.active) throw new AppError("CONFLICT", { message: `${person.name} is already deactivated.` });

    const upcoming = rosterRepo.listUpcomingShiftsOfPerson(tx, person.id, now);
    const upcomingIds = upcoming.map((s) => s.id);
    const open = new Map<number, swapRepo.SwapRow>();
    for (const request of swapRepo.listOpenForShifts(tx, upcomingIds)) open.set(request.id, request);
    for (const request of swapRepo.listForPerson(tx, person.id, REQUEST_SCAN_LIMIT)) {
      if (swapRepo.OPEN.includes(request.status)) open.set(request.id, request);
    }
    const reason = `${person.name} is no longer on the team.`;
    swapRepo.cancelOpenRequests(tx, [...open.keys()], reason, now);
    for (const request of open.values()) {
      const others = [request.requesterId, request.counterpartId].filter((id): id is number => id !== null && id !== person.id);
      addNotifications(
        tx,
        others.map((personId) => ({ personId, kind: "swap.cancelled" as const, message: `Request #${request.id} was cancelled: ${reason}`, link: "/me" })),
        now,
      );
      writeAudit(tx, { actorId: actor.id, action: "swap.cancel", entity: "swap_request", entityId: request.id, details: { reason: "deactivated", personId: person.id }, at: now });
    }

    rosterRepo.unassignShifts(tx, upcomingIds, person.id);
    for (const shift of upcoming) {
      writeAudit(tx, {
        actorId: actor.id,
        action: "shift.unassign",
        entity: "shift",
        entityId: shift.id,
        details: { reason: "deactivated", personId: person.id, rosterId: shift.rosterId, rosterStatus: shift.rosterStatus, startsAt: shift.startsAt.toISOString() },
        at: now,
      });
    }
    for (const rosterId of new Set(upcoming.map((s) => s.rosterId))) swapRepo.touchRoster(tx, rosterId, now);

    const teamsLed = orgRepo.clearLeadOfTeams(tx, person.id);
    clearCalendarToken(tx, person.id);
    expireOpenPasswordTokens(tx, person.id, now);
    peopleRepo.setPersonActive(tx, person.id, now);
    const result: DeactivationResult = {
      id: person.id,
      name: person.name,
      unassignedPublished: upcoming.filter((s) => s.rosterStatus === "published").length,
      unassignedDraft: upcoming.filter((s) => s.rosterStatus === "draft").length,
      cancelledRequests: open.size,
      teamsLed,
    };
    writeAudit(tx, { actorId: actor.id, action: "person.deactivate", entity: "person", entityId: person.id, details: { ...result }, at: now });
    return result;
  });
}

/**
 * Reactivates a person who returns: they can sign in again (with their old password, or a new
 * set-password link) and are rostered by the next solve. Shifts they lost are not given back.
 */
export function reactivatePerson(db: Store, actor: Actor, input: TPersonLifecycleInput, now: Date): { id: number; name: string } {
  return inTransaction(db, (tx) => {
    const person = orgRepo.getPerson(tx, input.personId);
    if (!person) throw new AppError("NOT_FOUND", { message: "Person not found" });
    if (person.active) throw new AppError("CONFLICT", { message: `${person.name} is already active.` });
    peopleRepo.setPersonActive(tx, person.id, null);
    writeAudit(tx, { actorId: actor.id, action: "person.reactivate", entity: "person", entityId: person.id, at: now });
    return { id: person.id, name: person.name };
  });
}
