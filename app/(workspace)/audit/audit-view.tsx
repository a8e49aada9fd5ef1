import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "@/server/api/root";
import { auditHref, type AuditQuery } from "./audit-query";

type AuditLog = inferRouterOutputs<AppRouter>["audit"]["list"];

function FieldErrors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return <p id={id} className="field-error">{messages.join(" ")}</p>;
}

/** The filter form: a plain GET form, so the filters land in the address and the pager keeps them. */
function Filters({ query, log, fieldErrors }: { query: AuditQuery; log: AuditLog; fieldErrors: Record<string, string[] | undefined> }) {
  const invalid = (field: string) => ((fieldErrors[field]?.length ?? 0) > 0 ? { "aria-invalid": true, "aria-describedby": `audit-${field}-error` } : {});
  return (
    <form method="get" action="/audit" aria-label="Audit filters" className="card grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <div>
        <label htmlFor="audit-person" className="field-label">Person</label>
        <select id="audit-person" name="person" className="field-input" defaultValue={query.actorId === undefined ? "" : String(query.actorId)}>
          <option value="">Everyone</option>
          <option value="system">The system (no person)</option>
          {log.people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="audit-kind" className="field-label">Kind</label>
        <select id="audit-kind" name="kind" className="field-input" defaultValue={query.kind ?? ""} {...invalid("kind")}>
          <option value="">All kinds</option>
          {query.kind !== undefined && !log.kinds.includes(query.kind) ? <option value={query.kind}>{query.kind}.*</option> : null}
          {log.kinds.map((k) => <option key={k} value={k}>{k}.*</option>)}
        </select>
        <FieldErrors id="audit-kind-error" messages={fieldErrors.kind} />
      </div>
      <div>
        <label htmlFor="audit-from" className="field-label">From ({log.zone})</label>
        <input id="audit-from" name="from" type="date" className="field-input" defaultValue={query.from ?? ""} {...invalid("from")} />
        <FieldErrors id="audit-from-error" messages={fieldErrors.from} />
      </div>
      <div>
        <label htmlFor="audit-to" className="field-label">To ({log.zone})</label>
        <input id="audit-to" name="to" type="date" className="field-input" defaultValue={query.to ?? ""} {...invalid("to")} />
        <FieldErrors id="audit-to-error" messages={fieldErrors.to} />
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="btn-primary whitespace-nowrap">Apply filters</button>
        <Link href="/audit" className="btn-secondary whitespace-nowrap">Clear filters</Link>
      </div>
    </form>
  );
}

/** Previous / next links keeping the filters; an end of the log is plain text, not a dead link. */
function Pager({ query, log }: { query: AuditQuery; log: AuditLog }) {
  const first = log.total === 0 ? 0 : (log.page - 1) * log.pageSize + 1;
  const last = Math.min(log.page * log.pageSize, log.total);
  return (
    <nav aria-label="Audit pages" className="flex flex-wrap items-center gap-4 text-sm">
      {log.page > 1 ? (
        <Link href={auditHref(query, log.page - 1)} className="btn-secondary" rel="prev">Previous page</Link>
      ) : (
        <span className="btn-secondary opacity-50" aria-disabled="true">Previous page</span>
      )}
      <p aria-live="polite">
        Page {log.page} of {log.pageCount} · entries {first}–{last} of {log.total}
      </p>
      {log.page < log.pageCount ? (
        <Link href={auditHref(query, log.page + 1)} className="btn-secondary" rel="next">Next page</Link>
      ) : (
        <span className="btn-secondary opacity-50" aria-disabled="true">Next page</span>
      )}
    </nav>
  );
}

/** The audit screen: filters, the page of entries (who, what, when, to what) and the pager. */
export function AuditView({ query, log, fieldErrors }: { query: AuditQuery; log: AuditLog; fieldErrors?: Record<string, string[] | undefined> }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Audit</h1>
        <p className="text-sm text-slate-600">Who did what, when, and to what: every change the organisation made, newest first. Times and dates in {log.zone}.</p>
      </div>
      <Filters query={query} log={log} fieldErrors={fieldErrors ?? {}} />
      {fieldErrors ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">These filters cannot be applied; correct the field marked above.</p>
      ) : (
        <section aria-labelledby="audit-entries-heading" className="card space-y-4">
          <h2 id="audit-entries-heading" className="text-lg font-semibold">Entries</h2>
          {log.entries.length === 0 ? (
            <p className="text-sm text-slate-600">No entries match these filters.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="table-basic" aria-label="Audit entries">
                <thead>
                  <tr>
                    <th>When ({log.zone})</th>
                    <th>Who</th>
                    <th>Action</th>
                    <th>What</th>
                    <th>Details</th>
                  </tr>
                </thead>
                <tbody>
                  {log.entries.map((e) => (
                    <tr key={e.id}>
                      <td className="whitespace-nowrap font-mono text-xs">
                        <time dateTime={e.at}>{e.atLabel}</time>
                      </td>
                      <td className="whitespace-nowrap">{e.actor ? e.actor.name : <span className="text-slate-500">System</span>}</td>
                      <td className="whitespace-nowrap font-mono text-xs">{e.action}</td>
                      <td>
                        {e.target.href ? (
                          <Link href={e.target.href} className="font-medium text-amber-800 underline">{e.target.label}</Link>
                        ) : (
                          e.target.label
                        )}
                      </td>
                      <td className="max-w-md text-xs break-words text-slate-600">{e.details}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager query={query} log={log} />
        </section>
      )}
    </div>
  );
}
