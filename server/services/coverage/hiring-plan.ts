/**
 * Plans hiring with the roster engine's design mode: the same period and requirement with an
 * unlimited pool per region (no people), default contracts; the engine reports how many people
 * each region needs. Runs as a background job like a roster solve; saves nothing.
 */
import type { Actor } from "@/server/auth/actor";
import type { Clock } from "@/server/clock";
import { AppError } from "@/server/errors";
import { getRosterJob, startRosterJob, type RosterJob } from "@/server/jobs/roster-jobs";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/roster-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { regionKey } from "../engine-input/keys";
import { loadDesignProblem } from "../engine-input/roster-problem";
import { visibleRegionIds } from "./scope";

/** The design-mode solve a hiring plan runs when no limit is asked for. */
const HIRING_PLAN_SECONDS = 30;

export interface HiringPlan {
  rosterId: number;
  regions: { regionId: string; name: string; needed: number; agentsNow: number; toHire: number }[];
  shortageAgentMinutes: number;
  status: string;
}

/**
 * Starts the hiring plan for a roster's period; the job's summary is the plan. The design
 * problem is validated here, before the job starts.
 */
export function startHiringPlan(db: Store, actor: Actor, input: { rosterId: number; timeLimitSeconds?: number | undefined }, clock: Clock): RosterJob {
  visibleRegionIds(db, actor);
  const roster = repo.getRoster(db, input.rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  const designProblem = loadDesignProblem(db, { periodStart: roster.periodStart, days: roster.days }, { timeLimitSeconds: input.timeLimitSeconds ?? HIRING_PLAN_SECONDS });
  const regions = orgRepo.listRegions(db);
  const agentsByRegion = new Map<number, number>();
  for (const p of orgRepo.listPeople(db)) if (p.active && p.role === "agent") agentsByRegion.set(p.regionId, (agentsByRegion.get(p.regionId) ?? 0) + 1);
  return startRosterJob({
    ownerId: actor.id,
    label: `Hiring plan for ${roster.name}`,
    problem: designProblem,
    clock,
    onResult: (result): { rosterId: null; summary: HiringPlan } => ({
      rosterId: null,
      summary: {
        rosterId: roster.id,
        status: result.status,
        shortageAgentMinutes: result.metrics.shortageAgentMinutes,
        regions: regions.map((r) => {
          const needed = result.headcount.find((h) => h.regionId === regionKey(r.id))?.people ?? 0;
          const agentsNow = agentsByRegion.get(r.id) ?? 0;
          return { regionId: regionKey(r.id), name: r.name, needed, agentsNow, toHire: Math.max(0, needed - agentsNow) };
        }),
      },
    }),
  });
}

/** A hiring plan's progress and, when done, the plan; private to who started it (and managers). */
export function getHiringPlanStatus(actor: Actor, jobId: string) {
  const job = getRosterJob(jobId);
  if (!job || (job.ownerId !== actor.id && actor.role !== "manager")) throw new AppError("NOT_FOUND", { message: "No such hiring plan" });
  return { ...job, summary: job.summary as HiringPlan | null };
}
