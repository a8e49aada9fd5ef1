/** Drizzle queries for settings, regions, teams, people, templates and channels. Plain objects out; no password hashes. */
import { and, asc, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { Queryable as Db } from "@/db/types";
import { CHANNEL_KINDS, channels, orgSettings, people, personTemplates, regions, shiftTemplates, teams, type TemplateBreak } from "@/db/schema";

export const personColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  role: people.role,
  regionId: people.regionId,
  timeZone: people.timeZone,
  teamId: people.teamId,
  skills: people.skills,
  maxMinutesPerWeek: people.maxMinutesPerWeek,
  minMinutesPerWeek: people.minMinutesPerWeek,
  maxDaysPerWeek: people.maxDaysPerWeek,
  minRestMinutes: people.minRestMinutes,
  active: people.active,
  isPlanner: people.isPlanner,
};

export type PersonRow = {
  [K in keyof typeof personColumns]: (typeof people.$inferSelect)[K];
};

export interface OrgSettingsRecord {
  id: number;
  name: string;
  timeZone: string;
  intervalMinutes: number;
  weekStart: number;
  currency: string;
  /** Tools (licences) per user and month, in cents of `currency`. */
  toolsCostCentsPerUserMonth: number;
  /** Overtime pay on top of the hourly cost: 0.5 = time and a half. */
  overtimePremium: number;
  /** The team-lead span: one lead on duty per `leadSpanMin`–`leadSpanMax` agents. */
  leadSpanMin: number;
  leadSpanMax: number;
}

/** The settings a manager edits (everything but the row id). */
export type OrgSettingsFields = Omit<OrgSettingsRecord, "id">;

/** The organisation's planning settings, or the defaults before any are saved. */
export function getSettings(db: Db): OrgSettingsRecord {
  const row = db.select().from(orgSettings).where(eq(orgSettings.id, 1)).get();
  return (
    row ?? {
      id: 1,
      name: "Sunshift",
      timeZone: "UTC",
      intervalMinutes: 30,
      weekStart: 1,
      currency: "USD",
      toolsCostCentsPerUserMonth: 0,
      overtimePremium: 0.5,
      leadSpanMin: 8,
      leadSpanMax: 15,
    }
  );
}

/** Writes the one settings row (creating it on a database that has none) in the caller's transaction. */
export function saveSettings(tx: Db, fields: OrgSettingsFields): OrgSettingsRecord {
  return tx
    .insert(orgSettings)
    .values({ id: 1, ...fields })
    .onConflictDoUpdate({ target: orgSettings.id, set: fields })
    .returning()
    .get();
}

/** Sets one region's hourly staff cost (cents). */
export function updateRegionHourlyCost(tx: Db, id: number, hourlyCostCents: number): void {
  tx.update(regions).set({ hourlyCostCents }).where(eq(regions.id, id)).run();
}

export function listRegions(db: Db): RegionRecord[] {
  return db.select().from(regions).orderBy(asc(regions.id)).all();
}

export function listTeams(db: Db): TeamRecord[] {
  return db.select().from(teams).orderBy(asc(teams.name)).all();
}

export function listPeople(db: Db): PersonRow[] {
  return db.select(personColumns).from(people).orderBy(asc(people.name)).all();
}

export function listPeopleInTeams(db: Db, teamIds: number[]): PersonRow[] {
  if (teamIds.length === 0) return [];
  return db.select(personColumns).from(people).where(inArray(people.teamId, teamIds)).orderBy(asc(people.name)).all();
}

export function getPerson(db: Db, id: number): PersonRow | undefined {
  return db.select(personColumns).from(people).where(eq(people.id, id)).get();
}

export function listTemplates(db: Db): TemplateRecord[] {
  return db.select().from(shiftTemplates).orderBy(asc(shiftTemplates.minutes)).all();
}

export function listPersonTemplateIds(db: Db): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const row of db.select().from(personTemplates).all()) {
    const list = map.get(row.personId) ?? [];
    list.push(row.templateId);
    map.set(row.personId, list);
  }
  return map;
}

/** The kinds a channel may be of, for input schemas. */
export { CHANNEL_KINDS };

export type ChannelRecord = typeof channels.$inferSelect;
/** A channel's stored fields but its key and retirement: what the channels page writes. */
export type ChannelFields = Omit<ChannelRecord, "key" | "retiredAt">;

/** The channels in service (not retired): what is forecast, staffed, skilled and checked. */
export function listChannels(db: Db): ChannelRecord[] {
  return db.select().from(channels).where(isNull(channels.retiredAt)).all();
}

/** Every channel, retired ones included (their history is kept), for the channels page. */
export function listAllChannels(db: Db): ChannelRecord[] {
  return db.select().from(channels).orderBy(asc(channels.name)).all();
}

export function getChannel(db: Db, key: string): ChannelRecord | undefined {
  return db.select().from(channels).where(eq(channels.key, key)).get();
}

/** Whether a channel other than `exceptKey` already has this name. */
export function isChannelNameTaken(db: Db, name: string, exceptKey?: string): boolean {
  const match = exceptKey === undefined ? eq(channels.name, name) : and(eq(channels.name, name), ne(channels.key, exceptKey));
  return db.select({ key: channels.key }).from(channels).where(match).get() !== undefined;
}

