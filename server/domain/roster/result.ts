/**
 * The result, format version 1: shifts as UTC instants, coverage, unmet runs with their reasons,
 * headcount and metrics. Coverage and metrics are recomputed from the shifts, never carried over
 * from the model, so the numbers describe exactly the plan returned.
 */
import type { Role } from "./context";
import { slotMs } from "./context";
import { coverableSlots } from "./design-model";
import type { Blocker, RosterState } from "./roster-state";
import { formatInstant } from "../time/format";

export interface RosterResultRange {
  start: string;
  end: string;
}

export interface RosterResultShift {
  personId: string | null;
  regionId: string;
  templateId: string;
  start: string;
  end: string;
  breaks: RosterResultRange[];
}

export interface UnmetRun {
  start: string;
  end: string;
  /** Most agents short in any interval of the run. */
  shortAgents: number;
  /** Extension: most leads short in any interval of the run (lead span), when the run is about leads. */
  shortLeads?: number;
  reasons: string[];
}

export type RosterStatus = "optimal" | "feasible" | "infeasible";

export interface RosterMetrics {
  requiredAgentMinutes: number;
  onTaskAgentMinutes: number;
  shortageAgentMinutes: number;
  excessAgentMinutes: number;
  lowerBoundExcessAgentMinutes: number;
  leadSpanViolations: number;
  overSupervisedIntervals: number;
  solveSeconds: number;
}

export interface RosterResult {
  version: 1;
  status: RosterStatus;
  shifts: RosterResultShift[];
  coverage: number[];
  leadsOnDuty: number[];
  unmet: UnmetRun[];
  headcount: Array<{ regionId: string; people: number }>;
  metrics: RosterMetrics;
}

/** Plain-words reasons for unmet runs. */
export const UNMET_REASONS = {
  noWindow: "no region's working window covers this time",
  noPeople: "nobody holds a shift template that fits this time",
  weeklyLimit: "everyone who could is at their weekly limit (minutes or days)",
  rest: "rest rule: everyone who could would get too little rest between shifts",
  absences: "absences: people who could work are unavailable",
  sameDay: "everyone who could already works a shift that local day",
  noLead: "no lead available",
  stopped: "the solver stopped before covering it (time limit or cancelled)",
  tradeOff: "someone could work here, but every shift that covers it leaves a larger gap or break clash elsewhere",
} as const;

const BLOCKER_REASON: Partial<Record<Blocker, string>> = {
  absent: UNMET_REASONS.absences,
  "same-day": UNMET_REASONS.sameDay,
  rest: UNMET_REASONS.rest,
  "weekly-minutes": UNMET_REASONS.weeklyLimit,
  "weekly-days": UNMET_REASONS.weeklyLimit,
};

/**
 * Leads needed and the over-supervision line per slot, from agents on task.
 * @example leadBounds([0, 16, 30], { min: 8, max: 15 }) //=> { needed: [0, 2, 2], cap: [1, 2, 4] }
 */
export function leadBounds(agentsOnTask: ArrayLike<number>, leadSpan: { min: number; max: number }): { needed: number[]; cap: number[] } {
  const needed: number[] = [];
  const cap: number[] = [];
  for (let slot = 0; slot < agentsOnTask.length; slot++) {
    const onTask = agentsOnTask[slot] ?? 0;
    needed.push(Math.ceil(onTask / leadSpan.max));
    cap.push(Math.max(1, Math.ceil(onTask / leadSpan.min)));
  }
  return { needed, cap };
}

