"use client";
/**
 * Special days the manager (or a planner) marks: a closure, a sale, a bank holiday. The list is
 * shown to everyone who sees the Staffing page; the form and the remove buttons only to those
 * who may mark days. The forecast reads them when it runs, so a change asks for a re-forecast.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrorsFrom, useTRPC } from "@/app/_lib/trpc";

/** A factor in words: 0 → "closed", 1.3 → "+30 %", null → "left out of fitting only". */
export function factorWords(factor: number | null): string {
  if (factor === null) return "left out of fitting only";
  if (factor === 0) return "closed";
  const percent = Math.round((factor - 1) * 100);
  return percent === 0 ? "as usual" : `${percent > 0 ? "+" : "−"}${Math.abs(percent)} %`;
}

export function SpecialDays(props: { channels: { key: string; name: string; demandZone: string | null }[]; orgZone: string; canMark: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.staffing.specialDays.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.staffing.specialDays.queryKey() });
  const add = useMutation(trpc.staffing.addSpecialDay.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.staffing.removeSpecialDay.mutationOptions({ onSuccess: refresh }));
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [channel, setChannel] = useState("");
  const [factor, setFactor] = useState("");
  const fieldErrors = fieldErrorsFrom(add.error);
  const channelName = (key: string | null) => (key === null ? "All channels" : (props.channels.find((c) => c.key === key)?.name ?? key));
  const zoneOf = (key: string | null) => (key === null ? props.orgZone : (props.channels.find((c) => c.key === key)?.demandZone ?? props.orgZone));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const trimmed = factor.trim();
    add.mutate(
      { date, name, channel: channel || null, factor: trimmed === "" ? null : Number(trimmed) },
      { onSuccess: () => { setName(""); setFactor(""); } },
    );
  }

  const field = (key: string) => fieldErrors[key]?.[0];
  return (
    <section aria-labelledby="special-days-heading" className="card">
      <h2 id="special-days-heading" className="text-lg font-semibold">Special days</h2>
      <p className="mb-3 text-sm text-slate-600">
        Days that are not like their weekday: left out when the models learn, and forecast × the factor when one is given (0 = closed, 1.3 = 30 % more).
        Dates are local to the channel&apos;s demand zone. Re-forecast a week to apply a change.
      </p>
      {list.data && list.data.length > 0 ? (
        <table className="table-basic mb-3" aria-label="Special days">
          <thead>
            <tr><th>Date</th><th>Name</th><th>Channel</th><th>Forecast</th>{props.canMark ? <th><span className="sr-only">Actions</span></th> : null}</tr>
          </thead>
          <tbody>
            {list.data.map((d) => (
              <tr key={d.id}>
                <td className="whitespace-nowrap">{DateTime.fromISO(d.date).toFormat("ccc d LLL yyyy")} <span className="text-xs text-slate-500">({zoneOf(d.channelKey)})</span></td>
                <td>{d.name}</td>
                <td>{channelName(d.channelKey)}</td>
                <td>{factorWords(d.factor)}</td>
                {props.canMark ? (
                  <td>
                    <button type="button" className="text-xs text-red-700 underline" disabled={remove.isPending} onClick={() => remove.mutate({ id: d.id })} aria-label={`Remove ${d.name} on ${d.date}`}>
                      Remove
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-3 text-sm text-slate-600">{list.isPending ? "Loading…" : "No special days marked."}</p>
      )}
      {props.canMark ? (
        <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2 text-sm" noValidate aria-label="Mark a special day">
          <label>
            <span className="field-label">Special day date</span>
            <input type="date" className="field-input py-1" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={field("date") ? true : undefined} />
            {field("date") ? <span className="field-error block">{field("date")}</span> : null}
          </label>
          <label>
            <span className="field-label">Special day name</span>
            <input type="text" className="field-input py-1" value={name} maxLength={80} placeholder="Bank holiday" onChange={(e) => setName(e.target.value)} aria-invalid={field("name") ? true : undefined} />
            {field("name") ? <span className="field-error block">{field("name")}</span> : null}
          </label>
          <label>
            <span className="field-label">Special day channel</span>
            <select className="field-input py-1" value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="">All channels</option>
              {props.channels.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
            </select>
            {field("channel") ? <span className="field-error block">{field("channel")}</span> : null}
          </label>
          <label>
            <span className="field-label">Factor (optional)</span>
            <input type="number" step="0.05" min={0} max={10} className="field-input w-28 py-1" value={factor} placeholder="0 = closed" onChange={(e) => setFactor(e.target.value)} aria-invalid={field("factor") ? true : undefined} />
            {field("factor") ? <span className="field-error block">{field("factor")}</span> : null}
          </label>
          <button type="submit" className="btn-secondary mt-5" disabled={add.isPending}>{add.isPending ? "Saving…" : "Mark day"}</button>
        </form>
      ) : null}
      {add.error && Object.keys(fieldErrors).length === 0 ? <p role="alert" className="mt-1 text-sm text-red-700">{errorMessage(add.error)}</p> : null}
      {remove.error ? <p role="alert" className="mt-1 text-sm text-red-700">{errorMessage(remove.error)}</p> : null}
    </section>
  );
}
