/**
 * The approval step shared by a lead's approval and a team's automatic approval: the request,
 * the shifts changing hands (conditional on their current holders), other open requests on those
 * shifts cancelled, notifications and the audit log, in one transaction.
 */
import { writeAudit } from "@/server/repositories/audit-repository";
import { addNotifications } from "@/server/repositories/notification-repository";
import * as repo from "@/server/repositories/swap-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { statusesAllowing } from "@/server/domain/swaps/state-machine";
import { AppError } from "@/server/errors";
import { loadOrgSnapshot, type OrgSnapshot } from "../engine-input/org-snapshot";
import { checkMoves, stalenessProblems } from "./checks";
import { computeCoverageChange } from "./coverage-change";
import { describeShift, involvedIds } from "./participants";
import { loadRosterView, movesOf, type ShiftMove } from "./roster-view";

/**
 * Approves in one transaction: the request, the shifts changing hands (conditional on their
 * current holders), other open requests on those shifts cancelled, notifications, audit.
 * `decider` null is the team's automatic approval. The caller has checked authority and rules.
 */
export function applyApproval(
  store: Store,
  dir: OrgSnapshot,
  request: repo.SwapRow,
  shift: repo.ShiftWithRoster,
  moves: readonly ShiftMove[],
  decider: { id: number; name: string } | null,
  now: Date,
) {
  return inTransaction(store, (tx) => {
    const approved = repo.changeRequestIf(tx, request.id, { from: statusesAllowing(request.kind, "approve") }, { status: "approved", decidedById: decider?.id ?? null, decidedAt: now });
    if (!approved) throw new AppError("CONFLICT", { message: "This request changed meanwhile; reload and try again." });
    const before = new Map<number, number | null>([[request.shiftId, request.requesterId], ...(request.counterpartShiftId !== null ? [[request.counterpartShiftId, request.counterpartId] as [number, number | null]] : [])]);
    for (const move of moves) {
      // Conditional on the current holder, so a shift never changes hands twice (no double booking).
      if (!repo.moveShiftHolder(tx, move.shiftId, before.get(move.shiftId) ?? null, move.toPersonId)) {
        throw new AppError("CONFLICT", { message: "A shift changed hands meanwhile; nothing was approved." });
      }
    }
    repo.touchRoster(tx, shift.rosterId, now);
    // Other open requests on these shifts no longer make sense.
    const others = repo.listOpenForShifts(tx, [...before.keys()]).filter((r) => r.id !== request.id);
    repo.cancelOpenRequests(tx, others.map((r) => r.id), "One of its shifts changed hands in another approved request.", now);
    const what = `${request.kind} of the ${describeShift(dir, shift, request.requesterId)} shift`;
    addNotifications(
      tx,
      [
        ...involvedIds(request).map((personId) => ({ personId, kind: "swap.approved" as const, message: `${decider ? decider.name : "Your team's automatic approval"} approved the ${what}. Your schedule and calendar are updated.`, link: "/me" })),
        ...others.flatMap((r) => involvedIds(r).map((personId) => ({ personId, kind: "swap.cancelled" as const, message: `Request #${r.id} was cancelled: one of its shifts changed hands.`, link: "/me" }))),
      ],
      now,
    );
    writeAudit(tx, {
      actorId: decider?.id ?? null,
      action: decider ? "swap.approve" : "swap.autoApprove",
      entity: "swap_request",
      entityId: request.id,
      details: { kind: request.kind, rosterId: shift.rosterId, moves: moves.map((m) => ({ shiftId: m.shiftId, from: before.get(m.shiftId) ?? null, to: m.toPersonId })), cancelled: others.map((r) => r.id) },
      at: now,
    });
    return { id: request.id, status: "approved" as const };
  });
}

/**
 * A team may approve accepted swaps automatically: only when both people are in teams that
 * opted in, every rule check passes again, and no affected interval loses agents or projected
 * service level. Otherwise (null) the request waits for a lead as usual.
 */
export function tryAutoApprove(store: Store, requestId: number, now: Date) {
  const dir = loadOrgSnapshot(store);
  const request = repo.getRequest(store, requestId);
  if (!request || request.status !== "accepted" || request.counterpartId === null) return null;
  const teams = involvedIds(request).map((id) => dir.people.get(id)?.teamId ?? null);
  if (!teams.every((t) => t !== null && dir.autoApproveTeams.has(t))) return null;
  if (stalenessProblems(store, dir, request).length > 0) return null;
  const shift = repo.getShiftWithRoster(store, request.shiftId);
  if (!shift) return null;
  const moves = movesOf(request, request.counterpartId);
  const view = loadRosterView(store, shift.rosterId);
  if (checkMoves(store, view, moves, dir).length > 0) return null;
  if (computeCoverageChange(store, view, moves, dir).worse) return null;
  applyApproval(store, dir, request, shift, moves, null, now);
  return { id: request.id, status: "approved" as const, autoApproved: true };
}
