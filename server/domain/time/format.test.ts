import { describe, expect, it } from "vitest";
import { DAY_AND_TIME, formatInstant, hoursLabel, ISO_WITH_OFFSET, localDayLabel, localLabel } from "./format";

describe("formatInstant", () => {
  it("writes an instant as the roster format does when no zone is given", () => {
    expect(formatInstant(Date.UTC(2026, 2, 23, 7))).toBe("2026-03-23T07:00:00Z");
    expect(formatInstant(Date.UTC(2026, 2, 23, 7, 0, 0, 250))).toBe("2026-03-23T07:00:00.250Z");
    expect(formatInstant("2026-03-23T08:00:00+01:00")).toBe("2026-03-23T07:00:00Z");
  });

  it("shows local time with the zone's abbreviation, IANA name, bracketed name or nothing", () => {
    const ms = Date.UTC(2026, 10, 24, 7);
    expect(formatInstant(ms, "Europe/Dublin")).toBe("Tue 24 Nov 07:00 GMT");
    expect(formatInstant("2026-11-24T07:00:00Z", "Europe/Dublin", "HH:mm")).toBe("07:00 GMT");
    expect(formatInstant(ms, "Asia/Manila", DAY_AND_TIME, "iana")).toBe("Tue 24 Nov 15:00 Asia/Manila");
    expect(formatInstant(ms, "Europe/Dublin", DAY_AND_TIME, "bracketed")).toBe("Tue 24 Nov 07:00 (Europe/Dublin)");
    expect(localLabel(ms, "Europe/Dublin")).toBe("Tue 24 Nov 07:00 (Europe/Dublin)");
  });

  it("writes ISO 8601 with the zone's offset, never Z, across the spring-forward gap", () => {
    expect(formatInstant(Date.UTC(2024, 2, 31, 0, 30), "Europe/Dublin", ISO_WITH_OFFSET, "none")).toBe("2024-03-31T00:30:00+00:00");
    expect(formatInstant(Date.UTC(2024, 2, 31, 1), "Europe/Dublin", ISO_WITH_OFFSET, "none")).toBe("2024-03-31T02:00:00+01:00");
    expect(formatInstant(Date.UTC(2024, 2, 25), "UTC", ISO_WITH_OFFSET, "none")).toBe("2024-03-25T00:00:00+00:00");
  });

  it("shows a half-hour-and-a-quarter zone and the local date across the date line", () => {
    // Chatham is UTC+13:45 in November (daylight time): 07:00Z is 20:45 the same day.
    expect(localLabel(Date.UTC(2026, 10, 24, 7), "Pacific/Chatham")).toBe("Tue 24 Nov 20:45 (Pacific/Chatham)");
    expect(localLabel(Date.UTC(2026, 10, 24, 11), "Pacific/Kiritimati")).toBe("Wed 25 Nov 01:00 (Pacific/Kiritimati)");
  });

  it("returns text that is not an instant as it is", () => {
    expect(formatInstant("not a time", "Europe/Dublin")).toBe("not a time");
  });
});

describe("labels", () => {
  it("words a local date and hours", () => {
    expect(localDayLabel("2026-03-23")).toBe("Monday 23 Mar");
    expect(hoursLabel(540)).toBe("9 h");
    expect(hoursLabel(570)).toBe("9 h 30 min");
    expect(hoursLabel(-90)).toBe("−1 h 30 min");
  });
});
