/** Drizzle queries for regions, teams, people and templates. Plain objects out; no password hashes. */
import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable as Db } from "@/db/types";
import { channels, orgSettings, people, personTemplates, regions, shiftTemplates, teams } from "@/db/schema";

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
};

export type PersonRow = {
  [K in keyof typeof personColumns]: (typeof people.$inferSelect)[K];
};

export function getSettings(db: Db) {
  const row = db.select().from(orgSettings).where(eq(orgSettings.id, 1)).get();
  return row ?? { id: 1, name: "Sunshift", timeZone: "UTC", intervalMinutes: 30, weekStart: 1, currency: "USD" };
}

export function listRegions(db: Db) {
  return db.select().from(regions).orderBy(asc(regions.id)).all();
}

export function listTeams(db: Db) {
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

export function listTemplates(db: Db) {
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

export type ChannelRecord = typeof channels.$inferSelect;

export function listChannels(db: Db): ChannelRecord[] {
  return db.select().from(channels).all();
}
