import { Settings } from "luxon";
import { describe, expect, it } from "vitest";
import { RosterInputError, formatPath, parseRosterProblem, windowLengthMinutes, type TRosterProblemInput } from "./problem";

type Draft = TRosterProblemInput;
import { problemOf } from "./test-fixtures";

function messageOf(input: unknown): string {
  try {
    parseRosterProblem(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RosterInputError);
    return (error as RosterInputError).message;
  }
  throw new Error("expected the problem to be rejected");
}

describe("parseRosterProblem", () => {
  it("reads a valid problem and fills the defaults", () => {
    const problem = parseRosterProblem(problemOf());
    expect(problem.people?.[0]).toMatchObject({ maxMinutesPerWeek: 2400, minMinutesPerWeek: 0, maxDaysPerWeek: 5, minRestMinutes: 660, unavailable: [] });
  });

  it.each([
    ["a zone that is not IANA", (p: Draft) => (p.regions[0]!.timeZone = "Mars/Base"), 'regions[0].timeZone: "Mars/Base" is not an IANA time zone'],
    ["a requirement of the wrong length", (p: Draft) => p.requirement.pop(), "requirement: expected 48 values (1 days × 1440 / 30), got 47"],
    ["a person in an unknown region", (p: Draft) => (p.people![1]!.regionId = "moon"), 'people[1].regionId: unknown region "moon"'],
    ["an unknown template id", (p: Draft) => (p.people![2]!.templateIds = ["d8", "n12"]), 'people[2].templateIds[1]: unknown template id "n12"'],
    ["a template longer than a day", (p: Draft) => (p.shiftTemplates[0]!.minutes = 1500), "shiftTemplates[0].minutes: 1500 minutes is longer than a day (1440)"],
    ["a window too short for any shift", (p: Draft) => (p.regions[0]!.latestEnd = "09:00"), "regions[0].latestEnd: the window 07:00–09:00 (120 minutes) is too short for any shift template"],
    ["an unparseable local time", (p: Draft) => (p.regions[0]!.earliestStart = "7am"), 'regions[0].earliestStart: "7am" is not a local time "HH:mm"'],
    ["a window starting at 24:00", (p: Draft) => (p.regions[0]!.earliestStart = "24:00"), 'regions[0].earliestStart: "24:00" cannot start a window'],
    ["a start off the interval grid", (p: Draft) => (p.start = "2026-03-23T00:10:00Z"), "start: 2026-03-23T00:10:00Z is not on a 30-minute interval boundary"],
    ["an interval that is not allowed", (p: Draft) => ((p as Record<string, unknown>).intervalMinutes = 20), "intervalMinutes: 20 is not one of 15, 30 or 60"],
    ["a negative requirement", (p: Draft) => (p.requirement[3] = -1), "requirement[3]: expected a whole number ≥ 0"],
    ["a break that cannot fit", (p: Draft) => (p.shiftTemplates[0]!.breaks![0]!.earliestAfterMinutes = 470), "shiftTemplates[0].breaks[0]"],
    ["a template off the interval grid", (p: Draft) => (p.shiftTemplates[0]!.minutes = 490), "shiftTemplates[0].minutes: 490 is not a multiple of intervalMinutes (30)"],
    ["an unknown field", (p: Draft) => ((p.people![0] as Record<string, unknown>).maxMinutesPerWek = 10), "people[0]"],
    ["min above max", (p: Draft) => (p.people![0]!.minMinutesPerWeek = 3000), "people[0].minMinutesPerWeek: 3000 is above maxMinutesPerWeek (2400)"],
    ["a pinned shift for an unknown person", (p: Draft) => (p.pinnedShifts = [{ personId: "zz", templateId: "d8", start: "2026-03-23T08:00:00Z" }]), 'pinnedShifts[0].personId: unknown person "zz"'],
    ["a pinned break outside its shift", (p: Draft) => (p.pinnedShifts = [{ personId: "a1", templateId: "d8", start: "2026-03-23T08:00:00Z", breakStarts: ["2026-03-23T20:00:00Z"] }]), "pinnedShifts[0].breakStarts[0]: 2026-03-23T20:00:00Z is not an interval boundary inside the shift"],
    ["an absence that ends before it starts", (p: Draft) => (p.people![0]!.unavailable = [{ start: "2026-03-23T10:00:00Z", end: "2026-03-23T09:00:00Z" }]), "people[0].unavailable[0].end"],
  ])("rejects %s, naming the field", (_label, mutate, expected) => {
    const input = problemOf();
    mutate(input);
    expect(messageOf(input)).toContain(expected);
  });

  it("treats equal window times as round the clock", () => {
    expect(windowLengthMinutes({ earliestStart: "00:00", latestEnd: "00:00" })).toBe(1440);
    expect(windowLengthMinutes({ earliestStart: "00:00", latestEnd: "24:00" })).toBe(1440);
    expect(windowLengthMinutes({ earliestStart: "22:00", latestEnd: "08:00" })).toBe(600);
    expect(() => parseRosterProblem(problemOf({ regions: [{ id: "emea", timeZone: "Europe/Dublin", earliestStart: "09:00", latestEnd: "09:00" }] }))).not.toThrow();
  });

  it("lists every issue, not only the first", () => {
    const input = problemOf();
    input.regions[0]!.timeZone = "Mars/Base";
    input.people![0]!.templateIds = ["zz"];
    expect(() => parseRosterProblem(input)).toThrow(/timeZone/);
    try {
      parseRosterProblem(problemOf({ requirement: [1], people: [{ id: "x", role: "agent", regionId: "nowhere", templateIds: ["d8"] }] }));
    } catch (error) {
      expect((error as RosterInputError).issues.map((issue) => issue.path)).toEqual(["requirement", "people[0].regionId"]);
    }
  });

  it("names a bad instant even when luxon is set to throw on invalid dates", () => {
    const before = Settings.throwOnInvalid;
    Settings.throwOnInvalid = true;
    try {
      expect(messageOf(problemOf({ start: "next monday" }))).toContain('start: "next monday" is not an ISO-8601 instant');
    } finally {
      Settings.throwOnInvalid = before;
    }
  });

  it("formats paths the way readers write them", () => {
    expect(formatPath(["regions", 1, "timeZone"])).toBe("regions[1].timeZone");
    expect(formatPath([])).toBe("");
  });
});
