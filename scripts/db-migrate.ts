/** `npm run db:migrate`: create the database file if needed and apply committed migrations. */
import { openDatabase } from "../db/client";

const path = process.env.DATABASE_PATH ?? "data/sunshift.db";
openDatabase(path).$client.close();
console.log(`Migrated ${path}`);
