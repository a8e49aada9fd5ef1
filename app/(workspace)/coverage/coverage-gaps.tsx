"use client";
import { DateTime } from "luxon";
import { useId, useState } from "react";
import type { CoverageGapRow, CoverageReport } from "./coverage-model";
import { hoursText } from "./coverage-summary";
import { HiringPlan } from "./hiring-plan";

const FIX_LABEL = { "extra-shift": "Extra shift", overtime: "Overtime", hire: "Hire" } as const;
const FIX_CLASS = { "extra-shift": "bg-sky-100 text-sky-900", overtime: "bg-amber-100 text-amber-900", hire: "bg-violet-100 text-violet-900" } as const;

/** "Mon 30 Nov 09:30 – 12:30 GMT (Europe/Dublin)"; both ends keep their own offset name across a clock change. */
export function formatRange(startMs: number, endMs: number, zone: string): string {
  const start = DateTime.fromMillis(startMs, { zone });
  const end = DateTime.fromMillis(endMs, { zone });
  const sameOffset = start.offset === end.offset;
  const endPattern = start.hasSame(end, "day") || (end.hour === 0 && end.minute === 0 && end.minus({ minutes: 1 }).hasSame(start, "day")) ? "HH:mm" : "ccc d LLL HH:mm";
  const startText = start.toFormat(sameOffset ? "ccc d LLL HH:mm" : "ccc d LLL HH:mm ZZZZ");
  return `${startText} – ${end.toFormat(endPattern)} ${end.toFormat("ZZZZ")} (${zone})`;
}

function GapItem(props: { gap: CoverageGapRow; zone: string; rank: number | null; regionName: (id: string) => string }) {
  const { gap } = props;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const regions = gap.openRegionIds.length > 0 ? gap.openRegionIds.map(props.regionName).join(", ") : "none";
  return (
    <li className="py-3" data-testid="coverage-gap">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">
            {props.rank !== null ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">#{props.rank} worst</span> : null}
            {formatRange(gap.startMs, gap.endMs, props.zone)}
          </p>
          <p className="text-sm text-slate-700">
            {gap.maxShortAgents > 0 ? (
              <>
                up to <strong>{gap.maxShortAgents}</strong> agent{gap.maxShortAgents === 1 ? "" : "s"} short · <strong>{hoursText(gap.shortAgentHours)}</strong> short
              </>
            ) : (
              "enough agents"
            )}
            {gap.maxShortLeads > 0 ? (
              <>
                {" "}
                · <strong>{gap.maxShortLeads}</strong> lead{gap.maxShortLeads === 1 ? "" : "s"} short
              </>
            ) : null}{" "}
            · open regions: {regions}
          </p>
        </div>
        <button type="button" className="btn-secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          Why?
        </button>
      </div>
      <div id={panelId} hidden={!open} className="mt-2 grid gap-3 rounded-md bg-slate-50 p-3 text-sm md:grid-cols-2">
        <div>
          <h4 className="font-semibold">Reasons</h4>
          <ul className="mt-1 list-disc pl-5" aria-label="Reasons">
            {gap.reasons.map((r) => <li key={r}>{r}</li>)}
          </ul>
        </div>
        <div>
          <h4 className="font-semibold">Suggested fixes</h4>
          {gap.fixes.length > 0 ? (
            <ul className="mt-1 space-y-1" aria-label="Suggested fixes">
              {gap.fixes.map((f) => (
                <li key={f.text}>
                  <span className={`mr-1.5 rounded px-1.5 py-0.5 text-xs font-medium ${FIX_CLASS[f.kind]}`}>{FIX_LABEL[f.kind]}</span>
                  {f.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-600">No suggestion for this gap: fixes are worked out for the largest gaps, and only where a rule-abiding change exists.</p>
          )}
        </div>
      </div>
    </li>
  );
}

const PAGE = 10;

/** Gaps in the chosen zone, worst first or in time order, with reasons and fixes on demand. */
export function GapList(props: {
  gaps: readonly CoverageGapRow[];
  total: number;
  report: CoverageReport;
  order: "worst" | "time";
  onOrder: (order: "worst" | "time") => void;
  regionName: (id: string) => string;
  scopeLabel: string;
}) {
  const [showAll, setShowAll] = useState(false);
  const rank = new Map(props.report.worstGaps.map((startMs, i) => [startMs, i + 1]));
  const shown = showAll ? props.gaps : props.gaps.slice(0, PAGE);
  return (
    <section aria-labelledby="gaps-heading" className="card">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="gaps-heading" className="text-lg font-semibold">Gaps</h2>
          <p className="text-sm text-slate-600">
            {props.gaps.length} of {props.total} gaps · {props.scopeLabel} · times in {props.report.zone}
          </p>
        </div>
        <div role="group" aria-label="Order gaps" className="flex gap-1">
          {(
            [
              ["worst", "Worst first"],
              ["time", "In time order"],
            ] as const
          ).map(([value, label]) => (
            <button key={value} type="button" aria-pressed={props.order === value} className={props.order === value ? "btn-primary py-1.5" : "btn-secondary"} onClick={() => props.onOrder(value)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      {props.gaps.length === 0 ? (
        <p className="mt-3 text-sm text-emerald-800">No gaps for this selection: every interval has the agents and leads it needs.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" aria-label="Coverage gaps">
          {shown.map((g) => (
            <GapItem key={g.startMs} gap={g} zone={props.report.zone} rank={rank.get(g.startMs) ?? null} regionName={props.regionName} />
          ))}
        </ul>
      )}
      {props.gaps.length > PAGE ? (
        <button type="button" className="btn-secondary mt-2" onClick={() => setShowAll((s) => !s)}>
          {showAll ? "Show fewer" : `Show all ${props.gaps.length} gaps`}
        </button>
      ) : null}
    </section>
  );
}

export function HiringList(props: { hiring: CoverageReport["hiring"]; regionName: (id: string) => string; rosterId: number }) {
  return (
    <section aria-labelledby="hiring-heading" className="card">
      <h2 id="hiring-heading" className="text-lg font-semibold">Hiring suggestions</h2>
      {props.hiring.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">None: the gaps can be closed with the people you have, or there are none.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {props.hiring.map((h) => (
            <li key={h.text} className="flex gap-2">
              <span className={`h-fit rounded px-1.5 py-0.5 text-xs font-medium ${FIX_CLASS.hire}`}>{props.regionName(h.regionId)}</span>
              <span>{h.text}</span>
            </li>
          ))}
        </ul>
      )}
      <HiringPlan rosterId={props.rosterId} />
    </section>
  );
}
