"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { WEEKDAYS } from "@/app/_components/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useRefreshOrg } from "../_components/editor";
import { CheckboxGroup, Field, FormActions, GeneralError, INPUT_CLASS, readNumber, splitErrors } from "../_components/form-bits";
import type { RegionRow } from "../_components/types";

const FIELDS = ["name", "timeZone", "windowStart", "windowEnd", "workingDays", "hourlyCost"] as const;
const DAY_CHOICES = WEEKDAYS.map((label, i) => ({ value: i + 1, label }));

export function RegionForm({
  region,
  currency,
  timeZones,
  onSaved,
  onCancel,
}: {
  region: RegionRow | null;
  currency: string;
  timeZones: string[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshOrg();
  const [name, setName] = useState(region?.name ?? "");
  const [timeZone, setTimeZone] = useState(region?.timeZone ?? "");
  const [windowStart, setWindowStart] = useState(region?.windowStart ?? "07:00");
  const [windowEnd, setWindowEnd] = useState(region?.windowEnd ?? "23:00");
  const [workingDays, setWorkingDays] = useState<number[]>(region?.workingDays ?? [1, 2, 3, 4, 5]);
  const [hourlyCost, setHourlyCost] = useState(region ? (region.hourlyCostCents / 100).toFixed(2) : "");
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});

  const onSuccess = (saved: { name: string }) => {
    refresh();
    onSaved(saved.name);
  };
  const create = useMutation(trpc.org.createRegion.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.org.updateRegion.mutationOptions({ onSuccess }));
  const mutation = region ? update : create;
  const { fieldErrors, general } = splitErrors(mutation.error, FIELDS, clientErrors);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const cost = readNumber(hourlyCost, "hourlyCost", errors);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input = { name, timeZone: timeZone.trim(), windowStart, windowEnd, workingDays, hourlyCost: cost };
    if (region) update.mutate({ ...input, id: region.id });
    else create.mutate(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="region-name" name="name" label="Name" errors={fieldErrors.name}>
          {(control) => <input {...control} type="text" className={INPUT_CLASS} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          id="region-time-zone"
          name="timeZone"
          label="Time zone"
          hint="An IANA zone such as America/Sao_Paulo; type to search."
          errors={fieldErrors.timeZone}
        >
          {(control) => (
            <>
              <input
                {...control}
                type="text"
                list="region-time-zones"
                autoComplete="off"
                spellCheck={false}
                className={INPUT_CLASS}
                value={timeZone}
                onChange={(e) => setTimeZone(e.target.value)}
              />
              <datalist id="region-time-zones">
                {timeZones.map((zone) => <option key={zone} value={zone} />)}
              </datalist>
            </>
          )}
        </Field>
        <Field
          id="region-window-start"
          name="windowStart"
          label="Working window starts"
          hint="Local time in the region's zone."
          errors={fieldErrors.windowStart}
        >
          {(control) => <input {...control} type="time" step={900} className={INPUT_CLASS} value={windowStart} onChange={(e) => setWindowStart(e.target.value)} />}
        </Field>
        <Field
          id="region-window-end"
          name="windowEnd"
          label="Working window ends"
          hint="An end at or before the start runs past midnight."
          errors={fieldErrors.windowEnd}
        >
          {(control) => <input {...control} type="time" step={900} className={INPUT_CLASS} value={windowEnd} onChange={(e) => setWindowEnd(e.target.value)} />}
        </Field>
      </div>
      <CheckboxGroup
        id="region-working-days"
        legend="Working days"
        choices={DAY_CHOICES}
        selected={workingDays}
        onChange={setWorkingDays}
        errors={fieldErrors.workingDays}
        columns="sm:grid-cols-7"
      />
      <Field
        id="region-hourly-cost"
        name="hourlyCost"
        label={`Hourly staff cost (${currency})`}
        hint="Used to price rosters."
        errors={fieldErrors.hourlyCost}
        className="max-w-xs"
      >
        {(control) => (
          <input {...control} type="number" inputMode="decimal" min={0} step={0.01} className={INPUT_CLASS} value={hourlyCost} onChange={(e) => setHourlyCost(e.target.value)} />
        )}
      </Field>
      <GeneralError message={general} />
      <FormActions pending={mutation.isPending} submitLabel={region ? "Save region" : "Create region"} onCancel={onCancel} />
    </form>
  );
}
