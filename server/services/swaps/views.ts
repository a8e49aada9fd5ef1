/**
 * What the self-service and approval pages show: my requests, requests waiting for my answer
 * (with any rule they would now break), the swap and offer options for one of my shifts, and a
 * lead's queue with each request's checks and coverage change. Instants, names and zones only.
 * Reads only: a request whose shift has started shows as expired without being written.
 */
import type { Actor } from "@/server/auth/actor";
import { haveSameTimes, SAME_TIMES_MESSAGE } from "@/server/domain/swaps/same-times";
import { OPEN_STATUSES } from "@/server/domain/swaps/state-machine";
import { AppError } from "@/server/errors";
import * as repo from "@/server/repositories/swap-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { loadOrgSnapshot, nameOf, zoneOf, type OrgSnapshot } from "../engine-input/org-snapshot";
import { mayDecide, requireOwnOpenShift, requireRequest, teammatesOf } from "./authority";
import { checkMoves, stalenessProblems } from "./checks";
import { computeCoverageChange } from "./coverage-change";
import { applyEffectiveStatus } from "./expiry";
import type { TRequestIdInput, TShiftIdInput } from "./inputs";
import { loadRosterView, movesOf, timesOf, type RosterView } from "./roster-view";

/** A shift as the client sees it: instants, names and the region's zone. */
function shiftView(dir: OrgSnapshot, shift: { id: number; personId: number | null; regionId: number; templateId: number | null; startsAt: Date; endsAt: Date; breaks: { startsAt: Date; endsAt: Date }[] }) {
  const region = dir.regions.get(shift.regionId);
  return {
    id: shift.id,
    personId: shift.personId,
    personName: nameOf(dir, shift.personId),
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    templateName: (shift.templateId !== null ? dir.templates.get(shift.templateId)?.name : undefined) ?? "Shift",
    regionName: region?.name ?? "",
    regionZone: region?.timeZone ?? "UTC",
    breaks: shift.breaks.map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })),
  };
}

export type ShiftView = ReturnType<typeof shiftView>;

/** One request with its shifts (instants, names, zones), as lists show it. */
function requestView(db: Store, dir: OrgSnapshot, request: repo.SwapRow) {
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  const counterpartShift = request.counterpartShiftId !== null ? repo.getShiftWithRoster(db, request.counterpartShiftId) : undefined;
  const person = (id: number | null) => (id === null ? null : { id, name: nameOf(dir, id), zone: zoneOf(dir, id) });
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    note: request.note,
    createdAt: request.createdAt.toISOString(),
    acceptedAt: request.acceptedAt?.toISOString() ?? null,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decidedBy: request.decidedById !== null ? nameOf(dir, request.decidedById) : null,
    closedReason: request.closedReason,
    requester: person(request.requesterId) ?? { id: 0, name: "", zone: "UTC" },
    counterpart: person(request.counterpartId),
    shift: shift ? shiftView(dir, shift) : null,
    counterpartShift: counterpartShift ? shiftView(dir, counterpartShift) : null,
  };
}

export type SwapRequestView = ReturnType<typeof requestView>;

/** Requests I made or am the counterpart of, those whose shift has started shown expired. */
export function listMySwapRequests(db: Store, actor: Actor, now: Date) {
  const dir = loadOrgSnapshot(db);
  return applyEffectiveStatus(db, repo.listForPerson(db, actor.id, 50), now).map((r) => requestView(db, dir, r));
}

/**
 * Requests waiting for my answer: those addressed to me (with any rule they would now break), and
 * open offers from teammates that I am eligible to take and have not declined.
 */
export function listIncomingSwapRequests(db: Store, actor: Actor, now: Date) {
  const dir = loadOrgSnapshot(db);
  const declined = repo.declinedOfferIds(db, actor.id);
  const cache = new Map<number, RosterView>();
  const out: (SwapRequestView & { problems: string[] })[] = [];
  for (const request of applyEffectiveStatus(db, repo.listIncoming(db, actor.id, teammatesOf(dir, actor.id).map((p) => p.id)), now)) {
    if (request.status !== "pending") continue;
    if (request.counterpartId === null && declined.has(request.id)) continue;
    const shift = repo.getShiftWithRoster(db, request.shiftId);
    if (!shift) continue;
    const problems = checkMoves(db, loadRosterView(db, shift.rosterId, cache), movesOf(request, actor.id), dir);
    // Open offers are shown only to those who may take them; a request addressed to me always shows, with its problems.
    if (request.counterpartId === null && problems.length > 0) continue;
    out.push({ ...requestView(db, dir, request), problems });
  }
  return out;
}

