"use client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { ZoneSwitch } from "@/app/_components/zone-switch";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { RequiredScheduledChart, type ChartPoint } from "./coverage-chart";
import { GapList, HiringList } from "./coverage-gaps";
import { CoverageHeatmap } from "./coverage-heatmap";
import { layoutHeatmap, listGaps, NO_REGION, sliceOf, totalsOf, type CoverageSelection } from "./coverage-model";
import { CoverageSummaryCards, DailyTable, hoursText } from "./coverage-summary";

/** "Mon 23 Nov – Sun 29 Nov 2026" in the zone: the period's first and last local day. */
function periodText(periodStartIso: string, days: number, zone: string): string {
  const start = DateTime.fromISO(periodStartIso, { zone });
  const last = start.plus({ days }).minus({ milliseconds: 1 });
  return `${start.toFormat("ccc d LLL")} – ${last.toFormat("ccc d LLL yyyy")}`;
}

export interface CoverageRosterOption {
  id: number;
  name: string;
  status: string;
  periodStart: string;
  days: number;
}

export function CoverageView(props: {
  viewerZone: string;
  regionZones: { name: string; timeZone: string }[];
  rosters: CoverageRosterOption[];
  defaultRosterId: number | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rosterId, setRosterId] = useState(props.defaultRosterId);
  const [zone, setZone] = useState(props.viewerZone);
  const [regionFilter, setRegionFilter] = useState<string | null>(null);
  const [channelFilter, setChannelFilter] = useState<string | null>(null);
  const [order, setOrder] = useState<"worst" | "time">("worst");
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  // Filters are applied here, on the report already loaded: only roster and zone refetch.
  const report = useQuery({
    ...trpc.coverage.report.queryOptions({ rosterId: rosterId ?? 0, zone }),
    enabled: rosterId !== null,
    placeholderData: keepPreviousData,
  });
  const data = report.data;

  // A filter the current report does not offer (another roster, a lead's regions) falls back to all.
  const regionId = data && regionFilter !== null && data.regions.some((r) => r.id === regionFilter) ? regionFilter : null;
  const channelId = data && channelFilter !== null && data.channels.some((c) => c.id === channelFilter) ? channelFilter : null;
  const selection = useDeferredValue<CoverageSelection>(useMemo(() => ({ regionId, channelId }), [regionId, channelId]));

  const regionNames = useMemo(() => new Map((data?.regions ?? []).map((r) => [r.id, r.name])), [data]);
  const regionName = useCallback((id: string) => regionNames.get(id) ?? (id === NO_REGION ? "no region" : "another region"), [regionNames]);
  const scopeLabel = useMemo(() => {
    const region = selection.regionId === null ? "All regions" : (regionNames.get(selection.regionId) ?? selection.regionId);
    const channel = selection.channelId === null ? "all channels" : (data?.channels.find((c) => c.id === selection.channelId)?.name ?? selection.channelId);
    return `${region} · ${channel}`;
  }, [selection, regionNames, data]);

  const layout = useMemo(() => (data ? layoutHeatmap(data.intervals.map((iv) => iv.startMs), data.intervalMinutes, data.zone) : null), [data]);
  const slices = useMemo(() => (data ? data.intervals.map((iv) => sliceOf(iv, selection)) : []), [data, selection]);
  const totals = useMemo(() => totalsOf(slices, data?.intervalMinutes ?? 30), [slices, data]);
  const points = useMemo<ChartPoint[]>(
    () =>
      (data?.intervals ?? []).map((iv, i) => {
        const s = slices[i];
        return {
          t: iv.startMs,
          required: s ? Math.round(s.required * 100) / 100 : null,
          scheduled: s ? Math.round(s.scheduled * 100) / 100 : null,
          sl: s?.serviceLevel === null || s?.serviceLevel === undefined ? null : Math.round(s.serviceLevel * 1000) / 10,
        };
      }),
    [data, slices],
  );
  const dayTicks = useMemo(
    () => (layout && data ? layout.rows.map((r) => DateTime.fromISO(r.date, { zone: data.zone }).startOf("day").toMillis()).filter((t) => t >= (data.intervals[0]?.startMs ?? 0)) : []),
    [layout, data],
  );
  const gaps = useMemo(() => (data ? listGaps(data, selection, order) : []), [data, selection, order]);
  const hiring = useMemo(() => (data ? data.hiring.filter((h) => selection.regionId === null || h.regionId === selection.regionId) : []), [data, selection]);

  const selectedChannel = data?.channels.find((c) => c.id === selection.channelId);
  const liveTargets = [...new Set((data?.channels ?? []).filter((c) => c.targetSl !== null).map((c) => c.targetSl))];
  const targetSl = selectedChannel ? selectedChannel.targetSl : liveTargets.length === 1 ? (liveTargets[0] ?? null) : null;
  const slLabel = selectedChannel
    ? selectedChannel.targetSl === null
      ? `${selectedChannel.name}: no service level (answered by deadline)`
      : `Projected ${selectedChannel.name} service level`
    : selection.regionId !== null
      ? "Projected service level (whole organisation)"
      : "Projected service level";

  async function exportCsv() {
    if (!data) return;
    setExporting(true);
    setExportError(null);
    try {
      const file = await queryClient.fetchQuery(
        trpc.coverage.exportCsv.queryOptions({
          rosterId: data.roster.id,
          zone: data.zone,
          ...(selection.regionId !== null ? { regionId: selection.regionId } : {}),
          ...(selection.channelId !== null ? { channelId: selection.channelId } : {}),
        }),
      );
      const url = URL.createObjectURL(new Blob([file.csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke after the click has been handled, or some browsers cancel the download.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setExportError(errorMessage(error));
    } finally {
      setExporting(false);
    }
  }

  if (props.rosters.length === 0 || rosterId === null) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Coverage</h1>
        <div className="card">
          <p>There is no roster yet. Build one on the Rosters page, then come back to see its gaps.</p>
        </div>
      </div>
    );
  }

  const dayLabel = (iso: string) => DateTime.fromISO(iso, { zone: data?.zone ?? zone }).toFormat("ccc d LLL");
  const updating = report.isFetching && report.isPlaceholderData;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Coverage</h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {data
              ? `${data.roster.name} (${data.roster.status}) · ${periodText(data.roster.periodStart, data.roster.days, data.zone)} · ${data.intervalMinutes}-minute intervals · times in ${data.zone}`
              : "Loading…"}
            {updating ? " · updating…" : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="field-label">Roster</span>
            <select className="field-input py-1.5" value={rosterId} onChange={(e) => setRosterId(Number(e.target.value))}>
              {props.rosters.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.status})
                </option>
              ))}
            </select>
          </label>
          <ZoneSwitch value={zone} onChange={setZone} viewerZone={props.viewerZone} regionZones={props.regionZones} />
          <label className="text-sm">
            <span className="field-label">Region</span>
            <select className="field-input py-1.5" value={regionId ?? ""} onChange={(e) => setRegionFilter(e.target.value === "" ? null : e.target.value)}>
              <option value="">All regions</option>
              {(data?.regions ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="field-label">Channel</span>
            <select className="field-input py-1.5" value={channelId ?? ""} onChange={(e) => setChannelFilter(e.target.value === "" ? null : e.target.value)}>
              <option value="">All channels</option>
              {(data?.channels ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn-secondary py-2" disabled={!data || exporting} onClick={() => void exportCsv()}>
            {exporting ? "Exporting…" : "Export CSV"}
          </button>
        </div>
      </div>
      {report.error ? <p role="alert" className="text-sm text-red-700">{errorMessage(report.error)}</p> : null}
      {exportError ? <p role="alert" className="text-sm text-red-700">Export failed: {exportError}</p> : null}

      {data && layout ? (
        <>
          <CoverageSummaryCards report={data} />

          <section aria-labelledby="heatmap-heading" className="card">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="heatmap-heading" className="text-lg font-semibold">
                Gaps by day and time <span className="text-sm font-normal text-slate-600">({data.zone}, local days)</span>
              </h2>
              <p className="text-sm text-slate-700" data-testid="selection-summary">
                <strong>{scopeLabel}</strong>: {totals.shortIntervals} of {totals.intervals} intervals short · {hoursText(totals.shortAgentHours)} short ·{" "}
                {hoursText(totals.excessAgentHours)} over
              </p>
            </div>
            {selection.regionId !== null ? (
              <p className="mb-2 text-xs text-slate-600">
                A region&apos;s requirement is an equal share of the organisation&apos;s while its working window is open; the cards above cover the whole organisation.
              </p>
            ) : null}
            <CoverageHeatmap
              layout={layout}
              intervals={data.intervals}
              slices={slices}
              zone={data.zone}
              intervalMinutes={data.intervalMinutes}
              scopeLabel={scopeLabel}
              regionName={regionName}
            />
          </section>

          <section aria-labelledby="chart-heading" className="card">
            <h2 id="chart-heading" className="text-lg font-semibold">
              Required vs scheduled <span className="text-sm font-normal text-slate-600">· {scopeLabel} · {data.zone}</span>
            </h2>
            <p className="mb-2 text-xs text-slate-600">
              Required agents (after shrinkage) as a step line, agents scheduled on task as the area, projected service level on the right axis.
            </p>
            <RequiredScheduledChart points={points} zone={data.zone} dayTicks={dayTicks} targetSlPercent={targetSl === null ? null : Math.round(targetSl * 100)} slLabel={slLabel} />
          </section>

          <div className="grid gap-6 lg:grid-cols-3">
            <div className="lg:col-span-2">
              <GapList gaps={gaps} total={data.gaps.length} report={data} order={order} onOrder={setOrder} regionName={regionName} scopeLabel={scopeLabel} />
            </div>
            <HiringList hiring={hiring} regionName={regionName} rosterId={data.roster.id} />
          </div>

          <section aria-labelledby="days-heading" className="card">
            <h2 id="days-heading" className="text-lg font-semibold">By day</h2>
            <p className="mb-2 text-xs text-slate-600">Local days of {data.zone}, whole organisation.</p>
            <DailyTable report={data} dayLabel={dayLabel} />
          </section>
        </>
      ) : report.isPending ? (
        <div className="card" role="status">Working out coverage…</div>
      ) : null}
    </div>
  );
}
