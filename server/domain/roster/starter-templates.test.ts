import { describe, expect, it } from "vitest";
import { parseRosterProblem } from "./problem";
import { STARTER_TEMPLATES } from "./starter-templates";
import { problemOf } from "./test-fixtures";

describe("starter shift templates", () => {
  it("are a full day and a short day with one break each", () => {
    expect(STARTER_TEMPLATES.map((t) => [t.name, t.minutes, t.breaks.length])).toEqual([
      ["Day 8.5h", 510, 1],
      ["Short 6h", 360, 1],
    ]);
  });

  it("make a valid roster problem at the default 30-minute interval", () => {
    const shiftTemplates = STARTER_TEMPLATES.map((t, i) => ({ id: `t${i}`, minutes: t.minutes, breaks: t.breaks }));
    const people = problemOf().people?.map((p) => ({ ...p, templateIds: shiftTemplates.map((t) => t.id) }));
    expect(() => parseRosterProblem(problemOf({ intervalMinutes: 30, shiftTemplates, people }))).not.toThrow();
  });
});
