/**
 * Roster use cases: build the engine's problem from the stored organisation, run the solve
 * as a background job, save its result in one transaction, show the board, check and save
 * hand edits (pinned), and publish. Ownership: leads and managers build and publish rosters;
 * a lead edits shifts only for the people of the teams they lead.
 */
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import { rosters, shiftBreaks, shifts, type RosterSolveSummary } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { coverageFromShifts } from "@/server/domain/coverage/coverage-from-shifts";
import { checkShifts } from "@/server/domain/roster/check-shifts";
import type { RosterResult } from "@/server/domain/roster/result";
import { AppError } from "@/server/errors";
import { cancelRosterJob, getRosterJob, startRosterJob, type RosterJob } from "@/server/jobs/roster-jobs";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/roster-repository";
import { writeAudit } from "@/server/repositories/audit-repository";
import { idOf, personKey, regionKey, templateKey, toResultShift } from "./engine-input/keys";
import { planningWeek } from "./engine-input/planning-week";
import { loadSummedRequirement, type PeriodSpec } from "./engine-input/requirements";
import { loadRosterProblem } from "./engine-input/roster-problem";
import { cancelRequestsForChangedShifts } from "./swaps/follow-ups";

function summaryOf(result: RosterResult, now: Date): RosterSolveSummary {
  return {
    status: result.status,
    metrics: { ...result.metrics },
    unmet: result.unmet,
    headcount: result.headcount,
    solvedAt: now.toISOString(),
  };
}

/**
 * Writes a solve's result: a new draft roster, or the shifts of an existing draft replaced
 * (pinned shifts come back from the engine and stay pinned). One transaction.
 */
export function saveRosterResult(
  db: Db,
  opts: { rosterId: number | null; name: string; period: PeriodSpec; actorId: number | null; result: RosterResult; pinnedKeys: Set<string>; now: Date },
): number {
  return db.transaction((tx) => {
    let rosterId = opts.rosterId;
    if (rosterId === null) {
      rosterId = tx
        .insert(rosters)
        .values({
          name: opts.name,
          periodStart: opts.period.periodStart,
          days: opts.period.days,
          status: "draft",
          createdById: opts.actorId,
          createdAt: opts.now,
          updatedAt: opts.now,
          solveSummary: summaryOf(opts.result, opts.now),
        })
        .returning({ id: rosters.id })
        .get().id;
    } else {
      const roster = tx.select().from(rosters).where(eq(rosters.id, rosterId)).get();
      if (!roster || roster.status !== "draft") throw new AppError("CONFLICT", { message: "Only a draft roster can be re-solved." });
      tx.delete(shifts).where(eq(shifts.rosterId, rosterId)).run();
      tx.update(rosters).set({ solveSummary: summaryOf(opts.result, opts.now), updatedAt: opts.now }).where(eq(rosters.id, rosterId)).run();
    }
    for (const shift of opts.result.shifts) {
      if (shift.personId === null) continue;
      const personId = idOf(shift.personId);
      const row = tx
        .insert(shifts)
        .values({
          rosterId,
          personId,
          regionId: idOf(shift.regionId),
          templateId: idOf(shift.templateId),
          startsAt: new Date(shift.start),
          endsAt: new Date(shift.end),
          pinned: opts.pinnedKeys.has(`${personId}@${Date.parse(shift.start)}`),
        })
        .returning({ id: shifts.id })
        .get();
      for (const b of shift.breaks) tx.insert(shiftBreaks).values({ shiftId: row.id, startsAt: new Date(b.start), endsAt: new Date(b.end) }).run();
    }
    writeAudit(tx, {
      actorId: opts.actorId,
      action: opts.rosterId === null ? "roster.create" : "roster.resolve",
      entity: "roster",
      entityId: rosterId,
      details: { status: opts.result.status, shifts: opts.result.shifts.length, metrics: opts.result.metrics },
      at: opts.now,
    });
    return rosterId;
  });
}

