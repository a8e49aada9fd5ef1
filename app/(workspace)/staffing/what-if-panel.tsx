/** What-if overrides per channel: empty fields keep the channel's settings; the week is restaffed on the server. */
import type { ChangeEvent } from "react";
import type { StaffingChannel, WhatIfField, WhatIfState } from "./staffing-model";

export function WhatIfPanel(props: {
  channels: StaffingChannel[];
  whatIf: WhatIfState;
  onChange: (channel: string, field: WhatIfField, raw: string, scale?: number) => void;
  onReset: () => void;
  pending: boolean;
}) {
  const live = props.channels.filter((c) => c.kind === "voice" || c.kind === "chat");
  const deferred = props.channels.filter((c) => c.kind !== "voice" && c.kind !== "chat");
  const input = (c: StaffingChannel, field: WhatIfField, label: string, base: number | null | undefined, scale = 1, step = "1") => {
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