export function insertChannel(tx: Db, key: string, fields: ChannelFields): ChannelRecord {
  return tx.insert(channels).values({ key, ...fields }).returning().get();
}

/** Updates a channel the caller has found; a missing row is a bug, not an input error. */
export function updateChannel(tx: Db, key: string, fields: ChannelFields): ChannelRecord {
  const row = tx.update(channels).set(fields).where(eq(channels.key, key)).returning().get();
  if (row === undefined) throw new Error(`org-repository: no channel ${key} to update`);
  return row;
}

/** Retires a channel at `at`, or returns it to service with null. */
export function setChannelRetiredAt(tx: Db, key: string, at: Date | null): void {
  tx.update(channels).set({ retiredAt: at }).where(eq(channels.key, key)).run();
}

/** A region's fields as a manager sets them; the cost is stored in cents. */
export interface RegionFields {
  name: string;
  timeZone: string;
  windowStart: string;
  windowEnd: string;
  workingDays: number[];
  hourlyCostCents: number;
}
export type RegionRecord = RegionFields & { id: number };

export interface TeamFields {
  name: string;
  regionId: number;
  leadId: number | null;
  autoApproveSwaps: boolean;
}
export type TeamRecord = TeamFields & { id: number };

export interface TemplateFields {
  name: string;
  minutes: number;
  startStepMinutes: number | null;
  breaks: TemplateBreak[];
}
export type TemplateRecord = TemplateFields & { id: number };

/** `match`, and not the row `exceptId` when one is given (an update may keep its own name). */
function excluding(match: SQL, idColumn: typeof regions.id | typeof teams.id | typeof shiftTemplates.id, exceptId: number | undefined): SQL {
  return exceptId === undefined ? match : (and(match, ne(idColumn, exceptId)) ?? match);
}

function mustExist<T>(row: T | undefined, entity: string, id: number): T {
  if (row === undefined) throw new Error(`org-repository: no ${entity} ${id} to update`);
  return row;
}

export function regionExists(db: Db, id: number): boolean {
  return db.select({ id: regions.id }).from(regions).where(eq(regions.id, id)).get() !== undefined;
}

/** Whether a region other than `exceptId` already has this name. */
export function isRegionNameTaken(db: Db, name: string, exceptId?: number): boolean {
  return db.select({ id: regions.id }).from(regions).where(excluding(eq(regions.name, name), regions.id, exceptId)).get() !== undefined;
}

export function insertRegion(tx: Db, fields: RegionFields): RegionRecord {
  return tx.insert(regions).values(fields).returning().get();
}

/** Updates a region the caller has found; a missing row is a bug, not an input error. */
export function updateRegion(tx: Db, id: number, fields: RegionFields): RegionRecord {
  return mustExist(tx.update(regions).set(fields).where(eq(regions.id, id)).returning().get(), "region", id);
}

export function teamExists(db: Db, id: number): boolean {
  return db.select({ id: teams.id }).from(teams).where(eq(teams.id, id)).get() !== undefined;
}

/** Whether a team other than `exceptId` already has this name. */
export function isTeamNameTaken(db: Db, name: string, exceptId?: number): boolean {
  return db.select({ id: teams.id }).from(teams).where(excluding(eq(teams.name, name), teams.id, exceptId)).get() !== undefined;
}

export function insertTeam(tx: Db, fields: TeamFields): TeamRecord {
  return tx.insert(teams).values(fields).returning().get();
}

/** Updates a team the caller has found; a missing row is a bug, not an input error. */
export function updateTeam(tx: Db, id: number, fields: TeamFields): TeamRecord {
  return mustExist(tx.update(teams).set(fields).where(eq(teams.id, id)).returning().get(), "team", id);
}

export function templateExists(db: Db, id: number): boolean {
  return db.select({ id: shiftTemplates.id }).from(shiftTemplates).where(eq(shiftTemplates.id, id)).get() !== undefined;
}

/** Every shift template's id. */
export function listTemplateIds(db: Db): number[] {
  return db.select({ id: shiftTemplates.id }).from(shiftTemplates).all().map((t) => t.id);
}

/** Whether a template other than `exceptId` already has this name. */
export function isTemplateNameTaken(db: Db, name: string, exceptId?: number): boolean {
  return db.select({ id: shiftTemplates.id }).from(shiftTemplates).where(excluding(eq(shiftTemplates.name, name), shiftTemplates.id, exceptId)).get() !== undefined;
}

export function insertTemplate(tx: Db, fields: TemplateFields): TemplateRecord {
  return tx.insert(shiftTemplates).values(fields).returning().get();
}

/** Updates a template the caller has found; a missing row is a bug, not an input error. */
export function updateTemplate(tx: Db, id: number, fields: TemplateFields): TemplateRecord {
  return mustExist(tx.update(shiftTemplates).set(fields).where(eq(shiftTemplates.id, id)).returning().get(), "template", id);
}

/** Removes a person as lead of every team they lead; returns those teams' ids. */
export function clearLeadOfTeams(tx: Db, personId: number): number[] {
  return tx.update(teams).set({ leadId: null }).where(eq(teams.leadId, personId)).returning({ id: teams.id }).all().map((t) => t.id);
}

/** Makes `personId` the team's lead. */
export function setTeamLead(tx: Db, teamId: number, personId: number): void {
  tx.update(teams).set({ leadId: personId }).where(eq(teams.id, teamId)).run();
}