export function startRosterSolve(
  db: Db,
  actor: Actor,
  input: { weekOffset: number; name?: string | undefined; rosterId?: number | undefined; timeLimitSeconds?: number | undefined },
  now: Date,
): RosterJob {
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
    const week = planningWeek(db, now, input.weekOffset);
    period = { periodStart: week.start.toJSDate(), days: 7 };
    name = input.name?.trim() || `Week of ${week.start.toFormat("d LLL yyyy")}`;
  }
  const problem = loadRosterProblem(db, period, { timeLimitSeconds: input.timeLimitSeconds, pinned });
  const pinnedKeys = new Set(pinned.map((s) => `${s.personId}@${s.startsAt.getTime()}`));
  return startRosterJob({
    ownerId: actor.id,
    label: name,
    problem,
    onResult: (result) => ({
      rosterId: saveRosterResult(db, { rosterId: input.rosterId ?? null, name, period, actorId: actor.id, result, pinnedKeys, now: new Date() }),
    }),
  });
}

export function getSolveStatus(actor: Actor, jobId: string): RosterJob {
  const job = getRosterJob(jobId);
  // Jobs are private to who started them (and managers): ids are unguessable, but checked anyway.
  if (!job || (job.ownerId !== actor.id && actor.role !== "manager")) throw new AppError("NOT_FOUND", { message: "No such solve" });
  return job;
}

export async function cancelSolve(actor: Actor, jobId: string): Promise<RosterJob> {
  getSolveStatus(actor, jobId);
  const job = await cancelRosterJob(jobId);
  if (!job) throw new AppError("NOT_FOUND", { message: "No such solve" });
  return job;
}

export function listRostersFor(db: Queryable, actor: Actor) {
  const all = repo.listRosters(db);
  return (actor.role === "agent" ? all.filter((r) => r.status === "published") : all).map((r) => ({
    id: r.id,
    name: r.name,
    periodStart: r.periodStart.toISOString(),
    days: r.days,
    status: r.status,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    summary: r.solveSummary,
  }));
}

/** Which people a lead may edit: the members of the teams they lead, and themselves. */
export function editablePersonIds(db: Queryable, actor: Actor): Set<number> | "all" {
  if (actor.role === "manager") return "all";
  if (actor.role !== "lead") return new Set();
  const teamIds = orgRepo.listTeams(db).filter((t) => t.leadId === actor.id).map((t) => t.id);
  return new Set([actor.id, ...orgRepo.listPeopleInTeams(db, teamIds).map((p) => p.id)]);
}

