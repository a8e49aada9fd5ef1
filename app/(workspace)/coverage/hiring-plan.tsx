"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";

/**
 * Runs the roster engine in design mode for the roster's period (an unlimited pool per
 * region, default contracts) and shows the headcount each region needs against the agents
 * it has. The solve runs in the background like a roster solve; nothing is saved.
 */
export function HiringPlan(props: { rosterId: number }) {
  const trpc = useTRPC();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation(trpc.coverage.planHiring.mutationOptions({ onSuccess: (job) => setJobId(job.id) }));
  const status = useQuery({
    ...trpc.coverage.hiringPlanStatus.queryOptions({ jobId: jobId ?? "00000000-0000-4000-8000-000000000000" }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.state !== "running" && query.state.data.state !== "saving" ? false : 500),
  });
  const job = status.data;
  const running = start.isPending || (jobId !== null && (!job || job.state === "running" || job.state === "saving"));
  const fraction = job?.progress?.fraction ?? 0;
  return (
    <div className="mt-4 border-t border-slate-200 pt-3">
      <h3 className="text-sm font-semibold">Plan hiring with the roster engine</h3>
      <p className="mb-2 text-xs text-slate-600">
        Design mode: shifts for an unlimited pool in each region that cover this period&apos;s requirement, then the people each region needs at default contracts (40 h, 5 days).
      </p>
      <button type="button" className="btn-secondary" disabled={running} onClick={() => start.mutate({ rosterId: props.rosterId, timeLimitSeconds: 30 })}>
        {running ? "Planning…" : "Plan hiring"}
      </button>
      {running && job?.progress ? (
        <div className="mt-2">
          <progress className="w-full" max={1} value={fraction} aria-label="Hiring plan progress" />
          <p className="text-xs text-slate-600">{Math.round(job.progress.elapsedSeconds)} s elapsed</p>
        </div>
      ) : null}
      {start.error ? <p role="alert" className="mt-2 text-sm text-red-700">{errorMessage(start.error)}</p> : null}
      {job?.state === "failed" ? <p role="alert" className="mt-2 text-sm text-red-700">The plan failed: {job.error}</p> : null}
      {job?.state === "done" && job.summary ? (
        <table className="table-basic mt-2" aria-label="Hiring plan">
          <thead>
            <tr><th>Region</th><th>Needed</th><th>Agents now</th><th>To hire</th></tr>
          </thead>
          <tbody>
            {job.summary.regions.map((r) => (
              <tr key={r.regionId}>
                <td className="font-medium">{r.name}</td>
                <td>{r.needed}</td>
                <td>{r.agentsNow}</td>
                <td className={r.toHire > 0 ? "font-semibold text-red-800" : ""}>{r.toHire}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td className="font-semibold">All regions</td>
              <td className="font-semibold">{job.summary.regions.reduce((sum, r) => sum + r.needed, 0)}</td>
              <td className="font-semibold">{job.summary.regions.reduce((sum, r) => sum + r.agentsNow, 0)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      ) : null}
      {job?.state === "done" && job.summary ? (
        <p className="mt-1 text-xs text-slate-600">
          Where windows overlap, the design is free to place work in either region, so compare the totals as well as each region.
        </p>
      ) : null}
    </div>
  );
}
