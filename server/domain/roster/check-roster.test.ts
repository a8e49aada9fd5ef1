import { describe, expect, it } from "vitest";
import { checkRoster } from "./check-roster";
import { describeViolations } from "./violation-messages";
import { planWithoutSolver } from "./engine";
import { parseRosterProblem } from "./problem";
import type { RosterResult, RosterResultShift } from "./result";
import { problemOf } from "./test-fixtures";

const shift = (personId: string, start: string, end: string, breakStart: string, breakEnd: string): RosterResultShift => ({
  personId,
  regionId: "emea",
  templateId: "d8",
  start,
  end,
  breaks: [{ start: breakStart, end: breakEnd }],
});

/** A result for the given shifts with coverage and metrics recomputed by the engine's own plan builder. */
function resultWith(problemInput: ReturnType<typeof problemOf>, shifts: RosterResultShift[]): RosterResult {
  const base = planWithoutSolver(parseRosterProblem({ ...problemInput, requirement: problemInput.requirement.map(() => 0), people: problemInput.people }));
  return { ...base, shifts };
}

describe("checkRoster", () => {
  it("finds nothing wrong with a plan the engine made", () => {
    const problem = parseRosterProblem(problemOf({ days: 3 }));
    const result = planWithoutSolver(problem);
    expect(describeViolations(checkRoster(problem, result))).toBe("");
  });

  it("names two shifts on one local day, a short rest, an absence and the weekly limits", () => {
    const input = problemOf({
      days: 2,
      people: [
        { id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"], maxMinutesPerWeek: 600, maxDaysPerWeek: 1, unavailable: [{ start: "2026-03-24T12:00:00Z", end: "2026-03-24T13:00:00Z" }] },
      ],
    });
    const problem = parseRosterProblem(input);
    const result = resultWith(input, [
      shift("a1", "2026-03-23T07:00:00Z", "2026-03-23T15:00:00Z", "2026-03-23T11:00:00Z", "2026-03-23T11:30:00Z"),
      shift("a1", "2026-03-23T15:00:00Z", "2026-03-23T23:00:00Z", "2026-03-23T19:00:00Z", "2026-03-23T19:30:00Z"),
      shift("a1", "2026-03-24T07:00:00Z", "2026-03-24T15:00:00Z", "2026-03-24T10:00:00Z", "2026-03-24T10:30:00Z"),
    ]);
    const rules = checkRoster(problem, result).map((violation) => violation.code);
    expect(rules).toEqual(expect.arrayContaining(["one-shift-per-day", "rest", "unavailable", "weekly-max-minutes", "weekly-max-days", "coverage-mismatch"]));
    const messages = describeViolations(checkRoster(problem, result));
    expect(messages).toContain("a1 works 2 shifts on local day 2026-03-23");
    expect(messages).toContain("a1 rests 480 minutes between the shift ending 2026-03-23T23:00:00Z and the one starting 2026-03-24T07:00:00Z; needs 660");
  });

  it("names a shift outside the window, a break out of range and a template the person does not hold", () => {
    const input = problemOf({ shiftTemplates: [{ id: "d8", minutes: 480, breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }] }, { id: "d6", minutes: 360, breaks: [] }] });
    const problem = parseRosterProblem(input);
    const result = resultWith(input, [
      shift("a1", "2026-03-23T03:00:00Z", "2026-03-23T11:00:00Z", "2026-03-23T04:00:00Z", "2026-03-23T04:30:00Z"),
      { personId: "a2", regionId: "emea", templateId: "d6", start: "2026-03-23T08:00:00Z", end: "2026-03-23T14:00:00Z", breaks: [] },
    ]);
    const messages = describeViolations(checkRoster(problem, result));
    expect(messages).toContain("outside-window: shift 0 (a1, 2026-03-23T03:00:00Z) does not lie inside one emea working window (07:00–23:00 Europe/Dublin)");
    expect(messages).toContain("break 1 starts 60 minutes in, outside 180–300");
    expect(messages).toContain("a2 may not work template d6");
  });

  it("names intervals short of the requirement that no unmet run lists, and wrong metrics", () => {
    const problem = parseRosterProblem(problemOf());
    const result = planWithoutSolver(problem);
    const tampered: RosterResult = { ...result, unmet: [], shifts: [], metrics: { ...result.metrics, excessAgentMinutes: 12345 } };
    const rules = new Set(checkRoster(problem, tampered).map((violation) => violation.code));
    expect(rules).toEqual(new Set(["unmet-missing", "coverage-mismatch", "metrics-mismatch"]));
  });

  it("names a missing pinned shift", () => {
    const problem = parseRosterProblem(problemOf({ pinnedShifts: [{ personId: "a3", templateId: "d8", start: "2026-03-23T12:00:00Z" }] }));
    const result = planWithoutSolver(problem);
    expect(checkRoster(problem, result)).toEqual([]);
    const rules = checkRoster(problem, { ...result, shifts: result.shifts.filter((entry) => entry.personId !== "a3") }).map((violation) => violation.code);
    expect(rules).toContain("pinned-shift-missing");
  });
});
