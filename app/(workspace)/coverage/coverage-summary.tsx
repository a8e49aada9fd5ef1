import { pct } from "@/app/_lib/format";
import type { CoverageReport, CoverageSummaryRow } from "./coverage-model";

export const hoursText = (x: number) => `${x.toLocaleString("en", { maximumFractionDigits: 1 })} h`;

export function moneyFormatter(currency: string): (x: number) => string {
  try {
    const f = new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 });
    return (x) => f.format(x);
  } catch {
    // An unknown currency code: show the code rather than fail the page.
    return (x) => `${currency} ${Math.round(x).toLocaleString("en")}`;
  }
}

interface Metric {
  key: keyof Omit<CoverageSummaryRow, "label">;
  label: string;
  /** Which way is better; null when neither is. */
  better: "up" | "down" | null;
  kind: "share" | "hours" | "count" | "money";
}

const METRICS: Metric[] = [
  { key: "shareMeetingTarget", label: "Intervals meeting target", better: "up", kind: "share" },
  { key: "weightedServiceLevel", label: "Service level (volume-weighted)", better: "up", kind: "share" },
  { key: "shortAgentHours", label: "Short agent-hours", better: "down", kind: "hours" },
  { key: "excessAgentHours", label: "Excess agent-hours", better: "down", kind: "hours" },
  { key: "leadSpanBreaches", label: "Lead-span breaches (intervals)", better: "down", kind: "count" },
  { key: "paidHours", label: "Paid hours", better: null, kind: "hours" },
  { key: "staffCost", label: "Staff cost", better: null, kind: "money" },
  { key: "gapClosingCost", label: "Cost of closing the gaps", better: "down", kind: "money" },
];

function formatValue(metric: Metric, value: number | null, money: (x: number) => string): string {
  if (value === null) return "—";
  switch (metric.kind) {
    case "share":
      return pct(value);
    case "hours":
      return hoursText(value);
    case "money":
      return money(value);
    default:
      return value.toLocaleString("en");
  }
}

function formatDelta(metric: Metric, delta: number, money: (x: number) => string): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const abs = Math.abs(delta);
  switch (metric.kind) {
    case "share":
      return `${sign}${(abs * 100).toFixed(1)} pp`;
    case "hours":
      return `${sign}${hoursText(abs)}`;
    case "money":
      return `${sign}${money(abs)}`;
    default:
      return `${sign}${abs.toLocaleString("en")}`;
  }
}

function Card(props: { label: string; value: string; detail: string; tone?: "bad" | "good" | undefined }) {
  const tone = props.tone === "bad" ? "text-red-800" : props.tone === "good" ? "text-emerald-800" : "text-slate-900";
  return (
    <div className="card p-4">
      <p className="text-sm font-medium text-slate-600">{props.label}</p>
      <p className={`text-2xl font-bold tabular-nums ${tone}`}>{props.value}</p>
      <p className="text-xs text-slate-600">{props.detail}</p>
    </div>
  );
}

