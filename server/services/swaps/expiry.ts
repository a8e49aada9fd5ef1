/**
 * Expiry of open requests whose shift has started. The write paths (create, accept, decline,
 * cancel, approve, reject) expire due requests first, so nobody acts on one, and tell the people
 * involved; reads never write and show such a request as expired through `applyEffectiveStatus`.
 */
import { EXPIRED_REASON, effectiveSwapStatus, OPEN_STATUSES } from "@/server/domain/swaps/state-machine";
import { writeAudit } from "@/server/repositories/audit-repository";
import { addNotifications } from "@/server/repositories/notification-repository";
import * as repo from "@/server/repositories/swap-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { loadOrgSnapshot, nameOf } from "../engine-input/org-snapshot";
import { involvedIds } from "./participants";

/**
 * Expires requests whose shifts have started by `now` and tells the people involved; returns
 * how many expired. Its own transaction, or a savepoint in the caller's when `store` is one.
 */
export function expireDueRequests(store: Store, now: Date): number {
  return inTransaction(store, (tx) => {
    const expired = repo.expireStarted(tx, now, EXPIRED_REASON);
    if (expired.length === 0) return 0;
    const dir = loadOrgSnapshot(tx);
    addNotifications(
      tx,
      expired.flatMap((r) =>
        involvedIds(r).map((personId) => ({
          personId,
          kind: "swap.expired" as const,
          message: `${r.kind[0]?.toUpperCase()}${r.kind.slice(1)} request #${r.id} from ${nameOf(dir, r.requesterId)} expired: the shift started before it was settled.`,
          link: "/me",
        })),
      ),
      now,
    );
    for (const r of expired) writeAudit(tx, { actorId: null, action: "swap.expire", entity: "swap_request", entityId: r.id, at: now });
    return expired.length;
  });
}

/**
 * The requests as a reader sees them at `now`: an open one whose shift has started reads as
 * expired (with the reason expiry stores), though no write path has recorded it yet. Writes
 * nothing, so a list or preview never changes data.
 */
export function applyEffectiveStatus(db: Store, requests: readonly repo.SwapRow[], now: Date): repo.SwapRow[] {
  const open = requests.filter((r) => OPEN_STATUSES.includes(r.status));
  if (open.length === 0) return [...requests];
  const starts = repo.listShiftStarts(db, open.flatMap((r) => [r.shiftId, ...(r.counterpartShiftId !== null ? [r.counterpartShiftId] : [])]));
  return requests.map((r) => {
    const shiftStartsMs = [r.shiftId, r.counterpartShiftId].flatMap((id) => {
      const start = id === null ? undefined : starts.get(id);
      return start ? [start.getTime()] : [];
    });
    const status = effectiveSwapStatus(r.status, shiftStartsMs, now.getTime());
    return status === r.status ? r : { ...r, status, closedReason: EXPIRED_REASON };
  });
}
