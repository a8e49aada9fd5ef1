/**
 * Concrete fixes for coverage gaps: an extra shift in a named region at a local start time
 * that fits its working window; overtime for a named person whose contract, rest, absences
 * and days still allow one more shift (re-verified with the roster rule checker); and, where
 * nobody can, the agents to hire per region.
 */
import { DateTime } from "luxon";
import { checkShifts } from "../roster/check-shifts";
import { DEFAULT_CONTRACT } from "../roster/contract";
import type { TRosterProblem } from "../roster/problem";
import type { RosterResultShift } from "../roster/result";
import { DAY_AND_TIME, formatInstant, localLabel } from "../time/format";
import { regionWindows } from "../time/windows";
import type { CoverageGap } from "./coverage-report";

export type FixSuggestion =
  | { kind: "extra-shift"; regionId: string; templateId: string; startMs: number; localStart: string; timeZone: string; text: string }
  | { kind: "overtime"; personId: string; regionId: string; templateId: string; startMs: number; localStart: string; timeZone: string; text: string }
  | { kind: "hire"; regionId: string; agents: number; text: string };

export interface SuggestFixesInput {
  problem: TRosterProblem;
  shifts: readonly RosterResultShift[];
  gaps: readonly CoverageGap[];
  names: { people: ReadonlyMap<string, string>; regions: ReadonlyMap<string, string>; templates: ReadonlyMap<string, string> };
  /** At most this many people are offered per gap. */
  maxPeoplePerGap?: number;
}

/** A full-time week of worked minutes, for turning shortage hours into headcount. */
const WEEKLY_WORKED_MINUTES = DEFAULT_CONTRACT.maxMinutesPerWeek;

function alignUp(ms: number, originMs: number, stepMs: number) {
  return originMs + Math.ceil((ms - originMs) / stepMs) * stepMs;
}

/**
 * @example suggestFixes({ problem, shifts, gaps, names }).get(gaps[0].startMs)?.[0]?.text
 * //=> "Add a Day 8.5h shift in APAC starting Tue 08:00 (Asia/Manila)"
 */
export function suggestFixes(input: SuggestFixesInput): { byGap: Map<number, FixSuggestion[]>; hiring: FixSuggestion[] } {
  const { problem } = input;
  const stepMs = problem.intervalMinutes * 60_000;
  const originMs = DateTime.fromISO(problem.start, { setZone: true }).toMillis();
  const horizonEnd = originMs + problem.days * 86_400_000;
  const byGap = new Map<number, FixSuggestion[]>();
  const shortHoursByRegion = new Map<string, number>();
  const maxPeople = input.maxPeoplePerGap ?? 2;

  for (const gap of input.gaps) {
    const fixes: FixSuggestion[] = [];
    if (gap.maxShortAgents <= 0) {
      byGap.set(gap.startMs, fixes);
      continue;
    }
    for (const region of problem.regions) {
      const regionName = input.names.regions.get(region.id) ?? region.id;
      const window = regionWindows(region, Math.max(originMs, gap.startMs - 86_400_000), Math.min(horizonEnd, gap.endMs + 86_400_000)).find(
        (w) => w.startMs < gap.endMs && w.endMs > gap.startMs,
      );
      if (!window) continue;
      shortHoursByRegion.set(region.id, (shortHoursByRegion.get(region.id) ?? 0) + gap.shortAgentHours / Math.max(1, gap.openRegionIds.length || 1));
      // The template that covers most of the gap inside the window.
      let best: { templateId: string; startMs: number; covered: number } | null = null;
      for (const template of problem.shiftTemplates) {
        const lengthMs = template.minutes * 60_000;
        const latestStart = window.endMs - lengthMs;
        if (latestStart < window.startMs) continue;
        const startMs = Math.max(window.startMs, Math.min(latestStart, alignUp(gap.startMs - lengthMs / 2 + (gap.endMs - gap.startMs) / 2, originMs, stepMs)));
        const aligned = Math.min(alignUp(startMs, originMs, stepMs), latestStart);
        const covered = Math.min(gap.endMs, aligned + lengthMs) - Math.max(gap.startMs, aligned);
        if (covered > 0 && (!best || covered > best.covered)) best = { templateId: template.id, startMs: aligned, covered };
      }
      if (!best) continue;
      const localStart = formatInstant(best.startMs, region.timeZone, DAY_AND_TIME, "none");
      const startLabel = localLabel(best.startMs, region.timeZone);
      const templateName = input.names.templates.get(best.templateId) ?? best.templateId;
      fixes.push({
        kind: "extra-shift",
        regionId: region.id,
        templateId: best.templateId,
        startMs: best.startMs,
        localStart,
        timeZone: region.timeZone,
        text: `Add a ${templateName} shift in ${regionName} starting ${startLabel}`,
      });
      // Overtime: someone in this region whose every rule still holds with one more shift.
      let offered = 0;
      for (const person of problem.people ?? []) {
        if (offered >= maxPeople) break;
        if (person.role !== "agent" || person.regionId !== region.id || !person.templateIds.includes(best.templateId)) continue;
        const extra: RosterResultShift = {
          personId: person.id,
          regionId: region.id,
          templateId: best.templateId,
          start: new Date(best.startMs).toISOString(),
          end: new Date(best.startMs + (problem.shiftTemplates.find((t) => t.id === best.templateId)?.minutes ?? 0) * 60_000).toISOString(),
          breaks: [],
        };
        const template = problem.shiftTemplates.find((t) => t.id === best.templateId);
        extra.breaks = (template?.breaks ?? []).map((b) => {
          const s = best.startMs + Math.ceil(b.earliestAfterMinutes / problem.intervalMinutes) * stepMs;
          return { start: new Date(s).toISOString(), end: new Date(s + b.minutes * 60_000).toISOString() };
        });
        const own = input.shifts.filter((s) => s.personId === person.id);
        const violations = checkShifts({ ...problem, people: [person] }, [...own, extra]);
        if (violations.length > 0) continue;
        offered++;
        const name = input.names.people.get(person.id) ?? person.id;
        fixes.push({
          kind: "overtime",
          personId: person.id,
          regionId: region.id,
          templateId: best.templateId,
          startMs: best.startMs,
          localStart,
          timeZone: region.timeZone,
          text: `Offer ${name} an extra ${templateName} shift starting ${startLabel}; it fits their contract, rest and days off`,
        });
      }
    }
    byGap.set(gap.startMs, fixes);
  }
  const weeks = problem.days / 7;
  const hiring: FixSuggestion[] = [];
  for (const [regionId, hours] of shortHoursByRegion) {
    const agents = Math.ceil((hours * 60) / (WEEKLY_WORKED_MINUTES * weeks) - 1e-9);
    if (agents <= 0) continue;
    const name = input.names.regions.get(regionId) ?? regionId;
    hiring.push({ kind: "hire", regionId, agents, text: `Hire about ${agents} full-time agent${agents === 1 ? "" : "s"} in ${name} (${Math.round(hours)} agent-hours short per ${problem.days} days at 40 h a week)` });
  }
  return { byGap, hiring };
}
