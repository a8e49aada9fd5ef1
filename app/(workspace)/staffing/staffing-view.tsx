"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { DateTime } from "luxon";
import { useMemo, useState, type ChangeEvent } from "react";
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { ZoneSwitch } from "@/app/_components/zone-switch";
import type { AppRouter } from "@/server/api/root";

const CHANNEL_COLOURS: Record<string, string> = { voice: "#d97706", chat: "#0284c7", email: "#7c3aed", social: "#059669" };

type WhatIf = {
  channel: string;
  targetSl?: number;
  targetSeconds?: number;
  ahtSeconds?: number;
  shrinkage?: number;
  maxOccupancy?: number;
  concurrency?: number;
};

const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(digits)}%`);
const secs = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${x.toFixed(1)} s`);

export function StaffingView(props: { viewerZone: string; regionZones: { name: string; timeZone: string }[]; canImport: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [weekOffset, setWeekOffset] = useState(0);
  const [zone, setZone] = useState(props.viewerZone);
  const [whatIf, setWhatIf] = useState<Record<string, WhatIf>>({});
  const [chartChannel, setChartChannel] = useState("voice");
  const [selectedDay, setSelectedDay] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ startsAtMs: number; channel: string } | null>(null);

  const whatIfList = Object.values(whatIf);
  const week = useQuery({
    ...trpc.staffing.week.queryOptions({ weekOffset, whatIf: whatIfList }),
    placeholderData: keepPreviousData,
  });
  const generate = useMutation(
    trpc.staffing.generate.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.staffing.week.pathKey() }) }),
  );
  const data = week.data;

  const fmt = (ms: number, pattern: string) => DateTime.fromMillis(ms, { zone }).toFormat(pattern);
  const days = useMemo(() => {
    const set: string[] = [];
    for (const iv of data?.intervals ?? []) {
      const d = DateTime.fromMillis(iv.startsAtMs, { zone }).toISODate() ?? "";
      if (!set.includes(d)) set.push(d);
    }
    return set;
  }, [data, zone]);
  const day = selectedDay && days.includes(selectedDay) ? selectedDay : (days[0] ?? null);

  const requiredSeries = useMemo(
    () =>
      (data?.intervals ?? []).map((iv) => {
        const row: Record<string, number | string> = { t: iv.startsAtMs };
        for (const c of iv.channels) row[c.channelId] = c.agentsWithShrinkage;
        return row;
      }),
    [data],
  );
  const volumeSeries = useMemo(() => {
    if (!data) return [];
    const byTime = new Map<number, { t: number; actual?: number; forecast?: number }>();
    for (const a of data.actuals) {
      if (a.channel !== chartChannel) continue;
      const t = Date.parse(a.intervalStart);
      byTime.set(t, { ...(byTime.get(t) ?? { t }), actual: a.contacts });
    }
    for (const iv of data.intervals) {
      const c = iv.channels.find((x) => x.channelId === chartChannel);
      if (!c) continue;
      byTime.set(iv.startsAtMs, { ...(byTime.get(iv.startsAtMs) ?? { t: iv.startsAtMs }), forecast: Math.round(c.contacts * 10) / 10 });
    }
    return [...byTime.values()].sort((a, b) => a.t - b.t);
  }, [data, chartChannel]);

  const dayIntervals = (data?.intervals ?? []).filter((iv) => DateTime.fromMillis(iv.startsAtMs, { zone }).toISODate() === day);
  const selectedInterval = selected ? data?.intervals.find((iv) => iv.startsAtMs === selected.startsAtMs) : undefined;
  const selectedChannel = selectedInterval?.channels.find((c) => c.channelId === selected?.channel);
  const selectedSettings = data?.channels.find((c) => c.key === selected?.channel)?.effective;
  const weekTotal = (data?.intervals ?? []).reduce((s, iv) => s + iv.total.agentsWithShrinkage, 0) * ((data?.week.intervalMinutes ?? 30) / 60);

  function updateWhatIf(channel: string, field: keyof Omit<WhatIf, "channel">, raw: string, scale = 1) {
    setWhatIf((prev) => {
      const next = { ...prev, [channel]: { ...(prev[channel] ?? { channel }) } };
      const entry = next[channel] as WhatIf;
      if (raw.trim() === "") delete entry[field];
      else entry[field] = Number(raw) / scale;
      return next;
    });
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
          <div role="group" aria-label="Planning week" className="flex gap-1">
            {[
              [0, "This week"],
              [1, "Next week"],
            ].map(([offset, label]) => (
              <button
                key={label}
                type="button"
                aria-pressed={weekOffset === offset}
                className={weekOffset === offset ? "btn-primary" : "btn-secondary"}
                onClick={() => setWeekOffset(offset as number)}
              >
                {label}
              </button>
            ))}
          </div>
          <ZoneSwitch value={zone} onChange={setZone} viewerZone={props.viewerZone} regionZones={props.regionZones} />
          <button
            type="button"
            className="btn-secondary"
            disabled={generate.isPending}
            onClick={() => generate.mutate({ weekOffset, adjustments: data?.forecastRun?.adjustments ?? [] })}
          >
            {generate.isPending ? "Forecasting…" : "Re-forecast this week"}
          </button>
        </div>
      </div>
      {generate.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(generate.error)}</p> : null}
      {week.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(week.error)}</p> : null}
      {data && data.intervals.length === 0 ? (
        <div className="card">
          <p>No forecast for this week yet. Import history and press “Re-forecast this week”.</p>
        </div>
      ) : null}

      {data && data.intervals.length > 0 ? (
        <>
          <section className="grid gap-4 md:grid-cols-4" aria-label="Week summary">
            {data.channels.map((c) => {
              const peak = Math.max(0, ...data.intervals.map((iv) => iv.channels.find((x) => x.channelId === c.key)?.agentsWithShrinkage ?? 0));
              const contacts = data.intervals.reduce((s, iv) => s + (iv.channels.find((x) => x.channelId === c.key)?.contacts ?? 0), 0);
              return (
                <div key={c.key} className="card">
                  <p className="text-sm font-medium" style={{ color: CHANNEL_COLOURS[c.key] }}>{c.name}</p>
                  <p className="text-2xl font-bold">{Math.round(contacts).toLocaleString("en")}</p>
                  <p className="text-xs text-slate-600">contacts forecast · peak {peak} agents scheduled</p>
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
            <div className="h-64">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={volumeSeries}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                  <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={(t: number) => fmt(t, "ccc d")} minTickGap={40} />
                  <YAxis />
                  <Tooltip labelFormatter={(t) => fmt(Number(t), "ccc d LLL HH:mm ZZZZ")} />
                  <Legend />
                  <Line type="monotone" dataKey="actual" name="Actual contacts" stroke="#64748b" dot={false} isAnimationActive={false} />
                  <Line type="monotone" dataKey="forecast" name="Forecast contacts" stroke={CHANNEL_COLOURS[chartChannel] ?? "#000"} dot={false} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
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
              <div className="h-72">
                <ResponsiveContainer width="100%" height="100%">
                  <AreaChart data={requiredSeries}>
                    <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                    <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={(t: number) => fmt(t, "ccc d")} minTickGap={40} />
                    <YAxis allowDecimals={false} />
                    <Tooltip labelFormatter={(t) => fmt(Number(t), "ccc d LLL HH:mm ZZZZ")} />
                    <Legend />
                    {data.channels.map((c) => (
                      <Area key={c.key} type="stepAfter" dataKey={c.key} name={c.name} stackId="1" stroke={CHANNEL_COLOURS[c.key]} fill={CHANNEL_COLOURS[c.key]} fillOpacity={0.5} isAnimationActive={false} />
                    ))}
                  </AreaChart>
                </ResponsiveContainer>
              </div>
            </section>
            <WhatIfPanel channels={data.channels} whatIf={whatIf} onChange={updateWhatIf} onReset={() => setWhatIf({})} pending={week.isFetching} />
          </div>

          {data.modelComparison.length > 0 ? (
            <section aria-labelledby="models-heading" className="card">
              <h2 id="models-heading" className="text-lg font-semibold">How the channel models differ this week</h2>
              <p className="mb-2 text-sm text-slate-600">Agent-hours on task (before shrinkage) with each channel&apos;s model, against a simpler model of the same forecast.</p>
              <table className="table-basic" aria-label="Channel model comparison">
                <thead>
                  <tr><th>Channel</th><th>Model used</th><th>Agent-hours</th><th>Alternative</th><th>Agent-hours</th><th>Saved</th></tr>
                </thead>
                <tbody>
                  {data.modelComparison.map((m) => (
                    <tr key={m.channel}>
                      <td className="font-medium">{m.channel}</td>
                      <td>{m.model}</td>
                      <td>{m.agentHours.toLocaleString("en")}</td>
                      <td>{m.alternative}</td>
                      <td>{m.alternativeAgentHours.toLocaleString("en")}</td>
                      <td>{m.alternativeAgentHours > 0 ? pct(1 - m.agentHours / m.alternativeAgentHours, 0) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}

          <section aria-labelledby="intervals-heading" className="card">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 id="intervals-heading" className="text-lg font-semibold">Intervals ({zone})</h2>
              <label className="text-sm">
                Day{" "}
                <select className="rounded border border-slate-300 px-2 py-1" value={day ?? ""} onChange={(e) => setSelectedDay(e.target.value)}>
                  {days.map((d) => (
                    <option key={d} value={d}>{DateTime.fromISO(d, { zone }).toFormat("cccc d LLL")}</option>
                  ))}
                </select>
              </label>
            </div>
            <div className="max-h-[28rem] overflow-auto">
              <table className="table-basic">
                <thead className="sticky top-0 bg-white">
                  <tr>
                    <th>Starts ({DateTime.fromMillis(dayIntervals[0]?.startsAtMs ?? 0, { zone }).toFormat("ZZZZ")})</th>
                    {data.channels.map((c) => <th key={c.key} colSpan={1}>{c.name}: contacts · agents (+shrinkage) · SL · ASA · occupancy</th>)}
                  </tr>
                </thead>
                <tbody>
                  {dayIntervals.map((iv) => (
                    <tr key={iv.startsAtMs}>
                      <td className="whitespace-nowrap font-mono">{fmt(iv.startsAtMs, "HH:mm")}</td>
                      {iv.channels.map((c) => (
                        <td key={c.channelId} className="whitespace-nowrap">
                          <button
                            type="button"
                            className={`text-left hover:underline ${selected?.startsAtMs === iv.startsAtMs && selected.channel === c.channelId ? "font-semibold text-amber-800" : ""}`}
                            aria-label={`Explain ${c.channelId} at ${fmt(iv.startsAtMs, "HH:mm")}`}
                            onClick={() => setSelected({ startsAtMs: iv.startsAtMs, channel: c.channelId })}
                          >
                            {c.contacts.toFixed(1)} · {c.agents} ({c.agentsWithShrinkage}) ·{" "}
                            {c.serviceLevel !== null ? pct(c.serviceLevel, 0) : c.backlogItems !== null ? `backlog ${c.backlogItems.toFixed(1)}` : "—"} ·{" "}
                            {c.asaSeconds !== null ? secs(c.asaSeconds) : "—"} · {pct(c.occupancy, 0)}
                          </button>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <HowComputed
            interval={selectedInterval ? { startsAtMs: selectedInterval.startsAtMs, label: fmt(selectedInterval.startsAtMs, "ccc d LLL HH:mm ZZZZ") } : null}
            channel={selectedChannel ?? null}
            settings={selectedSettings ?? null}
            intervalMinutes={data.week.intervalMinutes}
          />
        </>
      ) : null}
      {props.canImport ? <ImportHistory /> : null}
    </div>
  );
}

type StaffingWeek = inferRouterOutputs<AppRouter>["staffing"]["week"];

function ModelScores({ run }: { run: StaffingWeek["forecastRun"] }) {
  if (!run) return null;
  const models = [...new Set(run.channels.flatMap((c) => c.scores.map((s) => s.model)))];
  return (
    <div className="mt-4">
      <h3 className="mb-1 font-semibold">Backtest: wMAPE of each model (lower is better; the chosen model is marked)</h3>
      <p className="mb-2 text-xs text-slate-600">
        Rolling-origin backtest, week-ahead folds fitted only on data before each origin. wMAPE = Σ|actual − forecast| / Σ actual.
      </p>
      <div className="overflow-x-auto">
        <table className="table-basic" aria-label="Backtest scores">
          <thead>
            <tr><th>Channel</th><th>Folds</th>{models.map((m) => <th key={m}>{m}</th>)}</tr>
          </thead>
          <tbody>
            {run.channels.map((c) => (
              <tr key={c.channel}>
                <td className="font-medium">{c.channel}</td>
                <td>{c.folds}</td>
                {models.map((m) => {
                  const s = c.scores.find((x) => x.model === m);
                  const chosen = c.chosenModel === m;
                  return (
                    <td key={m} className={chosen ? "font-semibold text-emerald-800" : ""}>
                      {s?.wmape === null || s?.wmape === undefined ? "—" : pct(s.wmape)}
                      {chosen ? " ✓ chosen" : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.channels.flatMap((c) => c.warnings.map((w) => `${c.channel}: ${w}`)).map((w) => (
        <p key={w} className="mt-1 text-xs text-amber-800">⚠ {w}</p>
      ))}
    </div>
  );
}

function WhatIfPanel(props: {
  channels: StaffingWeek["channels"];
  whatIf: Record<string, WhatIf>;
  onChange: (channel: string, field: keyof Omit<WhatIf, "channel">, raw: string, scale?: number) => void;
  onReset: () => void;
  pending: boolean;
}) {
  const live = props.channels.filter((c) => c.kind === "voice" || c.kind === "chat");
  const deferred = props.channels.filter((c) => c.kind === "email" || c.kind === "social");
  const input = (c: StaffingWeek["channels"][number], field: keyof Omit<WhatIf, "channel">, label: string, base: number | null | undefined, scale = 1, step = "1") => {
    const id = `whatif-${c.key}-${field}`;
    const current = props.whatIf[c.key]?.[field];
    return (
      <div>
        <label htmlFor={id} className="text-xs font-medium text-slate-700">{c.name} {label}</label>
        <input
          id={id}
          type="number"
          step={step}
          className="field-input mt-0.5 py-1"
          placeholder={base === null || base === undefined ? "" : String(Math.round(base * scale * 100) / 100)}
          value={current === undefined ? "" : String(Math.round(current * scale * 1000) / 1000)}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(c.key, field, e.target.value, scale)}
        />
      </div>
    );
  };
  return (
    <section aria-labelledby="whatif-heading" className="card">
      <div className="flex items-center justify-between">
        <h2 id="whatif-heading" className="text-lg font-semibold">What if…</h2>
        <button type="button" className="btn-secondary" onClick={props.onReset}>Reset</button>
      </div>
      <p className="mb-3 text-xs text-slate-600">Empty fields use the channel&apos;s settings (shown greyed). {props.pending ? "Recalculating…" : ""}</p>
      <div className="grid grid-cols-2 gap-3">
        {live.map((c) => (
          <fieldset key={c.key} className="col-span-2 grid grid-cols-2 gap-2 rounded border border-slate-200 p-2">
            <legend className="px-1 text-sm font-semibold">{c.name}</legend>
            {input(c, "targetSl", "service level %", c.targetSl, 100)}
            {input(c, "targetSeconds", "answered within (s)", c.targetSeconds)}
            {input(c, "ahtSeconds", "AHT (s)", c.ahtSeconds)}
            {input(c, "shrinkage", "shrinkage %", c.shrinkage, 100)}
            {input(c, "maxOccupancy", "occupancy cap %", c.maxOccupancy, 100)}
            {c.kind === "chat" ? input(c, "concurrency", "chats at once", c.concurrency) : null}
          </fieldset>
        ))}
        {deferred.map((c) => (
          <fieldset key={c.key} className="col-span-2 grid grid-cols-2 gap-2 rounded border border-slate-200 p-2">
            <legend className="px-1 text-sm font-semibold">{c.name}</legend>
            {input(c, "ahtSeconds", "AHT (s)", c.ahtSeconds)}
            {input(c, "shrinkage", "shrinkage %", c.shrinkage, 100)}
          </fieldset>
        ))}
      </div>
    </section>
  );
}

function HowComputed(props: {
  interval: { startsAtMs: number; label: string } | null;
  channel: StaffingWeek["intervals"][number]["channels"][number] | null;
  settings: StaffingWeek["channels"][number]["effective"] | null;
  intervalMinutes: number;
}) {
  const { channel: c, settings: s } = props;
  return (
    <section aria-labelledby="how-heading" className="card">
      <h2 id="how-heading" className="text-lg font-semibold">How this is computed</h2>
      {!c || !s || !props.interval ? (
        <p className="text-sm text-slate-600">Pick a cell in the interval table to see the formulas with its numbers.</p>
      ) : c.kind === "voice" || c.kind === "chat" ? (
        <ErlangExplanation c={c} s={s} intervalMinutes={props.intervalMinutes} label={props.interval.label} />
      ) : (
        <div className="space-y-1 text-sm">
          <p className="font-medium">{c.channelId} · {props.interval.label}</p>
          <p>Deferred work: items arrive ({c.contacts.toFixed(2)} forecast) and wait in a first-in-first-out queue; each must be answered within {s.responseTargetMinutes ?? "—"} minutes.</p>
          <p>Capacity per agent per interval = {props.intervalMinutes} min × 60 × occupancy {pct(s.maxOccupancy ?? 1, 0)} ÷ AHT {c.ahtSeconds.toFixed(0)} s = {((props.intervalMinutes * 60 * (s.maxOccupancy ?? 1)) / c.ahtSeconds).toFixed(2)} items.</p>
          <p>Fewest agents so that no item misses its deadline, backlog carried forward: <strong>{c.agents}</strong>; backlog at the end {c.backlogItems?.toFixed(2) ?? "0"} items, oldest waiting {c.oldestWaitingAgeSeconds === null ? "—" : `${Math.round(c.oldestWaitingAgeSeconds / 60)} min`}.</p>
          <p>With shrinkage {pct(s.shrinkage ?? 0, 0)}: ⌈{c.agents} ÷ (1 − {s.shrinkage ?? 0})⌉ = <strong>{c.agentsWithShrinkage}</strong>.</p>
        </div>
      )}
    </section>
  );
}

function ErlangExplanation(props: {
  c: StaffingWeek["intervals"][number]["channels"][number];
  s: StaffingWeek["channels"][number]["effective"];
  intervalMinutes: number;
  label: string;
}) {
  const { c, s } = props;
  const concurrency = c.kind === "chat" ? (s.concurrency ?? 1) : 1;
  const intervalSeconds = props.intervalMinutes * 60;
  const traffic = (c.contacts * c.ahtSeconds) / intervalSeconds;
  const servers = c.agents * concurrency;
  const targetSeconds = s.targetSeconds ?? 0;
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium">{c.channelId} · {props.label}</p>
      <p>Traffic A = contacts × AHT ÷ interval = {c.contacts.toFixed(2)} × {c.ahtSeconds.toFixed(0)} s ÷ {intervalSeconds} s = <strong>{traffic.toFixed(3)} Erlangs</strong></p>
      {concurrency > 1 ? <p>Chat: each agent holds {concurrency} chats, so N agents give N × {concurrency} servers.</p> : null}
      <p>Erlang B by recursion B(0) = 1, B(n) = A·B(n−1) ÷ (n + A·B(n−1)); P(wait) = N·B(N) ÷ (N − A·(1 − B(N))).</p>
      <p>Service level = 1 − P(wait) × e^(−(N − A) × T ÷ AHT), with T = {targetSeconds} s; ASA = P(wait) × AHT ÷ (N − A); occupancy = A ÷ N.</p>
      <p>
        Smallest N &gt; A meeting SL ≥ {pct(s.targetSl ?? 0, 0)}
        {s.maxOccupancy ? `, occupancy ≤ ${pct(s.maxOccupancy, 0)}` : ""}
        {s.targetAsaSeconds ? `, ASA ≤ ${s.targetAsaSeconds} s` : ""}: <strong>{concurrency > 1 ? `${servers} servers → ${c.agents} agents` : `${c.agents} agents`}</strong>, giving SL {pct(c.serviceLevel, 2)}, ASA {secs(c.asaSeconds)}, occupancy {pct(c.occupancy, 1)}.
      </p>
      <p>With shrinkage {pct(s.shrinkage ?? 0, 0)}: ⌈{c.agents} ÷ (1 − {s.shrinkage ?? 0})⌉ = <strong>{c.agentsWithShrinkage}</strong> agents to schedule.</p>
    </div>
  );
}

function ImportHistory() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const importHistory = useMutation(
    trpc.staffing.importHistory.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.staffing.week.pathKey() }) }),
  );
  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    importHistory.mutate({ csv: await file.text() });
  }
  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading" className="text-lg font-semibold">Import contact history</h2>
      <p className="mb-3 text-sm text-slate-600">
        CSV with columns <code>interval_start</code> (ISO instant with offset), <code>channel</code>, <code>contacts</code>, and optionally{" "}
        <code>aht_seconds</code>. Any bad row rejects the whole file; re-importing an interval replaces it.{" "}
        <a className="font-medium text-amber-800 underline" href="/samples/history-sample.csv">Download the sample CSV</a>.
      </p>
      <label htmlFor="history-file" className="field-label">History CSV file</label>
      <input id="history-file" type="file" accept=".csv,text/csv" className="mt-1 text-sm" onChange={(e) => void onFile(e)} />
      {importHistory.isPending ? <p role="status" className="mt-2 text-sm">Importing {fileName}…</p> : null}
      {importHistory.data ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          Imported {importHistory.data.rows} rows ({importHistory.data.channels.join(", ")}) from {fileName}. Re-forecast to use them.
        </p>
      ) : null}
      {importHistory.error ? (
        <pre role="alert" className="mt-2 whitespace-pre-wrap rounded bg-red-50 p-2 text-sm text-red-800">Nothing was imported. {importHistory.error.message}</pre>
      ) : null}
    </section>
  );
}

type Adjustment = { fromDate: string; toDate: string; upliftPercent: number; channel?: string; note?: string };

/** Manual uplifts over local date ranges (a launch, a holiday), applied by re-forecasting. */
function ForecastAdjustments(props: {
  applied: Adjustment[];
  channels: { key: string; name: string }[];
  weekStart: string;
  zone: string;
  pending: boolean;
  onReforecast: (adjustments: Adjustment[]) => void;
}) {
  const firstDay = DateTime.fromISO(props.weekStart, { zone: props.zone }).toISODate() ?? "";
  const [list, setList] = useState<Adjustment[]>(props.applied);
  const [fromDate, setFromDate] = useState(firstDay);
  const [toDate, setToDate] = useState(firstDay);
  const [uplift, setUplift] = useState("20");
  const [channel, setChannel] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  function add() {
    const percent = Number(uplift);
    if (!fromDate || !toDate || toDate < fromDate) return setError("The last day must be on or after the first day.");
    if (!Number.isFinite(percent) || percent < -100 || percent > 500) return setError("Uplift must be a number from −100 to 500 (%).");
    setError(null);
    setList([...list, { fromDate, toDate, upliftPercent: percent, ...(channel ? { channel } : {}), ...(note.trim() ? { note: note.trim() } : {}) }]);
    setNote("");
  }

  const changed = JSON.stringify(list) !== JSON.stringify(props.applied);
  return (
    <div className="mt-5 border-t border-slate-200 pt-4">
      <h3 className="font-semibold">Manual adjustments</h3>
      <p className="mb-2 text-xs text-slate-600">
        A percentage uplift over local dates in {props.zone} (a product launch, a holiday). Overlapping uplifts multiply. Re-forecast to apply.
      </p>
      {list.length > 0 ? (
        <ul className="mb-3 space-y-1 text-sm" aria-label="Adjustments">
          {list.map((a, i) => (
            <li key={`${a.fromDate}-${a.toDate}-${i}`} className="flex items-center gap-2">
              <span>
                {a.upliftPercent > 0 ? "+" : ""}
                {a.upliftPercent}% · {a.fromDate} to {a.toDate} · {a.channel ?? "all channels"}
                {a.note ? ` · ${a.note}` : ""}
              </span>
              <button type="button" className="text-xs text-red-700 underline" onClick={() => setList(list.filter((_, k) => k !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-600">No adjustments in this forecast.</p>
      )}
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <label>
          <span className="field-label">First day</span>
          <input type="date" className="field-input py-1" value={fromDate} onChange={(e) => setFromDate(e.target.value)} />
        </label>
        <label>
          <span className="field-label">Last day</span>
          <input type="date" className="field-input py-1" value={toDate} onChange={(e) => setToDate(e.target.value)} />
        </label>
        <label>
          <span className="field-label">Uplift %</span>
          <input type="number" className="field-input w-24 py-1" value={uplift} onChange={(e) => setUplift(e.target.value)} />
        </label>
        <label>
          <span className="field-label">Adjustment channel</span>
          <select className="field-input py-1" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">All channels</option>
            {props.channels.map((c) => (
              <option key={c.key} value={c.key}>{c.name}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">Note</span>
          <input type="text" className="field-input py-1" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Product launch" />
        </label>
        <button type="button" className="btn-secondary" onClick={add}>Add adjustment</button>
        <button type="button" className="btn-primary" disabled={props.pending || !changed} onClick={() => props.onReforecast(list)}>
          {props.pending ? "Forecasting…" : "Re-forecast with adjustments"}
        </button>
      </div>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
