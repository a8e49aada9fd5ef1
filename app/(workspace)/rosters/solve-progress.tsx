"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { agentHours, phaseInWords } from "./roster-format";

export interface SolveRun {
  jobId: string;
  label: string;
  /** Client clock when the solve was started, for the elapsed time shown while it runs. */
  startedAtMs: number;
  timeLimitSeconds: number;
}

const POLL_MS = 500;
const isActive = (state: string | undefined) => state === undefined || state === "running" || state === "saving";

/**
 * The live panel of one roster solve: polls the job every half second while it runs and shows
 * the phase, elapsed time, the best plan's shortage and excess and its gap to the proven bound.
 */
export function SolveProgress(props: {
  run: SolveRun;
  /** Called once when the job has ended (done, failed or cancelled). */
  onEnded?: (state: string, rosterId: number | null) => void;
  onDismiss: () => void;
  /** Where "Open the board" points when the solve is done; null hides the link (the board itself). */
  boardLink: boolean;
}) {
  const trpc = useTRPC();
  const status = useQuery({
    ...trpc.rosters.solveStatus.queryOptions({ jobId: props.run.jobId }),
    refetchInterval: (query) => (isActive(query.state.data?.state) && !query.state.error ? POLL_MS : false),
    staleTime: 0,
  });
  const cancel = useMutation(trpc.rosters.cancelSolve.mutationOptions({ onSuccess: () => void status.refetch() }));
  const job = status.data;
  const state = job?.state;
  const active = isActive(state);

  // A ticking clock while the solve runs; the solver's own elapsed time once it has ended.
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNowMs(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);

  const ended = useRef(false);
  const { onEnded } = props;
  useEffect(() => {
    if (!state || isActive(state) || ended.current) return;
    ended.current = true;
    onEnded?.(state, job?.rosterId ?? null);
  }, [state, job?.rosterId, onEnded]);

  const progress = job?.progress ?? null;
  const elapsedSeconds = active ? Math.max(0, (nowMs - props.run.startedAtMs) / 1000) : (progress?.elapsedSeconds ?? (nowMs - props.run.startedAtMs) / 1000);
  // The solver reports its share of work coarsely (per phase and week) and always stops at the
  // time limit, so while it runs the bar also moves with elapsed time over the limit.
  const timeShare = Math.min(0.99, elapsedSeconds / Math.max(1, props.run.timeLimitSeconds));
  const reported = Math.max(0, Math.min(1, progress?.fraction ?? 0));
  const fraction = state === "done" ? 1 : active ? Math.max(reported, timeShare) : reported;
  const percent = Math.round(fraction * 100);
  const phase = phaseInWords(state ?? "running", progress?.phase);
  // While the bound is being proven there is no plan yet: the totals would describe an empty roster.
  const hasPlan = progress !== null && progress.phase !== "bound";
  const gapMinutes = hasPlan ? Math.max(0, progress.excessAgentMinutes - progress.lowerBoundExcessAgentMinutes) : null;
  const gapPercent = hasPlan && progress.excessAgentMinutes > 0 && gapMinutes !== null ? (gapMinutes / progress.excessAgentMinutes) * 100 : 0;
  const barColour = state === "failed" ? "bg-red-500" : state === "cancelled" ? "bg-slate-400" : state === "done" ? "bg-emerald-500" : "bg-amber-500";

  return (
    <section aria-labelledby="solve-heading" className="card space-y-3" data-testid="solve-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="solve-heading" className="text-lg font-semibold">Solving “{props.run.label}”</h2>
        <p className="text-sm text-slate-600">Time limit {props.run.timeLimitSeconds} s</p>
      </div>
      <div
        role="progressbar"
        aria-label="Solve progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${phase}`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full transition-[width] duration-300 ${barColour}`} style={{ width: `${percent}%` }} />
      </div>
      <p role="status" aria-live="polite" className="text-sm font-medium" data-testid="solve-phase">
        {phase}
        {active ? ` · ${percent}%` : ""}
      </p>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <div>
          <dt className="text-slate-600">Elapsed</dt>
          <dd className="font-mono text-base">{elapsedSeconds.toFixed(1)} s</dd>
        </div>
        <div>
          <dt className="text-slate-600">Best plan: shortage</dt>
          <dd className="font-mono text-base">{hasPlan ? agentHours(progress.shortageAgentMinutes) : "no plan yet"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Best plan: excess</dt>
          <dd className="font-mono text-base">{hasPlan ? agentHours(progress.excessAgentMinutes) : "no plan yet"}</dd>
        </div>
        <div>
          <dt className="text-slate-600" title="Proven by the solver's relaxation: no covering plan can have less excess">Lower bound on excess</dt>
          <dd className="font-mono text-base">{progress ? agentHours(progress.lowerBoundExcessAgentMinutes) : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600" title="Excess above the proven lower bound: no covering plan can have less excess than the bound">Gap to bound</dt>
          <dd className="font-mono text-base">{gapMinutes === null ? "—" : `${agentHours(gapMinutes)} (${gapPercent.toFixed(1)}%)`}</dd>
        </div>
      </dl>
      {state === "failed" ? <p role="alert" className="text-sm text-red-700">The solve failed and nothing was saved: {job?.error ?? "unknown error"}</p> : null}
      {status.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(status.error)}</p> : null}
      {cancel.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(cancel.error)}</p> : null}
      <div className="flex flex-wrap gap-2">
        {state === "running" || state === undefined ? (
          <button type="button" className="btn-secondary" disabled={cancel.isPending || !job} onClick={() => cancel.mutate({ jobId: props.run.jobId })}>
            {cancel.isPending ? "Cancelling…" : "Cancel"}
          </button>
        ) : null}
        {state === "done" && job?.rosterId && props.boardLink ? (
          <Link href={`/rosters/${job.rosterId}`} className="btn-primary">Open the roster board</Link>
        ) : null}
        {!active ? (
          <button type="button" className="btn-secondary" onClick={props.onDismiss}>Dismiss</button>
        ) : null}
      </div>
    </section>
  );
}
