/**
 * The rules a swap, offer or drop must keep: the roster engine's checker (`checkShifts`) run on
 * the published roster as it would be after the moves, for the people involved, plus the swap
 * rules in server/domain/swaps/eligibility.ts (live-channel skills, lead span, rest against
 * neighbouring rosters). Run when a request is made, when it is accepted and again just before
 * approval, against the roster as it is then.
 */
import { coverageFromShifts } from "@/server/domain/coverage/coverage-from-shifts";
import { checkShifts } from "@/server/domain/roster/check-shifts";
import { describeOmitted, describeViolation, type ViolationContext } from "@/server/domain/roster/violation-messages";
import { leadSpanBreaches, leadSpanViolations, missingLiveSkills, restAcrossRosters, LIVE_CHANNEL_KINDS } from "@/server/domain/swaps/eligibility";
import { intervalIndexesOf } from "@/server/domain/time/ranges";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/swap-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { idOf, personKey, toResultShift } from "../engine-input/keys";
import { loadOrgSnapshot, nameOf, zoneOf, type OrgSnapshot } from "../engine-input/org-snapshot";
import { LEAD_SPAN } from "../engine-input/roster-problem";
import { afterMoves, timedShifts, type RosterView, type ShiftMove } from "./roster-view";

/**
 * Every rule the published roster would break after the moves, for the people involved, in plain
 * words with names and local times. Empty: the moves keep every rule.
 */
export function checkMoves(db: Store, view: RosterView, moves: readonly ShiftMove[], dir: OrgSnapshot = loadOrgSnapshot(db)): string[] {
  const problems: string[] = [];
  const byId = new Map(view.shifts.map((s) => [s.id, s]));
  const liveChannelKeys = orgRepo
    .listChannels(db)
    .filter((c) => (LIVE_CHANNEL_KINDS as readonly string[]).includes(c.kind))
    .map((c) => c.key);
  const inProblem = new Set((view.problem.people ?? []).map((p) => p.id));
  const touched = new Set<string>();
  const firstMoved = byId.get(moves[0]?.shiftId ?? -1);
  const describe: ViolationContext = {
    nameOf: (key) => (key.startsWith("person-") ? nameOf(dir, idOf(key)) : key.startsWith("region-") ? dir.regions.get(idOf(key))?.name : dir.templates.get(idOf(key))?.name),
    zoneOfPerson: (key) => zoneOf(dir, idOf(key)),
    // Times of no one person (the lead span) in the zone of the first moved shift's region.
    zone: dir.regions.get(firstMoved?.regionId ?? -1)?.timeZone ?? "UTC",
  };
  for (const move of moves) {
    const shift = byId.get(move.shiftId);
    if (!shift) throw new AppError("NOT_FOUND", { message: "Shift not found in its roster" });
    if (shift.personId !== null) touched.add(personKey(shift.personId));
    if (move.toPersonId === null) continue;
    touched.add(personKey(move.toPersonId));
    const taker = dir.people.get(move.toPersonId);
    const giver = shift.personId === null ? undefined : dir.people.get(shift.personId);
    if (!taker || !taker.active || (taker.role !== "agent" && taker.role !== "lead")) {
      problems.push(describeViolation({ code: "cannot-work", ...(taker ? { personId: personKey(taker.id) } : {}), shiftRefs: [], params: {} }, describe));
      continue;
    }
    if (!inProblem.has(personKey(taker.id))) problems.push(describeViolation({ code: "no-templates", personId: personKey(taker.id), shiftRefs: [], params: {} }, describe));
    if (giver) {
      const missing = missingLiveSkills({ giverSkills: giver.skills, takerSkills: taker.skills, liveChannelKeys });
      if (missing.length > 0) {
        const params = { skills: missing, fromPersonId: personKey(giver.id), startMs: shift.startsAt.getTime() };
        problems.push(describeViolation({ code: "missing-skill", personId: personKey(taker.id), shiftRefs: [], params }, describe));
      }
    }
    // Neighbouring rosters: the checker sees this roster only.
    const margin = 2 * 86_400_000;
    const others = repo
      .listPublishedShifts(db, [taker.id], new Date(shift.startsAt.getTime() - margin), new Date(shift.endsAt.getTime() + margin))
      .filter((s) => s.rosterId !== view.rosterId)
      .map((s) => ({ startMs: s.startsAt.getTime(), endMs: s.endsAt.getTime() }));
    const across = restAcrossRosters({ personId: personKey(taker.id), minRestMinutes: taker.minRestMinutes, taken: { startMs: shift.startsAt.getTime(), endMs: shift.endsAt.getTime() }, others });
    problems.push(...across.map((violation) => describeViolation(violation, describe)));
  }

  const after = afterMoves(view, moves);
  const assigned = after.filter((s) => s.personId !== null && inProblem.has(personKey(s.personId)));
  const moved = new Set(moves.map((m) => m.shiftId));
  const movedIndexes = new Set(assigned.flatMap((s, i) => (moved.has(s.id) ? [i] : [])));
  for (const violation of checkShifts(view.problem, assigned.map(toResultShift))) {
    const involved = violation.personId ? touched.has(violation.personId) : violation.shiftRefs.some((ref) => ref.index !== undefined && movedIndexes.has(ref.index));
    if (involved) problems.push(describeViolation(violation, describe));
  }

  // Lead span over the intervals the moved shifts touch.
  const intervals = moves.flatMap((m) => {
    const s = byId.get(m.shiftId);
    return s ? intervalIndexesOf(view.grid, s.startsAt.getTime(), s.endsAt.getTime()) : [];
  });
  const before = coverageFromShifts(view.grid, timedShifts(dir, view.shifts));
  const afterCoverage = coverageFromShifts(view.grid, timedShifts(dir, after));
  // The organisation's span, as the roster problem carries it; the guidance's default otherwise.
  const spanMax = view.problem.leadSpan?.max ?? LEAD_SPAN.max;
  const breaches = leadSpanBreaches({ startMs: view.grid.startMs, intervalMinutes: view.grid.intervalMinutes, spanMax, intervalIndexes: intervals, before, after: afterCoverage });
  problems.push(...leadSpanViolations(breaches.slice(0, 3), spanMax).map((violation) => describeViolation(violation, describe)));
  if (breaches.length > 3) problems.push(describeOmitted("lead-span", breaches.length - 3));
  return [...new Set(problems)];
}

/** The shifts must still belong to the people the request was made for; what no longer holds, in words. */
export function stalenessProblems(db: Store, dir: OrgSnapshot, request: repo.SwapRow): string[] {
  const out: string[] = [];
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift || shift.rosterStatus !== "published" || shift.personId !== request.requesterId) out.push(`${nameOf(dir, request.requesterId)} no longer holds this shift.`);
  if (request.counterpartShiftId !== null) {
    const other = repo.getShiftWithRoster(db, request.counterpartShiftId);
    if (!other || other.rosterStatus !== "published" || other.personId !== request.counterpartId) out.push(`${nameOf(dir, request.counterpartId)} no longer holds the other shift.`);
  }
  return out;
}
