"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { DateTime } from "luxon";
import { useState } from "react";
import { formatMinutes } from "@/app/_components/format";
import { ZoneSwitch } from "@/app/_components/zone-switch";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import type { AppRouter } from "@/server/api/root";
import { formatBreaks, formatShiftRange, formatTime, KIND_LABEL, STATUS_STYLE } from "./format";
import { RequestDialog, type RequestKind } from "./request-dialog";

type Outputs = inferRouterOutputs<AppRouter>;
type MyShifts = Outputs["me"]["myShifts"];
type Shift = MyShifts["shifts"][number];

export function MyShiftsView() {
  const trpc = useTRPC();
  const [weekOffset, setWeekOffset] = useState(0);
  const [zoneChoice, setZoneChoice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: RequestKind; shift: Shift } | null>(null);
  const query = useQuery({ ...trpc.me.myShifts.queryOptions({ weekOffset }), placeholderData: keepPreviousData });
  const data = query.data;
  if (query.error) return <p role="alert" className="text-red-700">{errorMessage(query.error)}</p>;
  if (!data) return <p>Loading…</p>;
  const zone = zoneChoice ?? data.person.zone;
  const weekStart = DateTime.fromISO(data.week.start).setZone(zone);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">My shifts</h1>
          <p className="text-sm text-slate-600">
            {data.person.name} · {data.person.regionName} · times in <span className="font-medium">{zone}</span> · published rosters only
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div role="group" aria-label="Week" className="flex gap-1">
            {[
              [-1, "Last week"],
              [0, "This week"],
              [1, "Next week"],
            ].map(([offset, label]) => (
              <button key={label} type="button" aria-pressed={weekOffset === offset} className={weekOffset === offset ? "btn-primary" : "btn-secondary"} onClick={() => setWeekOffset(offset as number)}>
                {label}
              </button>
            ))}
          </div>
          <ZoneSwitch value={zone} onChange={setZoneChoice} viewerZone={data.person.zone} regionZones={[{ name: data.person.regionName, timeZone: data.person.regionZone }]} />
        </div>
      </div>

      <HoursCard hours={data.hours} weekLabel={`Week of ${weekStart.toFormat("ccc d LLL")}`} />
      <WeekView data={data} zone={zone} />

      <section aria-labelledby="list-heading" className="card">
        <h2 id="list-heading" className="mb-3 text-lg font-semibold">Shift list</h2>
        {data.shifts.length === 0 ? (
          <p className="text-sm text-slate-600">No published shifts this week.</p>
        ) : (
          <table className="table-basic" aria-label="My shifts this week">
            <thead>
              <tr><th>When ({zone})</th><th>Shift</th><th>Breaks</th><th>Worked</th><th>Request</th></tr>
            </thead>
            <tbody>
              {data.shifts.map((s) => (
                <tr key={s.id}>
                  <td className="font-medium">{formatShiftRange(s.startsAt, s.endsAt, zone)}</td>
                  <td>{s.templateName} · {s.regionName}</td>
                  <td>{formatBreaks(s.breaks, zone)}</td>
                  <td>{formatMinutes(s.workedMinutes)}</td>
                  <td>
                    {s.openRequest ? (
                      <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[s.openRequest.status] ?? ""}`}>
                        {KIND_LABEL[s.openRequest.kind as RequestKind]} #{s.openRequest.id}: {s.openRequest.status}
                      </span>
                    ) : s.started ? (
                      <span className="text-xs text-slate-500">started</span>
                    ) : (
                      <div className="flex gap-1">
                        {(["swap", "offer", "drop"] as const).map((kind) => (
                          <button key={kind} type="button" className="btn-secondary px-2 py-1 text-xs" aria-label={`${KIND_LABEL[kind]} the ${formatShiftRange(s.startsAt, s.endsAt, zone)} shift`} onClick={() => setDialog({ kind, shift: s })}>
                            {KIND_LABEL[kind]}
                          </button>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <IncomingRequests zone={zone} />
      <MyRequests zone={zone} meId={data.person.id} />
      <TeamShifts data={data} zone={zone} weekStart={weekStart} />
      <CalendarFeed />

      {dialog ? <RequestDialog kind={dialog.kind} shift={dialog.shift} zone={zone} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function HoursCard({ hours, weekLabel }: { hours: MyShifts["hours"]; weekLabel: string }) {
  const share = hours.maxMinutesPerWeek > 0 ? Math.min(1, hours.workedMinutes / hours.maxMinutesPerWeek) : 0;
  const minShare = hours.maxMinutesPerWeek > 0 ? hours.minMinutesPerWeek / hours.maxMinutesPerWeek : 0;
  const below = hours.workedMinutes < hours.minMinutesPerWeek;
  return (
    <section aria-labelledby="hours-heading" className="card">
      <h2 id="hours-heading" className="text-lg font-semibold">Hours this week</h2>
      <p className="text-sm text-slate-600">{weekLabel} · worked time is shift time less breaks</p>
      <p className="mt-2 text-sm" data-testid="hours-summary">
        <span className="text-xl font-bold">{formatMinutes(hours.workedMinutes)}</span> worked over {hours.days} day(s) · contract {formatMinutes(hours.minMinutesPerWeek)}–{formatMinutes(hours.maxMinutesPerWeek)}, at most {hours.maxDaysPerWeek} days
        {below ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{formatMinutes(hours.minMinutesPerWeek - hours.workedMinutes)} below the contract minimum</span> : null}
      </p>
      <div className="relative mt-2 h-3 rounded bg-slate-100" role="img" aria-label={`${formatMinutes(hours.workedMinutes)} of at most ${formatMinutes(hours.maxMinutesPerWeek)}`}>
        <div className="h-3 rounded bg-amber-500" style={{ width: `${share * 100}%` }} />
        <div className="absolute top-0 h-3 w-0.5 bg-slate-700" style={{ left: `${minShare * 100}%` }} title="Contract minimum" />
      </div>
    </section>
  );
}

/** Seven local days side by side; each shift is a block with its times and breaks. */
function WeekView({ data, zone }: { data: MyShifts; zone: string }) {
  const start = DateTime.fromISO(data.week.start).setZone(zone).startOf("day");
  const days = Array.from({ length: 7 }, (_, i) => start.plus({ days: i }));
  return (
    <section aria-labelledby="week-heading" className="card">
      <h2 id="week-heading" className="mb-3 text-lg font-semibold">Week view <span className="text-sm font-normal text-slate-600">({zone})</span></h2>
      <ol className="grid grid-cols-7 gap-2">
        {days.map((day) => {
          const own = data.shifts.filter((s) => DateTime.fromISO(s.startsAt, { zone }).toISODate() === day.toISODate());
          return (
            <li key={day.toISODate()} className="min-h-24 rounded-md border border-slate-200 p-2" aria-label={day.toFormat("cccc d LLLL")}>
              <div className="text-xs font-semibold text-slate-600">{day.toFormat("ccc d LLL")}</div>
              {own.length === 0 ? <div className="mt-2 text-xs text-slate-400">off</div> : null}
              {own.map((s) => (
                <div key={s.id} className="mt-2 rounded bg-amber-100 p-1.5 text-xs text-amber-950">
                  <div className="font-semibold">{formatTime(s.startsAt, zone)}–{formatTime(s.endsAt, zone)}</div>
                  <div>{s.templateName}</div>
                  <div className="text-amber-800">Break {formatBreaks(s.breaks, zone)}</div>
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function TeamShifts({ data, zone, weekStart }: { data: MyShifts; zone: string; weekStart: DateTime }) {
  const days = Array.from({ length: 7 }, (_, i) => weekStart.startOf("day").plus({ days: i }));
  return (
    <section aria-labelledby="team-heading" className="card overflow-x-auto">
      <h2 id="team-heading" className="mb-3 text-lg font-semibold">My team&apos;s shifts <span className="text-sm font-normal text-slate-600">({zone})</span></h2>
      {data.team.length === 0 ? (
        <p className="text-sm text-slate-600">You are not in a team.</p>
      ) : (
        <table className="table-basic" aria-label="Team shifts">
          <thead>
            <tr><th>Name</th>{days.map((d) => <th key={d.toISODate()}>{d.toFormat("ccc d")}</th>)}</tr>
          </thead>
          <tbody>
            {data.team.map((p) => (
              <tr key={p.personId}>
                <td className="font-medium">{p.name}{p.role === "lead" ? <span className="ml-1 text-xs text-slate-500">(lead)</span> : null}</td>
                {days.map((d) => {
                  const s = p.shifts.find((x) => DateTime.fromISO(x.startsAt, { zone }).toISODate() === d.toISODate());
                  return <td key={d.toISODate()} className="whitespace-nowrap text-xs">{s ? `${formatTime(s.startsAt, zone)}–${formatTime(s.endsAt, zone)}` : ""}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function IncomingRequests({ zone }: { zone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const incoming = useQuery(trpc.swaps.listForMe.queryOptions());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries();
  const accept = useMutation(trpc.swaps.accept.mutationOptions({ onSuccess: (result) => { setMessage({ ok: true, text: result.autoApproved ? "Accepted and approved automatically: your schedule is updated." : "Accepted. A lead will decide." }); refresh(); }, onError: (e) => { setMessage({ ok: false, text: errorMessage(e) }); refresh(); } }));
  const decline = useMutation(trpc.swaps.decline.mutationOptions({ onSuccess: () => { setMessage({ ok: true, text: "Declined." }); refresh(); }, onError: (e) => setMessage({ ok: false, text: errorMessage(e) }) }));
  const list = incoming.data ?? [];
  return (
    <section aria-labelledby="incoming-heading" className="card">
      <h2 id="incoming-heading" className="mb-3 text-lg font-semibold">Requests for me</h2>
      {message ? <p role={message.ok ? "status" : "alert"} className={`mb-2 text-sm ${message.ok ? "text-emerald-800" : "text-red-700"}`}>{message.text}</p> : null}
      {list.length === 0 ? <p className="text-sm text-slate-600">Nothing to answer.</p> : null}
      <ul className="space-y-2">
        {list.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm" aria-label={`Request ${r.id}`}>
            <p>
              <span className="font-semibold">{r.requester.name}</span>{" "}
              {r.kind === "swap" ? "asks to swap their" : "offers their"} shift{" "}
              <span className="font-medium">{r.shift ? formatShiftRange(r.shift.startsAt, r.shift.endsAt, zone) : "?"}</span>
              {r.kind === "swap" && r.counterpartShift ? <> for your <span className="font-medium">{formatShiftRange(r.counterpartShift.startsAt, r.counterpartShift.endsAt, zone)}</span> shift</> : null}
              {r.counterpart === null ? <span className="ml-1 text-xs text-slate-500">(open to the team)</span> : null}
            </p>
            {r.note ? <p className="text-slate-600">“{r.note}”</p> : null}
            {r.problems.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-red-700">{r.problems.map((p) => <li key={p}>{p}</li>)}</ul>
            ) : null}
            <div className="mt-2 flex gap-2">
              <button type="button" className="btn-primary px-3 py-1" disabled={accept.isPending || r.problems.length > 0} onClick={() => accept.mutate({ requestId: r.id })}>Accept</button>
              <button type="button" className="btn-secondary" disabled={decline.isPending} onClick={() => decline.mutate({ requestId: r.id })}>Decline</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MyRequests({ zone, meId }: { zone: string; meId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.swaps.listMine.queryOptions());
  const cancel = useMutation(trpc.swaps.cancel.mutationOptions({ onSettled: () => void queryClient.invalidateQueries() }));
  const list = mine.data ?? [];
  return (
    <section aria-labelledby="mine-heading" className="card">
      <h2 id="mine-heading" className="mb-3 text-lg font-semibold">My requests</h2>
      {cancel.error ? <p role="alert" className="mb-2 text-sm text-red-700">{errorMessage(cancel.error)}</p> : null}
      {list.length === 0 ? (
        <p className="text-sm text-slate-600">No requests yet. Use Swap, Offer or Drop on a shift above.</p>
      ) : (
        <table className="table-basic" aria-label="My requests">
          <thead>
            <tr><th>#</th><th>Kind</th><th>Shift ({zone})</th><th>With</th><th>Status</th><th /></tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>{KIND_LABEL[r.kind]}</td>
                <td>
                  {r.shift ? formatShiftRange(r.shift.startsAt, r.shift.endsAt, zone) : "—"}
                  {r.counterpartShift ? <div className="text-xs text-slate-600">for {formatShiftRange(r.counterpartShift.startsAt, r.counterpartShift.endsAt, zone)}</div> : null}
                </td>
                <td>{r.requester.id === meId ? (r.counterpart?.name ?? (r.kind === "drop" ? "—" : "anyone eligible")) : `${r.requester.name} (asked you)`}</td>
                <td>
                  <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[r.status] ?? ""}`}>{r.status}</span>
                  {r.closedReason ? <div className="text-xs text-slate-600">{r.closedReason}</div> : null}
                </td>
                <td>
                  {(r.status === "pending" || r.status === "accepted") && r.requester.id === meId ? (
                    <button type="button" className="btn-secondary px-2 py-1 text-xs" aria-label={`Cancel request ${r.id}`} disabled={cancel.isPending} onClick={() => cancel.mutate({ requestId: r.id })}>
                      Cancel
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CalendarFeed() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const link = useQuery(trpc.me.calendarLink.queryOptions());
  const [copied, setCopied] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const regenerate = useMutation(
    trpc.me.regenerateCalendarToken.mutationOptions({
      onSuccess: (data) => {
        setRevoked(Boolean(link.data?.path));
        queryClient.setQueryData(trpc.me.calendarLink.queryKey(), data);
        setCopied(false);
      },
    }),
  );
  const url = link.data?.path ? `${typeof window === "undefined" ? "" : window.location.origin}${link.data.path}` : null;
  return (
    <section aria-labelledby="calendar-heading" className="card">
      <h2 id="calendar-heading" className="text-lg font-semibold">Calendar feed</h2>
      <p className="text-sm text-slate-600">
        Subscribe to this private address in Google Calendar, Outlook or Apple Calendar: your published shifts, with breaks, update there when rosters or swaps change. Anyone with the link can read your shifts; regenerate it to revoke the old one.
      </p>
      {url ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <input readOnly aria-label="Calendar feed URL" className="field-input mt-0 max-w-2xl flex-1 font-mono text-xs" value={url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </button>
          <a className="text-sm font-medium text-amber-800 underline" href={url}>Calendar feed</a>
        </div>
      ) : (
        <p className="mt-2 text-sm">No link yet.</p>
      )}
      <button type="button" className="btn-secondary mt-3" disabled={regenerate.isPending} onClick={() => regenerate.mutate()}>
        {url ? "Regenerate link" : "Create calendar link"}
      </button>
      {url && regenerate.isSuccess && revoked ? <p role="status" className="mt-1 text-sm text-emerald-800">New link created; the previous one no longer works.</p> : null}
    </section>
  );
}
