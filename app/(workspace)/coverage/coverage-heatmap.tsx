"use client";
import { DateTime } from "luxon";
import { memo, useState, type MouseEvent } from "react";
import { pct } from "@/app/_lib/format";
import { GAP_SCALE, gapStep, totalsOf, type CoverageIntervalRow, type CoverageSlice, type HeatmapLayout } from "./coverage-model";

/** Hatching for a wall-clock time the day does not have. */
const SKIPPED_STYLE = { backgroundImage: "repeating-linear-gradient(45deg, #94a3b8 0 1px, #f8fafc 1px 5px)" } as const;

const agents = (x: number) => x.toLocaleString("en", { maximumFractionDigits: 1 });

function describeCell(iv: CoverageIntervalRow, slice: CoverageSlice | null, zone: string, intervalMinutes: number, regionName: (id: string) => string): string {
  const start = DateTime.fromMillis(iv.startMs, { zone });
  const end = start.plus({ minutes: intervalMinutes });
  const when = `${start.toFormat("ccc d LLL HH:mm")}–${end.toFormat("HH:mm ZZZZ")}`;
  if (!slice) return `${when}: no data`;
  const state = slice.gap < -0.05 ? `${agents(-slice.gap)} short` : slice.gap > 0.05 ? `${agents(slice.gap)} over` : "met";
  const open = iv.openRegionIds.length > 0 ? iv.openRegionIds.map(regionName).join(", ") : "no region";
  return `${when}: required ${agents(slice.required)}, scheduled ${agents(slice.scheduled)}, ${state}${slice.open ? "" : " (region closed)"} · SL ${pct(slice.serviceLevel, 0)} · leads ${iv.leadsOnDuty}/${iv.leadsNeeded} · open: ${open}`;
}

/**
 * Days × time of day in the report's zone, coloured by the selection's gap. The picture is one
 * image for assistive technology (its label summarises it) with a table of the days beside it.
 */
