"use client";
/** Choose a password with a one-time link: at least 12 characters, typed twice; errors beside their field. */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { Field, GeneralError, INPUT_CLASS, splitErrors } from "@/app/(workspace)/org/_components/form-bits";

/** The token's refusal is shown as the form's own message, not as a field. */
const FIELDS = ["password", "confirm", "token"] as const;

export function SetPasswordForm({ token, name, email }: { token: string; name: string; email: string }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const save = useMutation(trpc.accounts.setPassword.mutationOptions());
  const { fieldErrors, general } = splitErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ token, password, confirm });
  }

  if (save.data) {
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Your password is set, {name}. Sign in with {save.data.email}.
        </p>
        <a href="/sign-in" className="btn-primary inline-block">Go to sign-in</a>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">
        For {name} ({email}). The link works once; choose at least 12 characters.
      </p>
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field id="new-password" name="password" label="New password" errors={fieldErrors.password}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" className={INPUT_CLASS} value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <Field id="confirm-password" name="confirm" label="Confirm new password" errors={fieldErrors.confirm}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" className={INPUT_CLASS} value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        )}
      </Field>
      <GeneralError message={fieldErrors.token?.[0] ?? general} />
      <button type="submit" className="btn-primary w-full" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
