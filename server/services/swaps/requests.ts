/**
 * The requester's and the counterpart's use cases: make a request (swap, offer, drop), accept,
 * decline, cancel. Each checks authority and the state machine before any write, re-runs the
 * rule checks where a shift would change hands, and writes in one transaction.
 *
 * Accepting is one conditional UPDATE … WHERE status = 'pending' in a transaction: when two
 * colleagues accept the same offer at once exactly one row changes, and the other is told.
 */
import type { Actor } from "@/server/auth/actor";
import { haveSameTimes, SAME_TIMES_MESSAGE } from "@/server/domain/swaps/same-times";
import { statusesAllowing } from "@/server/domain/swaps/state-machine";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import { addNotifications, type NewNotification } from "@/server/repositories/notification-repository";
import * as repo from "@/server/repositories/swap-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { loadOrgSnapshot, nameOf } from "../engine-input/org-snapshot";
import { tryAutoApprove } from "./apply-approval";
import { approversOf, requireOwnOpenShift, requireRequest, requireTransition, sameTeam, teammatesOf } from "./authority";
import { checkMoves } from "./checks";
import { expireDueRequests } from "./expiry";
import type { CreateSwapInput, TRequestIdInput } from "./inputs";
import { describeShift } from "./participants";
import { loadRosterView, movesOf, timesOf } from "./roster-view";

/** Makes a request after checking ownership, the team and every rule on both sides. One transaction. */
export function createSwapRequest(db: Store, actor: Actor, input: CreateSwapInput, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const shift = requireOwnOpenShift(db, input.shiftId, actor.id, now, "shiftId", true);
  let counterpartShift: repo.ShiftWithRoster | undefined;
  if (input.kind === "swap") {
    if (input.counterpartId === undefined || input.counterpartShiftId === undefined) {
      throw new AppError("INVALID_INPUT", { field: "counterpartShiftId", message: "Pick the colleague's shift to swap with." });
    }
  }
  if (input.kind === "drop" && (input.counterpartId !== undefined || input.counterpartShiftId !== undefined)) {
    throw new AppError("INVALID_INPUT", { field: "counterpartId", message: "A drop has no counterpart." });
  }
  if (input.kind === "offer" && input.counterpartShiftId !== undefined) {
    throw new AppError("INVALID_INPUT", { field: "counterpartShiftId", message: "An offer gives a shift away; use a swap to trade shifts." });
  }
  if (input.counterpartId !== undefined) {
    if (input.counterpartId === actor.id) throw new AppError("INVALID_INPUT", { field: "counterpartId", message: "Pick a colleague, not yourself." });
    if (!sameTeam(dir, actor.id, input.counterpartId)) throw new AppError("FORBIDDEN", { field: "counterpartId", message: "You can only swap or offer shifts within your own team." });
  }
  if (input.kind === "swap" && input.counterpartShiftId !== undefined && input.counterpartId !== undefined) {
    counterpartShift = requireOwnOpenShift(db, input.counterpartShiftId, input.counterpartId, now, "counterpartShiftId", false);
    if (counterpartShift.rosterId !== shift.rosterId) {
      throw new AppError("INVALID_INPUT", { field: "counterpartShiftId", message: "Both shifts must be in the same published roster week." });
    }
    if (haveSameTimes(timesOf(shift), timesOf(counterpartShift))) throw new AppError("INVALID_INPUT", { field: "counterpartShiftId", message: SAME_TIMES_MESSAGE });
  }
  const busy = repo.listOpenForShifts(db, [shift.id, ...(counterpartShift ? [counterpartShift.id] : [])]);
  if (busy.length > 0) throw new AppError("CONFLICT", { field: "shiftId", message: `This shift is already in an open request (#${busy[0]?.id}). Cancel that one first.` });

  const view = loadRosterView(db, shift.rosterId);
  const request = { kind: input.kind, shiftId: shift.id, counterpartId: input.counterpartId ?? null, counterpartShiftId: counterpartShift?.id ?? null, requesterId: actor.id };
  let recipients: number[] = [];
  if (input.kind === "offer" && input.counterpartId === undefined) {
    // An open offer needs at least one teammate who could take it.
    const candidates = teammatesOf(dir, actor.id).map((p) => ({ person: p, problems: checkMoves(db, view, movesOf(request, p.id), dir) }));
    recipients = candidates.filter((c) => c.problems.length === 0).map((c) => c.person.id);
    if (recipients.length === 0) {
      const reasons = candidates.slice(0, 3).map((c) => c.problems[0] ?? "");
      throw new AppError("CONFLICT", { field: "shiftId", message: `No one in your team can take this shift. ${reasons.filter(Boolean).join("; ")}` });
    }
  } else {
    const problems = checkMoves(db, view, movesOf(request, input.counterpartId ?? null), dir);
    if (problems.length > 0) throw new AppError("CONFLICT", { field: input.kind === "swap" ? "counterpartShiftId" : "shiftId", message: `This request breaks a rule: ${problems.join("; ")}` });
    if (input.counterpartId !== undefined) recipients = [input.counterpartId];
  }

  return inTransaction(db, (tx) => {
    // Re-checked inside the transaction: two requests for the same shift cannot both be made.
    if (repo.listOpenForShifts(tx, [shift.id, ...(counterpartShift ? [counterpartShift.id] : [])]).length > 0) {
      throw new AppError("CONFLICT", { field: "shiftId", message: "This shift is already in an open request." });
    }
    const row = repo.insertRequest(tx, { ...request, createdAt: now, note: input.note?.trim() || null });
    const when = describeShift(dir, shift, actor.id);
    const messages: NewNotification[] =
      input.kind === "drop"
        ? approversOf(dir, row).map((personId) => ({ personId, kind: "swap.approve", message: `${actor.name} asks to drop the ${when} shift.`, link: "/approvals" }))
        : recipients.map((personId) => ({
            personId,
            kind: "swap.request",
            message:
              input.kind === "swap" && counterpartShift
                ? `${actor.name} asks to swap their ${describeShift(dir, shift, personId)} shift for your ${describeShift(dir, counterpartShift, personId)} shift.`
                : `${actor.name} offers you their ${describeShift(dir, shift, personId)} shift.`,
            link: "/me",
          }));
    addNotifications(tx, messages, now);
    writeAudit(tx, { actorId: actor.id, action: "swap.create", entity: "swap_request", entityId: row.id, details: { ...request }, at: now });
    return { id: row.id, status: row.status };
  });
}

