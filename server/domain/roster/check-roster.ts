/**
 * The rule checker: re-verifies a result against its problem from the result's own instants, so it
 * can judge the engine's plans, hand-edited plans and plans from elsewhere alike. It shares only the
 * window and local-day helpers with the engine (they are the definition of those rules).
 */
import { MINUTES_PER_DAY, instantMs, type TPerson, type TRosterProblem } from "./problem";
import type { RosterResult } from "./result";
import { formatInstant, localDate, regionWindows } from "./time-windows";

export type RosterRule =
  | "unknown-person"
  | "unknown-region"
  | "unknown-template"
  | "wrong-region"
  | "template-not-allowed"
  | "shift-length"
  | "off-grid"
  | "outside-horizon"
  | "outside-window"
  | "break"
  | "overlap"
  | "rest"
  | "one-shift-per-day"
  | "unavailable"
  | "weekly-max-minutes"
  | "weekly-min-minutes"
  | "weekly-max-days"
  | "pinned-shift-missing"
  | "coverage-mismatch"
  | "metrics-mismatch"
  | "unmet-missing"
  | "bound-above-excess";

/** One broken rule, in plain words. */
export interface RosterViolation {
  rule: RosterRule;
  message: string;
  personId?: string;
  shiftIndex?: number;
}

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
 * Every rule of the format the result breaks, each named in plain words. An empty list means the
 * plan keeps every rule it was given.
 * @example checkRoster(problem, result) //=> []
 * @example checkRoster(problem, twoShiftsOneDay)[0].message //=> "a1 works 2 shifts on local day 2026-03-23"
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

  const checked: CheckedShift[] = [];
  result.shifts.forEach((shift, index) => {
    const at = `shift ${index} (${shift.personId ?? "unnamed"}, ${shift.start})`;
    const template = templates.get(shift.templateId);
    const region = regions.get(shift.regionId);
    const person = shift.personId === null ? undefined : people.get(shift.personId);
    if (!template) return add({ rule: "unknown-template", message: `${at} uses unknown template "${shift.templateId}"`, shiftIndex: index });
    if (!region) return add({ rule: "unknown-region", message: `${at} is in unknown region "${shift.regionId}"`, shiftIndex: index });
    if (shift.personId === null) {
      if (problem.people !== undefined) add({ rule: "unknown-person", message: `${at} has no person, but the problem lists people`, shiftIndex: index });
    } else if (!person) {
      return add({ rule: "unknown-person", message: `${at} is for unknown person "${shift.personId}"`, shiftIndex: index });
    } else {
      if (person.regionId !== shift.regionId) add({ rule: "wrong-region", message: `${at}: ${person.id} belongs to region ${person.regionId}, not ${shift.regionId}`, personId: person.id, shiftIndex: index });
      if (!person.templateIds.includes(shift.templateId)) add({ rule: "template-not-allowed", message: `${at}: ${person.id} may not work template ${shift.templateId}`, personId: person.id, shiftIndex: index });
    }
    const startMs = instantMs(shift.start);
    const endMs = instantMs(shift.end);
    if (endMs - startMs !== template.minutes * 60_000) {
      add({ rule: "shift-length", message: `${at} lasts ${(endMs - startMs) / 60_000} minutes; template ${template.id} lasts ${template.minutes}`, shiftIndex: index });
    }
    // A pinned shift is a manager's hand edit: it may leave the start step or the window on purpose.
    const pinned = (problem.pinnedShifts ?? []).some((entry) => entry.personId === shift.personId && entry.templateId === shift.templateId && instantMs(entry.start) === startMs);
    const stepMs = (pinned ? interval : (template.startStepMinutes ?? interval)) * 60_000;
    if ((startMs - horizonStartMs) % stepMs !== 0) add({ rule: "off-grid", message: `${at} does not start on a ${stepMs / 60_000}-minute step from the horizon start`, shiftIndex: index });
    if (startMs < horizonStartMs || endMs > horizonEndMs) add({ rule: "outside-horizon", message: `${at} does not lie inside the horizon`, shiftIndex: index });
    if (!pinned && !(windows.get(region.id) ?? []).some((window) => window.startMs <= startMs && endMs <= window.endMs)) {
      add({ rule: "outside-window", message: `${at} does not lie inside one ${region.id} working window (${region.earliestStart}–${region.latestEnd} ${region.timeZone})`, shiftIndex: index });
    }
    const breaks = shift.breaks.map((range) => ({ startMs: instantMs(range.start), endMs: instantMs(range.end) }));
    if (breaks.length !== template.breaks.length) {
      add({ rule: "break", message: `${at} has ${breaks.length} breaks; template ${template.id} has ${template.breaks.length}`, shiftIndex: index });
    } else {
      template.breaks.forEach((rule, breakIndex) => {
        const range = breaks[breakIndex];
        if (!range) return;
        const afterMinutes = (range.startMs - startMs) / 60_000;
        if (range.endMs - range.startMs !== rule.minutes * 60_000) add({ rule: "break", message: `${at}: break ${breakIndex + 1} lasts ${(range.endMs - range.startMs) / 60_000} minutes, not ${rule.minutes}`, shiftIndex: index });
        if (afterMinutes < rule.earliestAfterMinutes || afterMinutes > rule.latestAfterMinutes) {
          add({ rule: "break", message: `${at}: break ${breakIndex + 1} starts ${afterMinutes} minutes in, outside ${rule.earliestAfterMinutes}–${rule.latestAfterMinutes}`, shiftIndex: index });
        }
        if ((range.startMs - horizonStartMs) % slotMs !== 0) add({ rule: "break", message: `${at}: break ${breakIndex + 1} is not on an interval boundary`, shiftIndex: index });
        if (range.endMs > endMs) add({ rule: "break", message: `${at}: break ${breakIndex + 1} runs past the end of the shift`, shiftIndex: index });
        breaks.forEach((other, otherIndex) => {
          if (otherIndex > breakIndex && other.startMs < range.endMs && range.startMs < other.endMs) {
            add({ rule: "break", message: `${at}: breaks ${breakIndex + 1} and ${otherIndex + 1} overlap`, shiftIndex: index });
          }
        });
      });
    }
    const breakMinutes = template.breaks.reduce((sum, rule) => sum + rule.minutes, 0);
    checked.push({ index, personId: shift.personId, regionId: region.id, startMs, endMs, workedMinutes: template.minutes - breakMinutes, role: person?.role ?? "agent", breaks });
  });

  // Per person rules.
  for (const person of people.values()) {
    const own = checked.filter((shift) => shift.personId === person.id).sort((a, b) => a.startMs - b.startMs);
    const zone = regions.get(person.regionId)?.timeZone ?? "UTC";
    const byDate = new Map<string, number>();
    const weekMinutes = new Map<number, number>();
    const weekDays = new Map<number, number>();
    own.forEach((shift, position) => {
      const date = localDate(shift.startMs, zone);
      byDate.set(date, (byDate.get(date) ?? 0) + 1);
      const week = Math.floor((shift.startMs - horizonStartMs) / (7 * MINUTES_PER_DAY * 60_000));
      weekMinutes.set(week, (weekMinutes.get(week) ?? 0) + shift.workedMinutes);
      weekDays.set(week, (weekDays.get(week) ?? 0) + 1);
      for (const range of person.unavailable) {
        if (instantMs(range.start) < shift.endMs && shift.startMs < instantMs(range.end)) {
          add({ rule: "unavailable", message: `${person.id} works ${formatInstant(shift.startMs)}–${formatInstant(shift.endMs)} but is unavailable ${range.start}–${range.end}`, personId: person.id, shiftIndex: shift.index });
        }
      }
      const next = own[position + 1];
      if (next) {
        const restMinutes = (next.startMs - shift.endMs) / 60_000;
        if (restMinutes < 0) {
          add({ rule: "overlap", message: `${person.id} has overlapping shifts starting ${formatInstant(shift.startMs)} and ${formatInstant(next.startMs)}`, personId: person.id, shiftIndex: next.index });
        } else if (restMinutes < person.minRestMinutes) {
          add({ rule: "rest", message: `${person.id} rests ${restMinutes} minutes between the shift ending ${formatInstant(shift.endMs)} and the one starting ${formatInstant(next.startMs)}; needs ${person.minRestMinutes}`, personId: person.id, shiftIndex: next.index });
        }
      }
    });
    for (const [date, count] of byDate) {
      if (count > 1) add({ rule: "one-shift-per-day", message: `${person.id} works ${count} shifts on local day ${date}`, personId: person.id });
    }
    const weeks = Math.ceil(problem.days / 7);
    for (let week = 0; week < weeks; week++) {
      const minutes = weekMinutes.get(week) ?? 0;
      const days = weekDays.get(week) ?? 0;
      if (minutes > person.maxMinutesPerWeek) add({ rule: "weekly-max-minutes", message: `${person.id} works ${minutes} minutes in week ${week + 1}; the most is ${person.maxMinutesPerWeek}`, personId: person.id });
      // Weekly minimums bind on full weeks only: a 3-day horizon cannot owe a weekly minimum.
      if ((week + 1) * 7 <= problem.days && minutes < person.minMinutesPerWeek) {
        add({ rule: "weekly-min-minutes", message: `${person.id} works ${minutes} minutes in week ${week + 1}; the least is ${person.minMinutesPerWeek}`, personId: person.id });
      }
      if (days > person.maxDaysPerWeek) add({ rule: "weekly-max-days", message: `${person.id} works ${days} days in week ${week + 1}; the most is ${person.maxDaysPerWeek}`, personId: person.id });
    }
  }

  for (const [index, pinned] of (problem.pinnedShifts ?? []).entries()) {
    const found = checked.some((shift) => shift.personId === pinned.personId && shift.startMs === instantMs(pinned.start) && result.shifts[shift.index]?.templateId === pinned.templateId);
    if (!found) add({ rule: "pinned-shift-missing", message: `pinned shift ${index} (${pinned.personId}, ${pinned.start}) is missing`, personId: pinned.personId });
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
  const firstMismatch = (label: string, expected: number[], actual: number[]) => {
    const slot = expected.findIndex((value, index) => value !== actual[index]);
    if (slot >= 0 || expected.length !== actual.length) {
      add({ rule: "coverage-mismatch", message: `${label} at interval ${slot} (${formatInstant(horizonStartMs + Math.max(0, slot) * slotMs)}) is ${actual[slot]}; the shifts give ${expected[slot]}` });
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
      if (!listed) add({ rule: "unmet-missing", message: `interval ${formatInstant(slotStart)} is ${need - have} agents short but no unmet run lists it` });
    }
  });
  const metrics = result.metrics;
  const expectMetric = (name: keyof typeof metrics, value: number) => {
    if (metrics[name] !== value) add({ rule: "metrics-mismatch", message: `metrics.${name} is ${metrics[name]}; the shifts give ${value}` });
  };
  expectMetric("requiredAgentMinutes", required * interval);
  expectMetric("onTaskAgentMinutes", onTask * interval);
  expectMetric("shortageAgentMinutes", shortage * interval);
  expectMetric("excessAgentMinutes", excess * interval);
  if (shortage === 0 && metrics.lowerBoundExcessAgentMinutes > excess * interval) {
    add({ rule: "bound-above-excess", message: `lowerBoundExcessAgentMinutes ${metrics.lowerBoundExcessAgentMinutes} is above the excess ${excess * interval} of this covering plan` });
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

/**
 * A violation list as readable lines (for test failures and the command line).
 * @example describeViolations([{ rule: "rest", message: "a1 rests 480 minutes ..." }]) //=> "rest: a1 rests 480 minutes ..."
 */
export function describeViolations(violations: readonly RosterViolation[]): string {
  return violations.map((violation) => `${violation.rule}: ${violation.message}`).join("\n");
}
