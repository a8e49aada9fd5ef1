import { describe, expect, it } from "vitest";
import { parseRosterProblem } from "../roster/problem";
import type { RosterResultShift } from "../roster/result";
import { problemOf } from "../roster/test-fixtures";
import { suggestIntradayMoves } from "./intraday-moves";

const DAY = Date.UTC(2026, 2, 23);
const HOUR = 3_600_000;
const grid = { startMs: DAY, intervalMinutes: 30, intervalCount: 48 };
const iso = (hours: number) => new Date(DAY + hours * HOUR).toISOString();
/** An 8-hour shift from `startHour` UTC with its break 4 hours in. */
const shift = (personId: string, startHour: number): RosterResultShift => ({
  personId,
  regionId: "emea",
  templateId: "d8",
  start: iso(startHour),
  end: iso(startHour + 8),
  breaks: [{ start: iso(startHour + 4), end: iso(startHour + 4.5) }],
});
const people = new Map([
  ["a1", { name: "Ann", timeZone: "Europe/Dublin" }],
  ["a2", { name: "Bea", timeZone: "America/New_York" }],
  ["a3", { name: "Cal", timeZone: "Europe/Dublin" }],
]);
/** Gap per interval: `value(hour)` agents over (positive) or short (negative). */
const gapOf = (value: (hour: number) => number) => Array.from({ length: 48 }, (_, i) => value(i / 2));

describe("suggestIntradayMoves", () => {
  it("offers overtime to the person whose shift ends at a short stretch, in their zone, and only once per short interval", () => {
    const problem = parseRosterProblem(problemOf());
    const shifts = [shift("a1", 8), shift("a2", 8)];
    // Short by one agent 16:00–17:00 UTC.
    const moves = suggestIntradayMoves({ problem, shifts, grid, gapAgents: gapOf((h) => (h >= 16 && h < 17 ? -1 : 0)), nowMs: DAY + 10 * HOUR, people });
    const overtime = moves.filter((m) => m.kind === "overtime");
    expect(overtime).toHaveLength(1);
    expect(overtime[0]).toMatchObject({ personId: "a1", fromMs: DAY + 16 * HOUR, toMs: DAY + 17 * HOUR, minutes: 60 });
    expect(overtime[0]?.text).toBe("Ask Ann to stay 60 min longer, from 16:00 until 17:00 GMT (Europe/Dublin): it covers a short stretch and keeps every rule");
    expect(moves.some((m) => m.kind === "early-finish")).toBe(false);
  });

  it("extends by at least 30 and at most 120 minutes", () => {
    const problem = parseRosterProblem(problemOf());
    const long = suggestIntradayMoves({ problem, shifts: [shift("a1", 8)], grid, gapAgents: gapOf((h) => (h >= 16 && h < 21 ? -2 : 0)), nowMs: DAY + 10 * HOUR, people });
    expect(long[0]?.minutes).toBe(120);
  });

  it("never offers overtime that breaks a rule: weekly hours, an absence, the region's window", () => {
    const short = gapOf((h) => (h >= 16 && h < 18 ? -1 : 0));
    const tight = parseRosterProblem(problemOf({ people: [{ id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"], maxMinutesPerWeek: 450 }] }));
    expect(suggestIntradayMoves({ problem: tight, shifts: [shift("a1", 8)], grid, gapAgents: short, nowMs: DAY + 10 * HOUR, people })).toEqual([]);
    const absent = parseRosterProblem(
      problemOf({ people: [{ id: "a1", role: "agent", regionId: "emea", templateIds: ["d8"], unavailable: [{ start: iso(16), end: iso(20) }] }] }),
    );
    expect(suggestIntradayMoves({ problem: absent, shifts: [shift("a1", 8)], grid, gapAgents: short, nowMs: DAY + 10 * HOUR, people })).toEqual([]);
    // Dublin's window closes at 23:00 (UTC in March before the change): a shift ending 23:00 cannot run on,
    // and one ending 22:00 may stay one hour of the two the gap asks for.
    const late = gapOf((h) => (h >= 22 ? -1 : 0));
    const problem = parseRosterProblem(problemOf());
    expect(suggestIntradayMoves({ problem, shifts: [shift("a1", 15)], grid, gapAgents: late, nowMs: DAY + 16 * HOUR, people })).toEqual([]);
    const shorter = suggestIntradayMoves({ problem, shifts: [shift("a1", 14)], grid, gapAgents: late, nowMs: DAY + 16 * HOUR, people });
    expect(shorter).toMatchObject([{ kind: "overtime", fromMs: DAY + 22 * HOUR, toMs: DAY + 23 * HOUR, minutes: 60 }]);
  });

  it("does not extend a shift that has already ended", () => {
    const problem = parseRosterProblem(problemOf());
    const moves = suggestIntradayMoves({ problem, shifts: [shift("a1", 8)], grid, gapAgents: gapOf((h) => (h >= 16 && h < 17 ? -1 : 0)), nowMs: DAY + 16.25 * HOUR, people });
    expect(moves).toEqual([]);
  });

  it("offers early finishes only where the intervals left keep their requirement", () => {
    const problem = parseRosterProblem(problemOf());
    const shifts = [shift("a1", 8), shift("a2", 9), shift("a3", 9)];
    // One agent over from 15:00 to the end of the day: one person may go home up to 2 h early, not two.
    const moves = suggestIntradayMoves({ problem, shifts, grid, gapAgents: gapOf((h) => (h >= 15 ? 1 : 0)), nowMs: DAY + 10 * HOUR, people });
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ kind: "early-finish", personId: "a2", fromMs: DAY + 15 * HOUR, toMs: DAY + 17 * HOUR, minutes: 120 });
    expect(moves[0]?.text).toBe("Offer Bea an early finish at 11:00 EDT (America/New_York) instead of 13:00: 120 min the rest of the day can spare without a gap");
  });

  it("offers no early finish that would open a gap, nor one in the past", () => {
    const problem = parseRosterProblem(problemOf());
    // Over only 16:00–16:30, then exactly staffed: leaving at 16:00 would open 16:30–17:00.
    const none = suggestIntradayMoves({ problem, shifts: [shift("a1", 9)], grid, gapAgents: gapOf((h) => (h >= 16 && h < 16.5 ? 1 : 0)), nowMs: DAY + 10 * HOUR, people });
    expect(none).toEqual([]);
    const past = suggestIntradayMoves({ problem, shifts: [shift("a1", 9)], grid, gapAgents: gapOf(() => 1), nowMs: DAY + 16.75 * HOUR, people });
    expect(past).toEqual([]);
  });
});
