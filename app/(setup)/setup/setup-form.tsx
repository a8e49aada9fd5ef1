"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field, GeneralError, INPUT_CLASS, splitErrors } from "@/app/(workspace)/org/_components/form-bits";
import { useTRPC } from "@/app/_lib/trpc";

const FIELDS = ["organisationName", "timeZone", "managerName", "managerEmail", "password", "confirmPassword"] as const;

/** The organisation, its planning zone and the first manager; on success, on to sign-in. */
export function SetupForm({ token, timeZones }: { token: string; timeZones: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [organisationName, setOrganisationName] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [managerName, setManagerName] = useState("");
  const [managerEmail, setManagerEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const create = useMutation(
    trpc.setup.createOrganisation.mutationOptions({
      onSuccess: (created) => router.replace(`/sign-in?setup=done&email=${encodeURIComponent(created.managerEmail)}`),
    }),
  );
  const { fieldErrors, general } = splitErrors(create.error, FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ organisationName, timeZone: timeZone.trim(), managerName, managerEmail, password, confirmPassword, token });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="setup-organisation-name" name="organisationName" label="Organisation name" errors={fieldErrors.organisationName}>
        {(control) => (
          <input {...control} type="text" autoComplete="organization" className={INPUT_CLASS} value={organisationName} onChange={(e) => setOrganisationName(e.target.value)} />
        )}
      </Field>
      <Field
        id="setup-time-zone"
        name="timeZone"
        label="Planning zone"
        hint="The IANA zone the planning week and the reports follow, such as Europe/Dublin; type to search."
        errors={fieldErrors.timeZone}
      >
        {(control) => (
          <>
            <input
              {...control}
              type="text"
              list="setup-time-zones"
              autoComplete="off"
              spellCheck={false}
              className={INPUT_CLASS}
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            />
            <datalist id="setup-time-zones">
              {timeZones.map((zone) => <option key={zone} value={zone} />)}
            </datalist>
          </>
        )}
      </Field>
      <fieldset className="space-y-4 border-t border-slate-100 pt-4">
        <legend className="text-sm font-semibold text-slate-800">First manager</legend>
        <Field id="setup-manager-name" name="managerName" label="Manager's name" errors={fieldErrors.managerName}>
          {(control) => <input {...control} type="text" autoComplete="name" className={INPUT_CLASS} value={managerName} onChange={(e) => setManagerName(e.target.value)} />}
        </Field>
        <Field id="setup-manager-email" name="managerEmail" label="Manager's email" hint="The manager signs in with it." errors={fieldErrors.managerEmail}>
          {(control) => (
            <input {...control} type="email" autoComplete="username" className={INPUT_CLASS} value={managerEmail} onChange={(e) => setManagerEmail(e.target.value)} />
          )}
        </Field>
        <Field id="setup-password" name="password" label="Password" hint="At least 12 characters." errors={fieldErrors.password}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" className={INPUT_CLASS} value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <Field id="setup-confirm-password" name="confirmPassword" label="Confirm password" errors={fieldErrors.confirmPassword}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              className={INPUT_CLASS}
              value={confirmPassword}
              onChange={(e) => setConfirmPassword(e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <GeneralError message={general} />
      <button type="submit" className="btn-primary w-full" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organisation"}
      </button>
    </form>
  );
}
