/** The audit log: append-only entries written inside the use case's transaction. */
import type { Queryable as Db } from "@/db/types";
import { auditLog } from "@/db/schema";

/** Appends one audit entry inside the caller's transaction. */
export function writeAudit(
  tx: Db,
  entry: { actorId: number | null; action: string; entity: string; entityId?: string | number; details?: Record<string, unknown>; at: Date },
): void {
  tx.insert(auditLog)
    .values({
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      details: entry.details ?? null,
    })
    .run();
}
