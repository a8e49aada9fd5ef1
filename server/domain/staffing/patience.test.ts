import { describe, expect, it } from "vitest";
import { estimatePatienceSeconds, resolvePatienceSeconds } from "./patience";

describe("estimatePatienceSeconds", () => {
  it("is the contact-weighted mean wait over the abandoned share", () => {
    // 1,000 contacts, 50 abandoned, mean wait 6 s: 6 / 0.05 = 120 s.
    expect(estimatePatienceSeconds([{ contacts: 1000, abandoned: 50, waitSeconds: 6 }])).toBe(120);
    // Two intervals: Σ contacts·wait = 100·4 + 300·8 = 2,800 s over 20 + 15 abandons = 80 s.
    expect(
      estimatePatienceSeconds([
        { contacts: 100, abandoned: 20, waitSeconds: 4 },
        { contacts: 300, abandoned: 15, waitSeconds: 8 },
        { contacts: 50, abandoned: null, waitSeconds: 30 },
      ]),
    ).toBeCloseTo(80, 12);
  });

  it("says nothing when abandons are missing, too few or too rare", () => {
    expect(estimatePatienceSeconds([])).toBeNull();
    expect(estimatePatienceSeconds([{ contacts: 1000, abandoned: null, waitSeconds: 10 }])).toBeNull();
    expect(estimatePatienceSeconds([{ contacts: 1000, abandoned: 0, waitSeconds: 10 }])).toBeNull();
    expect(estimatePatienceSeconds([{ contacts: 100, abandoned: 10, waitSeconds: 10 }])).toBeNull();
    expect(estimatePatienceSeconds([{ contacts: 100_000, abandoned: 100, waitSeconds: 10 }])).toBeNull();
    expect(estimatePatienceSeconds([{ contacts: 1000, abandoned: 50, waitSeconds: 0 }])).toBeNull();
  });

  it("the manager's patience wins over the estimate", () => {
    expect(resolvePatienceSeconds(60, 120)).toBe(60);
    expect(resolvePatienceSeconds(null, 120)).toBe(120);
    expect(resolvePatienceSeconds(undefined, null)).toBeNull();
  });
});
