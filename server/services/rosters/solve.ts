/**
 * Roster solves: build and validate the engine's problem from the stored organisation (keeping
 * a draft's pinned shifts), run it as a background job, and save its result in one transaction
 * when it finishes. Cancelled or failed solves save nothing.
 */
import type { Actor } from "@/server/auth/actor";
import type { Clock } from "@/server/clock";
import type { RosterResult } from "@/server/domain/roster/result";
import { AppError } from "@/server/errors";
import { cancelRosterJob, getRosterJob, startRosterJob, type RosterJob } from "@/server/jobs/roster-jobs";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as repo from "@/server/repositories/roster-repository";
import { hasRequirements } from "@/server/repositories/staffing-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { idOf } from "../engine-input/keys";
import { planningWeek } from "../engine-input/planning-week";
import type { PeriodSpec } from "../engine-input/requirements";
import { loadRosterProblem } from "../engine-input/roster-problem";
import type { TStartSolveInput } from "./inputs";

function summaryOf(result: RosterResult, now: Date): repo.RosterSolveSummary {
  return {
    status: result.status,
    metrics: { ...result.metrics },
    unmet: result.unmet,
    headcount: result.headcount,
    solvedAt: now.toISOString(),
  };
}

/** The key a pinned shift is known by across a re-solve: its person and start. */
function pinKey(personId: number, startMs: number): string {
  return `${personId}@${startMs}`;
}

/**
 * Writes a solve's result: a new draft roster, or the shifts of an existing draft replaced
 * (pinned shifts come back from the engine and stay pinned). One transaction; re-solving a
 * roster that stopped being a draft meanwhile writes nothing.
 */
export function saveRosterResult(
  db: Store,
  opts: { rosterId: number | null; name: string; period: PeriodSpec; actorId: number | null; result: RosterResult; pinnedKeys: ReadonlySet<string>; now: Date },
): number {
  const { result, now } = opts;
  const summary = summaryOf(result, now);
  const rows: repo.NewShift[] = result.shifts.flatMap((shift) => {
    if (shift.personId === null) return [];
    const personId = idOf(shift.personId);
    const startMs = Date.parse(shift.start);
    return [
      {
        personId,
        regionId: idOf(shift.regionId),
        templateId: idOf(shift.templateId),
        startsAt: new Date(startMs),
        endsAt: new Date(shift.end),
        pinned: opts.pinnedKeys.has(pinKey(personId, startMs)),
        breaks: shift.breaks.map((b) => ({ startsAt: new Date(b.start), endsAt: new Date(b.end) })),
      },
    ];
  });
  return inTransaction(db, (tx) => {
    let rosterId = opts.rosterId;
    if (rosterId === null) {
      rosterId = repo.insertDraftRoster(tx, { name: opts.name, periodStart: opts.period.periodStart, days: opts.period.days, createdById: opts.actorId, solveSummary: summary, now });
      repo.insertShifts(tx, rosterId, rows);
    } else if (!repo.replaceDraftShifts(tx, rosterId, rows, summary, now)) {
      throw new AppError("CONFLICT", { message: "Only a draft roster can be re-solved." });
    }
    writeAudit(tx, {
      actorId: opts.actorId,
      action: opts.rosterId === null ? "roster.create" : "roster.resolve",
      entity: "roster",
      entityId: rosterId,
      details: { status: result.status, shifts: result.shifts.length, metrics: result.metrics },
      at: now,
    });
    return rosterId;
  });
}

/**
 * Starts a solve of a new draft for a planning week (`weekOffset` weeks from the one holding
 * now; refused in plain words when that week has no forecast yet), or a re-solve of a draft
 * keeping its pinned shifts. The problem is validated here,
 * before the job starts; the result is saved when the job ends, at the clock's time then.
 */
export function startRosterSolve(db: Store, actor: Actor, input: TStartSolveInput, clock: Clock): RosterJob {
  let period: PeriodSpec;
  let name: string;
  let pinned: repo.ShiftWithBreaks[] = [];
  if (input.rosterId !== undefined) {
    const roster = repo.getRoster(db, input.rosterId);
    if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
    if (roster.status !== "draft") throw new AppError("CONFLICT", { message: "Only a draft roster can be re-solved." });
    period = { periodStart: roster.periodStart, days: roster.days };
    name = roster.name;
    pinned = repo.listShiftsWithBreaks(db, roster.id).filter((s) => s.pinned);
  } else {
    const week = planningWeek(db, clock(), input.weekOffset);
    if (!hasRequirements(db, week.start.toJSDate(), week.end.toJSDate())) {
      throw new AppError("INVALID_INPUT", { field: "weekOffset", message: `Forecast the week of ${week.start.toFormat("d LLL")} on the Staffing page first.` });
    }
    period = { periodStart: week.start.toJSDate(), days: 7 };
    name = input.name?.trim() || `Week of ${week.start.toFormat("d LLL yyyy")}`;
  }
  const problem = loadRosterProblem(db, period, { timeLimitSeconds: input.timeLimitSeconds, pinned });
  const pinnedKeys = new Set(pinned.flatMap((s) => (s.personId === null ? [] : [pinKey(s.personId, s.startsAt.getTime())])));
  return startRosterJob({
    ownerId: actor.id,
    label: name,
    problem,
    clock,
    onResult: (result) => ({
      rosterId: saveRosterResult(db, { rosterId: input.rosterId ?? null, name, period, actorId: actor.id, result, pinnedKeys, now: clock() }),
    }),
  });
}

/** A solve's progress, for who started it (and managers); anyone else gets "not found". */
export function getSolveStatus(actor: Actor, jobId: string): RosterJob {
  const job = getRosterJob(jobId);
  // Jobs are private to who started them (and managers): ids are unguessable, but checked anyway.
  if (!job || (job.ownerId !== actor.id && actor.role !== "manager")) throw new AppError("NOT_FOUND", { message: "No such solve" });
  return job;
}

/** Stops a running solve (same visibility as its status); nothing it computed is saved. */
export async function cancelSolve(actor: Actor, jobId: string): Promise<RosterJob> {
  getSolveStatus(actor, jobId);
  const job = await cancelRosterJob(jobId);
  if (!job) throw new AppError("NOT_FOUND", { message: "No such solve" });
  return job;
}
