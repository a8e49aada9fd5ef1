"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { DateTime } from "luxon";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import type { AppRouter } from "@/server/api/root";
import { pct } from "@/app/_lib/format";
import { formatBreaks, formatShiftRange, formatTime, KIND_LABEL } from "../me/format";

type Request = inferRouterOutputs<AppRouter>["swaps"]["listForApproval"][number];
type ShiftView = NonNullable<Request["shift"]>;

/** Pending decisions for the teams I lead (all teams for managers): both shifts, the checks and the coverage change. */
export function ApprovalsView() {
  const trpc = useTRPC();
  const list = useQuery(trpc.swaps.listForApproval.queryOptions());
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Approvals</h1>
        <p className="text-sm text-slate-600">
          Swaps, offers and drops waiting for a decision. Every rule is checked again when you approve; approving updates the published roster and both calendars.
        </p>
      </div>
      {done ? <p role="status" className="text-sm text-emerald-800">{done}</p> : null}
      {list.error ? <p role="alert" className="text-red-700">{errorMessage(list.error)}</p> : null}
      {list.data?.length === 0 ? <p className="card text-sm text-slate-600">Nothing waits for your decision.</p> : null}
      {list.data?.map((r) => <RequestCard key={r.id} request={r} onDone={setDone} />)}
    </div>
  );
}

function ShiftInZones({ label, shift, zones }: { label: string; shift: ShiftView; zones: { name: string; zone: string }[] }) {
  // One line per zone, naming everyone who reads the shift in it.
  const byZone = new Map<string, string[]>();
  for (const z of zones) byZone.set(z.zone, [...(byZone.get(z.zone) ?? []), z.name]);
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</div>
      <div className="text-sm font-medium">{shift.templateName} · {shift.regionName}</div>
      <ul className="mt-1 space-y-0.5 text-sm">
        {[...byZone].map(([zone, names]) => (
          <li key={zone}>
            {formatShiftRange(shift.startsAt, shift.endsAt, zone)} <span className="text-slate-500">({zone}: {names.join(", ")})</span>
            <div className="text-xs text-slate-600">breaks {formatBreaks(shift.breaks, zone)}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RequestCard({ request: r, onDone }: { request: Request; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const refresh = () => void queryClient.invalidateQueries();
  const approve = useMutation(trpc.swaps.approve.mutationOptions({ onSuccess: () => { onDone(`Request #${r.id} approved.`); refresh(); } }));
  const reject = useMutation(trpc.swaps.reject.mutationOptions({ onSuccess: () => { onDone(`Request #${r.id} rejected.`); refresh(); } }));
  const zones = [{ name: r.requester.name, zone: r.requester.zone }, ...(r.counterpart ? [{ name: r.counterpart.name, zone: r.counterpart.zone }] : [])];
  const regionZone = r.shift?.regionZone ?? "UTC";
  const headline = r.kind === "drop" ? `${r.requester.name} asks to drop a shift` : r.kind === "swap" ? `${r.requester.name} ⇄ ${r.counterpart?.name ?? "?"}` : `${r.requester.name} → ${r.counterpart?.name ?? "?"}`;
  const changed = r.coverage.intervals.filter((iv) => Math.abs(iv.scheduledAfter - iv.scheduledBefore) > 1e-9);
  const shown = changed.length > 0 ? changed : r.coverage.intervals;
  return (
    <section aria-label={`Request ${r.id}`} className="card space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{KIND_LABEL[r.kind]} #{r.id}</span>
          {headline}
        </h2>
        <span className="text-xs text-slate-500">asked {DateTime.fromISO(r.createdAt, { zone: regionZone }).toFormat("ccc d LLL HH:mm")} ({regionZone}) · {r.status}</span>
      </div>
      {r.note ? <p className="text-sm text-slate-600">“{r.note}”</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        {r.shift ? <ShiftInZones label={r.kind === "drop" ? "Shift to drop" : `${r.requester.name}'s shift${r.counterpart ? ` → ${r.counterpart.name}` : ""}`} shift={r.shift} zones={zones} /> : null}
        {r.counterpartShift ? <ShiftInZones label={`${r.counterpart?.name ?? ""}'s shift → ${r.requester.name}`} shift={r.counterpartShift} zones={zones} /> : null}
      </div>
      <div>
        <h3 className="text-sm font-semibold">Checks</h3>
        {r.problems.length === 0 ? (
          <p className="text-sm text-emerald-800">✓ Every check passes: skills, region and working window, rest, weekly hours and days, absences, lead span.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm text-red-700" aria-label="Failed checks">{r.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        )}
      </div>
      <div>
        <h3 className="text-sm font-semibold">
          Coverage change{" "}
          <span className={`ml-1 rounded px-1.5 py-0.5 text-xs ${r.coverage.worse ? "bg-red-100 text-red-900" : "bg-emerald-100 text-emerald-900"}`}>
            {r.coverage.worse ? "coverage gets worse" : r.coverage.changedIntervals === 0 ? "no change in agents on task" : "no worse"}
          </span>
        </h3>
        <p className="text-xs text-slate-600">
          Projected service level (voice and chat, contact-weighted) before and after, for the {changed.length > 0 ? `${changed.length} intervals that change` : `${r.coverage.intervals.length} intervals of the shift(s)`}; times in {regionZone}.
        </p>
        <div className="max-h-64 overflow-y-auto">
          <table className="table-basic mt-1" aria-label="Coverage change">
            <thead>
              <tr><th>Interval</th><th>Required</th><th>Agents on task</th><th>Service level</th></tr>
            </thead>
            <tbody>
              {shown.map((iv) => (
                <tr key={iv.startMs}>
                  <td>{DateTime.fromMillis(iv.startMs, { zone: regionZone }).toFormat("ccc d LLL")} {formatTime(iv.startMs, regionZone)}</td>
                  <td>{iv.required}</td>
                  <td>{round(iv.scheduledBefore)} → {round(iv.scheduledAfter)}</td>
                  <td className={(iv.serviceLevelAfter ?? 1) < (iv.serviceLevelBefore ?? 1) - 1e-9 ? "text-red-700" : ""}>
                    {pct(iv.serviceLevelBefore)} → {pct(iv.serviceLevelAfter)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {approve.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(approve.error)}</p> : null}
      {reject.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(reject.error)}</p> : null}
      <div className="flex flex-wrap items-end gap-2">
        <button type="button" className="btn-primary" disabled={approve.isPending || r.problems.length > 0} onClick={() => approve.mutate({ requestId: r.id })}>
          Approve
        </button>
        <label className="text-sm">
          <span className="field-label">Reason (optional)</span>
          <input className="field-input py-1.5" value={reason} maxLength={280} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="button" className="btn-secondary" disabled={reject.isPending} onClick={() => reject.mutate({ requestId: r.id, reason: reason.trim() || undefined })}>
          Reject
        </button>
      </div>
    </section>
  );
}

const round = (x: number) => String(Math.round(x * 10) / 10);
