/**
 * The swap request life cycle, as one table. A request is one of three kinds:
 *
 * - `swap`: my shift for a named colleague's shift. The colleague accepts or declines, then a lead decides.
 * - `offer`: my shift to a named colleague or, with no counterpart, to anyone eligible in my team. The
 *   first eligible colleague to accept takes it (an atomic conditional update), then a lead decides.
 * - `drop`: I ask to be taken off a shift. No counterpart; a lead decides straight away.
 *
 * Every open request (pending or accepted) ends `cancelled` when its requester withdraws it or a
 * republish changes its shifts, and `expired` once either shift has started. The write paths
 * record expiry before they act; reads never write and show it through `effectiveSwapStatus`.
 */

export type SwapKind = "swap" | "offer" | "drop";
export type SwapStatus = "pending" | "accepted" | "approved" | "rejected" | "cancelled" | "expired";
export type SwapAction = "accept" | "decline" | "approve" | "reject" | "cancel" | "republish" | "expire";

/** Who may take an action: the requester, the counterpart (or, for an open offer, any eligible colleague), a lead/manager, or the system. */
export type SwapActor = "requester" | "counterpart" | "approver" | "system";

interface Transition {
  from: readonly SwapStatus[];
  to: SwapStatus;
  by: SwapActor;
  kinds: readonly SwapKind[];
}

/** The whole state machine. Anything not listed is refused. */
export const SWAP_TRANSITIONS: Readonly<Record<SwapAction, Transition>> = {
  accept: { from: ["pending"], to: "accepted", by: "counterpart", kinds: ["swap", "offer"] },
  // A directed request that its counterpart declines is closed; an open offer stays open for the others.
  decline: { from: ["pending"], to: "rejected", by: "counterpart", kinds: ["swap", "offer"] },
  approve: { from: ["accepted"], to: "approved", by: "approver", kinds: ["swap", "offer"] },
  reject: { from: ["accepted"], to: "rejected", by: "approver", kinds: ["swap", "offer"] },
  cancel: { from: ["pending", "accepted"], to: "cancelled", by: "requester", kinds: ["swap", "offer", "drop"] },
  republish: { from: ["pending", "accepted"], to: "cancelled", by: "system", kinds: ["swap", "offer", "drop"] },
  expire: { from: ["pending", "accepted"], to: "expired", by: "system", kinds: ["swap", "offer", "drop"] },
};

/** A drop has no counterpart, so a lead decides it while it is still pending. */
const DROP_DECISIONS: Partial<Record<SwapAction, Transition>> = {
  approve: { from: ["pending"], to: "approved", by: "approver", kinds: ["drop"] },
  reject: { from: ["pending"], to: "rejected", by: "approver", kinds: ["drop"] },
};

export const OPEN_STATUSES: readonly SwapStatus[] = ["pending", "accepted"];

/** Why an expired request closed, as stored and as shown before the expiry is recorded. */
export const EXPIRED_REASON = "The shift started before the request was settled.";

/**
 * The status a reader sees at `nowMs`: an open request one of whose shifts has started (start at
 * or before now) is expired, whether or not a write path has recorded it yet. Closed statuses
 * stay as they are. `shiftStartsMs`: the starts of the request's shift and counterpart shift.
 * @example effectiveSwapStatus("pending", [Date.UTC(2026, 10, 25, 8)], Date.UTC(2026, 10, 25, 8)) //=> "expired"
 * @example effectiveSwapStatus("accepted", [Date.UTC(2026, 10, 25, 8)], Date.UTC(2026, 10, 24, 12)) //=> "accepted"
 * @example effectiveSwapStatus("approved", [0], 1) //=> "approved"
 */
export function effectiveSwapStatus(status: SwapStatus, shiftStartsMs: readonly number[], nowMs: number): SwapStatus {
  if (!OPEN_STATUSES.includes(status)) return status;
  return shiftStartsMs.some((startMs) => startMs <= nowMs) ? "expired" : status;
}

/**
 * The status after `action`, or null when the machine does not allow it from here.
 * @example nextSwapStatus("offer", "pending", "accept") //=> "accepted"
 * @example nextSwapStatus("offer", "approved", "cancel") //=> null
 * @example nextSwapStatus("drop", "pending", "approve") //=> "approved"
 */
export function nextSwapStatus(kind: SwapKind, status: SwapStatus, action: SwapAction): SwapStatus | null {
  const transition = (kind === "drop" ? DROP_DECISIONS[action] : undefined) ?? SWAP_TRANSITIONS[action];
  if (!transition.kinds.includes(kind) || !transition.from.includes(status)) return null;
  return transition.to;
}

/** Statuses from which `action` is allowed for `kind` (for conditional updates: `WHERE status IN (...)`). */
export function statusesAllowing(kind: SwapKind, action: SwapAction): SwapStatus[] {
  const transition = (kind === "drop" ? DROP_DECISIONS[action] : undefined) ?? SWAP_TRANSITIONS[action];
  return transition.kinds.includes(kind) ? [...transition.from] : [];
}

/**
 * Why an action is refused, in plain words.
 * @example refusalMessage("approve", "pending", "swap") //=> "This request is waiting for the colleague to accept; it cannot be approved yet."
 */
export function refusalMessage(action: SwapAction, status: SwapStatus, kind: SwapKind): string {
  if (status === "pending" && (action === "approve" || action === "reject") && kind !== "drop") {
    return `This request is waiting for the colleague to accept; it cannot be ${action === "approve" ? "approved" : "rejected"} yet.`;
  }
  if (status === "accepted" && action === "accept") return "Someone else has already accepted this request.";
  if (!SWAP_TRANSITIONS[action].kinds.includes(kind)) return `A ${kind} request cannot be ${pastTense(action)}.`;
  return `This request is already ${status}; it cannot be ${pastTense(action)}.`;
}

function pastTense(action: SwapAction): string {
  return { accept: "accepted", decline: "declined", approve: "approved", reject: "rejected", cancel: "cancelled", republish: "cancelled", expire: "expired" }[action];
}
