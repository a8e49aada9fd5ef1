import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan, fieldErrorsOfCall } from "@/server/api/guard";
import { parseAuditQuery } from "./audit-query";
import { AuditView } from "./audit-view";

export const metadata: Metadata = { title: "Audit" };

/** The manager's audit log: filters travel in the address (a plain GET form), so every view is a link. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { caller, actor } = await requireSignedIn();
  if (!actorCan(actor, "audit.read")) return <Forbidden what="the audit log" />;
  const query = parseAuditQuery(await searchParams);
  try {
    const log = await caller.audit.list(query);
    return <AuditView query={query} log={log} />;
  } catch (error) {
    // A filter the service refuses (an end before the start, a kind that is not a word): show
    // the form again with the reason beside the field, and the whole log's choices.
    const fieldErrors = fieldErrorsOfCall(error);
    if (!fieldErrors) throw error;
    const log = await caller.audit.list({ page: 1 });
    return <AuditView query={query} log={log} fieldErrors={fieldErrors} />;
  }
}
