/**
 * Opens the SQLite database (WAL, foreign keys on) and applies committed migrations,
 * so a fresh checkout creates its database file on first start.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

/** Opens (creating if needed) and migrates a database. `":memory:"` gives a private in-memory one for tests. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema, casing: "snake_case" });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

const globalForDb = globalThis as unknown as { sunshiftDb?: Db };

/** The app's shared connection, opened once per process. */
export function getDb(path: string): Db {
  globalForDb.sunshiftDb ??= openDatabase(path);
  return globalForDb.sunshiftDb;
}
