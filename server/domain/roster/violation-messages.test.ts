import { describe, expect, it } from "vitest";
import { checkShifts } from "./check-shifts";
import { parseRosterProblem } from "./problem";
import type { RosterResultShift } from "./result";
import { problemOf } from "./test-fixtures";
import { describeOmitted, describeViolation, describeViolations, type ViolationContext } from "./violation-messages";
import type { RosterViolation } from "./violations";

const NAMES = new Map([
  ["a1", "Ada Byrne"],
  ["a2", "Bea Walsh"],
  ["emea", "EMEA"],
  ["d8", "Day 8h"],
  ["d6", "Day 6h"],
]);
const context: ViolationContext = { nameOf: (key) => NAMES.get(key), zone: "Europe/Dublin" };

const shift = (personId: string, start: string, templateId = "d8"): RosterResultShift => {
  const startMs = Date.parse(start);
  const minutes = templateId === "d8" ? 480 : 360;
  const breaks = templateId === "d8" ? [{ start: new Date(startMs + 240 * 60_000).toISOString(), end: new Date(startMs + 270 * 60_000).toISOString() }] : [];
  return { personId, regionId: "emea", templateId, start, end: new Date(startMs + minutes * 60_000).toISOString(), breaks };
};

function wordsFor(shifts: RosterResultShift[], overrides: Parameters<typeof problemOf>[0] = {}) {
  const violations = checkShifts(parseRosterProblem(problemOf({ days: 7, ...overrides })), shifts);
  return { violations, words: violations.map((v) => describeViolation(v, context)) };
}

describe("describeViolation", () => {
  it("words a shift outside the window in the region's wall-clock time, naming the zone", () => {
    // 02:00Z is 02:00 in Dublin (GMT: the clocks go forward on the 29th).
    const { violations, words } = wordsFor([shift("a1", "2026-03-24T02:00:00Z")]);
    expect(violations.map((v) => v.code)).toEqual(["outside-window"]);
    expect(words).toEqual(["Ada Byrne's shift on Tue 24 Mar starts at 02:00 Europe/Dublin and ends at 10:00, outside the EMEA working window (07:00–23:00 Europe/Dublin)"]);
  });

  it("words rest, one shift a day and the weekly limits with names, hours and local times", () => {
    const people = [{ id: "a1", role: "agent" as const, regionId: "emea", templateIds: ["d8"], maxMinutesPerWeek: 600, maxDaysPerWeek: 1 }];
    const { words } = wordsFor([shift("a1", "2026-03-23T07:00:00Z"), shift("a1", "2026-03-23T15:00:00Z"), shift("a1", "2026-03-24T07:00:00Z")], { people });
    expect(words).toContain("Ada Byrne would have 8 h rest before the Tue 24 Mar 07:00 (Europe/Dublin) shift; 11 h needed");
    expect(words).toContain("Ada Byrne would work 2 shifts on Monday 23 Mar");
    expect(words).toContain("Ada Byrne would work 22 h 30 min in week 1 of the roster; the contract allows at most 10 h");
    expect(words).toContain("Ada Byrne would work 3 days in week 1 of the roster; the contract allows at most 1");
    expect(words.join(" ")).not.toMatch(/a1|emea|d8|\d{4}-\d{2}-\d{2}T/);
  });

  it("words an absence and a template the contract lacks", () => {
    const people = [{ id: "a1", role: "agent" as const, regionId: "emea", templateIds: ["d8"], unavailable: [{ start: "2026-03-25T00:00:00Z", end: "2026-03-26T00:00:00Z" }] }];
    const shiftTemplates = [problemOf().shiftTemplates[0]!, { id: "d6", minutes: 360, breaks: [] }];
    const { words } = wordsFor([shift("a1", "2026-03-25T08:00:00Z"), shift("a1", "2026-03-27T08:00:00Z", "d6")], { people, shiftTemplates });
    expect(words).toContain("Ada Byrne is unavailable Wed 25 Mar 00:00 (Europe/Dublin) – Thu 26 Mar 00:00 (Europe/Dublin), during the Wed 25 Mar 08:00 (Europe/Dublin) shift");
    expect(words).toContain("Ada Byrne's contract does not include Day 6h shifts");
  });

  it("shows each person's times in their own zone when the context gives one", () => {
    const rest: RosterViolation = {
      code: "rest",
      personId: "a1",
      shiftRefs: [],
      params: { restMinutes: 570, neededMinutes: 660, endMs: Date.UTC(2026, 10, 25, 22, 30), nextStartMs: Date.UTC(2026, 10, 26, 8), acrossRosters: true },
    };
    expect(describeViolation(rest, { ...context, zoneOfPerson: () => "Asia/Manila" })).toBe("Ada Byrne would have 9 h 30 min rest before the Thu 26 Nov 16:00 (Asia/Manila) shift; 11 h needed");
    expect(describeViolation(rest)).toBe("a1 would have 9 h 30 min rest before the Thu 26 Nov 08:00 (UTC) shift; 11 h needed");
  });

  it("words the move checks of swaps", () => {
    const leadSpan: RosterViolation = { code: "lead-span", shiftRefs: [], params: { startMs: Date.UTC(2026, 10, 28, 8), agentsOnTask: 1, leadsOnDuty: 0, leadsNeeded: 1, spanMax: 15 } };
    expect(describeViolation(leadSpan, context)).toBe("At Sat 28 Nov 08:00 (Europe/Dublin) there would be 0 lead(s) on duty for 1 agents on task; 1 needed (one lead per 15 agents)");
    expect(describeViolation({ code: "missing-skill", personId: "a2", shiftRefs: [], params: { skills: ["voice", "chat"], fromPersonId: "a1", startMs: Date.UTC(2026, 10, 26, 8) } }, context)).toBe(
      "Bea Walsh lacks voice and chat, which Ada Byrne covers on the Thu 26 Nov 08:00 (Europe/Dublin) shift",
    );
    expect(describeViolation({ code: "cannot-work", shiftRefs: [], params: {} }, context)).toBe("This person cannot work shifts");
    expect(describeViolation({ code: "no-templates", personId: "a2", shiftRefs: [], params: {} }, context)).toBe("Bea Walsh's contract has no shift templates, so they cannot take shifts");
    expect(describeOmitted("lead-span", 4)).toBe("…and 4 more intervals short of leads");
  });
});

describe("describeViolations", () => {
  it("gives the checker's lines with engine keys and UTC instants", () => {
    const { violations } = wordsFor([shift("a1", "2026-03-24T02:00:00Z")]);
    expect(describeViolations(violations)).toBe("outside-window: shift 0 (a1, 2026-03-24T02:00:00Z) does not lie inside one emea working window (07:00–23:00 Europe/Dublin)");
    expect(describeViolations([])).toBe("");
  });
});
