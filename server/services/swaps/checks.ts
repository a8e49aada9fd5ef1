/**
 * The rules a swap, offer or drop must keep: the roster engine's checker (`checkShifts`) run on
 * the published roster as it would be after the moves, for the people involved, plus the swap
 * rules in server/domain/swaps/eligibility.ts (live-channel skills, lead span, rest against
 * neighbouring rosters). Run when a request is made, when it is accepted and again just before
 * approval, against the roster as it is then.
 */
import { coverageFromShifts } from "@/server/domain/coverage/coverage-from-shifts";
import { checkShifts } from "@/server/domain/roster/check-shifts";
import { describeRosterViolation, intervalIndexesOf, leadSpanBreaches, localLabel, missingLiveSkills, restAcrossRosters, LIVE_CHANNEL_KINDS } from "@/server/domain/swaps/eligibility";
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
  for (const move of moves) {
    const shift = byId.get(move.shiftId);
    if (!shift) throw new AppError("NOT_FOUND", { message: "Shift not found in its roster" });
    if (shift.personId !== null) touched.add(personKey(shift.personId));
    if (move.toPersonId === null) continue;
    touched.add(personKey(move.toPersonId));
    const taker = dir.people.get(move.toPersonId);
    const giver = shift.personId === null ? undefined : dir.people.get(shift.personId);
    if (!taker || !taker.active || (taker.role !== "agent" && taker.role !== "lead")) {
      problems.push(`${taker?.name ?? "This person"} cannot work shifts`);
      continue;
    }
    if (!inProblem.has(personKey(taker.id))) problems.push(`${taker.name}'s contract has no shift templates, so they cannot take shifts`);
    if (giver) {
      const missing = missingLiveSkills({ giverSkills: giver.skills, takerSkills: taker.skills, liveChannelKeys });
      if (missing.length > 0) {
        problems.push(`${taker.name} lacks ${missing.join(" and ")}, which ${giver.name} covers on the ${localLabel(shift.startsAt.getTime(), zoneOf(dir, taker.id))} shift`);
      }
    }
    // Neighbouring rosters: the checker sees this roster only.
    const margin = 2 * 86_400_000;
    const others = repo
      .listPublishedShifts(db, [taker.id], new Date(shift.startsAt.getTime() - margin), new Date(shift.endsAt.getTime() + margin))
      .filter((s) => s.rosterId !== view.rosterId)
      .map((s) => ({ startMs: s.startsAt.getTime(), endMs: s.endsAt.getTime() }));
    problems.push(
      ...restAcrossRosters({ name: taker.name, zone: zoneOf(dir, taker.id), minRestMinutes: taker.minRestMinutes, taken: { startMs: shift.startsAt.getTime(), endMs: shift.endsAt.getTime() }, others }),
    );
  }

  const after = afterMoves(view, moves);
  const assigned = after.filter((s) => s.personId !== null && inProblem.has(personKey(s.personId)));
  const moved = new Set(moves.map((m) => m.shiftId));
  const movedIndexes = new Set(assigned.flatMap((s, i) => (moved.has(s.id) ? [i] : [])));
  const describe = {
    personName: (key: string) => nameOf(dir, idOf(key)),
    personZone: (key: string) => zoneOf(dir, idOf(key)),
    regionName: (key: string) => dir.regions.get(idOf(key))?.name ?? key,
    templateName: (key: string) => dir.templates.get(idOf(key))?.name ?? key,
  };
  for (const violation of checkShifts(view.problem, assigned.map(toResultShift))) {
    const involved = violation.personId ? touched.has(violation.personId) : violation.shiftIndex !== undefined && movedIndexes.has(violation.shiftIndex);
    if (involved) problems.push(describeRosterViolation(violation, describe));
  }

  // Lead span over the intervals the moved shifts touch.
  const intervals = moves.flatMap((m) => {
    const s = byId.get(m.shiftId);
    return s ? intervalIndexesOf(view.grid, s.startsAt.getTime(), s.endsAt.getTime()) : [];
  });
  const before = coverageFromShifts(view.grid, timedShifts(dir, view.shifts));
  const afterCoverage = coverageFromShifts(view.grid, timedShifts(dir, after));
  const breaches = leadSpanBreaches({ startMs: view.grid.startMs, intervalMinutes: view.grid.intervalMinutes, spanMax: LEAD_SPAN.max, intervalIndexes: intervals, before, after: afterCoverage });
  const firstMoved = byId.get(moves[0]?.shiftId ?? -1);
  const spanZone = dir.regions.get(firstMoved?.regionId ?? -1)?.timeZone ?? "UTC";
  for (const breach of breaches.slice(0, 3)) {
    problems.push(
      `At ${localLabel(breach.startMs, spanZone)} there would be ${breach.leadsOnDuty} lead(s) on duty for ${Math.round(breach.agentsOnTask)} agents on task; ${breach.leadsNeeded} needed (one lead per ${LEAD_SPAN.max} agents)`,
    );
  }
  if (breaches.length > 3) problems.push(`…and ${breaches.length - 3} more intervals short of leads`);
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