/** Why nobody covers a slot for a role, from the rules that block every shift covering it. */
function explainSlot(state: RosterState, role: Role, slot: number, anyWindow: Uint8Array, roleCoverable: Uint8Array, stopped: boolean): Set<string> {
  const reasons = new Set<string>();
  const context = state.context;
  if (!anyWindow[slot]) {
    reasons.add(UNMET_REASONS.noWindow);
    return reasons;
  }
  if (context.designMode) {
    reasons.add(stopped ? UNMET_REASONS.stopped : UNMET_REASONS.noPeople);
    return reasons;
  }
  if (!roleCoverable[slot]) {
    reasons.add(UNMET_REASONS.noPeople);
    return reasons;
  }
  let someoneFree = false;
  for (const candidate of context.candidates) {
    if (candidate.startSlot > slot || candidate.endSlot <= slot) continue;
    for (const person of context.people) {
      if (person.role !== role || person.regionIndex !== candidate.regionIndex || !person.templateIndexes.has(candidate.templateIndex)) continue;
      const blocker = state.blocker(person, candidate, role);
      if (blocker === null) someoneFree = true;
      else {
        const reason = BLOCKER_REASON[blocker];
        if (reason) reasons.add(reason);
      }
    }
  }
  if (someoneFree) reasons.add(stopped ? UNMET_REASONS.stopped : UNMET_REASONS.tradeOff);
  return reasons;
}

/** Runs of consecutive slots where have < need, with the most short in each. */
function shortRuns(have: ArrayLike<number>, need: ArrayLike<number>): Array<{ from: number; to: number; most: number; peak: number }> {
  const runs: Array<{ from: number; to: number; most: number; peak: number }> = [];
  let current: { from: number; to: number; most: number; peak: number } | undefined;
  for (let slot = 0; slot < need.length; slot++) {
    const short = (need[slot] ?? 0) - (have[slot] ?? 0);
    if (short > 0) {
      if (current && current.to === slot) {
        current.to = slot + 1;
        if (short > current.most) {
          current.most = short;
          current.peak = slot;
        }
      } else {
        current = { from: slot, to: slot + 1, most: short, peak: slot };
        runs.push(current);
      }
    }
  }
  return runs;
}

function unmetRuns(state: RosterState, role: Role, have: ArrayLike<number>, need: ArrayLike<number>, stopped: boolean): UnmetRun[] {
  const context = state.context;
  const anyWindow = coverableSlots(context, context.allCandidates.map((candidate) => ({ candidate })));
  const roleCandidates = context.designMode ? context.candidates : context.candidates.filter((candidate) =>
    context.people.some((person) => person.role === role && person.regionIndex === candidate.regionIndex && person.templateIndexes.has(candidate.templateIndex)),
  );
  const roleCoverable = coverableSlots(context, roleCandidates.map((candidate) => ({ candidate })));
  return shortRuns(have, need).map((run) => {
    const reasons = new Set<string>();
    if (role === "lead") reasons.add(UNMET_REASONS.noLead);
    // Sampling the first, worst and last interval keeps this cheap on long runs.
    for (const slot of new Set([run.from, run.peak, run.to - 1])) {
      for (const reason of explainSlot(state, role, slot, anyWindow, roleCoverable, stopped)) reasons.add(reason);
    }
    if (role === "lead" && context.people.every((person) => person.role !== "lead")) reasons.delete(UNMET_REASONS.noPeople);
    return {
      start: formatInstant(slotMs(context, run.from)),
      end: formatInstant(slotMs(context, run.to)),
      shortAgents: role === "agent" ? run.most : 0,
      ...(role === "lead" ? { shortLeads: run.most } : {}),
      reasons: [...reasons],
    };
  });
}

export interface ResultInfo {
  lowerBoundExcessAgentMinutes: number;
  solveSeconds: number;
  /** A time limit or cancellation cut the solve short. */
  stopped: boolean;
}

/**
 * Builds the result from a finished roster state.
 * @example buildRosterResult(state, { lowerBoundExcessAgentMinutes: 0, solveSeconds: 1.2, stopped: false }).status //=> "optimal"
 */
