import { defineConfig } from "drizzle-kit";
import { getEnv } from "./server/env";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
  dbCredentials: { url: getEnv().DATABASE_PATH },
});
