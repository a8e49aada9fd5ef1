"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useId, useMemo, useState } from "react";
import { ZoneSwitch } from "@/app/_components/zone-switch";
import { errorMessage, fieldErrorsFrom, useTRPC } from "@/app/_lib/trpc";
import { agentHours, formatInstant, formatPeriod, formatRange, STATUS_BADGE } from "../roster-format";
import { SolveProgress, type SolveRun } from "../solve-progress";
import { BoardTimeline } from "./board-timeline";
import type { Board, ShiftTarget } from "./board-types";
import { ModalDialog, ShiftDialog } from "./shift-dialog";

const STATUS_LABEL: Record<string, string> = { draft: "Draft", published: "Published", archived: "Archived" };

export function RosterBoard(props: { rosterId: number; viewerZone: string; canCreate: boolean; canPublish: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const board = useQuery(trpc.rosters.board.queryOptions({ rosterId: props.rosterId }));
  const [zone, setZone] = useState(props.viewerZone);
  const [target, setTarget] = useState<ShiftTarget | null>(null);
  const [run, setRun] = useState<SolveRun | null>(null);
  const [runActive, setRunActive] = useState(false);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [justPublished, setJustPublished] = useState(false);

  const invalidate = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.rosters.board.queryKey({ rosterId: props.rosterId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.rosters.list.queryKey() });
  }, [queryClient, trpc, props.rosterId]);
  const publish = useMutation(
    trpc.rosters.publish.mutationOptions({
      onSuccess: () => {
        setConfirmPublish(false);
        setJustPublished(true);
        invalidate();
      },
    }),
  );
  const onSolveEnded = useCallback(
    (state: string) => {
      setRunActive(false);
      if (state === "done") invalidate();
    },
    [invalidate],
  );
  const onOpen = useCallback((t: ShiftTarget) => setTarget(t), []);

  const data = board.data;
  if (board.error) {
    return (
      <div className="space-y-3">
        <p role="alert" className="card border-red-200 bg-red-50 text-red-800">{errorMessage(board.error)}</p>
        <Link href="/rosters" className="text-sm font-medium text-amber-800 underline">Back to rosters</Link>
      </div>
    );
  }
  if (!data) return <p className="text-sm text-slate-600">Loading the roster…</p>;

  const { roster } = data;
  const isDraft = roster.status === "draft";
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm"><Link href="/rosters" className="text-amber-800 underline">Rosters</Link> /</p>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
            {roster.name}
            <span data-testid="roster-status" className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_BADGE[roster.status] ?? ""}`}>{STATUS_LABEL[roster.status] ?? roster.status}</span>
          </h1>
          <p className="text-sm text-slate-600">
            {formatPeriod(roster.periodStart, roster.days, zone)} · {data.intervalMinutes}-minute intervals
            {roster.publishedAt ? ` · published ${formatInstant(roster.publishedAt, zone, "ccc d LLL yyyy HH:mm")}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <ZoneSwitch value={zone} onChange={setZone} viewerZone={props.viewerZone} regionZones={data.regions.map((r) => ({ name: r.name, timeZone: r.timeZone }))} />
          {isDraft && props.canPublish ? (
            <button type="button" className="btn-primary" disabled={runActive} onClick={() => setConfirmPublish(true)}>Publish</button>
          ) : null}
        </div>
      </div>

      {isDraft && roster.staleReason ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-900">
          Stale draft: {roster.staleReason}.
        </p>
      ) : null}

      {justPublished && roster.status === "published" ? (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 p-3 text-sm font-medium text-emerald-900">
          Published: agents can now see this roster. Any earlier published roster for this period was archived.
        </p>
      ) : null}

      <Metrics board={data} zone={zone} />

      {isDraft && props.canCreate ? (
        run ? (
          <SolveProgress run={run} onEnded={onSolveEnded} onDismiss={() => setRun(null)} boardLink={false} />
        ) : (
          <ResolveForm
            rosterId={roster.id}
            label={roster.name}
            pinnedCount={data.shifts.filter((s) => s.pinned).length}
            onStarted={(r) => {
              setRun(r);
              setRunActive(true);
            }}
          />
        )
      ) : null}

      <section aria-labelledby="board-heading" className="card space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="board-heading" className="text-lg font-semibold">Board</h2>
          <p className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
            <span><span className="mr-1 inline-block h-3 w-5 rounded bg-sky-600 align-middle" />Agent shift</span>
            <span><span className="mr-1 inline-block h-3 w-5 rounded bg-violet-600 align-middle" />Lead shift</span>
            <span><span className="mr-1 inline-block h-3 w-5 rounded bg-sky-600 align-middle" style={{ backgroundImage: "repeating-linear-gradient(135deg, rgba(255,255,255,0.75) 0 3px, rgba(255,255,255,0.25) 3px 6px)" }} />Break</span>
            <span><span className="mr-1 inline-block h-3 w-5 rounded bg-sky-600 align-middle ring-2 ring-amber-400" />Pinned (hand edit)</span>
            <span>Days start at local midnight in {zone}.</span>
          </p>
        </div>
        {data.people.some((p) => p.editable) && !runActive ? (
          <p className="text-sm text-slate-600">Click a shift to move it, change its template or delete it; “+” adds a shift. Hand edits are pinned.</p>
        ) : null}
        <BoardTimeline board={data} zone={zone} locked={runActive} onOpen={onOpen} />
      </section>

      <Unmet board={data} zone={zone} />

      {target ? <ShiftDialog key={JSON.stringify(target)} board={data} zone={zone} target={target} locked={runActive} onClose={() => setTarget(null)} /> : null}
      {confirmPublish ? (
        <PublishDialog
          name={roster.name}
          pending={publish.isPending}
          error={publish.error ? errorMessage(publish.error) : null}
          onConfirm={() => publish.mutate({ rosterId: roster.id })}
          onClose={() => {
            setConfirmPublish(false);
            publish.reset();
          }}
        />
      ) : null}
    </div>
  );
}

