import { describe, expect, it } from "vitest";
import { adjustmentFactor, parseAdjustmentSpec, resolveAdjustments } from "./adjustments";
import { dayOrdinalOfIsoDate } from "./history";

const day = (iso: string): number => dayOrdinalOfIsoDate(iso) as number;

describe("adjustments", () => {
  it("multiplies overlapping uplifts on the days they cover, inclusive", () => {
    const resolved = resolveAdjustments([
      { fromDate: "2024-03-25", toDate: "2024-03-27", upliftPercent: 20 },
      { fromDate: "2024-03-27", toDate: "2024-03-27", upliftPercent: 10, channel: "voice" },
    ]);
    expect(adjustmentFactor(resolved, "voice", day("2024-03-24"))).toBe(1);
    expect(adjustmentFactor(resolved, "voice", day("2024-03-25"))).toBeCloseTo(1.2, 12);
    expect(adjustmentFactor(resolved, "voice", day("2024-03-27"))).toBeCloseTo(1.32, 12);
    expect(adjustmentFactor(resolved, "chat", day("2024-03-27"))).toBeCloseTo(1.2, 12);
    expect(adjustmentFactor(resolved, "voice", day("2024-03-28"))).toBe(1);
  });

  it("reads the command-line form", () => {
    expect(parseAdjustmentSpec("2024-03-25..2024-03-27:+20:voice")).toEqual({ fromDate: "2024-03-25", toDate: "2024-03-27", upliftPercent: 20, channel: "voice" });
    expect(parseAdjustmentSpec("2024-12-25:-60")).toEqual({ fromDate: "2024-12-25", toDate: "2024-12-25", upliftPercent: -60 });
  });

  it.each(["2024-03-25", "2024-03-25..2024-03-20:+5", "2024-02-30:+5", "2024-03-25:-150", "soon:+5"])("rejects %s", (spec) => {
    expect(() => parseAdjustmentSpec(spec)).toThrow(/adjust|Date|uplift/);
  });
});