export function getRosterBoard(db: Queryable, actor: Actor, rosterId: number) {
  const roster = repo.getRoster(db, rosterId);
  if (!roster || (actor.role === "agent" && roster.status !== "published")) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  const settings = orgRepo.getSettings(db);
  const regions = orgRepo.listRegions(db);
  const teams = orgRepo.listTeams(db);
  const everyone = orgRepo.listPeople(db);
  const templateIdsByPerson = orgRepo.listPersonTemplateIds(db);
  const shiftRows = repo.listShiftsWithBreaks(db, rosterId);
  const intervalCount = (roster.days * 1440) / settings.intervalMinutes;
  const grid = { startMs: roster.periodStart.getTime(), intervalMinutes: settings.intervalMinutes, intervalCount };
  const roleById = new Map(everyone.map((p) => [p.id, p.role]));
  const coverage = coverageFromShifts(
    grid,
    // An approved drop leaves a shift with nobody on it: it covers nothing.
    shiftRows.filter((s) => s.personId !== null).map((s) => ({
      role: roleById.get(s.personId ?? 0) === "lead" ? "lead" : "agent",
      startMs: s.startsAt.getTime(),
      endMs: s.endsAt.getTime(),
      breaks: s.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })),
    })),
  );
  let requirement: number[] = [];
  try {
    requirement = loadSummedRequirement(db, { periodStart: roster.periodStart, days: roster.days }, settings.intervalMinutes);
  } catch {
    requirement = new Array<number>(intervalCount).fill(0);
  }
  const editable = editablePersonIds(db, actor);
  const rosteredIds = new Set(shiftRows.map((s) => s.personId));
  const staff = everyone.filter((p) => (p.role === "agent" || p.role === "lead") && (p.active || rosteredIds.has(p.id)));
  return {
    roster: {
      id: roster.id,
      name: roster.name,
      status: roster.status,
      periodStart: roster.periodStart.toISOString(),
      days: roster.days,
      publishedAt: roster.publishedAt?.toISOString() ?? null,
      summary: roster.solveSummary,
    },
    intervalMinutes: settings.intervalMinutes,
    regions: regions.map((r) => ({ id: r.id, name: r.name, timeZone: r.timeZone, windowStart: r.windowStart, windowEnd: r.windowEnd })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, regionId: t.regionId, leadId: t.leadId })),
    templates: orgRepo.listTemplates(db).map((t) => ({ id: t.id, name: t.name, minutes: t.minutes })),
    people: staff.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      regionId: p.regionId,
      teamId: p.teamId,
      templateIds: templateIdsByPerson.get(p.id) ?? [],
      editable: roster.status === "draft" && (editable === "all" || editable.has(p.id)),
    })),
    shifts: shiftRows.map((s) => ({
      id: s.id,
      personId: s.personId,
      regionId: s.regionId,
      templateId: s.templateId,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      pinned: s.pinned,
      breaks: s.breaks.map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })),
    })),
    requirement,
    agentsOnTask: coverage.agentsOnTask,
    leadsOnDuty: coverage.leadsOnDuty,
  };
}

export interface ShiftEdit {
  rosterId: number;
  /** The shift to move, resize (change template) or delete; absent to add one. */
  shiftId?: number | undefined;
  personId: number;
  templateId: number;
  startsAt: string;
}

interface PlannedShift {
  id: number | null;
  personId: number;
  regionId: number;
  templateId: number;
  startsAt: Date;
  endsAt: Date;
  breaks: { startsAt: Date; endsAt: Date }[];
}

/**
 * A shift for a template starting at `startsAt`. Moving a shift keeps its breaks at the same
 * offsets from its start (so saving it unchanged changes nothing); a new shift or a new
 * template gets each break at its earliest allowed offset on the grid.
 */
function planShift(
  db: Queryable,
  edit: ShiftEdit,
  regionId: number,
  intervalMinutes: number,
  existing: repo.ShiftWithBreaks | undefined,
): PlannedShift {
  const template = orgRepo.listTemplates(db).find((t) => t.id === edit.templateId);
  if (!template) throw new AppError("INVALID_INPUT", { field: "templateId", message: "Unknown shift template" });
  const start = DateTime.fromISO(edit.startsAt, { zone: "utc" });
  if (!start.isValid) throw new AppError("INVALID_INPUT", { field: "startsAt", message: "Not a valid start time" });
  const keepBreaks = existing !== undefined && existing.templateId === template.id && existing.breaks.length === template.breaks.length;
  const breaks = keepBreaks
    ? existing.breaks.map((b) => {
        const offsetMs = b.startsAt.getTime() - existing.startsAt.getTime();
        return { startsAt: new Date(start.toMillis() + offsetMs), endsAt: new Date(start.toMillis() + offsetMs + (b.endsAt.getTime() - b.startsAt.getTime())) };
      })
    : template.breaks.map((b) => {
        const offset = Math.ceil(b.earliestAfterMinutes / intervalMinutes) * intervalMinutes;
        return { startsAt: start.plus({ minutes: offset }).toJSDate(), endsAt: start.plus({ minutes: offset + b.minutes }).toJSDate() };
      });
  return {
    id: edit.shiftId ?? null,
    personId: edit.personId,
    regionId,
    templateId: template.id,
    startsAt: start.toJSDate(),
    endsAt: start.plus({ minutes: template.minutes }).toJSDate(),
    breaks,
  };
}

