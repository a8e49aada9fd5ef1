/**
 * What-if overrides per channel: empty fields keep the channel's settings; the week is restaffed
 * on the server. Holders of channels.write may save the overrides as the channels' targets.
 */
import { useMutation } from "@tanstack/react-query";
import type { ChangeEvent } from "react";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import type { StaffingChannel, WhatIfField, WhatIfState } from "./staffing-model";

export function WhatIfPanel(props: {
  channels: StaffingChannel[];
  whatIf: WhatIfState;
  onChange: (channel: string, field: WhatIfField, raw: string, scale?: number) => void;
  onReset: () => void;
  pending: boolean;
  /** Whether the viewer may save the what-if as targets (channels.write). */
  canSaveTargets: boolean;
  /** After a save: the page clears the what-if and reloads the requirement. */
  onTargetsSaved: (message: string) => void;
}) {
  const trpc = useTRPC();
  const overrides = Object.values(props.whatIf).filter((w) => Object.keys(w).some((k) => k !== "channel"));
  const save = useMutation(
    trpc.channels.saveTargets.mutationOptions({
      onSuccess: (result) => {
        const stale = result.restaff?.staleRosterIds.length ?? 0;
        props.onTargetsSaved(`Targets saved for ${result.channels.map((c) => c.name).join(", ")}${stale > 0 ? `; ${stale} draft roster${stale === 1 ? "" : "s"} marked stale` : ""}`);
      },
    }),
  );
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
        <div className="flex gap-2">
          {props.canSaveTargets ? (
            <button type="button" className="btn-primary" disabled={overrides.length === 0 || save.isPending} onClick={() => save.mutate({ overrides })}>
              {save.isPending ? "Saving…" : "Save as targets"}
            </button>
          ) : null}
          <button type="button" className="btn-secondary" onClick={props.onReset}>Reset</button>
        </div>
      </div>
      {save.error ? <p role="alert" className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{errorMessage(save.error)}</p> : null}
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