/**
 * The counterpart (or, for an open offer, an eligible teammate) accepts. Rules are checked for the
 * taker first; the status moves with one conditional UPDATE so only one of two racing accepts wins.
 * A team that opted in gets the request approved at once when the checks and coverage allow.
 */
export function acceptSwapRequest(db: Store, actor: Actor, input: TRequestIdInput, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  // A teammate who lost the race to an open offer is told who won (the counterpart is set once accepted).
  if (request.status === "accepted" && request.counterpartId !== actor.id && request.requesterId !== actor.id && sameTeam(dir, actor.id, request.requesterId)) {
    throw new AppError("CONFLICT", { message: `${nameOf(dir, request.counterpartId)} accepted this offer first; it is no longer open.` });
  }
  if (request.counterpartId !== null ? request.counterpartId !== actor.id : !sameTeam(dir, actor.id, request.requesterId) || request.requesterId === actor.id) {
    throw new AppError("FORBIDDEN", { message: "This request is not addressed to you." });
  }
  requireTransition(request, "accept");
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift || shift.personId !== request.requesterId) throw new AppError("CONFLICT", { message: "The shift has changed since the request was made." });
  const problems = checkMoves(db, loadRosterView(db, shift.rosterId), movesOf(request, actor.id), dir);
  if (problems.length > 0) throw new AppError("CONFLICT", { message: `You cannot take this shift: ${problems.join("; ")}` });

  const accepted = inTransaction(db, (tx) => {
    const won = repo.changeRequestIf(
      tx,
      request.id,
      { from: statusesAllowing(request.kind, "accept"), ...(request.counterpartId === null ? {} : { counterpartId: actor.id }) },
      { status: "accepted", counterpartId: actor.id, acceptedAt: now },
    );
    if (!won) {
      const winner = repo.getRequest(tx, request.id);
      throw new AppError("CONFLICT", {
        message: winner?.status === "accepted" ? `${nameOf(dir, winner.counterpartId)} accepted this offer first; it is no longer open.` : `This request is now ${winner?.status ?? "gone"}; it cannot be accepted.`,
      });
    }
    addNotifications(
      tx,
      [
        { personId: request.requesterId, kind: "swap.accepted", message: `${actor.name} accepted your ${request.kind} of the ${describeShift(dir, shift, request.requesterId)} shift; it now waits for a lead.`, link: "/me" },
        ...approversOf(dir, { ...request, counterpartId: actor.id }).map((personId) => ({
          personId,
          kind: "swap.approve" as const,
          message: `${nameOf(dir, request.requesterId)} → ${actor.name}: ${request.kind} of the ${describeShift(dir, shift, personId)} shift waits for your approval.`,
          link: "/approvals",
        })),
      ],
      now,
    );
    writeAudit(tx, { actorId: actor.id, action: "swap.accept", entity: "swap_request", entityId: request.id, at: now });
    return { id: request.id, status: "accepted" as const, autoApproved: false };
  });
  return tryAutoApprove(db, request.id, now) ?? accepted;
}

