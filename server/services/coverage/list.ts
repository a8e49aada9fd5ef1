/** The rosters the coverage page offers. */
import type { Actor } from "@/server/auth/actor";
import * as repo from "@/server/repositories/roster-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { visibleRegionIds } from "./scope";

/** Rosters with a coverage view (all but archived), newest period first; agents are refused. */
export function listCoverageRosters(db: Store, actor: Actor) {
  visibleRegionIds(db, actor);
  return repo
    .listRosters(db)
    .filter((r) => r.status !== "archived")
    .map((r) => ({ id: r.id, name: r.name, status: r.status, periodStart: r.periodStart.toISOString(), days: r.days }));
}
