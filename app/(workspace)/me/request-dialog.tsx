"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { formatBreaks, formatShiftRange } from "./format";

export type RequestKind = "swap" | "offer" | "drop";

const TITLE: Record<RequestKind, string> = { swap: "Swap this shift", offer: "Offer this shift", drop: "Ask to drop this shift" };

/**
 * Create a swap, offer or drop for one of my shifts. Colleagues and shifts that would break a rule
 * are listed with the reason and cannot be picked; the server checks again on submit.
 */
export function RequestDialog(props: { kind: RequestKind; shift: { id: number; startsAt: string; endsAt: string; breaks: { startsAt: string; endsAt: string }[] }; zone: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<string>(props.kind === "offer" ? "anyone" : "");
  const [note, setNote] = useState("");
  const options = useQuery({ ...trpc.swaps.options.queryOptions({ shiftId: props.shift.id }), enabled: props.kind !== "drop" });
  const create = useMutation(
    trpc.swaps.create.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries();
        props.onClose();
      },
    }),
  );
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function submit() {
    const base = { shiftId: props.shift.id, note: note.trim() || undefined };
    if (props.kind === "drop") return create.mutate({ kind: "drop", ...base });
    if (props.kind === "offer") return create.mutate({ kind: "offer", ...base, counterpartId: target === "anyone" ? undefined : Number(target) });
    const chosen = options.data?.swapTargets.find((t) => String(t.shift.id) === target);
    if (chosen?.shift.personId) create.mutate({ kind: "swap", ...base, counterpartId: chosen.shift.personId, counterpartShiftId: chosen.shift.id });
  }

  const eligibleOffers = options.data?.offerTargets.filter((t) => t.problems.length === 0) ?? [];
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={props.onClose}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-lg font-semibold">{TITLE[props.kind]}</h2>
      <p className="text-sm text-slate-600">
        {formatShiftRange(props.shift.startsAt, props.shift.endsAt, props.zone)} ({props.zone}) · breaks {formatBreaks(props.shift.breaks, props.zone)}
      </p>
      <form
        className="mt-4 space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {props.kind === "swap" ? (
          <fieldset>
            <legend className="field-label">Swap for a teammate&apos;s shift</legend>
            {options.isLoading ? <p className="text-sm">Checking your team&apos;s shifts…</p> : null}
            {options.data && options.data.swapTargets.length === 0 ? <p className="text-sm text-slate-600">No teammate shifts in this roster week to swap with.</p> : null}
            <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto">
              {options.data?.swapTargets.map((t) => (
                <li key={t.shift.id}>
                  <label className={`flex gap-2 rounded p-1.5 text-sm ${t.problems.length ? "text-slate-500" : "hover:bg-slate-50"}`}>
                    <input type="radio" name="target" value={t.shift.id} disabled={t.problems.length > 0} checked={target === String(t.shift.id)} onChange={() => setTarget(String(t.shift.id))} />
                    <span>
                      <span className="font-medium">{t.shift.personName}</span>: {formatShiftRange(t.shift.startsAt, t.shift.endsAt, props.zone)}
                      {t.problems.length > 0 ? <span className="block text-xs text-red-700">{t.problems[0]}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {props.kind === "offer" ? (
          <label className="block">
            <span className="field-label">Offer to</span>
            <select className="field-input" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="anyone">Anyone eligible in my team ({eligibleOffers.length})</option>
              {options.data?.offerTargets.map((t) => (
                <option key={t.personId} value={t.personId} disabled={t.problems.length > 0}>
                  {t.name}{t.problems.length > 0 ? ` — ${t.problems[0]}` : ""}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {props.kind === "drop" ? <p className="text-sm">Your lead decides; the coverage change is shown to them. Until then the shift is yours.</p> : null}
        <label className="block">
          <span className="field-label">Note (optional)</span>
          <input className="field-input" maxLength={280} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {create.error ? <p role="alert" className="field-error">{errorMessage(create.error)}</p> : null}
        {options.error ? <p role="alert" className="field-error">{errorMessage(options.error)}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={props.onClose}>Close</button>
          <button type="submit" className="btn-primary" disabled={create.isPending || (props.kind === "swap" && target === "")}>
            {props.kind === "drop" ? "Ask to drop" : props.kind === "offer" ? "Send offer" : "Propose swap"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