export const CoverageHeatmap = memo(function CoverageHeatmap(props: {
  layout: HeatmapLayout;
  intervals: readonly CoverageIntervalRow[];
  slices: readonly (CoverageSlice | null)[];
  zone: string;
  intervalMinutes: number;
  scopeLabel: string;
  regionName: (id: string) => string;
}) {
  const { layout, intervals, slices, zone, intervalMinutes } = props;
  const [hovered, setHovered] = useState<number | null>(null);
  const totals = totalsOf(slices, intervalMinutes);
  const worstIv = totals.worst ? intervals[totals.worst.index] : undefined;
  const label =
    `Coverage heatmap, ${props.scopeLabel}, ${layout.rows.length} days in ${zone}: ` +
    `${totals.shortIntervals} of ${totals.intervals} intervals short, ${totals.overIntervals} over` +
    (worstIv && totals.worst ? `; most short ${agents(totals.worst.shortAgents)} agents at ${DateTime.fromMillis(worstIv.startMs, { zone }).toFormat("ccc d LLL HH:mm ZZZZ")}` : "") +
    ". Details per day in the table that follows.";
  const template = `7.5rem repeat(${layout.columns.length}, minmax(0.75rem, 1fr)) 4.5rem`;
  const hoveredIv = hovered === null ? undefined : intervals[hovered];

  function onHover(e: MouseEvent<HTMLDivElement>) {
    const index = (e.target as HTMLElement).dataset.index;
    setHovered(index === undefined ? null : Number(index));
  }

  return (
    <div>
      <div className="overflow-x-auto">
        <div role="img" aria-label={label} data-testid="coverage-heatmap" className="min-w-[46rem]" onMouseOver={onHover} onMouseLeave={() => setHovered(null)}>
          <div className="grid gap-px text-[0.65rem] text-slate-500" style={{ gridTemplateColumns: template }}>
            <div />
            {layout.columns.map((c) => (
              <div key={c.key} className="relative h-4 overflow-visible whitespace-nowrap">
                {c.repeat ? (
                  <span className="absolute left-0 font-semibold text-amber-700" title={`${formatMinute(c.minuteOfDay)} again: clocks went back`}>↺</span>
                ) : c.minuteOfDay % 120 === 0 ? (
                  <span className="absolute left-0">{formatMinute(c.minuteOfDay)}</span>
                ) : null}
              </div>
            ))}
            <div className="text-right">short h</div>
            {layout.rows.map((row) => {
              const rowTotals = totalsOf(row.indexes.map((i) => slices[i] ?? null), intervalMinutes);
              const day = DateTime.fromISO(row.date, { zone });
              return (
                <HeatRowCells
                  key={row.date}
                  label={day.toFormat("ccc d LLL")}
                  note={row.offsets.length > 1 ? `${row.offsets.join(" → ")}, a ${row.hours}-hour day` : null}
                  hours={row.hours}
                  row={row}
                  intervals={intervals}
                  slices={slices}
                  zone={zone}
                  intervalMinutes={intervalMinutes}
                  regionName={props.regionName}
                  shortHours={rowTotals.shortAgentHours}
                />
              );
            })}
          </div>
        </div>
      </div>
      <p className="mt-2 min-h-5 text-xs text-slate-700" aria-hidden="true" data-testid="heatmap-hover">
        {hoveredIv ? describeCell(hoveredIv, slices[hovered ?? -1] ?? null, zone, intervalMinutes, props.regionName) : "Point at a cell for its numbers."}
      </p>
      <HeatmapLegend />
      <table className="sr-only">
        <caption>Coverage by local day ({zone}), {props.scopeLabel}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Hours in day</th>
            <th scope="col">Intervals short</th>
            <th scope="col">Most short</th>
            <th scope="col">Short agent-hours</th>
            <th scope="col">Intervals over</th>
            <th scope="col">Excess agent-hours</th>
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((row) => {
            const t = totalsOf(row.indexes.map((i) => slices[i] ?? null), intervalMinutes);
            const worst = t.worst ? intervals[t.worst.index] : undefined;
            return (
              <tr key={row.date}>
                <th scope="row">{DateTime.fromISO(row.date, { zone }).toFormat("cccc d LLLL")}</th>
                <td>{row.hours}</td>
                <td>{t.shortIntervals} of {t.intervals}</td>
                <td>{worst && t.worst ? `${agents(t.worst.shortAgents)} agents at ${DateTime.fromMillis(worst.startMs, { zone }).toFormat("HH:mm ZZZZ")}` : "none"}</td>
                <td>{agents(t.shortAgentHours)}</td>
                <td>{t.overIntervals}</td>
                <td>{agents(t.excessAgentHours)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

function formatMinute(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

function HeatRowCells(props: {
  label: string;
  note: string | null;
  hours: number;
  row: HeatmapLayout["rows"][number];
  intervals: readonly CoverageIntervalRow[];
  slices: readonly (CoverageSlice | null)[];
  zone: string;
  intervalMinutes: number;
  regionName: (id: string) => string;
  shortHours: number;
}) {
  return (
    <>
      <div className="flex items-center gap-1 pr-1 text-xs whitespace-nowrap">
        <span className="font-medium text-slate-800">{props.label}</span>
        {props.note ? (
          <span className="rounded bg-amber-100 px-1 text-[0.65rem] font-semibold text-amber-900" title={`Clocks change: ${props.note}`}>
            {props.hours} h
          </span>
        ) : null}
      </div>
      {props.row.entries.map((entry, i) => {
        const key = `${props.row.date}-${i}`;
        if (entry.kind === "skipped") {
          return <div key={key} className="h-6 rounded-sm" style={SKIPPED_STYLE} title="This time does not exist on this day: clocks went forward" />;
        }
        if (entry.kind === "empty") return <div key={key} className="h-6" />;
        const iv = props.intervals[entry.index];
        const slice = props.slices[entry.index] ?? null;
        if (!iv) return <div key={key} className="h-6" />;
        const closed = slice !== null && !slice.open && Math.abs(slice.gap) <= 0.05;
        const colour = slice === null ? "#ffffff" : closed ? "#ffffff" : gapStep(slice.gap).colour;
        return (
          <div
            key={key}
            data-index={entry.index}
            className={`h-6 rounded-sm ${closed || slice === null ? "border border-dashed border-slate-300" : ""}`}
            style={{ backgroundColor: colour }}
            title={describeCell(iv, slice, props.zone, props.intervalMinutes, props.regionName)}
          />
        );
      })}
      <div className={`self-center text-right text-xs tabular-nums ${props.shortHours > 0 ? "font-semibold text-red-800" : "text-slate-500"}`}>
        {props.shortHours > 0 ? `−${agents(props.shortHours)}` : "0"}
      </div>
    </>
  );
}

function HeatmapLegend() {
  return (
    <div role="group" className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-700" aria-label="Heatmap colours (agents short or over)">
      <span className="font-medium">Agents short or over:</span>
      <ul className="flex flex-wrap gap-1">
        {GAP_SCALE.map((step) => (
          <li key={step.label} className="flex items-center gap-1 rounded px-1.5 py-0.5" style={{ backgroundColor: step.colour, color: step.text }}>
            {step.label}
          </li>
        ))}
      </ul>
      <span className="flex items-center gap-1">
        <span className="inline-block h-3 w-4 rounded-sm border border-dashed border-slate-300 bg-white" aria-hidden="true" /> region closed
      </span>
      <span className="flex items-center gap-1">
        <span className="inline-block h-3 w-4 rounded-sm" style={SKIPPED_STYLE} aria-hidden="true" /> hour skipped (clocks forward)
      </span>
      <span className="flex items-center gap-1">
        <span className="font-semibold text-amber-700" aria-hidden="true">↺</span> hour repeated (clocks back)
      </span>
    </div>
  );
}
