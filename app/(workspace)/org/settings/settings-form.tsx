"use client";
/**
 * The organisation's settings in one form: identity and planning grid, costs (each region's
 * hourly cost, tools, overtime premium) and the team-lead span. Errors sit beside their field.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { WEEKDAYS } from "@/app/_components/format";
import { useTRPC } from "@/app/_lib/trpc";
import type { SettingsView } from "@/server/services/org/settings";
import { useRefreshOrg } from "../_components/editor";
import { Field, GeneralError, INPUT_CLASS, readNumber, splitErrors } from "../_components/form-bits";

const FIELDS = ["name", "timeZone", "intervalMinutes", "weekStart", "currency", "toolsCostPerUserMonth", "overtimePremiumPercent", "leadSpanMin", "leadSpanMax", "regionCosts"] as const;

export function SettingsForm({ view }: { view: SettingsView }) {
  const trpc = useTRPC();
  const refreshOrg = useRefreshOrg();
  const queryClient = useQueryClient();
  // Costs, the grid and the span feed every plan page's cached figures.
  const refresh = () => {
    refreshOrg();
    void queryClient.invalidateQueries();
  };
  const s = view.settings;
  const [name, setName] = useState(s.name);
  const [timeZone, setTimeZone] = useState(s.timeZone);
  const [intervalMinutes, setIntervalMinutes] = useState(String(s.intervalMinutes));
  const [weekStart, setWeekStart] = useState(String(s.weekStart));
  const [currency, setCurrency] = useState(s.currency);
  const [tools, setTools] = useState((s.toolsCostCentsPerUserMonth / 100).toFixed(2));
  const [premium, setPremium] = useState(String(Math.round(s.overtimePremium * 1000) / 10));
  const [spanMin, setSpanMin] = useState(String(s.leadSpanMin));
  const [spanMax, setSpanMax] = useState(String(s.leadSpanMax));
  const [regionCosts, setRegionCosts] = useState<Record<number, string>>(Object.fromEntries(view.regions.map((r) => [r.id, (r.hourlyCostCents / 100).toFixed(2)])));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<string | null>(null);

  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: () => {
        setStatus("Settings saved");
        refresh();
      },
    }),
  );
  const { fieldErrors, general } = splitErrors(save.error, FIELDS, clientErrors);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const errors: Record<string, string[]> = {};
    const input = {
      name,
      timeZone: timeZone.trim(),
      intervalMinutes: Number(intervalMinutes),
      weekStart: Number(weekStart),
      currency,
      toolsCostPerUserMonth: readNumber(tools, "toolsCostPerUserMonth", errors),
      overtimePremiumPercent: readNumber(premium, "overtimePremiumPercent", errors),
      leadSpanMin: readNumber(spanMin, "leadSpanMin", errors),
      leadSpanMax: readNumber(spanMax, "leadSpanMax", errors),
      regionCosts: view.regions.map((r) => ({ regionId: r.id, hourlyCost: readNumber(regionCosts[r.id] ?? "", "regionCosts", errors) })),
    };
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Organisation settings</h1>
        <p className="text-sm text-slate-600">The planning grid, costs and the team-lead span every forecast, roster and coverage figure uses.</p>
      </div>
      <p role="status" className={status ? "rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800" : "sr-only"}>
        {status ? `✓ ${status}` : ""}
      </p>
      <section aria-labelledby="settings-planning" className="card space-y-4">
        <h2 id="settings-planning" className="text-lg font-semibold">Organisation and planning</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="settings-name" name="name" label="Organisation name" errors={fieldErrors.name}>
            {(control) => <input {...control} type="text" className={INPUT_CLASS} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field id="settings-time-zone" name="timeZone" label="Planning zone" hint="The IANA zone planning weeks and forecasts follow; type to search." errors={fieldErrors.timeZone}>
            {(control) => (
              <>
                <input {...control} type="text" list="settings-time-zones" autoComplete="off" spellCheck={false} className={INPUT_CLASS} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
                <datalist id="settings-time-zones">
                  {view.timeZones.map((zone) => <option key={zone} value={zone} />)}
                </datalist>
              </>
            )}
          </Field>
          <Field
            id="settings-interval"
            name="intervalMinutes"
            label="Interval length"
            hint={view.intervalLocked ? "Fixed: requirements or rosters are stored on this grid." : "The grid of forecasts, requirements and rosters."}
            errors={fieldErrors.intervalMinutes}
          >
            {(control) => (
              <select {...control} className={INPUT_CLASS} value={intervalMinutes} onChange={(e) => setIntervalMinutes(e.target.value)}>
                {[15, 30, 60].map((m) => <option key={m} value={m}>{m} minutes</option>)}
              </select>
            )}
          </Field>
          <Field id="settings-week-start" name="weekStart" label="Week starts on" hint={`Planning weeks start at midnight in ${s.timeZone}.`} errors={fieldErrors.weekStart}>
            {(control) => (
              <select {...control} className={INPUT_CLASS} value={weekStart} onChange={(e) => setWeekStart(e.target.value)}>
                {WEEKDAYS.map((day, i) => <option key={day} value={i + 1}>{day}</option>)}
              </select>
            )}
          </Field>
        </div>
      </section>
      <section aria-labelledby="settings-costs" className="card space-y-4">
        <h2 id="settings-costs" className="text-lg font-semibold">Costs</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="settings-currency" name="currency" label="Currency" hint="Three-letter code, e.g. EUR." errors={fieldErrors.currency}>
            {(control) => <input {...control} type="text" maxLength={3} className={INPUT_CLASS} value={currency} onChange={(e) => setCurrency(e.target.value)} />}
          </Field>
          <Field id="settings-tools" name="toolsCostPerUserMonth" label={`Tools per user and month (${currency})`} hint="Licences for each rostered person." errors={fieldErrors.toolsCostPerUserMonth}>
            {(control) => <input {...control} type="number" inputMode="decimal" min={0} step={0.01} className={INPUT_CLASS} value={tools} onChange={(e) => setTools(e.target.value)} />}
          </Field>
          <Field id="settings-premium" name="overtimePremiumPercent" label="Overtime premium (%)" hint="On top of the hourly cost: 50 = time and a half." errors={fieldErrors.overtimePremiumPercent}>
            {(control) => <input {...control} type="number" inputMode="decimal" min={0} step={1} className={INPUT_CLASS} value={premium} onChange={(e) => setPremium(e.target.value)} />}
          </Field>
        </div>
        <fieldset id="settings-region-costs" aria-describedby={fieldErrors.regionCosts ? "settings-region-costs-error" : undefined}>
          <legend className="field-label">Hourly staff cost per region ({currency})</legend>
          {view.regions.length === 0 ? <p className="text-sm text-slate-500">No regions yet.</p> : null}
          <div className="mt-1 grid gap-3 sm:grid-cols-3">
            {view.regions.map((r) => (
              <div key={r.id}>
                <label htmlFor={`region-cost-${r.id}`} className="text-sm text-slate-700">{r.name} <span className="text-xs text-slate-500">({r.timeZone})</span></label>
                <input
                  id={`region-cost-${r.id}`}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step={0.01}
                  className={INPUT_CLASS}
                  aria-invalid={fieldErrors.regionCosts ? true : undefined}
                  value={regionCosts[r.id] ?? ""}
                  onChange={(e) => setRegionCosts((prev) => ({ ...prev, [r.id]: e.target.value }))}
                />
              </div>
            ))}
          </div>
          {fieldErrors.regionCosts ? <p id="settings-region-costs-error" className="field-error">{fieldErrors.regionCosts.join(" ")}</p> : null}
        </fieldset>
      </section>
      <section aria-labelledby="settings-span" className="card space-y-4">
        <h2 id="settings-span" className="text-lg font-semibold">Team-lead span</h2>
        <p className="text-sm text-slate-600">One lead on duty per this many agents on task; teams outside the range are flagged on Home and Teams.</p>
        <div className="grid max-w-lg gap-4 sm:grid-cols-2">
          <Field id="settings-span-min" name="leadSpanMin" label="Minimum agents per lead" errors={fieldErrors.leadSpanMin}>
            {(control) => <input {...control} type="number" min={1} step={1} className={INPUT_CLASS} value={spanMin} onChange={(e) => setSpanMin(e.target.value)} />}
          </Field>
          <Field id="settings-span-max" name="leadSpanMax" label="Maximum agents per lead" errors={fieldErrors.leadSpanMax}>
            {(control) => <input {...control} type="number" min={1} step={1} className={INPUT_CLASS} value={spanMax} onChange={(e) => setSpanMax(e.target.value)} />}
          </Field>
        </div>
      </section>
      <GeneralError message={general} />
      <button type="submit" className="btn-primary" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save settings"}</button>
    </form>
  );
}
