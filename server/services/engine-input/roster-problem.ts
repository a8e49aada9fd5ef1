/**
 * The roster engine's problem (shared/formats/roster-problem.md) for a period, built from the
 * stored regions, templates, people, contracts, absences and requirements. Solves, hand edits,
 * swap checks, coverage fixes and the hiring plan all build it here.
 */
import { closedDayRanges } from "@/server/domain/time/closed-days";
import { LEAD_SPAN } from "@/server/domain/roster/lead-span";
import { parseRosterProblem, RosterInputError, type TRosterProblem, type TRosterProblemInput } from "@/server/domain/roster/problem";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as rosterRepo from "@/server/repositories/roster-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { personKey, regionKey, templateKey } from "./keys";
import { loadSummedRequirement, periodEnd, type PeriodSpec } from "./requirements";

/** The guidance's span (8–15), the default of the organisation's setting; solves use the setting. */
export { LEAD_SPAN };
export const DEFAULT_SOLVE_SECONDS = 45;

/** A stored shift kept as it is by a re-solve. */
export type PinnedShift = rosterRepo.ShiftWithBreaks;

/**
 * The problem as the format's input. A region's non-working weekdays become unavailable ranges
 * (local days, DST-correct) for its people.
 */
export function buildRosterProblem(
  db: Store,
  period: PeriodSpec,
  opts: { timeLimitSeconds?: number | undefined; pinned?: readonly PinnedShift[] } = {},
): TRosterProblemInput {
  const settings = orgRepo.getSettings(db);
  const regions = orgRepo.listRegions(db);
  const templates = orgRepo.listTemplates(db);
  const templateIdsByPerson = orgRepo.listPersonTemplateIds(db);
  const end = periodEnd(period);
  const absences = rosterRepo.listUnavailability(db, period.periodStart, end);
  const staff = orgRepo.listPeople(db).filter((p) => p.active && (p.role === "agent" || p.role === "lead") && (templateIdsByPerson.get(p.id)?.length ?? 0) > 0);
  const closedDays = new Map(regions.map((r) => [r.id, closedDayRanges(period.periodStart.getTime(), end.getTime(), r.timeZone, r.workingDays)]));

  return {
    version: 1,
    intervalMinutes: settings.intervalMinutes as 15 | 30 | 60,
    start: period.periodStart.toISOString().replace(".000Z", "Z"),
    days: period.days,
    requirement: loadSummedRequirement(db, period, settings.intervalMinutes),
    regions: regions.map((r) => ({ id: regionKey(r.id), timeZone: r.timeZone, earliestStart: r.windowStart, latestEnd: r.windowEnd })),
    shiftTemplates: templates.map((t) => ({
      id: templateKey(t.id),
      minutes: t.minutes,
      breaks: t.breaks,
      ...(t.startStepMinutes ? { startStepMinutes: t.startStepMinutes } : {}),
    })),
    people: staff.map((p) => ({
      id: personKey(p.id),
      role: p.role as "agent" | "lead",
      regionId: regionKey(p.regionId),
      templateIds: (templateIdsByPerson.get(p.id) ?? []).map(templateKey),
      maxMinutesPerWeek: p.maxMinutesPerWeek,
      minMinutesPerWeek: p.minMinutesPerWeek,
      maxDaysPerWeek: p.maxDaysPerWeek,
      minRestMinutes: p.minRestMinutes,
      unavailable: [
        ...absences.filter((a) => a.personId === p.id).map((a) => ({ start: a.startsAt.toISOString(), end: a.endsAt.toISOString() })),
        ...(closedDays.get(p.regionId) ?? []),
      ],
    })),
    leadSpan: { min: settings.leadSpanMin, max: settings.leadSpanMax },
    timeLimitSeconds: opts.timeLimitSeconds ?? DEFAULT_SOLVE_SECONDS,
    ...(opts.pinned && opts.pinned.length > 0
      ? {
          pinnedShifts: opts.pinned
            .filter((s) => s.personId !== null && s.templateId !== null)
            .map((s) => ({
              personId: personKey(s.personId ?? 0),
              templateId: templateKey(s.templateId ?? 0),
              start: s.startsAt.toISOString(),
              breakStarts: s.breaks.map((b) => b.startsAt.toISOString()),
            })),
        }
      : {}),
  };
}

/** Parses with the engine's own schema; any issue is reported as invalid input. */
function parseAsInput(problem: TRosterProblemInput): TRosterProblem {
  try {
    return parseRosterProblem(problem);
  } catch (error) {
    if (error instanceof RosterInputError) throw new AppError("INVALID_INPUT", { field: "problem", message: error.message });
    throw error;
  }
}

/**
 * The problem built and validated with the engine's own schema: the parsed problem the engine
 * and the solve worker take as it is. Any issue is reported as invalid input.
 */
export function loadRosterProblem(db: Store, period: PeriodSpec, opts: Parameters<typeof buildRosterProblem>[2] = {}): TRosterProblem {
  return parseAsInput(buildRosterProblem(db, period, opts));
}

/**
 * The engine's design-mode problem for a period, validated: the same requirement, regions and
 * templates with no people (an unlimited pool per region on default contracts), no pinned
 * shifts and no lead span. The engine then reports the headcount each region needs.
 */
export function loadDesignProblem(db: Store, period: PeriodSpec, opts: { timeLimitSeconds?: number | undefined } = {}): TRosterProblem {
  const { people: _people, pinnedShifts: _pinned, leadSpan: _span, ...designProblem } = buildRosterProblem(db, period, opts);
  return parseAsInput(designProblem);
}
