import { afterEach, describe, expect, it, vi } from "vitest";
import { startPeriodicTask } from "./periodic";

describe("startPeriodicTask", () => {
  afterEach(() => vi.useRealTimers());

  it("runs on its period, once per name, keeps going after a failure, and stops", () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const errors: unknown[] = [];
    const task = startPeriodicTask("test-sweep", 1000, () => {
      runs.push(runs.length);
      if (runs.length === 2) throw new Error("boom");
    }, (error) => errors.push(error));
    // A second start under the same name does not add a second timer.
    startPeriodicTask("test-sweep", 1000, () => runs.push(-1));
    vi.advanceTimersByTime(3500);
    expect(runs).toEqual([0, 1, 2]);
    expect(errors).toHaveLength(1);
    task.stop();
    vi.advanceTimersByTime(5000);
    expect(runs).toHaveLength(3);
  });
});
