/**
 * The manager's audit screen: who did what, when, to what. Filters by person, kind (the
 * action's first part) and local dates in the viewer's zone; fifty entries a page, newest first,
 * with the total; each entry names the thing it changed and links to its page. A read: writes nothing.
 */
import { DateTime } from "luxon";
import type { Actor } from "@/server/auth/actor";
import { formatInstant } from "@/server/domain/time/format";
import * as auditRepo from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { summariseDetails, targetIdsOf, targetOf } from "./describe-entry";
import type { TAuditListInput } from "./inputs";

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 50;

/** How an entry's time reads; the screen names the zone once, above the table. */
const AT_PATTERN = "ccc d LLL yyyy HH:mm:ss";

/** The zone the viewer reads times in: their own, else their region's, else UTC. */
function viewerZoneOf(db: Store, actor: Actor): string {
  return actor.timeZone ?? orgRepo.listRegions(db).find((r) => r.id === actor.regionId)?.timeZone ?? "UTC";
}

/** The input's local days as instants in `zone`: from the start of `from` to the end of `to`. */
function filterOf(input: TAuditListInput, zone: string): auditRepo.AuditFilter {
  const dayStart = (date: string) => DateTime.fromISO(date, { zone }).startOf("day");
  return {
    actorId: input.actorId,
    actionPrefix: input.kind,
    from: input.from === undefined ? undefined : dayStart(input.from).toJSDate(),
    to: input.to === undefined ? undefined : dayStart(input.to).plus({ days: 1 }).toJSDate(),
  };
}

/** The kinds present in the log: each action's first part, once, in order. */
function kindsOf(actions: readonly string[]): string[] {
  return [...new Set(actions.map((a) => a.split(".")[0] ?? a))].sort();
}

/**
 * One page of the audit log for a manager, filtered as asked; a page past the last shows the
 * last. Besides the entries it returns the choices for the filters (people and kinds that occur).
 */
export function listAuditLog(db: Store, actor: Actor, input: TAuditListInput) {
  const zone = viewerZoneOf(db, actor);
  const filter = filterOf(input, zone);
  const total = auditRepo.countAuditEntries(db, filter);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(input.page, pageCount);
  const rows = auditRepo.listAuditEntries(db, filter, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  const targets = auditRepo.findAuditTargets(db, targetIdsOf(rows));
  return {
    zone,
    page,
    pageCount,
    pageSize: AUDIT_PAGE_SIZE,
    total,
    filter: { actorId: input.actorId ?? null, kind: input.kind ?? null, from: input.from ?? null, to: input.to ?? null },
    people: auditRepo.listAuditActors(db),
    kinds: kindsOf(auditRepo.listAuditActions(db)),
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      atLabel: formatInstant(row.at.getTime(), zone, AT_PATTERN, "none"),
      actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? `Person #${row.actorId}` },
      action: row.action,
      target: targetOf(row, targets),
      details: summariseDetails(row.details),
    })),
  };
}
