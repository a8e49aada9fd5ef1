"use client";
/**
 * Create or edit one channel: a new one starts from a preset (or blank) and picks its id and
 * kind; an edit keeps both. Only the targets the kind uses are shown; errors sit beside them.
 */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { ChannelsView } from "@/server/services/org/channels";
import { Field, FormActions, GeneralError, INPUT_CLASS, splitErrors } from "../_components/form-bits";
import { useRefreshPlans } from "./use-refresh-plans";
import { CHANNEL_KIND_LABELS, inputFrom, isLiveKind, valuesFrom, valuesFromPreset, type ChannelKindName, type ChannelValues } from "./channel-values";

const FIELDS = ["key", "name", "kind", "targetSl", "targetSeconds", "targetAsaSeconds", "responseMinutes", "maxOccupancy", "shrinkage", "concurrency", "ahtSeconds", "demandZone", "patienceSeconds", "maxAbandonRate"] as const;
type Channel = ChannelsView["channels"][number];

const BLANK: ChannelValues = valuesFrom({ key: "", name: "", kind: "voice" }, { targetSl: 0.8, targetSeconds: 20, targetAsaSeconds: null, responseMinutes: null, maxOccupancy: 0.85, shrinkage: 0.15, concurrency: 1, ahtSeconds: 300 });

export function ChannelForm({ channel, view, onSaved, onCancel }: { channel: Channel | null; view: ChannelsView; onSaved: (message: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshPlans();
  const [values, setValues] = useState<ChannelValues>(channel ? valuesFrom(channel, channel) : BLANK);
  const [preset, setPreset] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const onSuccess = () => {
    refresh();
    onSaved(`Channel "${values.name}" saved`);
  };
  const create = useMutation(trpc.channels.create.mutationOptions({ onSuccess }));
  const update = useMutation(
    trpc.channels.update.mutationOptions({
      onSuccess: (result) => {
        refresh();
        const weeks = result.restaff?.weeks.length ?? 0;
        const stale = result.restaff?.staleRosterIds.length ?? 0;
        onSaved(`Channel "${result.channel.name}" saved${weeks > 0 ? `; requirements recomputed for ${weeks} week${weeks === 1 ? "" : "s"}` : ""}${stale > 0 ? `, ${stale} draft roster${stale === 1 ? "" : "s"} marked stale` : ""}`);
      },
    }),
  );
  const mutation = channel ? update : create;
  const { fieldErrors, general } = splitErrors(mutation.error, FIELDS, clientErrors);
  const set = (field: keyof ChannelValues) => (e: { target: { value: string } }) => setValues((prev) => ({ ...prev, [field]: e.target.value }));
  const live = isLiveKind(values.kind);

  function pickPreset(key: string) {
    setPreset(key);
    const found = view.presets.find((p) => p.key === key);
    setValues(found ? valuesFromPreset(found) : BLANK);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const input = inputFrom(values, errors);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (channel) update.mutate({ ...input, key: channel.key });
    else create.mutate({ ...input, kind: values.kind });
  }

  const numberField = (field: keyof ChannelValues, label: string, hint?: string) => (
    <Field id={`channel-${field}`} name={field} label={label} hint={hint} errors={fieldErrors[field]}>
      {(control) => <input {...control} type="number" inputMode="decimal" step="any" className={INPUT_CLASS} value={values[field]} onChange={set(field)} />}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {channel ? null : (
        <div className="max-w-md">
          <label htmlFor="channel-preset" className="field-label">Start from a preset</label>
          <select id="channel-preset" className={INPUT_CLASS} value={preset} onChange={(e) => pickPreset(e.target.value)}>
            <option value="">Blank channel</option>
            {view.presets.map((p) => <option key={p.key} value={p.key}>{p.description}</option>)}
          </select>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {channel ? null : (
          <Field id="channel-key" name="key" label="Id" hint="Used by history files and skills; fixed once created." errors={fieldErrors.key}>
            {(control) => <input {...control} type="text" spellCheck={false} className={INPUT_CLASS} value={values.key} onChange={set("key")} />}
          </Field>
        )}
        <Field id="channel-name" name="name" label="Name" errors={fieldErrors.name}>
          {(control) => <input {...control} type="text" className={INPUT_CLASS} value={values.name} onChange={set("name")} />}
        </Field>
        <Field id="channel-kind" name="kind" label="Kind" hint={channel ? "Fixed once created." : undefined} errors={fieldErrors.kind}>
          {(control) => (
            <select {...control} className={INPUT_CLASS} value={values.kind} disabled={channel !== null} onChange={(e) => setValues((prev) => ({ ...prev, kind: e.target.value as ChannelKindName }))}>
              {Object.entries(CHANNEL_KIND_LABELS).map(([kind, label]) => <option key={kind} value={kind}>{label}</option>)}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="grid gap-4 rounded border border-slate-200 p-3 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold">Targets</legend>
        {live ? numberField("targetSl", "Service level (%)", "Share answered within the target time.") : null}
        {live ? numberField("targetSeconds", "Answered within (seconds)") : null}
        {live ? numberField("targetAsaSeconds", "Average answer time cap (seconds)", "Optional, e.g. 120.") : null}
        {live ? null : numberField("responseMinutes", "Response time (minutes)", "Every item answered within this time.")}
        {numberField("maxOccupancy", "Occupancy cap (%)", "Optional.")}
        {numberField("shrinkage", "Unplanned shrinkage (%)")}
        {numberField("ahtSeconds", "Average handle time (seconds)", "Used where the forecast has none.")}
        {values.kind === "chat" ? numberField("concurrency", "Chats per agent at once") : null}
      </fieldset>
      <fieldset className="grid gap-4 rounded border border-slate-200 p-3 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold">Demand</legend>
        <Field id="channel-demandZone" name="demandZone" label="Demand zone" hint={`The customers' IANA zone; empty = the organisation's (${view.orgZone}).`} errors={fieldErrors.demandZone}>
          {(control) => (
            <>
              <input {...control} type="text" list="channel-zones" autoComplete="off" spellCheck={false} className={INPUT_CLASS} value={values.demandZone} onChange={set("demandZone")} />
              <datalist id="channel-zones">
                {view.timeZones.map((zone) => <option key={zone} value={zone} />)}
              </datalist>
            </>
          )}
        </Field>
        {live ? numberField("patienceSeconds", "Mean patience (seconds)", "Optional: callers abandon after this on average.") : null}
        {live ? numberField("maxAbandonRate", "Max abandon rate (%)", "Optional.") : null}
      </fieldset>
      <GeneralError message={general} />
      <FormActions pending={mutation.isPending} submitLabel={channel ? "Save channel" : "Create channel"} onCancel={onCancel} />
    </form>
  );
}
