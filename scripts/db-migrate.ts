/** `npm run db:migrate`: create the database file if needed and apply committed migrations. */
import { openDatabase } from "../db/client";
import { getEnv } from "../server/env";

const path = getEnv().DATABASE_PATH;
openDatabase(path).$client.close();
console.log(`Migrated ${path}`);
