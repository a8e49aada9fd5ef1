import { Settings } from "luxon";
import { describe, expect, it } from "vitest";
import { parseIsoInstantMs, planShiftTimes } from "./planned-shift";

const at = (iso: string) => Date.parse(iso);
const day8 = { id: 1, minutes: 510, breaks: [{ minutes: 30, earliestAfterMinutes: 180 }] };
const twoBreaks = { id: 2, minutes: 600, breaks: [{ minutes: 15, earliestAfterMinutes: 100 }, { minutes: 30, earliestAfterMinutes: 290 }] };

describe("planShiftTimes", () => {
  it("puts each break of a new shift at its earliest offset rounded up to the grid", () => {
    const planned = planShiftTimes(at("2026-03-23T08:00:00Z"), twoBreaks, 30);
    expect(planned).toEqual({
      startMs: at("2026-03-23T08:00:00Z"),
      endMs: at("2026-03-23T18:00:00Z"),
      breaks: [
        { startMs: at("2026-03-23T10:00:00Z"), endMs: at("2026-03-23T10:15:00Z") },
        { startMs: at("2026-03-23T13:00:00Z"), endMs: at("2026-03-23T13:30:00Z") },
      ],
    });
    expect(planShiftTimes(at("2026-03-23T08:00:00Z"), twoBreaks, 15).breaks[0]).toEqual({ startMs: at("2026-03-23T09:45:00Z"), endMs: at("2026-03-23T10:00:00Z") });
  });

  it("keeps a moved shift's break offsets, so saving it unchanged changes nothing", () => {
    const moved = { templateId: 1, startMs: at("2026-03-23T08:00:00Z"), breaks: [{ startMs: at("2026-03-23T12:30:00Z"), endMs: at("2026-03-23T13:00:00Z") }] };
    expect(planShiftTimes(moved.startMs, day8, 30, moved).breaks).toEqual(moved.breaks);
    expect(planShiftTimes(at("2026-03-24T09:00:00Z"), day8, 30, moved)).toEqual({
      startMs: at("2026-03-24T09:00:00Z"),
      endMs: at("2026-03-24T17:30:00Z"),
      breaks: [{ startMs: at("2026-03-24T13:30:00Z"), endMs: at("2026-03-24T14:00:00Z") }],
    });
  });

  it("re-places breaks when the template changes or the break count no longer matches", () => {
    const moved = { templateId: 2, startMs: at("2026-03-23T08:00:00Z"), breaks: [{ startMs: at("2026-03-23T12:30:00Z"), endMs: at("2026-03-23T13:00:00Z") }] };
    expect(planShiftTimes(moved.startMs, day8, 30, moved).breaks).toEqual([{ startMs: at("2026-03-23T11:00:00Z"), endMs: at("2026-03-23T11:30:00Z") }]);
    expect(planShiftTimes(moved.startMs, day8, 30, { ...moved, templateId: 1, breaks: [] }).breaks).toHaveLength(1);
  });

  it("counts elapsed time across a DST change: a shift over the spring-forward night is its template's length", () => {
    // Europe/Dublin springs forward at 01:00 UTC on 29 Mar 2026; instants are unaffected.
    const planned = planShiftTimes(at("2026-03-28T22:00:00Z"), day8, 30);
    expect(planned.endMs - planned.startMs).toBe(510 * 60_000);
  });
});

describe("parseIsoInstantMs", () => {
  it("reads an offset date-time as its instant and refuses anything else, whatever throwOnInvalid says", () => {
    expect(parseIsoInstantMs("2026-03-29T09:00:00+01:00")).toBe(at("2026-03-29T08:00:00Z"));
    expect(parseIsoInstantMs("2026-03-29T08:00:00Z")).toBe(at("2026-03-29T08:00:00Z"));
    const previous = Settings.throwOnInvalid;
    try {
      for (const strict of [false, true]) {
        Settings.throwOnInvalid = strict;
        expect(parseIsoInstantMs("not a time")).toBeNull();
        expect(parseIsoInstantMs("2026-02-30T08:00:00Z")).toBeNull();
      }
    } finally {
      Settings.throwOnInvalid = previous;
    }
  });
});