export function buildRosterResult(state: RosterState, info: ResultInfo): RosterResult {
  const context = state.context;
  const problem = context.problem;
  const interval = context.intervalMinutes;
  const requirement = problem.requirement;
  const coverage = Array.from(state.agentsOnTask);
  const leadsOnDuty = Array.from(state.leadsOnDuty);

  let required = 0;
  let onTask = 0;
  let shortage = 0;
  let excess = 0;
  for (let slot = 0; slot < context.slotCount; slot++) {
    const need = requirement[slot] ?? 0;
    const have = coverage[slot] ?? 0;
    required += need;
    onTask += have;
    shortage += Math.max(0, need - have);
    excess += Math.max(0, have - need);
  }

  let leadSpanViolations = 0;
  let overSupervisedIntervals = 0;
  const unmet = unmetRuns(state, "agent", coverage, requirement, info.stopped);
  if (problem.leadSpan && !context.designMode) {
    const { needed, cap } = leadBounds(coverage, problem.leadSpan);
    for (let slot = 0; slot < context.slotCount; slot++) {
      if ((leadsOnDuty[slot] ?? 0) < (needed[slot] ?? 0)) leadSpanViolations++;
      if ((leadsOnDuty[slot] ?? 0) > (cap[slot] ?? 0)) overSupervisedIntervals++;
    }
    unmet.push(...unmetRuns(state, "lead", leadsOnDuty, needed, info.stopped));
    unmet.sort((a, b) => a.start.localeCompare(b.start));
  }

  const shifts = [...state.shifts.values()]
    .sort((a, b) => a.candidate.startSlot - b.candidate.startSlot || a.candidate.regionIndex - b.candidate.regionIndex || (a.personIndex ?? -1) - (b.personIndex ?? -1))
    .map((shift): RosterResultShift => {
      const template = context.templates[shift.candidate.templateIndex];
      return {
        personId: shift.personIndex === null ? null : (context.people[shift.personIndex]?.id ?? null),
        regionId: context.regions[shift.candidate.regionIndex]?.id ?? "",
        templateId: template?.id ?? "",
        start: formatInstant(slotMs(context, shift.candidate.startSlot)),
        end: formatInstant(slotMs(context, shift.candidate.endSlot)),
        breaks: (template?.breaks ?? []).map((rule, index) => {
          const startSlot = shift.candidate.startSlot + (shift.breakOffsets[index] ?? 0);
          return { start: formatInstant(slotMs(context, startSlot)), end: formatInstant(slotMs(context, startSlot + rule.lengthSlots)) };
        }),
      };
    });

  const headcount = context.regions.map((region) => {
    const used = new Set<number>();
    for (const shift of state.shifts.values()) {
      if (shift.candidate.regionIndex === region.index && shift.personIndex !== null) used.add(shift.personIndex);
    }
    return { regionId: region.id, people: used.size };
  });

  const lowerBound = Math.min(info.lowerBoundExcessAgentMinutes, excess * interval);
  const forcedShortage = unmet.every((run) => run.reasons.length === 1 && run.reasons[0] === UNMET_REASONS.noWindow);
  // Optimal is proven, not hoped for: every short interval is one no shift can reach, and the
  // excess equals the relaxation's bound. A solve cut short reports "feasible" either way.
  let status: RosterStatus = "feasible";
  if (state.shifts.size === 0 && required > 0) status = "infeasible";
  else if (!info.stopped && forcedShortage && leadSpanViolations === 0 && excess * interval <= lowerBound) status = "optimal";

  return {
    version: 1,
    status,
    shifts,
    coverage,
    leadsOnDuty,
    unmet,
    headcount,
    metrics: {
      requiredAgentMinutes: required * interval,
      onTaskAgentMinutes: onTask * interval,
      shortageAgentMinutes: shortage * interval,
      excessAgentMinutes: excess * interval,
      lowerBoundExcessAgentMinutes: lowerBound,
      leadSpanViolations,
      overSupervisedIntervals,
      solveSeconds: Math.round(info.solveSeconds * 1000) / 1000,
    },
  };
}
