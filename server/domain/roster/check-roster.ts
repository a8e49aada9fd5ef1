/**
 * The rule checker: re-verifies a result against its problem from the result's own instants, so it
 * can judge the engine's plans, hand-edited plans and plans from elsewhere alike. It shares only the
 * window and local-day helpers with the engine (they are the definition of those rules).
 */
import { localDate } from "../time/local-days";
import { regionWindows } from "../time/windows";
import { MINUTES_PER_DAY, instantMs, type TPerson, type TRosterProblem } from "./problem";
import type { RosterResult } from "./result";
import type { CheckedMetric, RosterViolation, ShiftRef } from "./violations";

interface CheckedShift {
  index: number;
  personId: string | null;
  regionId: string;
  startMs: number;
  endMs: number;
  workedMinutes: number;
  role: "agent" | "lead";
  breaks: Array<{ startMs: number; endMs: number }>;
}

/**
 * Every rule of the format the result breaks, each as data (`describeViolation` words it). An empty
 * list means the plan keeps every rule it was given.
 * @example checkRoster(problem, result) //=> []
 * @example checkRoster(problem, twoShiftsOneDay)[0] //=> { code: "one-shift-per-day", personId: "a1", shiftRefs: [...], params: { date: "2026-03-23", shifts: 2 } }
 */
