/**
 * Orchestrates one roster solve: builds models with the pure engine (server/domain/roster),
 * solves them with HiGHS, and reports progress. The time limit is shared across the week models;
 * when it runs out the best plan so far is finished by the heuristics and returned as "feasible".
 */
import {
  agentTargets,
  applyWeekDesign,
  boundFromObjective,
  buildBoundModel,
  buildWeekDesign,
  coverageTotals,
  createRosterState,
  DESIGN_BREAK_OFFSETS,
  designCost,
  finishRole,
  leadTargets,
  type RoleTargets,
} from "../domain/roster/engine";
import { designHeadcount } from "../domain/roster/assign";
import { decodeDesignCounts, relaxedLp } from "../domain/roster/design-model";
import { applyLeadWeekModel, buildLeadWeekModel } from "../domain/roster/lead-model";
import { improveLeadCover, leadPlanCost } from "../domain/roster/lead-search";
import type { Role } from "../domain/roster/context";
import { parseRosterProblem, type TRosterProblem } from "../domain/roster/problem";
import { buildRosterResult, type RosterResult } from "../domain/roster/result";
import { SolverError, solveLp, type LpSolution, type SolveLpOptions } from "./highs";

/**
 * A solve whose failure only costs quality: a HiGHS error (e.g. WebAssembly out of memory on a huge
 * model) leaves that week to the heuristics instead of failing the whole roster.
 */
async function solveOrSkip(lp: string, options: SolveLpOptions, failures: string[]): Promise<LpSolution | undefined> {
  try {
    return await solveLp(lp, options);
  } catch (error) {
    if (!(error instanceof SolverError)) throw error;
    failures.push(error.message);
    return undefined;
  }
}

/** Time limit when the problem gives none. */
export const DEFAULT_TIME_LIMIT_SECONDS = 60;

export type RosterPhase = "bound" | "design" | "leads" | "finish" | "done";

/** What the app shows while a solve runs. */
export interface RosterProgress {
  phase: RosterPhase;
  elapsedSeconds: number;
  shortageAgentMinutes: number;
  excessAgentMinutes: number;
  lowerBoundExcessAgentMinutes: number;
  /** Rough share of the work done, 0 to 1. */
  fraction: number;
}

export interface SolveRosterOptions {
  /** Milliseconds from any fixed origin; defaults to performance.now. */
  clock?: () => number;
  onProgress?: (progress: RosterProgress) => void;
  /** Cancels between model solves: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides problem.timeLimitSeconds. */
  timeLimitSeconds?: number;
}

/**
 * Solves a validated roster problem (parseRosterProblem's output) as it is, without parsing it
 * again: the entry for the app's solve jobs, whose problem the service has already validated.
 * @example
 * const result = await solveRoster(parseRosterProblem(json), { onProgress: (p) => console.log(p.phase, p.fraction) });
 * result.status //=> "optimal"
 */
