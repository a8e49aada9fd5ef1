/**
 * Test harness for API tests: a fresh migrated in-memory database and callers acting as
 * a given person (or nobody), with a fixed clock.
 */
import { openDatabase, type Db } from "@/db/client";
import { createCaller } from "@/server/api/root";
import { createContextInner } from "@/server/api/trpc";
import type { SessionPort } from "@/server/auth/session";

export const FIXED_NOW = new Date("2026-11-24T12:00:00Z");

export function freshDb(): Db {
  return openDatabase(":memory:");
}

export class MemorySession implements SessionPort {
  constructor(public personId: number | undefined = undefined) {}
  signIn(personId: number) {
    this.personId = personId;
    return Promise.resolve();
  }
  signOut() {
    this.personId = undefined;
    return Promise.resolve();
  }
}

export function callerFor(db: Db, personId?: number, now: () => Date = () => FIXED_NOW) {
  const session = new MemorySession(personId);
  return { caller: createCaller(createContextInner({ db, session, now })), session };
}