/** For the create dialogs: teammates' shifts I could swap for, and teammates I could offer to. */
export function listSwapOptions(db: Store, actor: Actor, input: TShiftIdInput, now: Date) {
  const dir = loadOrgSnapshot(db);
  const shift = requireOwnOpenShift(db, input.shiftId, actor.id, now, "shiftId", true);
  const view = loadRosterView(db, shift.rosterId);
  const teammates = teammatesOf(dir, actor.id);
  const teammateIds = new Set(teammates.map((p) => p.id));
  const open = applyEffectiveStatus(db, repo.listOpenForShifts(db, view.shifts.map((s) => s.id)), now).filter((r) => OPEN_STATUSES.includes(r.status));
  const busy = new Set(open.flatMap((r) => [r.shiftId, r.counterpartShiftId ?? -1]));
  const swapTargets = view.shifts
    .filter((s) => s.personId !== null && teammateIds.has(s.personId) && s.startsAt.getTime() > now.getTime() && !busy.has(s.id))
    .map((s) => {
      // Refused when made (it changes nothing), so listed with the reason and not pickable.
      if (haveSameTimes(timesOf(shift), timesOf(s))) return { shift: shiftView(dir, s), problems: [SAME_TIMES_MESSAGE] };
      const moves = movesOf({ kind: "swap", shiftId: shift.id, counterpartId: s.personId, counterpartShiftId: s.id, requesterId: actor.id }, s.personId);
      return { shift: shiftView(dir, s), problems: checkMoves(db, view, moves, dir) };
    });
  const offerTargets = teammates.map((p) => ({
    personId: p.id,
    name: p.name,
    problems: checkMoves(db, view, movesOf({ kind: "offer", shiftId: shift.id, counterpartId: p.id, counterpartShiftId: null, requesterId: actor.id }, p.id), dir),
  }));
  return { shift: shiftView(dir, shift), swapTargets, offerTargets };
}

/** The checks and the coverage change of a request, as a lead sees it before deciding. */
function decisionView(db: Store, dir: OrgSnapshot, request: repo.SwapRow, cache?: Map<number, RosterView>) {
  const base = requestView(db, dir, request);
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift) return { ...base, problems: ["The shift no longer exists."], coverage: { intervals: [], worse: false, changedIntervals: 0 } };
  const view = loadRosterView(db, shift.rosterId, cache);
  const moves = movesOf(request, request.counterpartId);
  const problems = [...stalenessProblems(db, dir, request), ...checkMoves(db, view, moves, dir)];
  return { ...base, problems, coverage: computeCoverageChange(db, view, moves, dir) };
}

/** Requests waiting for the actor's decision: accepted swaps and offers, pending drops, for the teams they lead. */
export function listSwapsForApproval(db: Store, actor: Actor, now: Date) {
  const dir = loadOrgSnapshot(db);
  const cache = new Map<number, RosterView>();
  return applyEffectiveStatus(db, repo.listAwaitingDecision(db), now)
    .filter((r) => OPEN_STATUSES.includes(r.status) && mayDecide(dir, actor, r))
    .map((r) => decisionView(db, dir, r, cache));
}

/** Checks and coverage change for one request (leads of the teams involved, managers). */
export function previewSwapRequest(db: Store, actor: Actor, input: TRequestIdInput, now: Date) {
  const dir = loadOrgSnapshot(db);
  const stored = requireRequest(db, input.requestId);
  if (!mayDecide(dir, actor, stored)) throw new AppError("FORBIDDEN", { message: "You can only review requests for the teams you lead." });
  const [request = stored] = applyEffectiveStatus(db, [stored], now);
  return decisionView(db, dir, request);
}
