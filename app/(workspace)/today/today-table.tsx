/** Today's intervals for one channel (or all): actual, forecast, re-forecast, required, on task, gap. */
import { formatInstant } from "@/server/domain/time/format";
import { countText, gapText, type TodayRow } from "./today-model";

export function TodayTable(props: { rows: TodayRow[]; zone: string; label: string }) {
  return (
    <section aria-labelledby="today-intervals-heading" className="card">
      <h2 id="today-intervals-heading" className="mb-3 text-lg font-semibold">
        Intervals: {props.label} ({props.zone})
      </h2>
      <div className="max-h-[32rem] overflow-auto">
        <table className="table-basic" aria-label={`Today's intervals, ${props.label}`}>
          <thead className="sticky top-0 bg-white">
            <tr>
              <th>Starts ({formatInstant(props.rows[0]?.startMs ?? 0, props.zone, "ZZZZ", "none")})</th>
              <th>Actual</th>
              <th>Forecast</th>
              <th>Re-forecast</th>
              <th>Required</th>
              <th>On task</th>
              <th>Gap</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.startMs} className={r.phase === "current" ? "bg-amber-50 font-semibold" : r.phase === "complete" ? "text-slate-600" : ""} aria-current={r.phase === "current" ? "time" : undefined}>
                <td className="whitespace-nowrap font-mono">
                  {formatInstant(r.startMs, props.zone, "HH:mm", "none")}
                  {r.phase === "current" ? " (now)" : ""}
                </td>
                <td>{countText(r.actual)}</td>
                <td>{countText(r.forecast)}</td>
                <td>{countText(r.reforecast)}</td>
                <td>{r.required}</td>
                <td>{Math.round(r.onTask * 10) / 10}</td>
                <td className={r.gap <= -1 ? "font-semibold text-red-700" : r.gap >= 1 ? "text-emerald-700" : ""}>{gapText(r.gap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