/** Engine wording made readable: keys become names, ISO instants local times with the zone. */
export function humaniseRuleMessage(message: string, names: ReadonlyMap<string, string>, zone: string): string {
  return message
    .replace(/\bshift \d+ \(/g, "shift (")
    .replace(/(?:person|region|template)-\d+/g, (key) => names.get(key) ?? key)
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g, (iso) => `${DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toFormat("ccc d LLL HH:mm")} ${zone}`);
}

/**
 * Every rule the roster would break after the edit, for the people it touches, named in
 * plain words with people's names. Empty means the edit keeps every rule.
 */
export function checkShiftEdit(db: Queryable, actor: Actor, edit: ShiftEdit): { violations: string[]; planned: PlannedShift } {
  const roster = repo.getRoster(db, edit.rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  if (roster.status !== "draft") throw new AppError("CONFLICT", { message: "A published roster cannot be edited here; make a new draft." });
  const editable = editablePersonIds(db, actor);
  const current = repo.listShiftsWithBreaks(db, roster.id);
  const existing = edit.shiftId !== undefined ? current.find((s) => s.id === edit.shiftId) : undefined;
  if (edit.shiftId !== undefined && !existing) throw new AppError("NOT_FOUND", { message: "Shift not found in this roster" });
  for (const personId of [edit.personId, existing?.personId ?? edit.personId]) {
    if (editable !== "all" && !editable.has(personId ?? 0)) {
      throw new AppError("FORBIDDEN", { message: "You can only edit shifts of people in the teams you lead." });
    }
  }
  const person = orgRepo.getPerson(db, edit.personId);
  if (!person || (person.role !== "agent" && person.role !== "lead")) throw new AppError("INVALID_INPUT", { field: "personId", message: "Pick an agent or a lead" });
  const settings = orgRepo.getSettings(db);
  const planned = planShift(db, edit, person.regionId, settings.intervalMinutes, existing);
  const period = { periodStart: roster.periodStart, days: roster.days };
  const problem = loadRosterProblem(db, period);
  const after = [...current.filter((s) => s.id !== edit.shiftId), planned];

  const touched = new Set([personKey(edit.personId), ...(existing?.personId ? [personKey(existing.personId)] : [])]);
  const names = new Map<string, string>([
    ...orgRepo.listPeople(db).map((p) => [personKey(p.id), p.name] as const),
    ...orgRepo.listRegions(db).map((r) => [regionKey(r.id), r.name] as const),
    ...orgRepo.listTemplates(db).map((t) => [templateKey(t.id), t.name] as const),
  ]);
  const zone = orgRepo.listRegions(db).find((r) => r.id === person.regionId)?.timeZone ?? "UTC";
  const violations = checkShifts(problem, after.filter((s) => s.personId !== null).map(toResultShift))
    .filter((v) => !v.personId || touched.has(v.personId))
    .map((v) => humaniseRuleMessage(v.message, names, zone));
  return { violations: [...new Set(violations)], planned };
}

/** Saves a hand edit (pinned, so re-solving keeps it) when it keeps every rule. One transaction. */
export function saveShiftEdit(db: Db, actor: Actor, edit: ShiftEdit, now: Date) {
  const { violations, planned } = checkShiftEdit(db, actor, edit);
  if (violations.length > 0) throw new AppError("CONFLICT", { message: `This edit breaks a rule: ${violations.join("; ")}`, field: "startsAt" });
  return db.transaction((tx) => {
    let shiftId = edit.shiftId;
    if (shiftId !== undefined) {
      tx.update(shifts)
        .set({ personId: planned.personId, regionId: planned.regionId, templateId: planned.templateId, startsAt: planned.startsAt, endsAt: planned.endsAt, pinned: true })
        .where(and(eq(shifts.id, shiftId), eq(shifts.rosterId, edit.rosterId)))
        .run();
      tx.delete(shiftBreaks).where(eq(shiftBreaks.shiftId, shiftId)).run();
    } else {
      shiftId = tx
        .insert(shifts)
        .values({ rosterId: edit.rosterId, personId: planned.personId, regionId: planned.regionId, templateId: planned.templateId, startsAt: planned.startsAt, endsAt: planned.endsAt, pinned: true })
        .returning({ id: shifts.id })
        .get().id;
    }
    for (const b of planned.breaks) tx.insert(shiftBreaks).values({ shiftId, startsAt: b.startsAt, endsAt: b.endsAt }).run();
    tx.update(rosters).set({ updatedAt: now }).where(eq(rosters.id, edit.rosterId)).run();
    writeAudit(tx, {
      actorId: actor.id,
      action: edit.shiftId === undefined ? "shift.add" : "shift.edit",
      entity: "shift",
      entityId: shiftId,
      details: { rosterId: edit.rosterId, personId: planned.personId, startsAt: planned.startsAt.toISOString(), templateId: planned.templateId },
      at: now,
    });
    return { shiftId };
  });
}

export function deleteShift(db: Db, actor: Actor, input: { rosterId: number; shiftId: number }, now: Date) {
  const roster = repo.getRoster(db, input.rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  if (roster.status !== "draft") throw new AppError("CONFLICT", { message: "A published roster cannot be edited here." });
  const shift = db.select().from(shifts).where(and(eq(shifts.id, input.shiftId), eq(shifts.rosterId, input.rosterId))).get();
  if (!shift) throw new AppError("NOT_FOUND", { message: "Shift not found in this roster" });
  const editable = editablePersonIds(db, actor);
  if (editable !== "all" && !editable.has(shift.personId ?? 0)) {
    throw new AppError("FORBIDDEN", { message: "You can only edit shifts of people in the teams you lead." });
  }
  db.transaction((tx) => {
    tx.delete(shifts).where(eq(shifts.id, shift.id)).run();
    tx.update(rosters).set({ updatedAt: now }).where(eq(rosters.id, input.rosterId)).run();
    writeAudit(tx, { actorId: actor.id, action: "shift.delete", entity: "shift", entityId: shift.id, details: { rosterId: input.rosterId, personId: shift.personId, startsAt: shift.startsAt.toISOString() }, at: now });
  });
  return { deleted: shift.id };
}

/**
 * Publishes a draft in one transaction: it becomes the published roster for its period and
 * any published roster overlapping that period is archived. Agents see only published rosters.
 */
export function publishRoster(db: Db, actor: Actor, rosterId: number, now: Date) {
  return db.transaction((tx) => {
    const roster = tx.select().from(rosters).where(eq(rosters.id, rosterId)).get();
    if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
    if (roster.status !== "draft") throw new AppError("CONFLICT", { message: "Only a draft can be published." });
    const end = new Date(roster.periodStart.getTime() + roster.days * 86_400_000);
    const replaced = repo.publishedOverlapping(tx, roster.periodStart, end, roster.id);
    for (const old of replaced) tx.update(rosters).set({ status: "archived", updatedAt: now }).where(eq(rosters.id, old.id)).run();
    tx.update(rosters).set({ status: "published", publishedAt: now, updatedAt: now }).where(eq(rosters.id, roster.id)).run();
    // Open swap requests on the replaced roster follow unchanged shifts; the rest are cancelled and their people told.
    cancelRequestsForChangedShifts(tx, replaced.map((r) => r.id), now);
    writeAudit(tx, { actorId: actor.id, action: "roster.publish", entity: "roster", entityId: roster.id, details: { archived: replaced.map((r) => r.id) }, at: now });
    return { id: roster.id, archived: replaced.map((r) => r.id) };
  });
}

