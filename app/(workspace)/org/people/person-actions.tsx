"use client";
/**
 * A manager's actions on a person's account, beside the person form: deactivate a leaver or
 * reactivate them (each asks for confirmation first), and create a one-time set-password link
 * to copy and pass on (mail may not be configured).
 */
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { localLabel } from "@/server/domain/time/format";
import { useRefreshOrg } from "../_components/editor";
import { GeneralError } from "../_components/form-bits";
import type { PersonRow } from "../_components/types";

export type AccountAction = { kind: "deactivate" | "reactivate" | "link"; person: PersonRow };

/** A row button whose accessible name carries the person's name, e.g. "Deactivate Ada Lovelace". */
export function RowActionButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button type="button" className="btn-secondary" onClick={onClick}>
      {label}
      <span className="sr-only"> {name}</span>
    </button>
  );
}

/** A panel that takes focus when it opens, so keyboard and screen-reader users land on it. */
function ActionPanel({ id, title, role, children }: { id: string; title: string; role: "alertdialog" | "region"; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <section role={role} aria-labelledby={`${id}-heading`} aria-describedby={`${id}-body`} className="card border-amber-300">
      <h2 id={`${id}-heading`} ref={ref} tabIndex={-1} className="mb-2 text-lg font-semibold outline-none">{title}</h2>
      {children}
    </section>
  );
}

/** Asks before deactivating or reactivating; says what will happen, then does it. */
export function ConfirmLifecycle({ action, onDone, onCancel }: { action: AccountAction & { kind: "deactivate" | "reactivate" }; onDone: (message: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshOrg();
  const { person } = action;
  const deactivate = useMutation(
    trpc.accounts.deactivate.mutationOptions({
      onSuccess: (r) => {
        refresh();
        const shifts = r.unassignedPublished + r.unassignedDraft;
        onDone(`${r.name} deactivated: ${shifts} upcoming shift${shifts === 1 ? "" : "s"} left unassigned, ${r.cancelledRequests} open request${r.cancelledRequests === 1 ? "" : "s"} cancelled`);
      },
    }),
  );
  const reactivate = useMutation(
    trpc.accounts.reactivate.mutationOptions({
      onSuccess: (r) => {
        refresh();
        onDone(`${r.name} reactivated: they can sign in again and the next solve rosters them`);
      },
    }),
  );
  const mutation = action.kind === "deactivate" ? deactivate : reactivate;
  const verb = action.kind === "deactivate" ? "deactivate" : "reactivate";
  return (
    <ActionPanel id="lifecycle" role="alertdialog" title={`${verb === "deactivate" ? "Deactivate" : "Reactivate"} ${person.name}?`}>
      <div id="lifecycle-body" className="space-y-2 text-sm text-slate-700">
        {action.kind === "deactivate" ? (
          <p>
            From now on {person.name} cannot sign in (a session they have open stops at once), their calendar link stops working, and they are left out of
            solves and swaps. Their shifts from now on, in drafts and published rosters, stay in place with nobody on them; open swap requests they are part
            of are cancelled. Past shifts and history are kept, and you can reactivate them later.
          </p>
        ) : (
          <p>{person.name} can sign in again with their old password (or a new set-password link), and the next solve can roster them. Shifts they lost are not given back.</p>
        )}
      </div>
      <GeneralError message={mutation.error ? errorMessage(mutation.error) : null} />
      <div className="mt-3 flex items-center gap-3">
        <button type="button" className="btn-primary" disabled={mutation.isPending} onClick={() => mutation.mutate({ personId: person.id })}>
          {mutation.isPending ? "Working…" : `Yes, ${verb} ${person.name}`}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </ActionPanel>
  );
}

/** Creates a set-password link and shows it to copy, with when it expires (in the organisation's zone). */
export function PasswordLinkPanel({ person, zone, onClose }: { person: PersonRow; zone: string; onClose: () => void }) {
  const trpc = useTRPC();
  const [copied, setCopied] = useState(false);
  const create = useMutation(trpc.accounts.createPasswordLink.mutationOptions());
  const url = create.data ? `${window.location.origin}${create.data.path}` : null;
  return (
    <ActionPanel id="password-link" role="region" title={`Set-password link for ${person.name}`}>
      <div id="password-link-body" className="space-y-3 text-sm text-slate-700">
        <p>
          A one-time link with which {person.name} ({person.email}) chooses their own password. It works once, for 72 hours; a new link ends any older one.
          Copy it and send it to them yourself.
        </p>
        {url === null ? (
          <button type="button" className="btn-primary" disabled={create.isPending} onClick={() => create.mutate({ personId: person.id })}>
            {create.isPending ? "Creating…" : "Create link"}
          </button>
        ) : (
          <div>
            <label htmlFor="password-link-url" className="field-label">Link for {person.name}</label>
            <div className="mt-1 flex gap-2">
              <input id="password-link-url" readOnly className="field-input font-mono text-xs" value={url} onFocus={(e) => e.target.select()} />
              <button
                type="button"
                className="btn-secondary"
                onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
              >
                Copy
              </button>
            </div>
            <p role="status" className="mt-1 text-xs text-slate-500">
              {copied ? "Copied. " : ""}Valid until {localLabel(new Date(create.data?.expiresAt ?? 0).getTime(), zone)}, once.
            </p>
          </div>
        )}
        <GeneralError message={create.error ? errorMessage(create.error) : null} />
        <button type="button" className="btn-secondary" onClick={onClose}>Close</button>
      </div>
    </ActionPanel>
  );
}
