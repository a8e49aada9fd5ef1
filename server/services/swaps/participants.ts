/**
 * Who a swap request involves and how its shift is named to each of them: shared by the
 * requests, approvals, expiry and republish follow-ups, so every notice words a shift alike.
 */
import { localLabel } from "@/server/domain/time/format";
import type { SwapRow } from "@/server/repositories/swap-repository";
import { zoneOf, type OrgSnapshot } from "../engine-input/org-snapshot";

/** The requester and, once there is one, the counterpart: the people told about a request. */
export function involvedIds(request: Pick<SwapRow, "requesterId" | "counterpartId">): number[] {
  return [request.requesterId, ...(request.counterpartId !== null ? [request.counterpartId] : [])];
}

/** A shift's start in the reader's own zone, e.g. "Thu 26 Nov 08:00 (Europe/Dublin)", for notices. */
export function describeShift(dir: OrgSnapshot, shift: { startsAt: Date; regionId: number }, personId: number | null): string {
  return localLabel(shift.startsAt.getTime(), zoneOf(dir, personId));
}
