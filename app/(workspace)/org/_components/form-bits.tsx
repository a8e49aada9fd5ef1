"use client";
/**
 * Form pieces shared by the organisation pages: a labelled field whose error sits next
 * to it (wired with aria-invalid / aria-describedby), a group of checkboxes, and the
 * split of a mutation error into per-field messages and a general one.
 */
import type { ReactNode } from "react";
import { errorMessage, fieldErrorsFrom } from "@/app/_lib/trpc";

/** What a control needs so its label, hint and error are announced with it. */
export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * The house input style plus a red border when the field is refused. `!` because
 * `.field-input` is unlayered CSS, which outranks Tailwind's utility layer.
 */
export const INPUT_CLASS = "field-input aria-invalid:border-red-500!";

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function Field({
  id,
  name,
  label,
  hint,
  errors,
  className,
  children,
}: {
  id: string;
  /** The input's field name, matching the zod schema. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hasError = Boolean(errors && errors.length > 0);
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">{label}</label>
      {children({ id, name, "aria-invalid": hasError ? true : undefined, "aria-describedby": describedBy(id, Boolean(hint), hasError) })}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {hasError ? <p id={`${id}-error`} className="field-error">{errors?.join(" ")}</p> : null}
    </div>
  );
}

export interface Choice<T> {
  value: T;
  label: string;
}

/** A fieldset of checkboxes (working days, skills, templates) with its error under the legend. */
export function CheckboxGroup<T extends string | number>({
  id,
  legend,
  choices,
  selected,
  onChange,
  errors,
  hint,
  columns = "sm:grid-cols-4",
}: {
  id: string;
  legend: string;
  choices: Choice<T>[];
  selected: T[];
  onChange: (next: T[]) => void;
  errors?: string[] | undefined;
  hint?: ReactNode;
  columns?: string;
}) {
  const hasError = Boolean(errors && errors.length > 0);
  function toggle(value: T, on: boolean) {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    // Keep the order of the choices so the saved list is stable.
    onChange(choices.map((c) => c.value).filter((v) => next.includes(v)));
  }
  return (
    <fieldset id={id} aria-describedby={describedBy(id, Boolean(hint), hasError)}>
      <legend className="field-label">{legend}</legend>
      {choices.length === 0 ? <p className="mt-1 text-sm text-slate-500">None defined yet.</p> : null}
      <div className={`mt-1 grid grid-cols-2 gap-x-4 gap-y-1 ${columns}`}>
        {choices.map((choice) => {
          const boxId = `${id}-${choice.value}`;
          return (
            <div key={choice.value} className="flex items-center gap-2">
              <input
                id={boxId}
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300 accent-amber-600"
                checked={selected.includes(choice.value)}
                aria-invalid={hasError ? true : undefined}
                onChange={(e) => toggle(choice.value, e.target.checked)}
              />
              <label htmlFor={boxId} className="text-sm text-slate-700">{choice.label}</label>
            </div>
          );
        })}
      </div>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {hasError ? <p id={`${id}-error`} className="field-error">{errors?.join(" ")}</p> : null}
    </fieldset>
  );
}

/**
 * Splits a mutation error: messages for the fields this form shows, and a general message
 * for everything else (an unknown field, a permission error, a network failure).
 */
export function splitErrors(
  error: unknown,
  shownFields: readonly string[],
  clientErrors: Record<string, string[]> = {},
): { fieldErrors: Record<string, string[] | undefined>; general: string | null } {
  const server = error ? fieldErrorsFrom(error) : {};
  const fieldErrors: Record<string, string[] | undefined> = { ...server, ...clientErrors };
  const stray = Object.entries(server).filter(([field, messages]) => !shownFields.includes(field) && messages && messages.length > 0);
  const anyShown = shownFields.some((field) => (fieldErrors[field]?.length ?? 0) > 0);
  let general: string | null = null;
  if (stray.length > 0) general = stray.map(([field, messages]) => `${field}: ${messages?.join(" ") ?? ""}`).join("; ");
  else if (error && !anyShown) general = errorMessage(error);
  return { fieldErrors, general };
}

export function GeneralError({ message }: { message: string | null }) {
  if (!message) return null;
  return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>;
}

/**
 * Reads a number input: an empty box is an error the form shows itself, so the server is
 * not asked to judge `NaN`.
 */
export function readNumber(raw: string, field: string, errors: Record<string, string[]>): number {
  const trimmed = raw.trim();
  const value = trimmed === "" ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) errors[field] = ["Enter a number"];
  return value;
}

export function FormActions({ pending, submitLabel, onCancel }: { pending: boolean; submitLabel: string; onCancel: () => void }) {
  return (
    <div className="flex items-center gap-3 border-t border-slate-100 pt-4">
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <button type="button" className="btn-secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
