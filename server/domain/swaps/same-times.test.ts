import { describe, expect, it } from "vitest";
import { haveSameTimes } from "./same-times";

const at = (iso: string) => Date.parse(iso);

describe("haveSameTimes", () => {
  it("two 09:00–17:00 shifts on the same day have the same times; another day or another end does not", () => {
    const nine = { startMs: at("2026-11-26T09:00:00Z"), endMs: at("2026-11-26T17:00:00Z") };
    expect(haveSameTimes(nine, { ...nine })).toBe(true);
    expect(haveSameTimes(nine, { startMs: at("2026-11-27T09:00:00Z"), endMs: at("2026-11-27T17:00:00Z") })).toBe(false);
    expect(haveSameTimes(nine, { startMs: nine.startMs, endMs: at("2026-11-26T17:30:00Z") })).toBe(false);
    expect(haveSameTimes(nine, { startMs: at("2026-11-26T08:30:00Z"), endMs: nine.endMs })).toBe(false);
  });

});