function Metrics({ board, zone }: { board: Board; zone: string }) {
  const summary = board.roster.summary;
  const m = summary?.metrics ?? {};
  // Shortage and excess of the board as it is now (hand edits included), from the same arrays as the coverage rows.
  const now = useMemo(() => {
    let short = 0;
    let over = 0;
    board.requirement.forEach((r, i) => {
      const a = board.agentsOnTask[i] ?? 0;
      short += Math.max(0, r - a);
      over += Math.max(0, a - r);
    });
    return { shortMinutes: short * board.intervalMinutes, overMinutes: over * board.intervalMinutes };
  }, [board]);
  const excess = m.excessAgentMinutes;
  const bound = m.lowerBoundExcessAgentMinutes;
  const gap = excess !== undefined && bound !== undefined ? Math.max(0, excess - bound) : undefined;
  const edited = summary && (now.shortMinutes !== m.shortageAgentMinutes || now.overMinutes !== m.excessAgentMinutes);
  const items: { label: string; value: string; hint?: string }[] = [
    { label: "Solve status", value: summary?.status ?? "not solved", hint: "optimal: proven best; feasible: the best plan found in the time limit" },
    { label: "Shortage", value: agentHours(m.shortageAgentMinutes), hint: "agent-hours below the requirement" },
    { label: "Excess", value: agentHours(excess), hint: "agent-hours above the requirement" },
    { label: "Lower bound on excess", value: agentHours(bound), hint: "no plan covering the requirement can have less excess" },
    { label: "Gap to bound", value: gap === undefined ? "—" : `${agentHours(gap)}${excess ? ` (${((gap / excess) * 100).toFixed(1)}%)` : ""}` },
    { label: "Lead-span breaches", value: m.leadSpanViolations === undefined ? "—" : `${m.leadSpanViolations} intervals`, hint: `intervals with fewer than ⌈agents on task ÷ ${board.leadSpanMax}⌉ leads on duty` },
  ];
  return (
    <section aria-labelledby="metrics-heading" className="card">
      <h2 id="metrics-heading" className="sr-only">Metrics</h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {items.map((item) => (
          <div key={item.label} title={item.hint}>
            <dt className="text-xs text-slate-600">{item.label}</dt>
            <dd className="text-lg font-semibold" data-testid={`metric-${item.label.toLowerCase().replace(/[^a-z]+/g, "-")}`}>{item.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        As solved{summary?.solvedAt ? ` ${formatInstant(summary.solvedAt, zone, "ccc d LLL HH:mm")}` : ""}
        {m.solveSeconds !== undefined ? ` in ${m.solveSeconds.toFixed(1)} s` : ""}.
        {edited ? ` Now, with hand edits: shortage ${agentHours(now.shortMinutes)}, excess ${agentHours(now.overMinutes)}.` : ""}
        {m.overSupervisedIntervals ? ` Over-supervised intervals: ${m.overSupervisedIntervals}.` : ""}
      </p>
    </section>
  );
}

function shortText(agents: number, leads: number): string {
  const parts = [
    agents > 0 ? `${agents} ${agents === 1 ? "agent" : "agents"}` : null,
    leads > 0 ? `${leads} ${leads === 1 ? "lead" : "leads"}` : null,
  ].filter((x) => x !== null);
  return parts.length > 0 ? `${parts.join(", ")} short` : "—";
}

function Unmet({ board, zone }: { board: Board; zone: string }) {
  const unmet = board.roster.summary?.unmet ?? [];
  return (
    <section aria-labelledby="unmet-heading" className="card">
      <h2 id="unmet-heading" className="text-lg font-semibold">Unmet demand (as solved)</h2>
      {unmet.length === 0 ? (
        <p className="text-sm text-slate-600">{board.roster.summary ? "Every interval was covered." : "This roster has no solve summary."}</p>
      ) : (
        <div className="mt-2 max-h-[32rem] overflow-auto">
          <table className="table-basic" aria-label="Unmet demand">
            <thead className="sticky top-0 bg-white">
              <tr>
                <th>When ({zone})</th>
                <th>Short</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {unmet.map((u) => (
                <tr key={u.start} className="align-top">
                  <td className="whitespace-nowrap">{formatRange(Date.parse(u.start), Date.parse(u.end), zone).replace(` ${zone}`, "")}</td>
                  <td className="whitespace-nowrap text-red-700">{shortText(u.shortAgents, u.shortLeads ?? 0)}</td>
                  <td className="text-slate-700">{u.reasons.length > 0 ? u.reasons.join("; ") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ResolveForm(props: { rosterId: number; label: string; pinnedCount: number; onStarted: (run: SolveRun) => void }) {
  const trpc = useTRPC();
  const [timeLimit, setTimeLimit] = useState("45");
  const start = useMutation(trpc.rosters.startSolve.mutationOptions());
  const limitError = fieldErrorsFrom(start.error).timeLimitSeconds?.[0];
  return (
    <section aria-labelledby="resolve-heading" className="card">
      <h2 id="resolve-heading" className="text-lg font-semibold">Re-solve this draft</h2>
      <form
        className="mt-2 flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const timeLimitSeconds = Number(timeLimit);
          start.mutate(
            { rosterId: props.rosterId, timeLimitSeconds },
            { onSuccess: (job) => props.onStarted({ jobId: job.id, label: props.label, startedAtMs: Date.now(), timeLimitSeconds }) },
          );
        }}
      >
        <p className="max-w-xl text-sm text-slate-600">
          Solves the period again and replaces the unpinned shifts. {props.pinnedCount === 0 ? "No shifts are pinned." : `${props.pinnedCount} pinned ${props.pinnedCount === 1 ? "shift stays" : "shifts stay"} as they are.`}
        </p>
        <div>
          <label htmlFor="resolve-limit" className="field-label">Time limit (seconds)</label>
          <input
            id="resolve-limit"
            type="number"
            min={5}
            max={600}
            className={`field-input w-32 ${limitError ? "border-red-500" : ""}`}
            value={timeLimit}
            aria-invalid={limitError ? true : undefined}
            onChange={(e) => setTimeLimit(e.target.value)}
          />
        </div>
        <button type="submit" className="btn-secondary" disabled={start.isPending}>{start.isPending ? "Starting…" : "Re-solve"}</button>
      </form>
      {start.error ? <p role="alert" className="mt-2 text-sm text-red-700">Nothing was started. {limitError ?? errorMessage(start.error)}</p> : null}
    </section>
  );
}

function PublishDialog(props: { name: string; pending: boolean; error: string | null; onConfirm: () => void; onClose: () => void }) {
  const titleId = useId();
  return (
    <ModalDialog titleId={titleId} onClose={props.onClose}>
      <h2 id={titleId} className="text-lg font-semibold">Publish “{props.name}”?</h2>
      <p className="mt-2 text-sm text-slate-700">
        Agents will see their shifts in this roster, and any published roster overlapping its period will be archived. A published roster can no longer be edited.
      </p>
      {props.error ? <p role="alert" className="mt-2 text-sm text-red-700">Not published. {props.error}</p> : null}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={props.onClose}>Cancel</button>
        <button type="button" className="btn-primary" disabled={props.pending} onClick={props.onConfirm}>{props.pending ? "Publishing…" : "Publish roster"}</button>
      </div>
    </ModalDialog>
  );
}
