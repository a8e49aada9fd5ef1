/**
 * The roster board: a roster's shifts, the people who may hold them (editable or not for the
 * viewer), and coverage per interval recomputed from the stored shifts against the requirement.
 */
import type { Actor } from "@/server/auth/actor";
import { coverageFromShifts } from "@/server/domain/coverage/coverage-from-shifts";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/roster-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { loadSummedRequirement } from "../engine-input/requirements";
import { editablePersonIds } from "./ownership";

/** The board of one roster; agents see published rosters only (others are "not found"). */
export function getRosterBoard(db: Store, actor: Actor, rosterId: number) {
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
      staleReason: roster.staleReason,
    },
    intervalMinutes: settings.intervalMinutes,
    leadSpanMax: settings.leadSpanMax,
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