/** The period's headline numbers, and the other roster of the same period beside them. */
export function CoverageSummaryCards(props: { report: CoverageReport }) {
  const { period, comparison, currency, roster } = props.report;
  const money = moneyFormatter(currency);
  return (
    <>
      <section aria-label="Week summary" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Card
          label="Intervals meeting target"
          value={pct(period.shareMeetingTarget)}
          detail={`${period.intervalsMeetingTarget} of ${period.intervals} intervals: every channel on target and no agent short`}
          tone={period.shareMeetingTarget < 0.9 ? "bad" : "good"}
        />
        <Card label="Service level" value={pct(period.weightedServiceLevel)} detail="projected, volume-weighted over voice and chat" />
        <Card label="Short agent-hours" value={hoursText(period.shortAgentHours)} detail="agents missing × time, all gaps" tone={period.shortAgentHours > 0 ? "bad" : "good"} />
        <Card label="Excess agent-hours" value={hoursText(period.excessAgentHours)} detail="agents beyond the requirement × time" />
        <Card
          label="Lead-span breaches"
          value={period.leadSpanBreaches.toLocaleString("en")}
          detail="intervals with too few leads for the agents on duty"
          tone={period.leadSpanBreaches > 0 ? "bad" : "good"}
        />
        <Card label="Staff cost" value={money(period.staffCost)} detail={`${hoursText(period.paidHours)} paid (${currency})`} />
        <Card label="Cost of closing the gaps" value={money(period.gapClosingCost)} detail="short agent-hours at the cheapest open region's rate" />
        <Card label="Gaps" value={props.report.gaps.length.toLocaleString("en")} detail={`runs of short intervals · ${props.report.hiring.length} hiring suggestion${props.report.hiring.length === 1 ? "" : "s"}`} />
      </section>
      {comparison ? (
        <section aria-labelledby="comparison-heading" className="card">
          <h2 id="comparison-heading" className="text-lg font-semibold">
            Compared with the {comparison.status} roster of the same week
          </h2>
          <div className="overflow-x-auto">
            <table className="table-basic">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">
                    {roster.name} <span className="font-normal">({roster.status}, shown)</span>
                  </th>
                  <th scope="col">
                    {comparison.name} <span className="font-normal">({comparison.status})</span>
                  </th>
                  <th scope="col">Difference (shown − {comparison.status})</th>
                </tr>
              </thead>
              <tbody>
                {METRICS.map((m) => {
                  const mine = period[m.key];
                  const theirs = comparison.period[m.key];
                  const delta = mine !== null && theirs !== null ? mine - theirs : null;
                  const tiny = delta === null || Math.abs(delta) < 1e-9;
                  const better = !tiny && m.better !== null && delta !== null && (m.better === "up" ? delta > 0 : delta < 0);
                  const worse = !tiny && m.better !== null && !better;
                  return (
                    <tr key={m.key}>
                      <th scope="row" className="font-medium">{m.label}</th>
                      <td className="tabular-nums">{formatValue(m, mine, money)}</td>
                      <td className="tabular-nums">{formatValue(m, theirs, money)}</td>
                      <td className={`tabular-nums ${better ? "font-semibold text-emerald-800" : worse ? "font-semibold text-red-800" : "text-slate-600"}`}>
                        {delta === null ? "—" : formatDelta(m, delta, money)}
                        {better ? " better" : worse ? " worse" : ""}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** The period by local day of the report's zone. */
export function DailyTable(props: { report: CoverageReport; dayLabel: (isoDate: string) => string }) {
  const money = moneyFormatter(props.report.currency);
  return (
    <div className="overflow-x-auto">
      <table className="table-basic" aria-label={`Coverage by day (${props.report.zone})`}>
        <thead>
          <tr>
            <th scope="col">Day ({props.report.zone})</th>
            <th scope="col">Meeting target</th>
            <th scope="col">SL</th>
            <th scope="col">Short</th>
            <th scope="col">Excess</th>
            <th scope="col">Lead-span breaches</th>
            <th scope="col">Staff cost</th>
          </tr>
        </thead>
        <tbody>
          {props.report.days.map((d) => (
            <tr key={d.label}>
              <th scope="row" className="whitespace-nowrap font-medium">{props.dayLabel(d.label)}</th>
              <td className="tabular-nums">{pct(d.shareMeetingTarget, 0)}</td>
              <td className="tabular-nums">{pct(d.weightedServiceLevel, 0)}</td>
              <td className={`tabular-nums ${d.shortAgentHours > 0 ? "text-red-800" : ""}`}>{hoursText(d.shortAgentHours)}</td>
              <td className="tabular-nums">{hoursText(d.excessAgentHours)}</td>
              <td className="tabular-nums">{d.leadSpanBreaches}</td>
              <td className="tabular-nums">{money(d.staffCost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
