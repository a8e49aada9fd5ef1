"use client";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { formatMinutes } from "@/app/_components/format";
import { useTRPC } from "@/app/_lib/trpc";
import { useRefreshOrg } from "../_components/editor";
import { Field, FormActions, GeneralError, INPUT_CLASS, readNumber, splitErrors } from "../_components/form-bits";
import type { TemplateRow } from "../_components/types";

const FIELDS = ["name", "minutes", "startStepMinutes", "breaks"] as const;

interface BreakDraft {
  /** Stable React key, so removing a row does not shift the others' inputs. */
  key: number;
  minutes: string;
  earliestAfterMinutes: string;
  latestAfterMinutes: string;
}

export function TemplateForm({
  template,
  intervalMinutes,
  onSaved,
  onCancel,
}: {
  template: TemplateRow | null;
  intervalMinutes: number;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshOrg();
  const nextKey = useRef(template?.breaks.length ?? 0);
  const [name, setName] = useState(template?.name ?? "");
  const [minutes, setMinutes] = useState(template ? String(template.minutes) : "480");
  const [startStep, setStartStep] = useState(template?.startStepMinutes == null ? "" : String(template.startStepMinutes));
  const [breaks, setBreaks] = useState<BreakDraft[]>(
    (template?.breaks ?? []).map((b, i) => ({
      key: i,
      minutes: String(b.minutes),
      earliestAfterMinutes: String(b.earliestAfterMinutes),
      latestAfterMinutes: String(b.latestAfterMinutes),
    })),
  );
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});

  const onSuccess = (saved: { name: string }) => {
    refresh();
    onSaved(saved.name);
  };
  const create = useMutation(trpc.org.createTemplate.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.org.updateTemplate.mutationOptions({ onSuccess }));
  const mutation = template ? update : create;
  const { fieldErrors, general } = splitErrors(mutation.error, FIELDS, clientErrors);

  function addBreak() {
    const key = nextKey.current++;
    setBreaks((list) => [...list, { key, minutes: "30", earliestAfterMinutes: "120", latestAfterMinutes: "240" }]);
  }
  function changeBreak(key: number, patch: Partial<BreakDraft>) {
    setBreaks((list) => list.map((b) => (b.key === key ? { ...b, ...patch } : b)));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const length = readNumber(minutes, "minutes", errors);
    const step = startStep.trim() === "" ? null : readNumber(startStep, "startStepMinutes", errors);
    const breakErrors: Record<string, string[]> = {};
    const parsedBreaks = breaks.map((b, i) => {
      const parsed = {
        minutes: readNumber(b.minutes, "minutes", breakErrors),
        earliestAfterMinutes: readNumber(b.earliestAfterMinutes, "earliestAfterMinutes", breakErrors),
        latestAfterMinutes: readNumber(b.latestAfterMinutes, "latestAfterMinutes", breakErrors),
      };
      if (Object.keys(breakErrors).length > 0 && !errors.breaks) errors.breaks = [`Break ${i + 1}: enter a number in every box`];
      return parsed;
    });
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input = { name, minutes: length, startStepMinutes: step, breaks: parsedBreaks };
    if (template) update.mutate({ ...input, id: template.id });
    else create.mutate(input);
  }

  const lengthMinutes = Number(minutes);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="template-name" name="name" label="Name" errors={fieldErrors.name}>
          {(control) => <input {...control} type="text" className={INPUT_CLASS} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          id="template-minutes"
          name="minutes"
          label="Shift length (minutes)"
          hint={Number.isFinite(lengthMinutes) && lengthMinutes > 0 ? `${formatMinutes(Math.round(lengthMinutes))}, breaks included.` : "Breaks included."}
          errors={fieldErrors.minutes}
        >
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={60} max={1440} step={15} className={INPUT_CLASS} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          )}
        </Field>
        <Field
          id="template-start-step"
          name="startStepMinutes"
          label="Start step (minutes, optional)"
          hint={`Empty: a shift may start at any ${intervalMinutes}-minute planning interval.`}
          errors={fieldErrors.startStepMinutes}
        >
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={15} max={240} step={15} className={INPUT_CLASS} value={startStep} onChange={(e) => setStartStep(e.target.value)} />
          )}
        </Field>
      </div>

      <fieldset id="template-breaks" aria-describedby={fieldErrors.breaks ? "template-breaks-hint template-breaks-error" : "template-breaks-hint"}>
        <legend className="field-label">Breaks</legend>
        <p id="template-breaks-hint" className="mt-1 text-xs text-slate-500">
          Each break may start anywhere between its earliest and latest offset, counted in minutes from the start of the shift.
        </p>
        {breaks.length === 0 ? <p className="mt-2 text-sm text-slate-600">No breaks.</p> : null}
        <ol className="mt-2 space-y-2">
          {breaks.map((b, i) => {
            const base = `template-break-${b.key}`;
            return (
              <li key={b.key}>
                <fieldset className="rounded-md border border-slate-200 px-3 pt-1 pb-3">
                  <legend className="px-1 text-sm font-semibold text-slate-700">Break {i + 1}</legend>
                  <div className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
                    <div>
                      <label htmlFor={`${base}-minutes`} className="field-label">Break length (minutes)</label>
                      <input id={`${base}-minutes`} type="number" inputMode="numeric" min={5} max={120} step={5} className={INPUT_CLASS}
                        aria-invalid={fieldErrors.breaks ? true : undefined}
                        value={b.minutes} onChange={(e) => changeBreak(b.key, { minutes: e.target.value })} />
                    </div>
                    <div>
                      <label htmlFor={`${base}-earliest`} className="field-label">Earliest start (min after shift start)</label>
                      <input id={`${base}-earliest`} type="number" inputMode="numeric" min={0} step={15} className={INPUT_CLASS}
                        aria-invalid={fieldErrors.breaks ? true : undefined}
                        value={b.earliestAfterMinutes} onChange={(e) => changeBreak(b.key, { earliestAfterMinutes: e.target.value })} />
                    </div>
                    <div>
                      <label htmlFor={`${base}-latest`} className="field-label">Latest start (min after shift start)</label>
                      <input id={`${base}-latest`} type="number" inputMode="numeric" min={0} step={15} className={INPUT_CLASS}
                        aria-invalid={fieldErrors.breaks ? true : undefined}
                        value={b.latestAfterMinutes} onChange={(e) => changeBreak(b.key, { latestAfterMinutes: e.target.value })} />
                    </div>
                    <button type="button" className="btn-secondary" onClick={() => setBreaks((list) => list.filter((x) => x.key !== b.key))}>
                      Remove<span className="sr-only"> break {i + 1}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" className="btn-secondary mt-2" onClick={addBreak}>
          + Add break
        </button>
        {fieldErrors.breaks ? <p id="template-breaks-error" className="field-error">{fieldErrors.breaks.join(" ")}</p> : null}
      </fieldset>

      <GeneralError message={general} />
      <FormActions pending={mutation.isPending} submitLabel={template ? "Save shift template" : "Create shift template"} onCancel={onCancel} />
    </form>
  );
}
