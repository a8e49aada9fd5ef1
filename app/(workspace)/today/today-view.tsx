"use client";
/**
 * The Today page: how the organisation's day is running against its forecast, the re-forecast
 * of the rest of it, the staffing gap it implies per interval and the moves that would close it.
 * State and fetching live here; shaping is in ./today-model.ts and the pieces beside it.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ZoneSwitch } from "@/app/_components/zone-switch";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { formatInstant } from "@/server/domain/time/format";
import { TodayChart } from "./today-chart";
import { ALL_CHANNELS, chartSeries, rowsOf } from "./today-model";
import { TodayMoves } from "./today-moves";
import { TodayTable } from "./today-table";

/** Actuals arrive during the day: refresh the page's figures every minute. */
const REFRESH_MS = 60_000;

export function TodayView(props: { viewerZone: string; regionZones: { name: string; timeZone: string }[] }) {
  const trpc = useTRPC();
  const [zone, setZone] = useState(props.viewerZone);
  const [channel, setChannel] = useState(ALL_CHANNELS);
  const today = useQuery({ ...trpc.intraday.today.queryOptions(), refetchInterval: REFRESH_MS, placeholderData: keepPreviousData });
  const data = today.data;
  const picked = data && data.channels.some((c) => c.key === channel) ? channel : ALL_CHANNELS;
  const rows = useMemo(() => (data ? rowsOf(data, picked) : []), [data, picked]);
  const series = useMemo(() => chartSeries(rows), [rows]);
  const label = picked === ALL_CHANNELS ? "all channels" : (data?.channels.find((c) => c.key === picked)?.name ?? picked);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Today</h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {data
              ? `${formatInstant(data.day.startMs, data.day.zone, "cccc d LLLL yyyy", "none")} in ${data.day.zone} · now ${formatInstant(data.day.nowMs, zone, "HH:mm")} · ${data.day.intervalMinutes}-minute intervals · times in ${zone}${data.roster ? ` · ${data.roster.name}` : ""}`
              : today.isError
                ? "Could not load today."
                : "Loading…"}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <ZoneSwitch value={zone} onChange={setZone} viewerZone={props.viewerZone} regionZones={props.regionZones} />
          <label className="text-sm">
            <span className="field-label">Channel</span>
            <select className="field-input py-1.5" value={picked} onChange={(e) => setChannel(e.target.value)}>
              <option value={ALL_CHANNELS}>All channels</option>
              {(data?.channels ?? []).map((c) => (
                <option key={c.key} value={c.key}>{c.name}</option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {today.isError ? <p role="alert" className="text-sm text-red-700">{errorMessage(today.error)}</p> : null}

      {data ? (
        <>
          <section aria-label="How today is running" className="card space-y-2">
            <p data-testid="day-ratio" className="text-lg font-semibold">{data.summary.sentence}</p>
            <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
              {data.channels.map((c) => (
                <li key={c.key}>
                  {c.name}: {c.runningRatio === null ? "no actuals yet" : `${signedPct(c.runningRatio)} so far`}, rest re-forecast {signedPct(c.appliedRatio)} (weight{" "}
                  {Math.round(c.weight * 100)} % after {c.evidenceMinutes} min)
                </li>
              ))}
            </ul>
            {data.notes.map((note) => (
              <p key={note} className="text-sm text-amber-800">{note}</p>
            ))}
          </section>

          <section aria-labelledby="today-chart-heading" className="card">
            <h2 id="today-chart-heading" className="mb-2 text-lg font-semibold">Contacts: actual, forecast and re-forecast ({label})</h2>
            <TodayChart series={series} zone={zone} nowMs={data.day.nowMs} />
          </section>

          <TodayMoves moves={data.moves} />
          <TodayTable rows={rows} zone={zone} label={label} />
        </>
      ) : null}
    </div>
  );
}

/** A ratio as a signed whole percentage against 1: 1.12 → "+12 %", 0.9 → "−10 %". */
function signedPct(ratio: number): string {
  const p = Math.round((ratio - 1) * 100);
  return p === 0 ? "±0 %" : p > 0 ? `+${p} %` : `−${Math.abs(p)} %`;
}
