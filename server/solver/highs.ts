/**
 * The one module that loads HiGHS (compiled to WebAssembly by the `highs` package).
 *
 * It loads the solver once, solves CPLEX LP text with a time limit and turns HiGHS's status
 * string into a typed outcome: the caller never reads numbers from a solve that did not
 * establish them.
 */
import loadHighs from "highs";

type Highs = Awaited<ReturnType<typeof loadHighs>>;

let highsPromise: Promise<Highs> | undefined;

/**
 * Loads HiGHS once per process; later calls share the instance.
 * @example const highs = await getHighs(); highs.solve(lp, { time_limit: 5 })
 */
export function getHighs(): Promise<Highs> {
  highsPromise ??= loadHighs().catch((error: unknown) => {
    highsPromise = undefined;
    throw new SolverError(`could not load the HiGHS solver: ${String(error)}`);
  });
  return highsPromise;
}

/** The solver failed, or proved there is no solution when the caller needed one. */
export class SolverError extends Error {
  readonly code = "SOLVER_FAILED";
  constructor(message: string) {
    super(message);
    this.name = "SolverError";
  }
}

export interface SolveLpOptions {
  /** Wall-clock limit for this solve. */
  timeLimitSeconds?: number;
  /** Stop a MIP once the gap to the best bound is below this fraction (HiGHS default 1e-4). */
  mipRelativeGap?: number;
}

/**
 * `optimal`: proved best. `limit`: stopped at a limit with a solution. `no-solution`: stopped at a
 * limit without one. `infeasible`: proved to have no solution.
 */
export type LpOutcome = "optimal" | "limit" | "no-solution" | "infeasible";

export interface LpSolution {
  outcome: LpOutcome;
  /** Objective of the returned solution (NaN without one). */
  objective: number;
  /** Primal value of every column by name (empty without a solution). */
  values: Map<string, number>;
  /** HiGHS's own status text, for messages. */
  status: string;
}

const LIMIT_STATUSES = new Set(["Time limit reached", "Iteration limit reached", "Bound on objective reached", "Target for objective reached"]);

/**
 * Solves one model in CPLEX LP format.
 * @example
 * const solution = await solveLp("Minimize\n obj: x\nSubject To\n c: x >= 2\nEnd", { timeLimitSeconds: 5 });
 * solution.objective //=> 2
 * @throws SolverError when HiGHS cannot read or solve the model (unbounded, load or solve error)
 */
export async function solveLp(lp: string, options: SolveLpOptions = {}): Promise<LpSolution> {
  const highs = await getHighs();
  const highsOptions: Record<string, string | number | boolean> = { output_flag: false };
  if (options.timeLimitSeconds !== undefined) highsOptions.time_limit = Math.max(0.5, options.timeLimitSeconds);
  if (options.mipRelativeGap !== undefined) highsOptions.mip_rel_gap = options.mipRelativeGap;
  let result: ReturnType<Highs["solve"]>;
  try {
    result = highs.solve(lp, highsOptions);
  } catch (error) {
    // A trap inside the WebAssembly instance may leave it unusable: load a fresh one next time.
    highsPromise = undefined;
    throw new SolverError(`HiGHS failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const status = result.Status;
  if (status === "Infeasible") return { outcome: "infeasible", objective: Number.NaN, values: new Map(), status };
  const values = new Map<string, number>();
  for (const [name, column] of Object.entries(result.Columns as Record<string, { Primal?: unknown }>)) {
    if (typeof column.Primal === "number") values.set(name, column.Primal);
  }
  if (status === "Optimal") return { outcome: "optimal", objective: result.ObjectiveValue, values, status };
  if (LIMIT_STATUSES.has(status)) {
    const hasSolution = values.size > 0 && Number.isFinite(result.ObjectiveValue);
    return hasSolution
      ? { outcome: "limit", objective: result.ObjectiveValue, values, status }
      : { outcome: "no-solution", objective: Number.NaN, values: new Map(), status };
  }
  if (status === "Empty") return { outcome: "optimal", objective: 0, values, status };
  throw new SolverError(`HiGHS ended with status "${status}"`);
}