/** The counterpart declines. A directed request closes; an open offer stays open for the rest of the team. */
export function declineSwapRequest(db: Store, actor: Actor, input: TRequestIdInput, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  const openOffer = request.kind === "offer" && request.counterpartId === null;
  if (openOffer ? !sameTeam(dir, actor.id, request.requesterId) || request.requesterId === actor.id : request.counterpartId !== actor.id) {
    throw new AppError("FORBIDDEN", { message: "This request is not addressed to you." });
  }
  requireTransition(request, "decline");
  return inTransaction(db, (tx) => {
    if (openOffer) {
      // Kept in the audit log only: the offer stays open, and this person no longer sees it.
      writeAudit(tx, { actorId: actor.id, action: "swap.decline", entity: "swap_request", entityId: request.id, details: { openOffer: true }, at: now });
      return { id: request.id, status: "pending" as const };
    }
    const declined = repo.changeRequestIf(tx, request.id, { from: ["pending"], counterpartId: actor.id }, { status: "rejected", closedReason: `Declined by ${actor.name}.`, decidedAt: now });
    if (!declined) throw new AppError("CONFLICT", { message: "This request changed meanwhile; it cannot be declined." });
    addNotifications(tx, [{ personId: request.requesterId, kind: "swap.declined", message: `${actor.name} declined your ${request.kind} request #${request.id}.`, link: "/me" }], now);
    writeAudit(tx, { actorId: actor.id, action: "swap.decline", entity: "swap_request", entityId: request.id, at: now });
    return { id: request.id, status: "rejected" as const };
  });
}

/** The requester withdraws an open request. */
export function cancelSwapRequest(db: Store, actor: Actor, input: TRequestIdInput, now: Date) {
  expireDueRequests(db, now);
  const request = requireRequest(db, input.requestId);
  if (request.requesterId !== actor.id) throw new AppError("FORBIDDEN", { message: "Only the person who made a request can cancel it." });
  requireTransition(request, "cancel");
  return inTransaction(db, (tx) => {
    const cancelled = repo.changeRequestIf(tx, request.id, { from: statusesAllowing(request.kind, "cancel"), requesterId: actor.id }, { status: "cancelled", closedReason: `Cancelled by ${actor.name}.`, decidedAt: now });
    if (!cancelled) throw new AppError("CONFLICT", { message: "This request changed meanwhile; it cannot be cancelled." });
    if (request.counterpartId !== null) {
      addNotifications(tx, [{ personId: request.counterpartId, kind: "swap.cancelled", message: `${actor.name} cancelled ${request.kind} request #${request.id}.`, link: "/me" }], now);
    }
    writeAudit(tx, { actorId: actor.id, action: "swap.cancel", entity: "swap_request", entityId: request.id, at: now });
    return { id: request.id, status: "cancelled" as const };
  });
}
