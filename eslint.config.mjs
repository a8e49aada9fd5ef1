// ESLint flat config: type-aware typescript-eslint rules, drizzle's guard against
// unscoped updates/deletes, an import ban that keeps server/domain pure, and a fence that
// keeps drizzle and the schema's values inside the storage floor. The import graph as a
// whole (circles, who may import whom) is checked by dependency-cruiser (`npm run lint:deps`).
import js from "@eslint/js";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

/** Files that may import drizzle and the schema's values: storage, composition roots, tests. */
const STORAGE_FLOOR = ["db/**", "server/repositories/**", "server/seed/**", "server/testing/**", "scripts/db-migrate.ts", ...TESTS];

/** Files that open the database handle: the tRPC context, the route handlers and the set-up and import commands. */
const HANDLE_OPENERS = ["server/api/trpc.ts", "server/api/server-caller.ts", "server/api/background.ts", "app/api/**/route.ts", "scripts/setup.ts", "scripts/import.ts"];

const DRIZZLE_BAN = {
  group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"],
  message: "Only server/repositories and db/ speak drizzle: call a repository function.",
};
const DB_PATHS = ["@/db/schema", "@/db/types", "**/db/schema", "**/db/types"];
const CLIENT_PATHS = ["@/db/client", "**/db/client"];
/** Types of rows may cross floors (`import type`); values (tables, the handle) may not. */
const dbValueBan = (paths) => ({
  group: paths,
  allowTypeImports: true,
  message: "Only server/repositories and db/ use the schema and the client: call a repository function (`import type` is fine).",
});

/** "Now" and the machine are arguments of the engine, never read from inside it. */
const NO_CLOCK = "No clock in server/domain: take 'now' as an argument.";
const DOMAIN_PROPERTIES = [
  { object: "Date", property: "now", message: NO_CLOCK },
  { object: "DateTime", property: "now", message: NO_CLOCK },
  { object: "DateTime", property: "local", message: `${NO_CLOCK} (DateTime.local also reads the machine's zone: use DateTime.fromObject(..., { zone }).)` },
  { object: "performance", property: "now", message: NO_CLOCK },
  { object: "globalThis", property: "process", message: "No process in server/domain." },
  { object: "globalThis", property: "performance", message: NO_CLOCK },
  { object: "globalThis", property: "Date", message: NO_CLOCK },
];

/**
 * The domain's import fence for a file `depth` folders below server/domain: luxon, zod and
 * the domain itself; a relative path with more `../` than the depth leaves server/domain.
 */
function domainImportFence(depth) {
  const leaving = `^(\\./)?${"\\.\\./".repeat(depth)}\\.\\.(/|$)`;
  return {
    files: [`server/domain/${"*/".repeat(depth)}*.ts`],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "fs/*", "path", "url", "os", "child_process", "worker_threads", "crypto", "perf_hooks"], message: "server/domain is pure: no Node built-ins (I/O, clock, machine)." },
            { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3", "next", "next/*", "react", "react/*", "@trpc/*", "highs"], message: "server/domain is pure: no I/O or framework imports." },
            { group: ["@/server/env", "@/server/jobs/*", "@/server/auth/*"], message: "server/domain reads no environment, runs no jobs and knows no sessions: pass what it needs as arguments." },
            { regex: leaving, message: "This relative import leaves server/domain: the engine imports only luxon, zod and itself." },
            { regex: "^(?!luxon$|zod$|zod/|@/server/domain/|\\./|\\.\\./)", message: "server/domain imports only luxon, zod and itself." },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "**/*.mjs", "**/*.cjs", "**/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/require-await": "off",
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // Above the storage floor: no drizzle, no schema or client values.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: [...STORAGE_FLOOR, ...HANDLE_OPENERS],
    rules: { "no-restricted-imports": ["error", { patterns: [DRIZZLE_BAN, dbValueBan([...DB_PATHS, ...CLIENT_PATHS])] }] },
  },
  {
    // The tRPC context and route handlers open the handle (db/client) and pass it down.
    files: HANDLE_OPENERS,
    rules: { "no-restricted-imports": ["error", { patterns: [DRIZZLE_BAN, dbValueBan(DB_PATHS)] }] },
  },
  ...[0, 1, 2].map(domainImportFence),
  {
    // Tests included: a domain test that read the clock would pass or fail by the day it ran.
    files: ["server/domain/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", ...DOMAIN_PROPERTIES],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: NO_CLOCK },
        { selector: "CallExpression[callee.name='Date']", message: NO_CLOCK },
        { selector: "MemberExpression[object.name='process']", message: "No process (environment, machine) in server/domain." },
        { selector: "ImportExpression", message: "server/domain loads nothing at run time." },
        { selector: "CallExpression[callee.name='require']", message: "server/domain loads nothing at run time." },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "e2e/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
