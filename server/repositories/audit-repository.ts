/**
 * The audit log: append-only entries written inside the use case's transaction, and the
 * manager's reads of it (a filtered, newest-first page with its total, the people and actions
 * that appear in it, and the names of the things entries point at).
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, like, lt, type SQL } from "drizzle-orm";
import type { Queryable as Db } from "@/db/types";
import { auditLog, channels, people, regions, rosters, shifts, shiftTemplates, specialDays, teams } from "@/db/schema";

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

/** One audit entry as the audit screen reads it, with the actor's name (null actor = the system). */
export interface AuditEntryRecord {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * Which entries to read. `actorId` "system" means entries no person made (expiries, the seed,
 * set-up); `actionPrefix` matches the action's first part ("roster" → roster.*); `from` is
 * inclusive and `to` exclusive.
 */
export interface AuditFilter {
  actorId?: number | "system";
  actionPrefix?: string;
  from?: Date;
  to?: Date;
}

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.actorId === "system") conditions.push(isNull(auditLog.actorId));
  else if (filter.actorId !== undefined) conditions.push(eq(auditLog.actorId, filter.actorId));
  // The prefix is letters only (the input schema says so), so LIKE needs no escaping.
  if (filter.actionPrefix !== undefined) conditions.push(like(auditLog.action, `${filter.actionPrefix}.%`));
  if (filter.from !== undefined) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to !== undefined) conditions.push(lt(auditLog.at, filter.to));
  return conditions.length === 0 ? undefined : and(...conditions);
}

/** How many entries match the filter. */
export function countAuditEntries(db: Db, filter: AuditFilter): number {
  return db.select({ n: count() }).from(auditLog).where(whereOf(filter)).get()?.n ?? 0;
}

/** One page of matching entries, newest first (ties by id, so pages never overlap). */
export function listAuditEntries(db: Db, filter: AuditFilter, page: { limit: number; offset: number }): AuditEntryRecord[] {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: people.name,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(whereOf(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

/** The people who appear as actors in the log, by name, for the person filter. */
export function listAuditActors(db: Db): { id: number; name: string }[] {
  return db
    .selectDistinct({ id: people.id, name: people.name })
    .from(auditLog)
    .innerJoin(people, eq(people.id, auditLog.actorId))
    .orderBy(asc(people.name))
    .all();
}

/** Every distinct action in the log, for the kind filter. */
export function listAuditActions(db: Db): string[] {
  return db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action))
    .all()
    .map((r) => r.action);
}

/** The ids of the things a page of entries points at, per kind of thing. */
export interface AuditTargetIds {
  rosters: number[];
  people: number[];
  shifts: number[];
  teams: number[];
  regions: number[];
  templates: number[];
  channels: string[];
  specialDays: number[];
}

/** The names (and a shift's roster) of the things entries point at; gone things are simply absent. */
export interface AuditTargets {
  rosters: Map<number, string>;
  people: Map<number, string>;
  shifts: Map<number, { rosterId: number }>;
  teams: Map<number, string>;
  regions: Map<number, string>;
  templates: Map<number, string>;
  channels: Map<string, string>;
  specialDays: Map<number, string>;
}

/** Names by id, or an empty map without a query when there are no ids. */
function namesById<K extends number | string>(ids: K[], load: (ids: K[]) => { id: K; name: string }[]): Map<K, string> {
  return new Map(ids.length === 0 ? [] : load(ids).map((r) => [r.id, r.name] as const));
}

/** Looks up the things a page of entries points at, a query per kind (a page is at most a few dozen ids). */
export function findAuditTargets(db: Db, ids: AuditTargetIds): AuditTargets {
  const shiftRows = ids.shifts.length === 0 ? [] : db.select({ id: shifts.id, rosterId: shifts.rosterId }).from(shifts).where(inArray(shifts.id, ids.shifts)).all();
  return {
    rosters: namesById(ids.rosters, (some) => db.select({ id: rosters.id, name: rosters.name }).from(rosters).where(inArray(rosters.id, some)).all()),
    people: namesById(ids.people, (some) => db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, some)).all()),
    shifts: new Map(shiftRows.map((r) => [r.id, { rosterId: r.rosterId }] as const)),
    teams: namesById(ids.teams, (some) => db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, some)).all()),
    regions: namesById(ids.regions, (some) => db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, some)).all()),
    templates: namesById(ids.templates, (some) => db.select({ id: shiftTemplates.id, name: shiftTemplates.name }).from(shiftTemplates).where(inArray(shiftTemplates.id, some)).all()),
    channels: namesById(ids.channels, (some) => db.select({ id: channels.key, name: channels.name }).from(channels).where(inArray(channels.key, some)).all()),
    specialDays: namesById(ids.specialDays, (some) => db.select({ id: specialDays.id, name: specialDays.name }).from(specialDays).where(inArray(specialDays.id, some)).all()),
  };
}
