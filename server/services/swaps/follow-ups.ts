/**
 * What follows from a republish for open swap requests: they follow an unchanged shift into the
 * new roster, or are cancelled and their people told. Called by publishing inside its transaction.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { rosters, shifts, swapRequests } from "@/db/schema";
import { localLabel } from "@/server/domain/swaps/eligibility";
import { writeAudit } from "@/server/repositories/audit-repository";
import { addNotifications as notify } from "@/server/repositories/notification-repository";
import * as repo from "@/server/repositories/swap-repository";
import { loadOrgSnapshot, zoneOf, type OrgSnapshot } from "../engine-input/org-snapshot";

export function involvedIds(request: Pick<repo.SwapRow, "requesterId" | "counterpartId">): number[] {
  return [request.requesterId, ...(request.counterpartId !== null ? [request.counterpartId] : [])];
}

export function describeShift(dir: OrgSnapshot, shift: { startsAt: Date; regionId: number }, personId: number | null): string {
  return localLabel(shift.startsAt.getTime(), zoneOf(dir, personId));
}

/**
 * Called by publishRoster inside its transaction, after archiving `rosterIdsArchived`: open
 * requests on shifts of those rosters follow their shift into the newly published roster when it
 * is unchanged there (same person, template, start and end); otherwise they are cancelled and the
 * people involved are told.
 */
export function cancelRequestsForChangedShifts(tx: Queryable, rosterIdsArchived: readonly number[], now: Date): { moved: number; cancelled: number } {
  const open = repo.listOpenInRosters(tx, [...rosterIdsArchived]);
  if (open.length === 0) return { moved: 0, cancelled: 0 };
  const dir = loadOrgSnapshot(tx);
  const shiftIds = [...new Set(open.flatMap((r) => [r.shiftId, ...(r.counterpartShiftId !== null ? [r.counterpartShiftId] : [])]))];
  const oldShifts = tx.select().from(shifts).where(inArray(shifts.id, shiftIds)).all();
  const oldById = new Map(oldShifts.map((s) => [s.id, s]));
  const published = tx.select().from(rosters).where(eq(rosters.status, "published")).all();
  const publishedShifts = published.length ? tx.select().from(shifts).where(inArray(shifts.rosterId, published.map((r) => r.id))).all() : [];
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
      tx.update(swapRequests).set({ shiftId: shift.id, counterpartShiftId: other?.id ?? null }).where(eq(swapRequests.id, request.id)).run();
      moved++;
      continue;
    }
    tx.update(swapRequests)
      .set({ status: "cancelled", closedReason: "The roster was republished and this shift changed.", decidedAt: now })
      .where(and(eq(swapRequests.id, request.id), inArray(swapRequests.status, ["pending", "accepted"])))
      .run();
    cancelled++;
    const old = oldById.get(request.shiftId);
    notify(
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
