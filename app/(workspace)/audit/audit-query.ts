/**
 * The audit screen's filters as they travel in the address: parsed from the search params for
 * the query, and written back for the pager so a page link keeps the filters.
 */

/** The filters and page the address asks for, shaped as `audit.list` takes them. */
export interface AuditQuery {
  actorId?: number | "system";
  kind?: string;
  from?: string;
  to?: string;
  page: number;
}

type SearchParams = Record<string, string | string[] | undefined>;

function single(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text.trim();
}

/**
 * Reads the address's filters. An unreadable person or page is dropped (the form shows "everyone",
 * page 1); kinds and dates pass as typed, so the service can name what is wrong with them.
 */
export function parseAuditQuery(params: SearchParams): AuditQuery {
  const person = single(params, "person");
  const page = Number(single(params, "page") ?? "1");
  return {
    actorId: person === "system" ? "system" : person !== undefined && /^\d+$/.test(person) ? Number(person) : undefined,
    kind: single(params, "kind"),
    from: single(params, "from"),
    to: single(params, "to"),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address of `page` with the same filters. */
export function auditHref(query: AuditQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.actorId !== undefined) params.set("person", String(query.actorId));
  if (query.kind !== undefined) params.set("kind", query.kind);
  if (query.from !== undefined) params.set("from", query.from);
  if (query.to !== undefined) params.set("to", query.to);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search === "" ? "/audit" : `/audit?${search}`;
}
