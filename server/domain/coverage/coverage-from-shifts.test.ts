import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageFromShifts } from "./coverage-from-shifts";

const H = 3_600_000;

describe("coverageFromShifts", () => {
  it("counts agents on task, not on break, and leads separately", () => {
    const grid = { startMs: 0, intervalMinutes: 30, intervalCount: 6 };
    const result = coverageFromShifts(grid, [
      { role: "agent", startMs: 0, endMs: 3 * H, breaks: [{ startMs: H, endMs: 1.5 * H }] },
      { role: "agent", startMs: H, endMs: 2 * H, breaks: [] },
      { role: "lead", startMs: 0, endMs: 2 * H, breaks: [] },
    ]);
    expect(result.agentsOnTask).toEqual([1, 1, 1, 2, 1, 1]);
    expect(result.leadsOnDuty).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it("counts part of an interval for an off-grid start and clips to the grid", () => {
    const grid = { startMs: 0, intervalMinutes: 30, intervalCount: 2 };
    const result = coverageFromShifts(grid, [{ role: "agent", startMs: -H, endMs: 0.75 * H, breaks: [] }]);
    expect(result.agentsOnTask).toEqual([1, 0.5]);
  });

  it("total on-task time equals shift time less breaks inside the grid (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 1, max: 16 }), brk: fc.integer({ min: 0, max: 1 }) }),
          { maxLength: 8 },
        ),
        (specs) => {
          const step = 15 * 60_000;
          const grid = { startMs: 0, intervalMinutes: 30, intervalCount: 40 };
          const shifts = specs.map((s) => ({
            role: "agent" as const,
            startMs: s.start * step,
            endMs: (s.start + s.length) * step,
            breaks: s.brk && s.length > 2 ? [{ startMs: (s.start + 1) * step, endMs: (s.start + 2) * step }] : [],
          }));
          const total = coverageFromShifts(grid, shifts).agentsOnTask.reduce((a, b) => a + b, 0) * 30;
          const expected = shifts.reduce((sum, s) => {
            const end = Math.min(s.endMs, 40 * 30 * 60_000);
            const worked = Math.max(0, end - s.startMs) - s.breaks.reduce((b, x) => b + (Math.min(x.endMs, end) - x.startMs), 0);
            return sum + worked / 60_000;
          }, 0);
          expect(total).toBeCloseTo(expected, 6);
        },
      ),
    );
  });
});