export function checkRoster(problem: TRosterProblem, result: RosterResult): RosterViolation[] {
  const violations: RosterViolation[] = [];
  const interval = problem.intervalMinutes;
  const slotMs = interval * 60_000;
  const horizonStartMs = instantMs(problem.start);
  const horizonEndMs = horizonStartMs + problem.days * MINUTES_PER_DAY * 60_000;
  const slotCount = (problem.days * MINUTES_PER_DAY) / interval;
  const regions = new Map(problem.regions.map((region) => [region.id, region]));
  const templates = new Map(problem.shiftTemplates.map((template) => [template.id, template]));
  const people = new Map<string, TPerson>((problem.people ?? []).map((person) => [person.id, person]));
  const windows = new Map(problem.regions.map((region) => [region.id, regionWindows(region, horizonStartMs, horizonEndMs)]));
  const add = (violation: RosterViolation) => violations.push(violation);
  const refOf = (shift: CheckedShift): ShiftRef => ({ index: shift.index, personId: shift.personId, startMs: shift.startMs, endMs: shift.endMs });

  const checked: CheckedShift[] = [];
  result.shifts.forEach((shift, index) => {
    const startMs = instantMs(shift.start);
    const endMs = instantMs(shift.end);
    const shiftRefs: ShiftRef[] = [{ index, personId: shift.personId, startMs, endMs }];
    const template = templates.get(shift.templateId);
    const region = regions.get(shift.regionId);
    const person = shift.personId === null ? undefined : people.get(shift.personId);
    if (!template) return add({ code: "unknown-template", shiftRefs, params: { templateId: shift.templateId } });
    if (!region) return add({ code: "unknown-region", shiftRefs, params: { regionId: shift.regionId } });
    if (shift.personId === null) {
      if (problem.people !== undefined) add({ code: "unknown-person", shiftRefs, params: { personId: null } });
    } else if (!person) {
      return add({ code: "unknown-person", shiftRefs, params: { personId: shift.personId } });
    } else {
      if (person.regionId !== shift.regionId) add({ code: "wrong-region", personId: person.id, shiftRefs, params: { personRegionId: person.regionId, shiftRegionId: shift.regionId } });
      if (!person.templateIds.includes(shift.templateId)) add({ code: "template-not-allowed", personId: person.id, shiftRefs, params: { templateId: shift.templateId } });
    }
    if (endMs - startMs !== template.minutes * 60_000) {
      add({ code: "shift-length", shiftRefs, params: { minutes: (endMs - startMs) / 60_000, templateId: template.id, templateMinutes: template.minutes } });
    }
    // A pinned shift is a manager's hand edit: it may leave the start step or the window on purpose.
    const pinned = (problem.pinnedShifts ?? []).some((entry) => entry.personId === shift.personId && entry.templateId === shift.templateId && instantMs(entry.start) === startMs);
    const stepMs = (pinned ? interval : (template.startStepMinutes ?? interval)) * 60_000;
    if ((startMs - horizonStartMs) % stepMs !== 0) add({ code: "off-grid", shiftRefs, params: { stepMinutes: stepMs / 60_000 } });
    if (startMs < horizonStartMs || endMs > horizonEndMs) add({ code: "outside-horizon", shiftRefs, params: { horizonStartMs, horizonEndMs } });
    if (!pinned && !(windows.get(region.id) ?? []).some((window) => window.startMs <= startMs && endMs <= window.endMs)) {
      add({ code: "outside-window", shiftRefs, params: { regionId: region.id, timeZone: region.timeZone, earliestStart: region.earliestStart, latestEnd: region.latestEnd } });
    }
    const breaks = shift.breaks.map((range) => ({ startMs: instantMs(range.start), endMs: instantMs(range.end) }));
    if (breaks.length !== template.breaks.length) {
      add({ code: "break", shiftRefs, params: { kind: "count", breaks: breaks.length, templateId: template.id, templateBreaks: template.breaks.length } });
    } else {
      template.breaks.forEach((rule, breakIndex) => {
        const range = breaks[breakIndex];
        if (!range) return;
        const breakNumber = breakIndex + 1;
        const afterMinutes = (range.startMs - startMs) / 60_000;
        if (range.endMs - range.startMs !== rule.minutes * 60_000) {
          add({ code: "break", shiftRefs, params: { kind: "length", breakNumber, minutes: (range.endMs - range.startMs) / 60_000, neededMinutes: rule.minutes } });
        }
        if (afterMinutes < rule.earliestAfterMinutes || afterMinutes > rule.latestAfterMinutes) {
          add({ code: "break", shiftRefs, params: { kind: "start", breakNumber, afterMinutes, earliestAfterMinutes: rule.earliestAfterMinutes, latestAfterMinutes: rule.latestAfterMinutes } });
        }
        if ((range.startMs - horizonStartMs) % slotMs !== 0) add({ code: "break", shiftRefs, params: { kind: "off-interval", breakNumber } });
        if (range.endMs > endMs) add({ code: "break", shiftRefs, params: { kind: "past-end", breakNumber } });
        breaks.forEach((other, otherIndex) => {
          if (otherIndex > breakIndex && other.startMs < range.endMs && range.startMs < other.endMs) {
            add({ code: "break", shiftRefs, params: { kind: "overlap", breakNumber, otherBreakNumber: otherIndex + 1 } });
          }
        });
      });
    }
    const breakMinutes = template.breaks.reduce((sum, rule) => sum + rule.minutes, 0);
    checked.push({ index, personId: shift.personId, regionId: region.id, startMs, endMs, workedMinutes: template.minutes - breakMinutes, role: person?.role ?? "agent", breaks });
  });

  // Per person rules.
  const weekMs = 7 * MINUTES_PER_DAY * 60_000;
  for (const person of people.values()) {
    const own = checked.filter((shift) => shift.personId === person.id).sort((a, b) => a.startMs - b.startMs);
    const zone = regions.get(person.regionId)?.timeZone ?? "UTC";
    const byDate = new Map<string, CheckedShift[]>();
    own.forEach((shift, position) => {
      const date = localDate(shift.startMs, zone);
      byDate.set(date, [...(byDate.get(date) ?? []), shift]);
      for (const range of person.unavailable) {
        const unavailableStartMs = instantMs(range.start);
        const unavailableEndMs = instantMs(range.end);
        if (unavailableStartMs < shift.endMs && shift.startMs < unavailableEndMs) {
          add({ code: "unavailable", personId: person.id, shiftRefs: [refOf(shift)], params: { startMs: shift.startMs, endMs: shift.endMs, unavailableStartMs, unavailableEndMs } });
        }
      }
      const next = own[position + 1];
      if (next) {
        const restMinutes = (next.startMs - shift.endMs) / 60_000;
        const shiftRefs = [refOf(shift), refOf(next)];
        if (restMinutes < 0) {
          add({ code: "overlap", personId: person.id, shiftRefs, params: { startMs: shift.startMs, otherStartMs: next.startMs, acrossRosters: false } });
        } else if (restMinutes < person.minRestMinutes) {
          add({ code: "rest", personId: person.id, shiftRefs, params: { restMinutes, neededMinutes: person.minRestMinutes, endMs: shift.endMs, nextStartMs: next.startMs, acrossRosters: false } });
        }
      }
    });
    for (const [date, shifts] of byDate) {
      if (shifts.length > 1) add({ code: "one-shift-per-day", personId: person.id, shiftRefs: shifts.map(refOf), params: { date, shifts: shifts.length } });
    }
    const weeks = Math.ceil(problem.days / 7);
    for (let week = 0; week < weeks; week++) {
      const inWeek = own.filter((shift) => Math.floor((shift.startMs - horizonStartMs) / weekMs) === week);
      const shiftRefs = inWeek.map(refOf);
      const minutes = inWeek.reduce((sum, shift) => sum + shift.workedMinutes, 0);
      const days = inWeek.length;
      if (minutes > person.maxMinutesPerWeek) add({ code: "weekly-max-minutes", personId: person.id, shiftRefs, params: { week: week + 1, minutes, maxMinutes: person.maxMinutesPerWeek } });
      // Weekly minimums bind on full weeks only: a 3-day horizon cannot owe a weekly minimum.
      if ((week + 1) * 7 <= problem.days && minutes < person.minMinutesPerWeek) {
        add({ code: "weekly-min-minutes", personId: person.id, shiftRefs, params: { week: week + 1, minutes, minMinutes: person.minMinutesPerWeek } });
      }
      if (days > person.maxDaysPerWeek) add({ code: "weekly-max-days", personId: person.id, shiftRefs, params: { week: week + 1, days, maxDays: person.maxDaysPerWeek } });
    }
  }

  for (const [index, pinned] of (problem.pinnedShifts ?? []).entries()) {
    const found = checked.some((shift) => shift.personId === pinned.personId && shift.startMs === instantMs(pinned.start) && result.shifts[shift.index]?.templateId === pinned.templateId);
    if (!found) add({ code: "pinned-shift-missing", personId: pinned.personId, shiftRefs: [], params: { pinnedIndex: index, startMs: instantMs(pinned.start), templateId: pinned.templateId } });
  }

  // Coverage and metrics, recomputed from the shifts.
  const coverage = new Array<number>(slotCount).fill(0);
  const leads = new Array<number>(slotCount).fill(0);
  for (const shift of checked) {
    const target = shift.role === "lead" ? leads : coverage;
    const inBreak = (slotStartMs: number) => shift.breaks.some((range) => range.startMs <= slotStartMs && slotStartMs < range.endMs);
    for (let ms = shift.startMs; ms < shift.endMs; ms += slotMs) {
      const slot = (ms - horizonStartMs) / slotMs;
      if (slot >= 0 && slot < slotCount && Number.isInteger(slot) && !inBreak(ms)) target[slot]! += 1;
    }
  }
  const firstMismatch = (series: "coverage" | "leadsOnDuty", expected: number[], actual: number[]) => {
    const slot = expected.findIndex((value, index) => value !== actual[index]);
    if (slot >= 0 || expected.length !== actual.length) {
      const startMs = horizonStartMs + Math.max(0, slot) * slotMs;
      add({ code: "coverage-mismatch", shiftRefs: [], params: { series, interval: slot, startMs, reported: actual[slot] ?? null, expected: expected[slot] ?? null } });
    }
  };
  firstMismatch("coverage", coverage, result.coverage);
  firstMismatch("leadsOnDuty", leads, result.leadsOnDuty);

  let required = 0;
  let shortage = 0;
  let excess = 0;
  let onTask = 0;
  coverage.forEach((have, slot) => {
    const need = problem.requirement[slot] ?? 0;
    required += need;
    onTask += have;
    shortage += Math.max(0, need - have);
    excess += Math.max(0, have - need);
    if (have < need) {
      const slotStart = horizonStartMs + slot * slotMs;
      const listed = result.unmet.some((run) => run.shortAgents > 0 && instantMs(run.start) <= slotStart && slotStart < instantMs(run.end));
      if (!listed) add({ code: "unmet-missing", shiftRefs: [], params: { startMs: slotStart, shortAgents: need - have } });
    }
  });
  const metrics = result.metrics;
  const expectMetric = (metric: CheckedMetric, value: number) => {
    if (metrics[metric] !== value) add({ code: "metrics-mismatch", shiftRefs: [], params: { metric, reported: metrics[metric], expected: value } });
  };
  expectMetric("requiredAgentMinutes", required * interval);
  expectMetric("onTaskAgentMinutes", onTask * interval);
  expectMetric("shortageAgentMinutes", shortage * interval);
  expectMetric("excessAgentMinutes", excess * interval);
  if (shortage === 0 && metrics.lowerBoundExcessAgentMinutes > excess * interval) {
    add({ code: "bound-above-excess", shiftRefs: [], params: { boundMinutes: metrics.lowerBoundExcessAgentMinutes, excessMinutes: excess * interval } });
  }
  if (problem.leadSpan && problem.people !== undefined) {
    let spanViolations = 0;
    let overSupervised = 0;
    coverage.forEach((have, slot) => {
      if ((leads[slot] ?? 0) < Math.ceil(have / problem.leadSpan!.max)) spanViolations++;
      if ((leads[slot] ?? 0) > Math.max(1, Math.ceil(have / problem.leadSpan!.min))) overSupervised++;
    });
    expectMetric("leadSpanViolations", spanViolations);
    expectMetric("overSupervisedIntervals", overSupervised);
  }
  return violations;
}
