import { describe, expect, it } from "vitest";
import { LEAD_SPAN, teamSpanStatus } from "./lead-span";

describe("teamSpanStatus", () => {
  it.each([
    [LEAD_SPAN.min - 1, true, "too-small"],
    [LEAD_SPAN.min, true, "ok"],
    [LEAD_SPAN.max, true, "ok"],
    [LEAD_SPAN.max + 1, true, "too-large"],
    [12, false, "no-lead"],
    [0, false, "no-lead"],
  ] as const)("%i agents, lead %s → %s", (agents, hasLead, expected) => {
    expect(teamSpanStatus(agents, hasLead)).toBe(expected);
  });
});
