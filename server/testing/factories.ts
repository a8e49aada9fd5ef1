/**
 * Builders for test and seed data. Each returns the inserted row; defaults describe a
 * plausible contact centre so a test only spells out what it is about.
 */
import { hashPassword } from "@/server/auth/password";
import { DEFAULT_CONTRACT } from "@/server/domain/roster/contract";
import type { Queryable } from "@/db/types";
import { channels, orgSettings, people, personTemplates, regions, shiftTemplates, teams, type Role } from "@/db/schema";

type PersonValues = typeof people.$inferInsert;

let cachedHash: { password: string; hash: Promise<string> } | undefined;
/** Hashing with argon2id is deliberately slow; factories hash each distinct password once. */
export function passwordHashFor(password: string): Promise<string> {
  if (cachedHash?.password !== password) cachedHash = { password, hash: hashPassword(password) };
  return cachedHash.hash;
}

export function insertSettings(db: Queryable, values: Partial<typeof orgSettings.$inferInsert> = {}) {
  return db
    .insert(orgSettings)
    .values({ id: 1, name: "Acme Support", timeZone: "UTC", intervalMinutes: 30, weekStart: 1, currency: "USD", ...values })
    .returning()
    .get();
}

export function insertRegion(db: Queryable, values: Partial<typeof regions.$inferInsert> = {}) {
  return db
    .insert(regions)
    .values({
      name: `Region ${Math.random().toString(36).slice(2, 8)}`,
      timeZone: "Europe/Dublin",
      windowStart: "07:00",
      windowEnd: "23:00",
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      hourlyCostCents: 2000,
      ...values,
    })
    .returning()
    .get();
}

export function insertTeam(db: Queryable, values: Partial<typeof teams.$inferInsert> & { regionId: number }) {
  return db
    .insert(teams)
    .values({ name: `Team ${Math.random().toString(36).slice(2, 8)}`, leadId: null, ...values })
    .returning()
    .get();
}

export async function insertPerson(
  db: Queryable,
  values: Partial<Omit<PersonValues, "passwordHash">> & { regionId: number; role?: Role; password?: string; templateIds?: number[] },
) {
  const { password = "correct-horse-battery", templateIds = [], ...rest } = values;
  const passwordHash = await passwordHashFor(password);
  const suffix = Math.random().toString(36).slice(2, 8);
  const row = db
    .insert(people)
    .values({
      name: `Person ${suffix}`,
      email: `person-${suffix}@example.test`,
      role: "agent",
      timeZone: null,
      teamId: null,
      skills: ["voice", "chat"],
      ...DEFAULT_CONTRACT,
      ...rest,
      passwordHash,
    })
    .returning()
    .get();
  for (const templateId of templateIds) db.insert(personTemplates).values({ personId: row.id, templateId }).run();
  return row;
}

export function insertTemplate(db: Queryable, values: Partial<typeof shiftTemplates.$inferInsert> = {}) {
  return db
    .insert(shiftTemplates)
    .values({
      name: `T${Math.random().toString(36).slice(2, 6)}`,
      minutes: 510,
      breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }],
      startStepMinutes: null,
      ...values,
    })
    .returning()
    .get();
}

/** The four standard channels with the service targets the product brief names. */
export function insertStandardChannels(db: Queryable) {
  const rows: (typeof channels.$inferInsert)[] = [
    { key: "voice", name: "Voice", kind: "voice", targetSl: 0.8, targetSeconds: 20, targetAsaSeconds: 120, responseMinutes: null, maxOccupancy: 0.85, shrinkage: 0.15, concurrency: 1, ahtSeconds: 300 },
    { key: "chat", name: "Chat", kind: "chat", targetSl: 0.8, targetSeconds: 48, targetAsaSeconds: null, responseMinutes: null, maxOccupancy: 0.85, shrinkage: 0.15, concurrency: 2, ahtSeconds: 480 },
    { key: "email", name: "Email", kind: "email", targetSl: null, targetSeconds: null, targetAsaSeconds: null, responseMinutes: 60, maxOccupancy: 0.9, shrinkage: 0.15, concurrency: 1, ahtSeconds: 360 },
    { key: "social", name: "Social", kind: "social", targetSl: null, targetSeconds: null, targetAsaSeconds: null, responseMinutes: 60, maxOccupancy: 0.9, shrinkage: 0.15, concurrency: 1, ahtSeconds: 240 },
  ];
  return rows.map((r) => db.insert(channels).values(r).returning().get());
}
