import type Database from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema";

/** A database or a transaction on it: what repositories and services accept. */
export type Queryable = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;
