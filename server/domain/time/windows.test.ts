import { describe, expect, it } from "vitest";
import { formatInstant } from "./format";
import { localFacts } from "./local-days";
import { regionWindows } from "./windows";

const utc = (iso: string) => Date.parse(iso);
const windowsOn = (timeZone: string, earliestStart: string, latestEnd: string, fromIso: string, toIso: string) =>
  regionWindows({ id: "r", timeZone, earliestStart, latestEnd }, utc(fromIso), utc(toIso)).map((window) => [formatInstant(window.startMs), formatInstant(window.endMs)]);

describe("regionWindows", () => {
  it("follows Europe's spring-forward day: the window is an hour shorter in real time", () => {
    expect(windowsOn("Europe/Dublin", "07:00", "23:00", "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")).toEqual([
      ["2026-03-28T07:00:00Z", "2026-03-28T23:00:00Z"],
      ["2026-03-29T06:00:00Z", "2026-03-29T22:00:00Z"],
    ]);
  });

  it("follows Europe's fall-back day", () => {
    expect(windowsOn("Europe/Berlin", "06:00", "22:00", "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")).toEqual([
      ["2026-10-24T04:00:00Z", "2026-10-24T20:00:00Z"],
      ["2026-10-25T05:00:00Z", "2026-10-25T21:00:00Z"],
    ]);
  });

  it("follows the US changes on 2026-03-08 and 2026-11-01, a window across the change night", () => {
    // 22:00–06:00 local: the night of the change is 7 hours long in spring and 9 in autumn.
    const spring = windowsOn("America/New_York", "22:00", "06:00", "2026-03-07T12:00:00Z", "2026-03-08T23:00:00Z");
    expect(spring).toEqual([["2026-03-08T03:00:00Z", "2026-03-08T10:00:00Z"]]);
    const autumn = windowsOn("America/New_York", "22:00", "06:00", "2026-10-31T12:00:00Z", "2026-11-01T23:00:00Z");
    expect(autumn).toEqual([["2026-11-01T02:00:00Z", "2026-11-01T11:00:00Z"]]);
  });

  it("runs a wrap-around window into the next local day and clips it to the range", () => {
    // Manila is UTC+8: 22:00–08:00 local is 14:00Z–00:00Z; the window of the 22nd ends exactly at the range start.
    expect(windowsOn("Asia/Manila", "22:00", "08:00", "2026-03-23T00:00:00Z", "2026-03-24T06:00:00Z")).toEqual([
      ["2026-03-23T14:00:00Z", "2026-03-24T00:00:00Z"],
    ]);
    expect(windowsOn("Europe/Dublin", "22:00", "08:00", "2026-03-23T00:00:00Z", "2026-03-24T12:00:00Z")).toEqual([
      ["2026-03-23T00:00:00Z", "2026-03-23T08:00:00Z"],
      ["2026-03-23T22:00:00Z", "2026-03-24T08:00:00Z"],
    ]);
  });

  it("handles half-hour and 45-minute zones (Chatham is +12:45 in June) and a zone across the date line", () => {
    expect(windowsOn("Asia/Kolkata", "07:00", "23:00", "2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z")[0]).toEqual(["2026-03-23T01:30:00Z", "2026-03-23T17:30:00Z"]);
    expect(windowsOn("Pacific/Chatham", "07:00", "23:00", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z")).toContainEqual(["2026-06-01T18:15:00Z", "2026-06-02T00:00:00Z"]);
    expect(windowsOn("Pacific/Kiritimati", "07:00", "23:00", "2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z")).toContainEqual(["2026-03-23T00:00:00Z", "2026-03-23T09:00:00Z"]);
  });

  it("gives one window for round-the-clock regions", () => {
    expect(windowsOn("Europe/Dublin", "00:00", "24:00", "2026-03-23T00:00:00Z", "2026-03-30T00:00:00Z")).toEqual([["2026-03-23T00:00:00Z", "2026-03-30T00:00:00Z"]]);
  });
});

describe("localFacts", () => {
  it("gives the local date, consecutive day numbers and the weekend", () => {
    const saturday = localFacts(utc("2026-03-28T23:30:00Z"), "Europe/Dublin");
    const sundayManila = localFacts(utc("2026-03-28T23:30:00Z"), "Asia/Manila");
    expect(saturday).toMatchObject({ date: "2026-03-28", minuteOfDay: 23 * 60 + 30, weekend: true });
    expect(sundayManila).toMatchObject({ date: "2026-03-29", weekend: true });
    expect(sundayManila.dayNumber - saturday.dayNumber).toBe(1);
    expect(localFacts(utc("2026-03-30T08:00:00Z"), "Europe/Dublin").weekend).toBe(false);
  });
});
