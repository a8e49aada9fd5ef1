import { describe, expect, it } from "vitest";
import { checkShifts } from "./check-shifts";
import { parseRosterProblem } from "./problem";

const problem = parseRosterProblem({
  version: 1,
  intervalMinutes: 30,
  start: "2026-03-23T00:00:00Z",
  days: 7,
  requirement: new Array<number>(336).fill(1),
  regions: [{ id: "emea", timeZone: "Europe/Dublin", earliestStart: "07:00", latestEnd: "23:00" }],
  shiftTemplates: [{ id: "d4", minutes: 240, breaks: [] }],
  people: [{ id: "a1", role: "agent", regionId: "emea", templateIds: ["d4"], minMinutesPerWeek: 2400 }],
});
const shift = (start: string, end: string) => ({ personId: "a1", regionId: "emea", templateId: "d4", start, end, breaks: [] });

describe("checkShifts", () => {
  it("names per-person rules and ignores a result's bookkeeping and weekly minimums", () => {
    expect(checkShifts(problem, [shift("2026-03-23T08:00:00Z", "2026-03-23T12:00:00Z")])).toEqual([]);
    const twice = checkShifts(problem, [shift("2026-03-23T08:00:00Z", "2026-03-23T12:00:00Z"), shift("2026-03-23T14:00:00Z", "2026-03-23T18:00:00Z")]);
    expect(twice.map((v) => v.code)).toContain("one-shift-per-day");
    expect(twice.map((v) => v.code)).not.toContain("coverage-mismatch");
  });
});
