import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRoster } from "../domain/roster/check-roster";
import { describeViolations } from "../domain/roster/violation-messages";
import { parseRosterProblem, RosterInputError, type TRosterProblemInput } from "../domain/roster/problem";
import { UNMET_REASONS } from "../domain/roster/result";
import { problemOf, randomSmallProblem, requirementOf } from "../domain/roster/test-fixtures";
import { solveRoster, solveRosterInput, type RosterProgress } from "./solve-roster";

async function solveChecked(input: TRosterProblemInput) {
  const problem = parseRosterProblem(input);
  const result = await solveRoster(problem);
  expect(describeViolations(checkRoster(problem, result))).toBe("");
  if (result.metrics.shortageAgentMinutes === 0) {
    expect(result.metrics.lowerBoundExcessAgentMinutes).toBeLessThanOrEqual(result.metrics.excessAgentMinutes);
  }
  return result;
}

const agents = (count: number, regionId: string, extra: Record<string, unknown> = {}) =>
  Array.from({ length: count }, (_, index) => ({ id: `${regionId}-a${index + 1}`, role: "agent" as const, regionId, templateIds: ["d8"], ...extra }));

describe("solveRoster", () => {
  it("covers a simple day and proves it optimal from the bound", async () => {
    const result = await solveChecked(problemOf());
    expect(result.metrics.shortageAgentMinutes).toBe(0);
    expect(result.status).toBe("optimal");
    expect(result.metrics.excessAgentMinutes).toBe(result.metrics.lowerBoundExcessAgentMinutes);
  });

  it.each([
    ["Europe spring forward (2026-03-29)", "2026-03-23T00:00:00Z", "Europe/Dublin"],
    ["Europe fall back (2026-10-25), US not yet", "2026-10-19T00:00:00Z", "Europe/Berlin"],
    ["US spring forward (2026-03-08)", "2026-03-02T00:00:00Z", "America/New_York"],
    ["US fall back (2026-11-01)", "2026-10-26T00:00:00Z", "America/Chicago"],
  ])("plans a week with a clock change: %s", async (_label, start, timeZone) => {
    const input = problemOf({
      start,
      days: 7,
      intervalMinutes: 60,
      regions: [{ id: "r", timeZone, earliestStart: "08:00", latestEnd: "20:00" }],
      shiftTemplates: [{ id: "d8", minutes: 480, breaks: [{ minutes: 60, earliestAfterMinutes: 180, latestAfterMinutes: 300 }] }],
      people: agents(6, "r"),
      // Needed 10:00–18:00 local, written as UTC per day by the zone's offset that day.
      requirement: Array.from({ length: 7 * 24 }, (_, slot) => {
        const local = new Date(Date.parse(start) + slot * 3_600_000).toLocaleString("en-GB", { timeZone, hour: "2-digit", hour12: false });
        const hour = Number(local);
        return hour >= 10 && hour < 18 ? 2 : 0;
      }),
      timeLimitSeconds: 6,
    });
    const result = await solveChecked(input);
    expect(result.metrics.shortageAgentMinutes).toBe(0);
  });

  it("plans a wrap-around night window", async () => {
    const result = await solveChecked(
      problemOf({
        days: 2,
        regions: [{ id: "emea", timeZone: "Europe/Dublin", earliestStart: "22:00", latestEnd: "08:00" }],
        requirement: requirementOf(2, 30, (hour) => (hour < 6 || hour >= 23 ? 1 : 0)),
      }),
    );
    expect(result.shifts.length).toBeGreaterThan(0);
    expect(result.unmet.every((run) => run.reasons.includes(UNMET_REASONS.noWindow) || run.reasons.includes(UNMET_REASONS.rest) || run.reasons.includes(UNMET_REASONS.sameDay))).toBe(true);
  });

  it("places leads for the span and avoids over-supervision where it can", async () => {
    const people = [...agents(6, "emea"), { id: "l1", role: "lead" as const, regionId: "emea", templateIds: ["d8"] }, { id: "l2", role: "lead" as const, regionId: "emea", templateIds: ["d8"] }, { id: "l3", role: "lead" as const, regionId: "emea", templateIds: ["d8"] }];
    const result = await solveChecked(problemOf({ people, leadSpan: { min: 2, max: 3 }, requirement: requirementOf(1, 30, (hour) => (hour >= 9 && hour < 17 ? 4 : 0)) }));
    result.coverage.forEach((onTask, slot) => {
      if (onTask > 0) expect(result.leadsOnDuty[slot]).toBeGreaterThanOrEqual(Math.ceil(onTask / 3));
    });
    expect(result.metrics.leadSpanViolations).toBe(0);
  });

  it("staggers leads so one covers the other's break: no avoidable lead-span breach", async () => {
    // Dublin 07:00–23:00, 2 agents 09:00–17:00 on weekdays, 4 agents and 2 leads on 8.5-hour shifts.
    const input = JSON.parse(readFileSync(new URL("./fixtures/leads-cover-breaks.json", import.meta.url), "utf8")) as TRosterProblemInput;
    const result = await solveChecked(input);
    expect(result.metrics.shortageAgentMinutes).toBe(0);
    expect(result.metrics.leadSpanViolations).toBe(0);
    result.coverage.forEach((onTask, slot) => expect(result.leadsOnDuty[slot]).toBeGreaterThanOrEqual(Math.ceil(onTask / 15)));
  });

  it("reports no lead available when there are no leads", async () => {
    const result = await solveChecked(problemOf({ leadSpan: { min: 8, max: 15 } }));
    expect(result.unmet.some((run) => run.reasons[0] === UNMET_REASONS.noLead)).toBe(true);
    expect(result.status).toBe("feasible");
  });

  it("returns the best plan with reasons instead of a bare infeasible", async () => {
    const result = await solveChecked(
      problemOf({
        days: 2,
        requirement: requirementOf(2, 30, (hour) => (hour >= 1 && hour < 3 ? 1 : hour >= 9 && hour < 17 ? 3 : 0)),
        people: [...agents(1, "emea"), ...agents(1, "emea", { id: "away", unavailable: [{ start: "2026-03-23T00:00:00Z", end: "2026-03-25T00:00:00Z" }] }), ...agents(1, "emea", { id: "capped", maxDaysPerWeek: 1 })],
      }),
    );
    const reasons = new Set(result.unmet.flatMap((run) => run.reasons));
    expect(reasons.has(UNMET_REASONS.noWindow)).toBe(true);
    expect(reasons.has(UNMET_REASONS.absences)).toBe(true);
    expect(reasons.has(UNMET_REASONS.weeklyLimit)).toBe(true);
    expect(result.shifts.length).toBeGreaterThan(0);
  });

  it("designs for an unnamed pool and reports the headcount per region", async () => {
    const result = await solveChecked(
      problemOf({
        people: undefined,
        days: 7,
        regions: [
          { id: "emea", timeZone: "Europe/Dublin", earliestStart: "07:00", latestEnd: "19:00" },
          { id: "amer", timeZone: "America/New_York", earliestStart: "07:00", latestEnd: "19:00" },
        ],
        requirement: requirementOf(7, 30, (hour) => (hour >= 8 && hour < 22 ? 3 : 0)),
        timeLimitSeconds: 6,
      }),
    );
    expect(result.shifts.every((shift) => shift.personId === null)).toBe(true);
    expect(result.metrics.shortageAgentMinutes).toBe(0);
    const total = result.headcount.reduce((sum, entry) => sum + entry.people, 0);
    expect(total).toBeGreaterThanOrEqual(Math.ceil((7 * 3 * 14 * 60) / 2400));
  });

  it("spreads hours fairly and keeps each person's start time stable", async () => {
    const result = await solveChecked(
      problemOf({
        days: 7,
        intervalMinutes: 60,
        shiftTemplates: [
          { id: "d8", minutes: 480, breaks: [] },
          { id: "late", minutes: 480, breaks: [] },
        ],
        people: [...agents(4, "emea"), ...agents(4, "emea", { templateIds: ["d8", "late"] }).map((person, index) => ({ ...person, id: `b${index}` }))],
        requirement: requirementOf(7, 60, (hour) => (hour >= 8 && hour < 16 ? 2 : hour >= 14 && hour < 22 ? 1 : 0)),
      }),
    );
    const minutes = new Map<string, number>();
    const starts = new Map<string, Set<string>>();
    for (const shift of result.shifts) {
      minutes.set(shift.personId ?? "", (minutes.get(shift.personId ?? "") ?? 0) + 480);
      const set = starts.get(shift.personId ?? "") ?? new Set<string>();
      set.add(shift.start.slice(11, 16));
      starts.set(shift.personId ?? "", set);
    }
    const worked = [...minutes.values()];
    expect(Math.max(...worked) - Math.min(...worked)).toBeLessThanOrEqual(2 * 480);
    // Stable: a person's start times stay within an hour of each other across the week.
    const hourOf = (time: string) => Number(time.slice(0, 2)) + Number(time.slice(3)) / 60;
    const stable = [...starts.values()].filter((set) => Math.max(...[...set].map(hourOf)) - Math.min(...[...set].map(hourOf)) <= 1).length;
    expect(stable).toBeGreaterThanOrEqual(Math.ceil(starts.size / 2));
  });

  it("keeps pinned shifts", async () => {
    const result = await solveChecked(problemOf({ pinnedShifts: [{ personId: "a3", templateId: "d8", start: "2026-03-23T14:00:00Z", breakStarts: ["2026-03-23T18:00:00Z"] }] }));
    expect(result.shifts).toContainEqual(expect.objectContaining({ personId: "a3", start: "2026-03-23T14:00:00Z", breaks: [{ start: "2026-03-23T18:00:00Z", end: "2026-03-23T18:30:00Z" }] }));
  });

  it("reports progress with a clock it was given, and can be cancelled", async () => {
    let now = 0;
    const reports: RosterProgress[] = [];
    await solveRoster(parseRosterProblem(problemOf()), { clock: () => (now += 10), onProgress: (report) => reports.push(report) });
    expect(reports.map((report) => report.phase)).toEqual(expect.arrayContaining(["bound", "design", "finish", "done"]));
    expect(reports.at(-1)).toMatchObject({ phase: "done", fraction: 1, shortageAgentMinutes: 0 });
    expect(reports.every((report, index) => index === 0 || report.fraction >= (reports[index - 1]?.fraction ?? 0))).toBe(true);

    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(solveRoster(parseRosterProblem(problemOf()), { signal: controller.signal })).rejects.toThrow("stop");

    // Cancelled while running: the next model is never started.
    const midway = new AbortController();
    const phases: string[] = [];
    const solving = solveRoster(parseRosterProblem(problemOf({ days: 7, requirement: requirementOf(7, 30, (hour) => (hour >= 9 && hour < 17 ? 2 : 0)) })), {
      signal: midway.signal,
      onProgress: (report) => {
        phases.push(report.phase);
        if (report.phase === "design") midway.abort(new Error("cancelled by the manager"));
      },
    });
    await expect(solving).rejects.toThrow("cancelled by the manager");
    expect(phases).not.toContain("done");
  });

  it("returns the best plan as feasible when the time limit runs out", async () => {
    let now = 0;
    // Each clock read advances 0.4 s: the 1-second limit runs out during the first models.
    const result = await solveRoster(parseRosterProblem(problemOf({ days: 2, requirement: requirementOf(2, 30, (hour) => (hour >= 9 && hour < 17 ? 2 : 0)) })), {
      clock: () => (now += 400),
      timeLimitSeconds: 1,
    });
    expect(result.status).toBe("feasible");
  });

  it("rejects bad input naming the field", async () => {
    await expect(solveRosterInput({ ...problemOf(), regions: [{ id: "emea", timeZone: "Mars/Base", earliestStart: "07:00", latestEnd: "23:00" }] })).rejects.toThrow(RosterInputError);
  });

  it("property: the rule checker finds nothing wrong in what the engine returns", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const problem = parseRosterProblem(randomSmallProblem(seed));
        const result = await solveRoster(problem, { timeLimitSeconds: 3 });
        expect(describeViolations(checkRoster(problem, result))).toBe("");
        if (result.metrics.shortageAgentMinutes === 0) {
          expect(result.metrics.lowerBoundExcessAgentMinutes).toBeLessThanOrEqual(result.metrics.excessAgentMinutes);
        }
      }),
      { numRuns: 15 },
    );
  });
});
