"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import Link from "next/link";
import { useCallback, useState, type FormEvent } from "react";
import { errorMessage, fieldErrorsFrom, useTRPC } from "@/app/_lib/trpc";
import { agentHours, formatPeriod, STATUS_BADGE } from "./roster-format";
import { SolveProgress, type SolveRun } from "./solve-progress";

/** The four planning weeks, as the Staffing page forecasts them; dated once the weeks are known. */
const WEEK_WORDS = ["This week", "Next week", "In 2 weeks", "In 3 weeks"];

/** "7 Dec" for a local date "2026-12-07". */
function dayMonth(startDate: string): string {
  return DateTime.fromISO(startDate).toFormat("d LLL");
}

/** "Week of 7 Dec" for a local date "2026-12-07". */
function weekOf(startDate: string): string {
  return `Week of ${dayMonth(startDate)}`;
}

export function RostersView(props: { viewerZone: string; canCreate: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.rosters.list.queryOptions());
  const [run, setRun] = useState<SolveRun | null>(null);

  const onEnded = useCallback(
    (state: string) => {
      if (state === "done") void queryClient.invalidateQueries({ queryKey: trpc.rosters.list.queryKey() });
    },
    [queryClient, trpc],
  );

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Rosters</h1>
        <p className="text-sm text-slate-600">Build a week&apos;s roster from the staffing requirement, check it on the board, then publish it to agents. Times in {props.viewerZone}.</p>
      </div>

      {props.canCreate ? (
        run ? (
          <SolveProgress run={run} onEnded={onEnded} onDismiss={() => setRun(null)} boardLink />
        ) : (
          <BuildForm onStarted={setRun} />
        )
      ) : null}

      <section aria-labelledby="rosters-heading" className="card">
        <h2 id="rosters-heading" className="mb-2 text-lg font-semibold">All rosters</h2>
        {list.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(list.error)}</p> : null}
        {list.data && list.data.length === 0 ? <p className="text-sm text-slate-600">No rosters yet. Build one above.</p> : null}
        {list.data && list.data.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="table-basic" aria-label="Rosters">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Period ({props.viewerZone})</th>
                  <th>Status</th>
                  <th className="text-right">Shortage</th>
                  <th className="text-right">Excess</th>
                  <th>Solve</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link href={`/rosters/${r.id}`} className="font-medium text-amber-800 underline">{r.name}</Link>
                    </td>
                    <td className="whitespace-nowrap">{formatPeriod(r.periodStart, r.days, props.viewerZone)}</td>
                    <td>
                      <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium capitalize ${STATUS_BADGE[r.status] ?? ""}`}>{r.status}</span>
                      {r.staleReason ? <p className="mt-1 max-w-xs text-xs text-amber-900">Stale: {r.staleReason}</p> : null}
                    </td>
                    <td className="text-right font-mono">{agentHours(r.summary?.metrics.shortageAgentMinutes)}</td>
                    <td className="text-right font-mono">{agentHours(r.summary?.metrics.excessAgentMinutes)}</td>
                    <td className="text-slate-600">{r.summary?.status ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-slate-600">Shortage and excess in agent-hours over the period, as solved (hand edits since are shown on the board).</p>
          </div>
        ) : null}
        {list.isPending ? <p className="text-sm text-slate-600">Loading…</p> : null}
      </section>
    </div>
  );
}

function BuildForm(props: { onStarted: (run: SolveRun) => void }) {
  const trpc = useTRPC();
  const [weekOffset, setWeekOffset] = useState(1);
  const weeks = useQuery(trpc.staffing.planningWeeks.queryOptions());
  const picked = weeks.data?.find((w) => w.weekOffset === weekOffset);
  const [name, setName] = useState("");
  const [timeLimit, setTimeLimit] = useState("45");
  const start = useMutation(trpc.rosters.startSolve.mutationOptions());
  const fieldErrors = fieldErrorsFrom(start.error);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const timeLimitSeconds = Number(timeLimit);
    start.mutate(
      { weekOffset, ...(name.trim() ? { name: name.trim() } : {}), timeLimitSeconds },
      {
        onSuccess: (job) =>
          props.onStarted({ jobId: job.id, label: job.label, startedAtMs: Date.now(), timeLimitSeconds }),
      },
    );
  }

  const limitError = fieldErrors.timeLimitSeconds?.[0];
  return (
    <section aria-labelledby="build-heading" className="card">
      <h2 id="build-heading" className="text-lg font-semibold">Build a roster</h2>
      <p className="mb-3 text-sm text-slate-600">
        The solver assigns shifts to every active agent and lead for the week, within each region&apos;s working window, contracts and absences,
        aiming to cover the requirement with the least excess. It stops at the time limit with the best plan found.
      </p>
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-4 sm:items-end" noValidate>
        <div>
          <label htmlFor="build-week" className="field-label">Week</label>
          <select id="build-week" className="field-input" aria-describedby={picked ? "build-week-hint" : undefined} value={weekOffset} onChange={(e) => setWeekOffset(Number(e.target.value))}>
            {WEEK_WORDS.map((words, offset) => {
              // The first two keep their words; later weeks are named by their date.
              const week = weeks.data?.[offset];
              return <option key={words} value={offset}>{week && offset > 1 ? weekOf(week.startDate) : words}</option>;
            })}
          </select>
          {picked ? (
            <p id="build-week-hint" className={`mt-1 text-xs ${picked.forecast ? "text-slate-600" : "text-amber-900"}`}>
              {picked.forecast ? (
                `${weekOf(picked.startDate)} · forecast`
              ) : (
                <>
                  No forecast yet: <Link href="/staffing" className="underline">forecast the week of {dayMonth(picked.startDate)} on the Staffing page</Link> first.
                </>
              )}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="build-name" className="field-label">Name (optional)</label>
          <input id="build-name" className="field-input" value={name} maxLength={80} placeholder="Week of …" onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label htmlFor="build-limit" className="field-label">Time limit (seconds)</label>
          <input
            id="build-limit"
            type="number"
            min={5}
            max={600}
            step={1}
            className={`field-input ${limitError ? "border-red-500" : ""}`}
            value={timeLimit}
            aria-invalid={limitError ? true : undefined}
            aria-describedby={limitError ? "build-limit-error" : undefined}
            onChange={(e) => setTimeLimit(e.target.value)}
          />
          {limitError ? <p id="build-limit-error" className="field-error">{limitError}</p> : null}
        </div>
        <div>
          <button type="submit" className="btn-primary w-full" disabled={start.isPending}>
            {start.isPending ? "Starting…" : "Build roster"}
          </button>
        </div>
      </form>
      {start.error && !limitError ? <p role="alert" className="mt-3 text-sm text-red-700">Nothing was started. {errorMessage(start.error)}</p> : null}
    </section>
  );
}
