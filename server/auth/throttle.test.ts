import { describe, expect, it } from "vitest";
import { LOCK_MS, MAX_FAILURES, nextThrottleState, WINDOW_MS } from "./throttle";

const start = new Date("2026-03-29T00:30:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);

describe("nextThrottleState", () => {
  it("starts a window at the first failure", () => {
    expect(nextThrottleState("a@x.test", undefined, start)).toEqual({ key: "a@x.test", failures: 1, windowStartedAt: start, lockedUntil: null });
  });

  it("counts failures inside the window and locks at MAX_FAILURES for LOCK_MS", () => {
    const before = { key: "a@x.test", failures: MAX_FAILURES - 1, windowStartedAt: start, lockedUntil: null };
    const now = later(WINDOW_MS - 1);
    expect(nextThrottleState("a@x.test", before, now)).toEqual({ ...before, failures: MAX_FAILURES, lockedUntil: new Date(now.getTime() + LOCK_MS) });
  });

  it("begins a new window once WINDOW_MS has passed", () => {
    const before = { key: "a@x.test", failures: MAX_FAILURES - 1, windowStartedAt: start, lockedUntil: null };
    const now = later(WINDOW_MS);
    expect(nextThrottleState("a@x.test", before, now)).toEqual({ key: "a@x.test", failures: 1, windowStartedAt: now, lockedUntil: null });
  });
});
