/**
 * "My shifts" for agents and leads: their published shifts for a week (with breaks and open
 * requests), the upcoming ones, their team's published shifts (names and times only) and the
 * week's worked minutes against their contract. Only published rosters are ever shown.
 */
import type { Actor } from "@/server/auth/actor";
import { workedMinutes } from "@/server/domain/time/ranges";
import { OPEN_STATUSES } from "@/server/domain/swaps/state-machine";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import type { ShiftWithBreaks } from "@/server/repositories/roster-repository";
import * as repo from "@/server/repositories/swap-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { planningWeek } from "../engine-input/planning-week";
import { applyEffectiveStatus } from "../swaps/expiry";
import type { TMyShiftsInput } from "./inputs";

type PublishedShift = ShiftWithBreaks;

const UPCOMING_DAYS = 28;

/** The actor's week (`weekOffset` weeks from the planning week containing `now`), upcoming shifts, team and hours. */
export function getMyShifts(db: Store, actor: Actor, input: TMyShiftsInput, now: Date) {
  const me = orgRepo.getPerson(db, actor.id);
  if (!me) throw new AppError("NOT_FOUND", { message: "Person not found" });
  const regions = new Map(orgRepo.listRegions(db).map((r) => [r.id, r]));
  const templates = new Map(orgRepo.listTemplates(db).map((t) => [t.id, t]));
  const region = regions.get(me.regionId);
  const zone = me.timeZone ?? region?.timeZone ?? "UTC";
  const week = planningWeek(db, now, input.weekOffset);
  const weekStart = week.start.toJSDate();
  const weekEnd = week.end.toJSDate();

  const mine = repo.listPublishedShifts(db, [me.id], weekStart, weekEnd);
  const upcoming = repo.listPublishedShifts(db, [me.id], now, new Date(now.getTime() + UPCOMING_DAYS * 86_400_000));
  const open = new Map<number, { id: number; kind: string; status: string }>();
  // A request whose shift has started reads as expired (no write here), so it no longer marks the shift.
  const openRequests = applyEffectiveStatus(db, repo.listOpenForShifts(db, [...new Set([...mine, ...upcoming].map((s) => s.id))]), now).filter((r) => OPEN_STATUSES.includes(r.status));
  for (const r of openRequests) {
    for (const id of [r.shiftId, r.counterpartShiftId]) if (id !== null) open.set(id, { id: r.id, kind: r.kind, status: r.status });
  }
  const minutesOf = (s: PublishedShift) =>
    workedMinutes({ startMs: s.startsAt.getTime(), endMs: s.endsAt.getTime(), breaks: s.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })) });
  const view = (s: PublishedShift) => ({
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    templateName: (s.templateId !== null ? templates.get(s.templateId)?.name : undefined) ?? "Shift",
    regionName: regions.get(s.regionId)?.name ?? "",
    breaks: s.breaks.map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })),
    workedMinutes: minutesOf(s),
    started: s.startsAt.getTime() <= now.getTime(),
    openRequest: open.get(s.id) ?? null,
  });

  // Teammates: names and times only, never contracts or contact details.
  const teammates = me.teamId === null ? [] : orgRepo.listPeopleInTeams(db, [me.teamId]).filter((p) => p.id !== me.id && p.active && (p.role === "agent" || p.role === "lead"));
  const teamShifts = repo.listPublishedShifts(db, teammates.map((p) => p.id), weekStart, weekEnd);
  const weekShifts = mine.filter((s) => s.startsAt >= weekStart && s.startsAt < weekEnd);

  return {
    person: { id: me.id, name: me.name, role: me.role, zone, regionName: region?.name ?? "", regionZone: region?.timeZone ?? "UTC" },
    week: { start: week.start.toISO() ?? "", end: week.end.toISO() ?? "", weekOffset: input.weekOffset, orgZone: week.zone },
    shifts: mine.map(view),
    upcoming: upcoming.map(view),
    team: teammates.map((p) => ({
      personId: p.id,
      name: p.name,
      role: p.role,
      shifts: teamShifts.filter((s) => s.personId === p.id).map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    })),
    hours: {
      workedMinutes: weekShifts.reduce((sum, s) => sum + minutesOf(s), 0),
      days: weekShifts.length,
      minMinutesPerWeek: me.minMinutesPerWeek,
      maxMinutesPerWeek: me.maxMinutesPerWeek,
      maxDaysPerWeek: me.maxDaysPerWeek,
    },
  };
}
