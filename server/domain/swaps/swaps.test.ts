import { describe, expect, it } from "vitest";
import { describeViolation } from "../roster/violation-messages";
import { hoursLabel } from "../time/format";
import { workedMinutes } from "../time/ranges";
import { leadSpanBreaches, missingLiveSkills, restAcrossRosters } from "./eligibility";
import { nextSwapStatus, SWAP_TRANSITIONS, type SwapAction, type SwapKind, type SwapStatus } from "./state-machine";

const KINDS: SwapKind[] = ["swap", "offer", "drop"];
const STATUSES: SwapStatus[] = ["pending", "accepted", "approved", "rejected", "cancelled", "expired"];
const ACTIONS = Object.keys(SWAP_TRANSITIONS) as SwapAction[];

describe("the swap state machine", () => {
  it("follows pending → accepted → approved/rejected, with cancel and expiry from open states only", () => {
    expect(nextSwapStatus("offer", "pending", "accept")).toBe("accepted");
    expect(nextSwapStatus("offer", "accepted", "approve")).toBe("approved");
    expect(nextSwapStatus("swap", "accepted", "reject")).toBe("rejected");
    expect(nextSwapStatus("swap", "pending", "approve")).toBeNull();
    expect(nextSwapStatus("drop", "pending", "approve")).toBe("approved");
    expect(nextSwapStatus("drop", "pending", "accept")).toBeNull();
    expect(nextSwapStatus("offer", "accepted", "republish")).toBe("cancelled");
    expect(nextSwapStatus("swap", "pending", "expire")).toBe("expired");
  });

  it("never leaves a closed status", () => {
    for (const kind of KINDS) {
      for (const status of STATUSES.filter((s) => s !== "pending" && s !== "accepted")) {
        for (const action of ACTIONS) expect(nextSwapStatus(kind, status, action)).toBeNull();
      }
    }
  });
});

describe("swap eligibility helpers", () => {
  it("the taker must hold the giver's live-channel skills; deferred skills are not required", () => {
    expect(missingLiveSkills({ giverSkills: ["chat", "email", "social"], takerSkills: ["voice", "chat"], liveChannelKeys: ["voice", "chat"] })).toEqual([]);
    expect(missingLiveSkills({ giverSkills: ["voice", "chat"], takerSkills: ["email"], liveChannelKeys: ["voice", "chat"] })).toEqual(["voice", "chat"]);
  });

  it("a lead-span breach is reported only where the move deepens a shortfall", () => {
    const base = { startMs: 0, intervalMinutes: 30, spanMax: 15, intervalIndexes: [0, 1, 2] };
    const before = { agentsOnTask: [16, 16, 10], leadsOnDuty: [2, 1, 1] };
    const after = { agentsOnTask: [16, 16, 10], leadsOnDuty: [1, 1, 1] };
    expect(leadSpanBreaches({ ...base, before, after })).toEqual([{ startMs: 0, agentsOnTask: 16, leadsOnDuty: 1, leadsNeeded: 2 }]);
  });

  it("worked minutes are the shift less its breaks", () => {
    expect(workedMinutes({ startMs: 0, endMs: 600 * 60_000, breaks: [{ startMs: 0, endMs: 30 * 60_000 }, { startMs: 590 * 60_000, endMs: 620 * 60_000 }] })).toBe(560);
  });

  it("rest across rosters uses real elapsed time, so a DST night counts its extra hour", () => {
    // Sat 24 Oct 2026 ends 21:00 IST (20:00Z); Sun 07:00 GMT (07:00Z): 10 h on the wall clock, 11 h elapsed.
    const out = restAcrossRosters({ personId: "person-3", minRestMinutes: 660, taken: { startMs: Date.UTC(2026, 9, 25, 7), endMs: Date.UTC(2026, 9, 25, 15, 30) }, others: [{ startMs: Date.UTC(2026, 9, 24, 11, 30), endMs: Date.UTC(2026, 9, 24, 20) }] });
    expect(out).toEqual([]);
    expect(hoursLabel(630)).toBe("10 h 30 min");
  });

  it("words the checker's violations with names and local times", () => {
    const ctx = { nameOf: () => "Maria Nolan", zoneOfPerson: () => "Europe/Dublin" };
    const rest = { restMinutes: 540, neededMinutes: 660, endMs: Date.parse("2026-11-23T22:00:00Z"), nextStartMs: Date.parse("2026-11-24T07:00:00Z"), acrossRosters: false };
    expect(describeViolation({ code: "rest", personId: "person-3", shiftRefs: [], params: rest }, ctx)).toBe(
      "Maria Nolan would have 9 h rest before the Tue 24 Nov 07:00 (Europe/Dublin) shift; 11 h needed",
    );
  });
});
