/**
 * Publishing: a draft becomes the published roster for its period, any published roster
 * overlapping that period is archived, and open swap requests on changed shifts are cancelled.
 */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as repo from "@/server/repositories/roster-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { cancelRequestsForChangedShifts } from "../swaps/follow-ups";

/**
 * Publishes a draft in one transaction: it becomes the published roster for its period and
 * any published roster overlapping that period is archived. Agents see only published rosters.
 */
export function publishRoster(db: Store, actor: Actor, rosterId: number, now: Date): { id: number; archived: number[] } {
  return inTransaction(db, (tx) => {
    const roster = repo.getRoster(tx, rosterId);
    if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
    const end = new Date(roster.periodStart.getTime() + roster.days * 86_400_000);
    const replaced = repo.publishedOverlapping(tx, roster.periodStart, end, roster.id).map((r) => r.id);
    // Conditional on the roster being a draft still, inside the transaction that archives.
    if (roster.status !== "draft" || !repo.publishDraft(tx, roster.id, now)) throw new AppError("CONFLICT", { message: "Only a draft can be published." });
    repo.archiveRosters(tx, replaced, now);
    // Open swap requests on the replaced roster follow unchanged shifts; the rest are cancelled and their people told.
    cancelRequestsForChangedShifts(tx, replaced, now);
    writeAudit(tx, { actorId: actor.id, action: "roster.publish", entity: "roster", entityId: roster.id, details: { archived: replaced }, at: now });
    return { id: roster.id, archived: replaced };
  });
}
