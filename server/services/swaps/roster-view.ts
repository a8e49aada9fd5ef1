/**
 * A published roster as the swap checks and the coverage change read it (its shifts, the
 * engine's problem and the interval grid), and the moves a request makes on it.
 */
import type { CoverageGrid } from "@/server/domain/coverage/coverage-from-shifts";
import type { TRosterProblem } from "@/server/domain/roster/problem";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as rosterRepo from "@/server/repositories/roster-repository";
import type { SwapRow } from "@/server/repositories/swap-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import type { OrgSnapshot } from "../engine-input/org-snapshot";
import type { PeriodSpec } from "../engine-input/requirements";
import { loadRosterProblem } from "../engine-input/roster-problem";

/** A published shift changing hands: to another person, or to nobody (a drop). */
export interface ShiftMove {
  shiftId: number;
  toPersonId: number | null;
}

/** The published roster a shift lives in, with everything the checks need. */
export interface RosterView {
  rosterId: number;
  period: PeriodSpec;
  shifts: rosterRepo.ShiftWithBreaks[];
  problem: TRosterProblem;
  grid: CoverageGrid;
}

/**
 * Loads a roster for checking moves on it. `cache` lets a list that checks many requests of the
 * same roster build its problem once.
 */
export function loadRosterView(db: Store, rosterId: number, cache?: Map<number, RosterView>): RosterView {
  const cached = cache?.get(rosterId);
  if (cached) return cached;
  const roster = rosterRepo.getRoster(db, rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  const settings = orgRepo.getSettings(db);
  const period = { periodStart: roster.periodStart, days: roster.days };
  const view: RosterView = {
    rosterId,
    period,
    shifts: rosterRepo.listShiftsWithBreaks(db, rosterId),
    problem: loadRosterProblem(db, period),
    grid: { startMs: roster.periodStart.getTime(), intervalMinutes: settings.intervalMinutes, intervalCount: (roster.days * 1440) / settings.intervalMinutes },
  };
  cache?.set(rosterId, view);
  return view;
}

/** Staffed shifts as the coverage engine reads them (role, instants, breaks). */
export function timedShifts(dir: OrgSnapshot, list: readonly rosterRepo.ShiftWithBreaks[]) {
  return list
    .filter((s) => s.personId !== null)
    .map((s) => ({
      role: dir.people.get(s.personId ?? 0)?.role === "lead" ? ("lead" as const) : ("agent" as const),
      startMs: s.startsAt.getTime(),
      endMs: s.endsAt.getTime(),
      breaks: s.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })),
    }));
}

/** A stored shift's start and end as epoch milliseconds, as the domain's rules take them. */
export function timesOf(shift: { startsAt: Date; endsAt: Date }): { startMs: number; endMs: number } {
  return { startMs: shift.startsAt.getTime(), endMs: shift.endsAt.getTime() };
}

/** The roster's shifts as they would be after the moves. */
export function afterMoves(view: RosterView, moves: readonly ShiftMove[]): rosterRepo.ShiftWithBreaks[] {
  const target = new Map(moves.map((m) => [m.shiftId, m.toPersonId]));
  return view.shifts.map((s) => (target.has(s.id) ? { ...s, personId: target.get(s.id) ?? null } : s));
}

/** The moves a request makes when approved, with `takerId` taking the requester's shift. */
export function movesOf(request: Pick<SwapRow, "kind" | "shiftId" | "counterpartId" | "counterpartShiftId" | "requesterId">, takerId: number | null): ShiftMove[] {
  if (request.kind === "drop") return [{ shiftId: request.shiftId, toPersonId: null }];
  if (request.kind === "offer") return [{ shiftId: request.shiftId, toPersonId: takerId }];
  return [
    { shiftId: request.shiftId, toPersonId: takerId },
    ...(request.counterpartShiftId !== null ? [{ shiftId: request.counterpartShiftId, toPersonId: request.requesterId }] : []),
  ];
}
