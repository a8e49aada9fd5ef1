/**
 * What follows from a republish for open swap requests: they follow an unchanged shift into the
 * new roster, or are cancelled and their people told. Called by publishing inside its transaction.
 */
import { writeAudit } from "@/server/repositories/audit-repository";
import { addNotifications } from "@/server/repositories/notification-repository";
import * as repo from "@/server/repositories/swap-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { loadOrgSnapshot } from "../engine-input/org-snapshot";
import { describeShift, involvedIds } from "./participants";

/**
 * Called by publishRoster inside its transaction, after archiving `rosterIdsArchived`: open
 * requests on shifts of those rosters follow their shift into the newly published roster when it
 * is unchanged there (same person, template, start and end); otherwise they are cancelled and the
 * people involved are told.
 */
export function cancelRequestsForChangedShifts(tx: Store, rosterIdsArchived: readonly number[], now: Date): { moved: number; cancelled: number } {
  const open = repo.listOpenInRosters(tx, [...rosterIdsArchived]);
  if (open.length === 0) return { moved: 0, cancelled: 0 };
  const dir = loadOrgSnapshot(tx);
  const shiftIds = [...new Set(open.flatMap((r) => [r.shiftId, ...(r.counterpartShiftId !== null ? [r.counterpartShiftId] : [])]))];
  const oldById = new Map(repo.listShiftsByIds(tx, shiftIds).map((s) => [s.id, s]));
  const publishedShifts = repo.listShiftsOfPublishedRosters(tx);
  const same = (oldId: number) => {
    const old = oldById.get(oldId);
    if (!old) return undefined;
    return publishedShifts.find(
      (s) => s.personId === old.personId && s.templateId === old.templateId && s.startsAt.getTime() === old.startsAt.getTime() && s.endsAt.getTime() === old.endsAt.getTime(),
    );
  };
  let moved = 0;
  let cancelled = 0;
  for (const request of open) {
    const shift = same(request.shiftId);
    const other = request.counterpartShiftId !== null ? same(request.counterpartShiftId) : null;
    if (shift && other !== undefined && (other === null || other.rosterId === shift.rosterId)) {
      repo.repointRequest(tx, request.id, shift.id, other?.id ?? null);
      moved++;
      continue;
    }
    repo.cancelOpenRequests(tx, [request.id], "The roster was republished and this shift changed.", now);
    cancelled++;
    const old = oldById.get(request.shiftId);
    addNotifications(
      tx,
      involvedIds(request).map((personId) => ({
        personId,
        kind: "swap.cancelled" as const,
        message: `${request.kind[0]?.toUpperCase()}${request.kind.slice(1)} request #${request.id}${old ? ` for the ${describeShift(dir, old, personId)} shift` : ""} was cancelled: the roster was republished and the shift changed.`,
        link: "/me",
      })),
      now,
    );
    writeAudit(tx, { actorId: null, action: "swap.cancel", entity: "swap_request", entityId: request.id, details: { reason: "republish", archivedRosters: [...rosterIdsArchived] }, at: now });
  }
  return { moved, cancelled };
}
