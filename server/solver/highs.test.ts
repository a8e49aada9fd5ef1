import { describe, expect, it } from "vitest";
import { SolverError, solveLp } from "./highs";

describe("solveLp", () => {
  it("solves an LP and returns values by column name", async () => {
    const solution = await solveLp("Minimize\n obj: x + 2 y\nSubject To\n c1: x + y >= 3\n c2: x <= 1\nEnd");
    expect(solution.outcome).toBe("optimal");
    expect(solution.objective).toBeCloseTo(5);
    expect(solution.values.get("y")).toBeCloseTo(2);
  });

  it("solves a MIP with integrality", async () => {
    const solution = await solveLp("Minimize\n obj: x\nSubject To\n c1: 2 x >= 3\nGeneral\n x\nEnd", { timeLimitSeconds: 5, mipRelativeGap: 0 });
    expect(solution.values.get("x")).toBe(2);
  });

  it("reports infeasible as an outcome, not an exception", async () => {
    const solution = await solveLp("Minimize\n obj: x\nSubject To\n c1: x >= 3\n c2: x <= 1\nEnd");
    expect(solution.outcome).toBe("infeasible");
    expect(solution.values.size).toBe(0);
  });

  it("throws a clear error on an unbounded model", async () => {
    await expect(solveLp("Maximize\n obj: x\nSubject To\n c1: x >= 1\nEnd")).rejects.toBeInstanceOf(SolverError);
  });
});
