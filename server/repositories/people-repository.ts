/**
 * People as accounts and contracts: the session's person, sign-in credentials, and the
 * manager's writes of a person and their allowed shift templates. Plain objects in and out;
 * a password hash leaves this file only through `findSignInAccount`, for the password check.
 * Directory reads (lists of people without hashes) are in org-repository.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { people, personTemplates, ROLES, type Role } from "@/db/schema";

/** The roles a person may hold, as storage knows them (for input schemas above this floor). */
export const PERSON_ROLES = ROLES;

/** The signed-in person as the request context holds it. */
export interface SessionPersonRecord {
  id: number;
  name: string;
  email: string;
  role: Role;
  regionId: number;
  teamId: number | null;
  timeZone: string | null;
  isPlanner: boolean;
}

/** What a sign-in needs to check a password and start a session. */
export interface SignInAccountRecord {
  id: number;
  role: Role;
  active: boolean;
  passwordHash: string;
}

/** The fields a manager sets on a person (the password hash is set apart). */
export interface PersonFields {
  name: string;
  email: string;
  role: Role;
  regionId: number;
  timeZone: string | null;
  teamId: number | null;
  skills: string[];
  maxMinutesPerWeek: number;
  minMinutesPerWeek: number;
  maxDaysPerWeek: number;
  minRestMinutes: number;
  /** The planner mark (only a lead's counts); left as stored when absent. */
  isPlanner?: boolean;
}

/** The person behind a session id, or undefined when they are gone or deactivated. */
export function findActivePersonForSession(db: Queryable, personId: number): SessionPersonRecord | undefined {
  const row = db.select().from(people).where(eq(people.id, personId)).get();
  if (!row?.active) return undefined;
  return { id: row.id, name: row.name, email: row.email, role: row.role, regionId: row.regionId, teamId: row.teamId, timeZone: row.timeZone, isPlanner: row.isPlanner };
}

/** The account with this (already normalised) email, active or not, for the password check. */
export function findSignInAccount(db: Queryable, email: string): SignInAccountRecord | undefined {
  return db.select({ id: people.id, role: people.role, active: people.active, passwordHash: people.passwordHash }).from(people).where(eq(people.email, email)).get();
}

/** Whether a person with this id exists (active or not). */
export function personExists(db: Queryable, id: number): boolean {
  return db.select({ id: people.id }).from(people).where(eq(people.id, id)).get() !== undefined;
}

/** A person's role, or undefined when there is no such person. */
export function findPersonRole(db: Queryable, id: number): Role | undefined {
  return db.select({ role: people.role }).from(people).where(eq(people.id, id)).get()?.role;
}

/** Whether someone other than `exceptId` already uses this email. */
export function isEmailTaken(db: Queryable, email: string, exceptId?: number): boolean {
  const match = exceptId === undefined ? eq(people.email, email) : and(eq(people.email, email), ne(people.id, exceptId));
  return db.select({ id: people.id }).from(people).where(match).get() !== undefined;
}

/** Inserts a person; returns the new id. */
export function insertPerson(tx: Queryable, fields: PersonFields & { passwordHash: string }): number {
  return tx.insert(people).values(fields).returning({ id: people.id }).get().id;
}

/** Updates a person's fields, and the password hash when one is given. */
export function updatePerson(tx: Queryable, id: number, fields: PersonFields, passwordHash?: string): void {
  tx.update(people).set({ ...fields, ...(passwordHash ? { passwordHash } : {}) }).where(eq(people.id, id)).run();
}

/** Makes `templateIds` the person's allowed shift templates, replacing any before. */
export function replacePersonTemplates(tx: Queryable, personId: number, templateIds: readonly number[]): void {
  tx.delete(personTemplates).where(eq(personTemplates.personId, personId)).run();
  for (const templateId of templateIds) tx.insert(personTemplates).values({ personId, templateId }).run();
}

/** Puts a person in a team (a team's lead belongs to the team they lead). */
export function setPersonTeam(tx: Queryable, personId: number, teamId: number): void {
  tx.update(people).set({ teamId }).where(eq(people.id, personId)).run();
}

/**
 * A person as the CSV import writes them: the directory fields and the whole contract. The own
 * zone, the planner mark and the password are not part of the file, so an update keeps them.
 */
export interface ImportedPersonFields {
  name: string;
  email: string;
  role: Role;
  regionId: number;
  teamId: number | null;
  skills: string[];
  maxMinutesPerWeek: number;
  minMinutesPerWeek: number;
  maxDaysPerWeek: number;
  maxConsecutiveDays: number;
  minRestMinutes: number;
  annualLeaveHours: number;
}

/** Inserts an imported person with the given (unusable until set) password hash; returns the id. */
export function insertImportedPerson(tx: Queryable, fields: ImportedPersonFields & { passwordHash: string }): number {
  return tx.insert(people).values({ ...fields, timeZone: null }).returning({ id: people.id }).get().id;
}

/**
 * Updates an imported person's fields; their zone and password stay, and so does the planner
 * mark while they remain a lead (the mark means nothing on other roles, so it goes with the role).
 */
export function updateImportedPerson(tx: Queryable, id: number, fields: ImportedPersonFields): void {
  tx.update(people)
    .set({ ...fields, ...(fields.role === "lead" ? {} : { isPlanner: false }) })
    .where(eq(people.id, id))
    .run();
}

/** Deactivates a person at `deactivatedAt`, or reactivates them with null. */
export function setPersonActive(tx: Queryable, id: number, deactivatedAt: Date | null): void {
  tx.update(people).set({ active: deactivatedAt === null, deactivatedAt }).where(eq(people.id, id)).run();
}

/** A person's stored password hash, for checking their current password before a change. */
export function findPasswordHash(db: Queryable, id: number): string | undefined {
  return db.select({ passwordHash: people.passwordHash }).from(people).where(eq(people.id, id)).get()?.passwordHash;
}

/** Replaces a person's password hash. */
export function setPasswordHash(tx: Queryable, id: number, passwordHash: string): void {
  tx.update(people).set({ passwordHash }).where(eq(people.id, id)).run();
}
