"use client";
/** Change my own password: the current one first, the new one twice; errors beside their field. */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { Field, GeneralError, INPUT_CLASS, splitErrors } from "../org/_components/form-bits";

const FIELDS = ["currentPassword", "newPassword", "confirm"] as const;

export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const change = useMutation(
    trpc.accounts.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrentPassword("");
        setNewPassword("");
        setConfirm("");
      },
    }),
  );
  const { fieldErrors, general } = splitErrors(change.error, FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword, confirm });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field id="current-password" name="currentPassword" label="Current password" errors={fieldErrors.currentPassword}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" className={INPUT_CLASS} value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />
        )}
      </Field>
      <Field id="new-password" name="newPassword" label="New password" errors={fieldErrors.newPassword}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" className={INPUT_CLASS} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
        )}
      </Field>
      <Field id="confirm-password" name="confirm" label="Confirm new password" errors={fieldErrors.confirm}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" className={INPUT_CLASS} value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        )}
      </Field>
      <GeneralError message={general} />
      <p role="status" className={change.isSuccess ? "rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800" : "sr-only"}>
        {change.isSuccess ? "✓ Password changed. Use the new one next time you sign in." : ""}
      </p>
      <button type="submit" className="btn-primary" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
