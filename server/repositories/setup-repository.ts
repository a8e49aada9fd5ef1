/**
 * The organisation's first writes: whether the database already holds an organisation, the
 * settings row and the channels a set-up creates. Regions, templates and the manager are
 * written through org- and people-repository like any other.
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { channels, orgSettings, people, type ChannelKind } from "@/db/schema";

/** What a database already holds of an organisation; both null on a fresh one. */
export interface ExistingOrganisationRecord {
  /** The settings row's organisation name, or null when there is no settings row. */
  settingsName: string | null;
  /** The email of some manager, or null when there is none. */
  managerEmail: string | null;
}

/** The organisation the database already holds, as far as set-up cares (settings row, a manager). */
export function findExistingOrganisation(db: Queryable): ExistingOrganisationRecord {
  const settings = db.select({ name: orgSettings.name }).from(orgSettings).limit(1).get();
  const manager = db.select({ email: people.email }).from(people).where(eq(people.role, "manager")).limit(1).get();
  return { settingsName: settings?.name ?? null, managerEmail: manager?.email ?? null };
}

/** The settings row as a set-up writes it; the other columns take their defaults. */
export interface NewOrgSettings {
  name: string;
  timeZone: string;
  intervalMinutes: number;
  weekStart: number;
  currency: string;
}

/** Writes the one settings row (id 1). */
export function insertOrgSettings(tx: Queryable, settings: NewOrgSettings): void {
  tx.insert(orgSettings)
    .values({ id: 1, ...settings })
    .run();
}

/** A channel with its targets, shaped like its row. */
export interface NewChannel {
  key: string;
  name: string;
  kind: ChannelKind;
  targetSl: number | null;
  targetSeconds: number | null;
  targetAsaSeconds: number | null;
  responseMinutes: number | null;
  maxOccupancy: number | null;
  shrinkage: number;
  concurrency: number;
  ahtSeconds: number;
}

/** Inserts channels; their keys must be new. */
export function insertChannels(tx: Queryable, rows: readonly NewChannel[]): void {
  for (const row of rows) tx.insert(channels).values(row).run();
}
