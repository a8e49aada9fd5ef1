/** The roster list: every roster for leads and managers, published ones only for agents. */
import type { Actor } from "@/server/auth/actor";
import * as repo from "@/server/repositories/roster-repository";
import type { Store } from "@/server/repositories/unit-of-work";

/** Rosters the actor may see, newest period first, shaped for the page. */
export function listRostersFor(db: Store, actor: Actor) {
  const all = repo.listRosters(db);
  return (actor.role === "agent" ? all.filter((r) => r.status === "published") : all).map((r) => ({
    id: r.id,
    name: r.name,
    periodStart: r.periodStart.toISOString(),
    days: r.days,
    status: r.status,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    summary: r.solveSummary,
    staleReason: r.staleReason,
  }));
}
