/**
 * How one audit entry reads on the screen: what it changed (a name and the page to see it on)
 * and its details in one short line. Pure: the caller supplies the names it looked up.
 */
import type { AuditEntryRecord, AuditTargetIds, AuditTargets } from "@/server/repositories/audit-repository";

/** What an entry changed: a readable name and, when there is a page for it, the link. */
export interface AuditTarget {
  label: string;
  href: string | null;
}

const DETAILS_MAX = 200;

function numericId(entityId: string | null): number | null {
  if (entityId === null || !/^\d+$/.test(entityId)) return null;
  return Number(entityId);
}

function rosterIdInDetails(details: Record<string, unknown> | null): number | null {
  const value = details?.rosterId;
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

/** The ids a page of entries points at, grouped by kind of thing, for one lookup each. */
export function targetIdsOf(entries: readonly AuditEntryRecord[]): AuditTargetIds {
  const ids: AuditTargetIds = { rosters: [], people: [], shifts: [], teams: [], regions: [], templates: [], channels: [], specialDays: [] };
  for (const e of entries) {
    const id = numericId(e.entityId);
    if (e.entity === "channel" && e.entityId !== null) ids.channels.push(e.entityId);
    if (id === null) continue;
    if (e.entity === "roster") ids.rosters.push(id);
    if (e.entity === "person") ids.people.push(id);
    if (e.entity === "team") ids.teams.push(id);
    if (e.entity === "region") ids.regions.push(id);
    if (e.entity === "shiftTemplate") ids.templates.push(id);
    if (e.entity === "specialDay") ids.specialDays.push(id);
    if (e.entity === "shift") {
      ids.shifts.push(id);
      const rosterId = rosterIdInDetails(e.details);
      if (rosterId !== null) ids.rosters.push(rosterId);
    }
  }
  return ids;
}

/** A named thing on a list page: its name (or "kind #id" once it is gone) and the page. */
function named(names: Map<number, string>, id: number | null, kind: string, href: string): AuditTarget {
  if (id === null) return { label: kind, href };
  return { label: names.get(id) ?? `${kind} #${id}`, href };
}

/**
 * What the entry changed and where to see it: a roster or shift opens its roster board, a person
 * their row on the People page, a swap request the approvals page, organisation things their
 * pages; a thing of no known kind gets a plain label and no link.
 */
export function targetOf(entry: AuditEntryRecord, targets: AuditTargets): AuditTarget {
  const id = numericId(entry.entityId);
  switch (entry.entity) {
    case "roster": {
      if (id === null) return { label: "Roster", href: "/rosters" };
      const name = targets.rosters.get(id);
      return name === undefined ? { label: `Roster #${id} (deleted)`, href: null } : { label: name, href: `/rosters/${id}` };
    }
    case "shift": {
      const rosterId = (id === null ? undefined : targets.shifts.get(id)?.rosterId) ?? rosterIdInDetails(entry.details);
      const label = id === null ? "Shift" : `Shift #${id}`;
      if (rosterId === null) return { label, href: null };
      const rosterName = targets.rosters.get(rosterId);
      return { label: rosterName === undefined ? label : `${label} in ${rosterName}`, href: `/rosters/${rosterId}` };
    }
    case "person":
      if (id === null) return { label: "People", href: "/org/people" };
      return { label: targets.people.get(id) ?? `Person #${id}`, href: `/org/people#person-${id}` };
    case "swap_request":
      return { label: id === null ? "Swap request" : `Swap request #${id}`, href: "/approvals" };
    case "team":
      return named(targets.teams, id, "Team", "/org/teams");
    case "region":
      return named(targets.regions, id, "Regions", "/org/regions");
    case "shiftTemplate":
      return named(targets.templates, id, "Shift template", "/org/templates");
    case "channel":
      return { label: entry.entityId === null ? "Channels" : (targets.channels.get(entry.entityId) ?? `Channel ${entry.entityId}`), href: "/org/channels" };
    case "settings":
    case "organisation":
      return { label: "Organisation settings", href: "/org/settings" };
    case "specialDay":
      return named(targets.specialDays, id, "Special day", "/staffing");
    case "forecastRun":
      return { label: id === null ? "Forecast" : `Forecast run #${id}`, href: "/staffing" };
    case "contactHistory":
      return { label: "Contact history", href: "/staffing" };
    default:
      return { label: entry.entityId === null ? entry.entity : `${entry.entity} ${entry.entityId}`, href: null };
  }
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return value.length > 40 ? `${value.slice(0, 39)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length <= 3 && value.every((v) => typeof v !== "object") ? `[${value.join(", ")}]` : `[${value.length} items]`;
  return "{…}";
}

/**
 * The details as one short line, `key: value` joined by " · ", nested values shortened, cut at
 * 200 characters; empty when there are none.
 * @example summariseDetails({ archived: [3], reason: "republish" }) //=> "archived: [3] · reason: republish"
 */
export function summariseDetails(details: Record<string, unknown> | null): string {
  if (!details) return "";
  const line = Object.entries(details)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join(" · ");
  return line.length > DETAILS_MAX ? `${line.slice(0, DETAILS_MAX - 1)}…` : line;
}