export async function solveRoster(problem: TRosterProblem, options: SolveRosterOptions = {}): Promise<RosterResult> {
  const clock = options.clock ?? (() => performance.now());
  const startedMs = clock();
  const elapsedSeconds = () => (clock() - startedMs) / 1000;
  const limitSeconds = options.timeLimitSeconds ?? problem.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  // Models share 90 % of the limit; the rest is kept for the heuristics that finish the plan.
  const remainingSeconds = () => limitSeconds * 0.9 - elapsedSeconds();
  const checkAbort = () => {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("roster solve cancelled");
  };
  let stopped = false;
  const shouldStop = () => {
    if (options.signal?.aborted) return true;
    if (elapsedSeconds() >= limitSeconds) stopped = true;
    return stopped;
  };

  const state = createRosterState(problem);
  const context = state.context;
  let lowerBound = 0;
  const failures: string[] = [];
  // The solve normally runs to its limit, so elapsed time is the truest measure of how far it has
  // come; the step count keeps the bar moving when models finish early. Never backwards, never 1
  // before the end.
  let lastFraction = 0;
  const report = (phase: RosterPhase, stepFraction: number) => {
    const fraction = phase === "done" ? 1 : Math.min(0.99, Math.max(lastFraction, stepFraction, elapsedSeconds() / limitSeconds));
    lastFraction = fraction;
    options.onProgress?.({ phase, elapsedSeconds: elapsedSeconds(), ...coverageTotals(state), lowerBoundExcessAgentMinutes: lowerBound, fraction });
  };
  const weeks = context.weekCount;

  // 1. The bound: an LP per week, then, while it stays cheap, the same model with whole shift
  // counts; only a proven optimum counts (a week without one contributes 0, which is always true).
  report("bound", 0);
  for (let week = 0; week < weeks; week++) {
    checkAbort();
    const model = buildBoundModel(state, week);
    if (!model) continue;
    const weekBudget = Math.max(1, (remainingSeconds() * 0.15) / (weeks - week));
    const weekStartedAt = elapsedSeconds();
    const relaxed = await solveOrSkip(model.lp, { timeLimitSeconds: weekBudget }, failures);
    let weekBound = relaxed?.outcome === "optimal" ? boundFromObjective(relaxed.objective, context.intervalMinutes) : 0;
    report("bound", (0.1 * (week + 0.5)) / weeks);
    const integerSeconds = weekBudget - (elapsedSeconds() - weekStartedAt);
    if (relaxed?.outcome === "optimal" && integerSeconds >= 0.5) {
      const integerModel = buildBoundModel(state, week, { integer: true });
      const solution = integerModel ? await solveOrSkip(integerModel.lp, { timeLimitSeconds: integerSeconds, mipRelativeGap: 0 }, failures) : undefined;
      if (solution?.outcome === "optimal") weekBound = Math.max(weekBound, boundFromObjective(solution.objective, context.intervalMinutes));
    }
    lowerBound += weekBound;
    report("bound", (0.1 * (week + 1)) / weeks);
  }

  // 2. Design and assign, week by week, for agents and then leads.
  const designRole = async (role: Role, share: number, base: number, span: number, phase: RosterPhase) => {
    const targets = role === "agent" ? agentTargets(state) : leadTargets(state);
    if (!targets) return;
    const weekStarts = new Map<number, number>();
    const weekStartedSeconds = (week: number) => weekStarts.get(week) ?? 0;
    for (let week = 0; week < weeks; week++) {
      checkAbort();
      if (shouldStop()) break;
      weekStarts.set(week, elapsedSeconds());
      const weekBudget = () => Math.max(1, (remainingSeconds() * share) / (weeks - week));
      const design = buildWeekDesign(state, role, week, targets);
      if (design) {
        const budget = weekBudget();
        // The relaxation is fast and, rounded, already a fair design; the MIP gets the rest of the
        // week's budget and wins only if its incumbent is better. Integer covering models often
        // cannot close their gap, so the MIP usually stops at its limit.
        const relaxed = await solveOrSkip(relaxedLp(design.model.lp), { timeLimitSeconds: budget / 2 }, failures);
        let counts = relaxed?.outcome === "optimal" || relaxed?.outcome === "limit" ? decodeDesignCounts(design.model, relaxed.values) : undefined;
        report(phase, base + (span * (week + 0.25)) / weeks);
        const mipSeconds = budget - (elapsedSeconds() - weekStartedSeconds(week));
        if (mipSeconds >= 0.5) {
          checkAbort();
          const solution = await solveOrSkip(design.model.lp, { timeLimitSeconds: mipSeconds, mipRelativeGap: 0.01 }, failures);
          if (solution?.outcome === "optimal" || solution?.outcome === "limit") {
            const mipCounts = decodeDesignCounts(design.model, solution.values);
            if (!counts || designCost(state, role, design, mipCounts, targets) <= designCost(state, role, design, counts, targets)) counts = mipCounts;
          }
        }
        if (counts) applyWeekDesign(state, role, design, counts, targets);
      }
      report(phase, base + (span * (week + 1)) / weeks);
    }
    checkAbort();
    finishRole(state, role, targets, shouldStop);
    if (role === "lead") await improveLeads(targets);
    report(phase, base + span);
  };

  // Leads after their design: a local search on the span metric itself, then exact re-plans of
  // two leads at a time (a small per-person MIP with everyone else fixed), kept only when better.
  const improveLeads = async (targets: RoleTargets) => {
    const searchStop = () => Boolean(options.signal?.aborted) || elapsedSeconds() >= limitSeconds * 0.95;
    improveLeadCover(state, targets, { shouldStop: searchStop });
    const leads = context.people.filter((person) => person.role === "lead");
    // Pairs first (fast), then threes while time lasts: a breach often needs a chain (one lead
    // moves to cover another's break, a third fills the gap the first left).
    const groups: Array<Set<number>> = [];
    const pick = (size: number, from: number, chosen: number[]) => {
      if (chosen.length === size) return void groups.push(new Set(chosen));
      for (let next = from; next < leads.length; next++) pick(size, next + 1, [...chosen, leads[next]!.index]);
    };
    for (let size = 1; size <= Math.min(3, leads.length); size++) if (size > 1 || leads.length === 1) pick(size, 0, []);
    let cost = leadPlanCost(state, targets);
    for (let week = 0; week < weeks; week++) {
      for (const people of groups) {
        const secondsLeft = limitSeconds * 0.93 - elapsedSeconds();
        if (cost === 0 || secondsLeft < 0.5 || options.signal?.aborted) break;
        const freed = state.shiftsOf("lead").filter((shift) => !shift.pinned && shift.candidate.week === week && people.has(shift.personIndex ?? -1));
        const saved = freed.map((shift) => ({ candidate: shift.candidate, personIndex: shift.personIndex, breakOffsets: [...shift.breakOffsets] }));
        for (const shift of freed) state.remove(shift);
        const model = buildLeadWeekModel({ state, week, need: targets.requirement, cap: targets.cap, maxBreakOffsets: DESIGN_BREAK_OFFSETS, people });
        const solution = model ? await solveOrSkip(model.lp, { timeLimitSeconds: Math.min(2, secondsLeft), mipRelativeGap: 0 }, []) : undefined;
        const placed = model && (solution?.outcome === "optimal" || solution?.outcome === "limit") ? applyLeadWeekModel(state, model, solution.values) : [];
        const after = leadPlanCost(state, targets);
        if (after < cost - 1e-9) cost = after;
        else {
          for (const shift of placed) state.remove(shift);
          for (const entry of saved) state.add(entry.candidate, entry.personIndex, "lead", { breakOffsets: entry.breakOffsets });
        }
      }
    }
  };

  await designRole("agent", 0.7, 0.1, 0.7, "design");
  if (!context.designMode && problem.leadSpan && context.people.some((person) => person.role === "lead")) {
    await designRole("lead", 0.3, 0.8, 0.15, "leads");
  }
  report("finish", 0.95);
  checkAbort();

  const result = buildRosterResult(state, { lowerBoundExcessAgentMinutes: lowerBound, solveSeconds: elapsedSeconds(), stopped: stopped || failures.length > 0 });
  if (context.designMode) result.headcount = designHeadcount(context, state.shiftsOf("agent"));
  report("done", 1);
  return result;
}

/**
 * Reads and solves a problem in one call (what the command line and the seed use on JSON).
 * @example (await solveRosterInput(JSON.parse(text), { timeLimitSeconds: 30 })).metrics.shortageAgentMinutes //=> 0
 * @throws RosterInputError when the problem is not valid; the message names the field
 */
export async function solveRosterInput(input: unknown, options: SolveRosterOptions = {}): Promise<RosterResult> {
  return solveRoster(parseRosterProblem(input), options);
}

