import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRoster } from "./check-roster";
import { describeViolations } from "./violation-messages";
import { boundFromObjective, buildBoundModel, buildWeekDesign, agentTargets, createRosterState, planWithoutSolver } from "./engine";
import { parseRosterProblem } from "./problem";
import { UNMET_REASONS } from "./result";
import { problemOf, randomSmallProblem, requirementOf } from "./test-fixtures";

const plan = (input: unknown) => {
  const problem = parseRosterProblem(input);
  const result = planWithoutSolver(problem);
  return { problem, result, violations: describeViolations(checkRoster(problem, result)) };
};

describe("planWithoutSolver (heuristics only)", () => {
  it("covers a simple day with valid shifts and breaks inside their offsets", () => {
    const { result, violations } = plan(problemOf());
    expect(violations).toBe("");
    expect(result.metrics.shortageAgentMinutes).toBe(0);
    expect(result.shifts.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps one shift per local day and the rest rule across days", () => {
    const { result, violations } = plan(problemOf({ days: 3, people: [{ id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"] }], requirement: requirementOf(3, 30, () => 1) }));
    expect(violations).toBe("");
    expect(result.shifts.length).toBe(3);
    expect(result.unmet.length).toBeGreaterThan(0);
  });

  it("says why: no window, weekly limit, absences, rest", () => {
    const noWindow = plan(problemOf({ requirement: requirementOf(1, 30, (hour) => (hour < 3 ? 1 : 0)) }));
    expect(noWindow.result.unmet[0]?.reasons).toEqual([UNMET_REASONS.noWindow]);

    const limited = plan(
      problemOf({
        days: 2,
        requirement: requirementOf(2, 30, (hour) => (hour >= 9 && hour < 17 ? 1 : 0)),
        people: [{ id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"], maxDaysPerWeek: 1 }],
      }),
    );
    expect(limited.violations).toBe("");
    expect(limited.result.unmet.flatMap((run) => run.reasons)).toContain(UNMET_REASONS.weeklyLimit);

    const absent = plan(problemOf({ people: [{ id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"], unavailable: [{ start: "2026-03-23T00:00:00Z", end: "2026-03-24T00:00:00Z" }] }] }));
    expect(absent.result.shifts).toEqual([]);
    expect(absent.result.status).toBe("infeasible");
    expect(absent.result.unmet[0]?.reasons).toEqual([UNMET_REASONS.absences]);

    const rest = plan(
      problemOf({
        days: 2,
        requirement: requirementOf(2, 30, (hour, slot) => (slot < 48 ? (hour >= 15 && hour < 23 ? 1 : 0) : hour >= 7 && hour < 8 ? 1 : 0)),
        people: [{ id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"] }],
      }),
    );
    expect(rest.violations).toBe("");
    expect(rest.result.unmet.flatMap((run) => run.reasons)).toContain(UNMET_REASONS.rest);
  });

  it("places leads so that leads on duty ≥ ceil(agents on task / max), or says no lead is available", () => {
    const people = [
      ...Array.from({ length: 5 }, (_, index) => ({ id: `a${index}`, role: "agent" as const, regionId: "emea", templateIds: ["d8"] })),
      { id: "l1", role: "lead" as const, regionId: "emea", templateIds: ["d8"] },
      { id: "l2", role: "lead" as const, regionId: "emea", templateIds: ["d8"] },
    ];
    const { result, violations } = plan(problemOf({ people, leadSpan: { min: 1, max: 2 }, requirement: requirementOf(1, 30, (hour) => (hour >= 9 && hour < 17 ? 3 : 0)) }));
    expect(violations).toBe("");
    const leadRuns = result.unmet.filter((run) => run.shortLeads !== undefined);
    expect(leadRuns.every((run) => run.reasons[0] === UNMET_REASONS.noLead)).toBe(true);
    result.coverage.forEach((onTask, slot) => {
      const short = (result.leadsOnDuty[slot] ?? 0) < Math.ceil(onTask / 2);
      if (short) expect(leadRuns.length).toBeGreaterThan(0);
    });
    expect(result.metrics.leadSpanViolations).toBe(result.coverage.filter((onTask, slot) => (result.leadsOnDuty[slot] ?? 0) < Math.ceil(onTask / 2)).length);
  });

  it("designs shifts for an unnamed pool and reports headcount", () => {
    const { result, violations } = plan(problemOf({ people: undefined, days: 7, requirement: requirementOf(7, 30, (hour) => (hour >= 8 && hour < 18 ? 4 : 0)) }));
    expect(violations).toBe("");
    expect(result.shifts.every((entry) => entry.personId === null)).toBe(true);
    expect(result.headcount[0]?.people).toBeGreaterThanOrEqual(Math.ceil((7 * 4 * 10 * 60) / 2400));
  });

  it("plans a round-the-clock region across midnight and the spring-forward night", () => {
    const input = problemOf({
      start: "2026-03-28T12:00:00Z",
      regions: [{ id: "emea", timeZone: "Europe/Dublin", earliestStart: "22:00", latestEnd: "08:00" }],
      requirement: requirementOf(1, 30, (hoursSinceStart) => (hoursSinceStart >= 10 && hoursSinceStart < 18 ? 1 : 0)),
    });
    const { result, violations } = plan(input);
    expect(violations).toBe("");
    // 2026-03-29 01:00 Dublin jumps to 02:00: the night window is 22:00Z–07:00Z, nine real hours.
    expect(result.metrics.shortageAgentMinutes).toBe(0);
  });

  it("builds models whose bound is a whole number of intervals", () => {
    const state = createRosterState(parseRosterProblem(problemOf()));
    expect(buildBoundModel(state, 0)?.lp).not.toContain("General");
    expect(buildWeekDesign(state, "agent", 0, agentTargets(state))?.model.lp).toContain("General");
    expect(boundFromObjective(3.0000001, 30)).toBe(90);
    expect(boundFromObjective(2.5, 30)).toBe(90);
    expect(boundFromObjective(-1e-9, 30)).toBe(0);
  });

  it("property: the rule checker finds nothing wrong in what the heuristics return", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { violations } = plan(randomSmallProblem(seed));
        expect(violations).toBe("");
      }),
      { numRuns: 25 },
    );
  });
});
