"use client";
import { DateTime } from "luxon";
import { useState } from "react";
import type { Adjustment } from "./staffing-model";

/** Manual uplifts over local date ranges (a launch, a holiday), applied by re-forecasting. */
export function ForecastAdjustments(props: {
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
