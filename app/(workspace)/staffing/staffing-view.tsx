"use client";
/**
 * The Staffing page: forecast, required agents and the service they give for a planning week,
 * with what-ifs, an interval table and the working behind a picked cell. State and fetching live
 * here; shaping is in ./staffing-model.ts and the pieces in the files beside it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useMemo, useState } from "react";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { ZoneSwitch } from "@/app/_components/zone-switch";
import { ForecastAdjustments } from "./forecast-adjustments";
import { HowComputed } from "./how-computed";
import { ImportHistory } from "./import-history";
import { IntervalTable } from "./interval-table";
import { ModelComparisonTable } from "./model-comparison";
import { ModelScores } from "./model-scores";
import { SpecialDays } from "./special-days";
import { RequiredChart, VolumeChart } from "./staffing-charts";
import {
  CHANNEL_COLOURS,
  channelWeekSummary,
  findSelection,
  formatInZone,
  intervalsOnDay,
  localDays,
  pickDay,
  requiredSeries,
  volumeSeries,
  weekAgentHours,
  withWhatIf,
  type CellSelection,
  type WhatIfField,
  type WhatIfState,
} from "./staffing-model";
import { forecastButtonLabel, WeekPicker } from "./week-picker";
import { WhatIfPanel } from "./what-if-panel";

export function StaffingView(props: { viewerZone: string; regionZones: { name: string; timeZone: string }[]; canImport: boolean; canSaveTargets: boolean; canMarkDays: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [weekOffset, setWeekOffset] = useState(0);
  const [zone, setZone] = useState(props.viewerZone);
  const [whatIf, setWhatIf] = useState<WhatIfState>({});
  const [savedTargets, setSavedTargets] = useState<string | null>(null);
  const [chartChannel, setChartChannel] = useState("voice");
  const [selectedDay, setSelectedDay] = useState<string | null>(null);
  const [selected, setSelected] = useState<CellSelection | null>(null);

  const whatIfList = Object.values(whatIf);
  const week = useQuery({
    ...trpc.staffing.week.queryOptions({ weekOffset, whatIf: whatIfList }),
    placeholderData: keepPreviousData,
  });
  const generate = useMutation(
    trpc.staffing.generate.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.staffing.week.pathKey() }) }),
  );
  const data = week.data;

  const fmt = (ms: number, pattern: string) => formatInZone(ms, zone, pattern);
  const days = useMemo(() => localDays(data?.intervals ?? [], zone), [data, zone]);
  const day = pickDay(days, selectedDay);
  const required = useMemo(() => requiredSeries(data?.intervals ?? []), [data]);
  const volume = useMemo(() => (data ? volumeSeries(data, chartChannel) : []), [data, chartChannel]);

  const dayIntervals = intervalsOnDay(data?.intervals ?? [], zone, day);
  const picked = findSelection(data, selected);
  const weekTotal = weekAgentHours(data);
  const pickedWeek = data?.planningWeeks.find((w) => w.weekOffset === weekOffset);
  const forecastLabel = forecastButtonLabel(weekOffset, pickedWeek?.startDate, (data?.intervals.length ?? 0) > 0);

  function updateWhatIf(channel: string, field: WhatIfField, raw: string, scale = 1) {
    setWhatIf((prev) => withWhatIf(prev, channel, field, raw, scale));
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Forecast and staffing</h1>
          <p className="text-sm text-slate-600">
            {data
              ? `Week of ${DateTime.fromISO(data.week.start, { zone }).toFormat("ccc d LLL yyyy")} · ${data.week.intervalMinutes}-minute intervals · seasonality in ${data.week.zone}`
              : "Loading…"}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <WeekPicker weeks={data?.planningWeeks ?? []} weekOffset={weekOffset} onPick={setWeekOffset} />
          <ZoneSwitch value={zone} onChange={setZone} viewerZone={props.viewerZone} regionZones={props.regionZones} />
          <button
            type="button"
            className="btn-secondary"
            disabled={generate.isPending}
            onClick={() => generate.mutate({ weekOffset, adjustments: data?.forecastRun?.adjustments ?? [] })}
          >
            {generate.isPending ? "Forecasting…" : forecastLabel}
          </button>
        </div>
      </div>
      {generate.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(generate.error)}</p> : null}
      {week.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(week.error)}</p> : null}
      {data?.history ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="history-used">
          {data.history.message}
        </p>
      ) : null}
      {data && data.intervals.length === 0 ? (
        <div className="card">
          <p>No forecast for this week yet. Import history and press “{forecastLabel}”.</p>
        </div>
      ) : null}

      {data && data.intervals.length > 0 ? (
        <>
          <section className="grid gap-4 md:grid-cols-4" aria-label="Week summary">
            {data.channels.map((c) => {
              const { contacts, peak } = channelWeekSummary(data, c.key);
              return (
                <div key={c.key} className="card">
                  <p className="text-sm font-medium" style={{ color: CHANNEL_COLOURS[c.key] }}>{c.name}</p>
                  <p className="text-2xl font-bold">{Math.round(contacts).toLocaleString("en")}</p>
                  <p className="text-xs text-slate-600">contacts forecast · peak {peak} agents scheduled</p>
                  <p className="text-xs text-slate-500">Demand in {c.demandZone ?? `${data.week.zone} (the organisation's zone)`}</p>
                </div>
              );
            })}
          </section>

          <section aria-labelledby="volume-heading" className="card">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 id="volume-heading" className="text-lg font-semibold">History and forecast</h2>
              <label className="text-sm">
                Channel{" "}
                <select className="rounded border border-slate-300 px-2 py-1" value={chartChannel} onChange={(e) => setChartChannel(e.target.value)}>
                  {data.channels.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
                </select>
              </label>
            </div>
            <VolumeChart series={volume} channel={chartChannel} zone={zone} />
            <ModelScores run={data.forecastRun} />
            <ForecastAdjustments
              key={`${data.week.start}-${data.forecastRun?.id ?? 0}`}
              applied={data.forecastRun?.adjustments ?? []}
              channels={data.channels.map((c) => ({ key: c.key, name: c.name }))}
              weekStart={data.week.start}
              zone={data.week.zone}
              pending={generate.isPending}
              onReforecast={(adjustments) => generate.mutate({ weekOffset, adjustments })}
            />
          </section>

          <div className="grid gap-6 lg:grid-cols-3">
            <section aria-labelledby="required-heading" className="card lg:col-span-2">
              <h2 id="required-heading" className="text-lg font-semibold">Required agents (after shrinkage), stacked by channel</h2>
              <p className="mb-2 text-sm text-slate-600">
                Week total: <strong data-testid="week-agent-hours">{Math.round(weekTotal).toLocaleString("en")}</strong> agent-hours to schedule
              </p>
              {savedTargets ? <p role="status" className="mb-2 rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800">✓ {savedTargets}</p> : null}
              <RequiredChart series={required} channels={data.channels} zone={zone} />
            </section>
            <WhatIfPanel
              channels={data.channels}
              whatIf={whatIf}
              onChange={updateWhatIf}
              onReset={() => setWhatIf({})}
              pending={week.isFetching}
              canSaveTargets={props.canSaveTargets}
              onTargetsSaved={(message) => {
                setSavedTargets(message);
                setWhatIf({});
                void queryClient.invalidateQueries({ queryKey: trpc.staffing.week.pathKey() });
                // Drafts on the restaffed weeks are now stale.
                void queryClient.invalidateQueries(trpc.rosters.pathFilter());
              }}
            />
          </div>

          <ModelComparisonTable rows={data.modelComparison} />

          <IntervalTable
            zone={zone}
            days={days}
            day={day}
            onDay={setSelectedDay}
            channels={data.channels}
            intervals={dayIntervals}
            selected={selected}
            onSelect={setSelected}
          />

          <HowComputed
            interval={picked.interval ? { startsAtMs: picked.interval.startsAtMs, label: fmt(picked.interval.startsAtMs, "ccc d LLL HH:mm ZZZZ") } : null}
            channel={picked.channel ?? null}
            settings={picked.settings ?? null}
            intervalMinutes={data.week.intervalMinutes}
          />
        </>
      ) : null}
      {data ? (
        <SpecialDays
          channels={data.channels.map((c) => ({ key: c.key, name: c.name, demandZone: c.demandZone }))}
          orgZone={data.week.zone}
          canMark={props.canMarkDays}
        />
      ) : null}
      {props.canImport ? <ImportHistory /> : null}
    </div>
  );
}
