/**
 * Roster solves as background jobs: each runs in a worker thread (TypeScript loaded by tsx) on
 * a problem already validated by the caller, reports progress that the page polls, can be
 * cancelled (the worker is terminated), and on success hands its result to `onResult`, which
 * writes it in one transaction. A cancelled or failed job writes nothing. Job times come from
 * the clock the caller passes (the machine's by default).
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { systemClock, type Clock } from "@/server/clock";
import type { TRosterProblem } from "@/server/domain/roster/problem";
import type { RosterResult } from "@/server/domain/roster/result";
import type { RosterProgress } from "@/server/solver/solve-roster";

export type JobState = "running" | "saving" | "done" | "failed" | "cancelled";

export interface RosterJob {
  id: string;
  ownerId: number;
  label: string;
  state: JobState;
  /** When the job started, ms since the epoch by the clock it was started with. */
  startedAt: number;
  progress: RosterProgress | null;
  error: string | null;
  rosterId: number | null;
  /** What the job's `onResult` chose to keep for the page (e.g. design-mode headcount). */
  summary: unknown;
}

interface Entry {
  job: RosterJob;
  worker: Worker | null;
}

const globalJobs = globalThis as unknown as { sunshiftRosterJobs?: Map<string, Entry> };
const jobs = (globalJobs.sunshiftRosterJobs ??= new Map<string, Entry>());

/** Ended jobs are forgotten once an hour has passed since they started. */
const KEEP_MS = 60 * 60_000;

function prune(now: number) {
  for (const [id, entry] of jobs) {
    if (entry.job.state !== "running" && entry.job.state !== "saving" && now - entry.job.startedAt > KEEP_MS) jobs.delete(id);
  }
}

/**
 * Starts a solve of `problem` in a worker thread and returns the job as it starts. Forgets
 * jobs that ended over an hour ago (by the same clock) first.
 */
export function startRosterJob(opts: {
  ownerId: number;
  label: string;
  /** The parsed, validated problem (parseRosterProblem's output): the worker solves it as it is. */
  problem: TRosterProblem;
  /** Writes or summarises the result; returns the roster id it saved (or null) and a summary. */
  onResult: (result: RosterResult) => { rosterId: number | null; summary?: unknown };
  clock?: Clock;
}): RosterJob {
  const startedAt = (opts.clock ?? systemClock)().getTime();
  prune(startedAt);
  const job: RosterJob = {
    id: randomUUID(),
    ownerId: opts.ownerId,
    label: opts.label,
    state: "running",
    startedAt,
    progress: null,
    error: null,
    rosterId: null,
    summary: null,
  };
  // The worker's path is computed at run time so the bundler leaves it alone; tsx compiles the TypeScript.
  const workerPath = join(process.cwd(), "server", "jobs", "roster-worker-entry.cjs");
  // execArgv: [] so the worker does not inherit a parent's loader flags (a test runner's, say).
  const worker = new Worker(workerPath, { workerData: { problem: opts.problem }, execArgv: [] });
  const entry: Entry = { job, worker };
  jobs.set(job.id, entry);
  worker.on("message", (message: { type: string; progress?: RosterProgress; result?: RosterResult; message?: string }) => {
    if (job.state !== "running") return;
    if (message.type === "progress" && message.progress) job.progress = message.progress;
    else if (message.type === "result" && message.result) {
      job.state = "saving";
      try {
        const saved = opts.onResult(message.result);
        job.rosterId = saved.rosterId;
        job.summary = saved.summary ?? null;
        job.state = "done";
      } catch (error) {
        job.state = "failed";
        job.error = error instanceof Error ? error.message : String(error);
      }
      void worker.terminate();
      entry.worker = null;
    } else if (message.type === "error") {
      job.state = "failed";
      job.error = message.message ?? "The solve failed";
      void worker.terminate();
      entry.worker = null;
    }
  });
  worker.on("error", (error) => {
    if (job.state === "running") {
      job.state = "failed";
      job.error = error.message;
    }
    entry.worker = null;
  });
  worker.on("exit", () => {
    if (job.state === "running") {
      job.state = "failed";
      job.error = job.error ?? "The solver stopped unexpectedly";
    }
    entry.worker = null;
  });
  return { ...job };
}

/** A copy of a job's state, or undefined when unknown (or forgotten). */
export function getRosterJob(id: string): RosterJob | undefined {
  const entry = jobs.get(id);
  return entry ? { ...entry.job } : undefined;
}

/** Stops a running solve; nothing it computed is saved. */
export async function cancelRosterJob(id: string): Promise<RosterJob | undefined> {
  const entry = jobs.get(id);
  if (!entry) return undefined;
  if (entry.job.state === "running") {
    entry.job.state = "cancelled";
    await entry.worker?.terminate();
    entry.worker = null;
  }
  return { ...entry.job };
}

/** Resolves when the job has ended (for tests and the seed). */
export async function waitForRosterJob(id: string, pollMs = 100): Promise<RosterJob> {
  for (;;) {
    const job = getRosterJob(id);
    if (!job) throw new Error(`Unknown roster job ${id}`);
    if (job.state !== "running" && job.state !== "saving") return job;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
