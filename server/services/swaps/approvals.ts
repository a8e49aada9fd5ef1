/**
 * A lead's (or manager's) decision on a request: approve after re-checking every rule on the
 * roster as it is now, or reject with a reason. Leads decide requests of the teams they lead,
 * never their own; managers decide any.
 */
import type { Actor } from "@/server/auth/actor";
import { statusesAllowing } from "@/server/domain/swaps/state-machine";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import { addNotifications } from "@/server/repositories/notification-repository";
import * as repo from "@/server/repositories/swap-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { loadOrgSnapshot } from "../engine-input/org-snapshot";
import { applyApproval } from "./apply-approval";
import { mayDecide, requireRequest, requireTransition } from "./authority";
import { checkMoves, stalenessProblems } from "./checks";
import { expireDueRequests } from "./expiry";
import type { TRejectSwapInput, TRequestIdInput } from "./inputs";
import { involvedIds } from "./participants";
import { loadRosterView, movesOf } from "./roster-view";

/**
 * Approves: re-checks every rule on the roster as it is now, then in one transaction moves the
 * shift(s) to their new person (breaks stay where they are), closes other open requests on those
 * shifts, notifies everyone and writes the audit log. Both calendars change with the roster.
 */
export function approveSwapRequest(db: Store, actor: Actor, input: TRequestIdInput, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  if (!mayDecide(dir, actor, request)) throw new AppError("FORBIDDEN", { message: "You can only approve requests for the teams you lead." });
  requireTransition(request, "approve");
  const stale = stalenessProblems(db, dir, request);
  if (stale.length > 0) throw new AppError("CONFLICT", { message: stale.join(" ") });
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift) throw new AppError("NOT_FOUND", { message: "Shift not found" });
  const moves = movesOf(request, request.counterpartId);
  const problems = checkMoves(db, loadRosterView(db, shift.rosterId), moves, dir);
  if (problems.length > 0) throw new AppError("CONFLICT", { message: `Cannot approve: ${problems.join("; ")}` });
  return applyApproval(db, dir, request, shift, moves, { id: actor.id, name: actor.name }, now);
}

/** Rejects a request waiting for a decision, with an optional reason. */
export function rejectSwapRequest(db: Store, actor: Actor, input: TRejectSwapInput, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  if (!mayDecide(dir, actor, request)) throw new AppError("FORBIDDEN", { message: "You can only reject requests for the teams you lead." });
  requireTransition(request, "reject");
  const reason = input.reason?.trim() || `Rejected by ${actor.name}.`;
  return inTransaction(db, (tx) => {
    const rejected = repo.changeRequestIf(tx, request.id, { from: statusesAllowing(request.kind, "reject") }, { status: "rejected", decidedById: actor.id, decidedAt: now, closedReason: reason });
    if (!rejected) throw new AppError("CONFLICT", { message: "This request changed meanwhile; reload and try again." });
    addNotifications(tx, involvedIds(request).map((personId) => ({ personId, kind: "swap.rejected" as const, message: `${actor.name} rejected ${request.kind} request #${request.id}: ${reason}`, link: "/me" })), now);
    writeAudit(tx, { actorId: actor.id, action: "swap.reject", entity: "swap_request", entityId: request.id, details: { reason }, at: now });
    return { id: request.id, status: "rejected" as const };
  });
}
