/** One local day's intervals: each channel's figures, a button per cell to explain it. */
import { DateTime } from "luxon";
import { pct } from "@/app/_lib/format";
import { formatInZone, secs, type CellSelection, type StaffingChannel, type StaffingInterval } from "./staffing-model";

/** The interval table with its day picker; `intervals` are the picked day's, shown in `zone`. */
export function IntervalTable(props: {
  zone: string;
  days: string[];
  day: string | null;
  onDay: (day: string) => void;
  channels: StaffingChannel[];
  intervals: StaffingInterval[];
  selected: CellSelection | null;
  onSelect: (cell: CellSelection) => void;
}) {
  const fmt = (ms: number, pattern: string) => formatInZone(ms, props.zone, pattern);
  return (
    <section aria-labelledby="intervals-heading" className="card">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="intervals-heading" className="text-lg font-semibold">Intervals ({props.zone})</h2>
        <label className="text-sm">
          Day{" "}
          <select className="rounded border border-slate-300 px-2 py-1" value={props.day ?? ""} onChange={(e) => props.onDay(e.target.value)}>
            {props.days.map((d) => (
              <option key={d} value={d}>{DateTime.fromISO(d, { zone: props.zone }).toFormat("cccc d LLL")}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="max-h-[28rem] overflow-auto">
        <table className="table-basic">
          <thead className="sticky top-0 bg-white">
            <tr>
              <th>Starts ({fmt(props.intervals[0]?.startsAtMs ?? 0, "ZZZZ")})</th>
              {props.channels.map((c) => (
                <th key={c.key} colSpan={1}>
                  {c.name}: contacts · agents (+shrinkage) · SL · ASA · occupancy{c.effective.patienceSeconds != null ? " · abandon" : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.intervals.map((iv) => (
              <tr key={iv.startsAtMs}>
                <td className="whitespace-nowrap font-mono">{fmt(iv.startsAtMs, "HH:mm")}</td>
                {iv.channels.map((c) => (
                  <td key={c.channelId} className="whitespace-nowrap">
                    <button
                      type="button"
                      className={`text-left hover:underline ${props.selected?.startsAtMs === iv.startsAtMs && props.selected.channel === c.channelId ? "font-semibold text-amber-800" : ""}`}
                      aria-label={`Explain ${c.channelId} at ${fmt(iv.startsAtMs, "HH:mm")}`}
                      onClick={() => props.onSelect({ startsAtMs: iv.startsAtMs, channel: c.channelId })}
                    >
                      {c.contacts.toFixed(1)} · {c.agents} ({c.agentsWithShrinkage}) ·{" "}
                      {c.serviceLevel !== null ? pct(c.serviceLevel, 0) : c.backlogItems !== null ? `backlog ${c.backlogItems.toFixed(1)}` : "—"} ·{" "}
                      {c.asaSeconds !== null ? secs(c.asaSeconds) : "—"} · {pct(c.occupancy, 0)}
                      {c.probabilityAbandon !== null ? ` · ${pct(c.probabilityAbandon, 1)} abandon` : ""}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
