import { describe, expect, it } from "vitest";
import { effectiveSwapStatus, type SwapStatus } from "./state-machine";

const at = (iso: string) => Date.parse(iso);

describe("effectiveSwapStatus", () => {
  const shift = at("2026-11-25T08:00:00Z");
  const counterpart = at("2026-11-27T08:00:00Z");

  it("an open request is expired from the moment either of its shifts starts", () => {
    expect(effectiveSwapStatus("pending", [shift, counterpart], at("2026-11-25T07:59:59.999Z"))).toBe("pending");
    expect(effectiveSwapStatus("pending", [shift, counterpart], shift)).toBe("expired");
    expect(effectiveSwapStatus("accepted", [counterpart, shift], at("2026-11-26T00:00:00Z"))).toBe("expired");
    expect(effectiveSwapStatus("accepted", [shift], at("2026-11-24T12:00:00Z"))).toBe("accepted");
  });

  it("leaves closed requests as they are, started or not", () => {
    const closed: SwapStatus[] = ["approved", "rejected", "cancelled", "expired"];
    for (const status of closed) expect(effectiveSwapStatus(status, [shift], at("2026-12-01T00:00:00Z"))).toBe(status);
  });

  it("reads no clock or zone: the same instants give the same answer in any machine zone", () => {
    // Instants are compared as numbers; 08:00Z is 08:00 in Dublin and 21:00 in Chatham alike.
    expect(effectiveSwapStatus("pending", [at("2026-11-25T08:00:00+00:00")], at("2026-11-25T21:45:00+13:45"))).toBe("expired");
  });
});
