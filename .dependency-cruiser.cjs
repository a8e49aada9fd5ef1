// The import graph of issue 12's floor, checked by `npm run lint:deps` (dependency-cruiser).
// Arrows point one way: app → server/api → server/services → (server/domain, server/solver,
// server/jobs, server/repositories → db). ESLint holds the same fences file by file; this
// check sees the whole graph (circles, type-only versus value imports, resolved paths).

/** Storage and its composition roots: the only files that may use drizzle and the schema's values. */
const STORAGE_FLOOR = "^(db/|server/repositories/|server/seed/|server/testing/|scripts/db-migrate\\.ts$)";
/** Tests build their own data, so they may reach storage directly. */
const TESTS = "\\.(test|spec)\\.tsx?$";
/** Files that open the database handle and pass it down: the tRPC context, the route handlers and the set-up and import commands. */
const HANDLE_OPENERS = "^(server/api/trpc\\.ts|server/api/server-caller\\.ts|server/api/background\\.ts|app/api/.+/route\\.ts|scripts/(setup|import)\\.ts)$";

/**
 * What pages may import from server/ as values (type-only imports are always fine):
 * - server/domain/time/: pure time helpers (one formatInstant for server and pages);
 * - pure constant modules of the engine: server/domain/<area>/constants.ts, and
 *   server/domain/roster/contract.ts (DEFAULT_CONTRACT, which the person form starts from);
 * - server/api/server-caller.ts: the tRPC caller for server components (app/_lib/session.ts,
 *   layouts and pages call procedures through it, with the same permission checks);
 * - server/api/guard.ts and server/auth/permissions.ts: the one permissions table, which the
 *   navigation and the pages read to show only what the actor may do.
 * The tRPC React client (app/_lib/trpc.tsx) imports only the AppRouter type.
 */
const PAGE_MAY_IMPORT =
  "^(server/domain/time/|server/domain/[^/]+/constants\\.ts$|server/domain/roster/contract\\.ts$|server/api/server-caller\\.ts$|server/api/guard\\.ts$|server/auth/permissions\\.ts$)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "server/domain imports only luxon, zod and itself (tests may add vitest, fast-check and fixtures).",
      severity: "error",
      from: { path: "^server/domain/", pathNot: TESTS },
      to: { pathNot: "^(server/domain/|node_modules/(luxon|zod|@types/luxon)/)" },
    },
    {
      name: "drizzle-only-in-storage",
      comment: "Only server/repositories, db/, the seed, test support and tests speak drizzle or better-sqlite3.",
      severity: "error",
      from: { pathNot: [STORAGE_FLOOR, TESTS] },
      to: { path: "^node_modules/(drizzle-orm|better-sqlite3|@types/better-sqlite3)/" },
    },
    {
      name: "schema-values-only-in-storage",
      comment: "Only the storage floor and tests import db/schema values; `import type` of row types is fine.",
      severity: "error",
      from: { pathNot: [STORAGE_FLOOR, TESTS] },
      to: { path: "^db/(schema|types)\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "client-only-where-the-handle-opens",
      comment: "db/client is opened by the tRPC context and the route handlers (and storage, the seed, tests).",
      severity: "error",
      from: { pathNot: [STORAGE_FLOOR, TESTS, HANDLE_OPENERS] },
      to: { path: "^db/client\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "services-not-above",
      comment: "Services never import the transport layer: use-case types live beside the services.",
      severity: "error",
      from: { path: "^server/services/" },
      to: { path: "^server/api/" },
    },
    {
      name: "repositories-not-services",
      comment: "Repositories sit below services.",
      severity: "error",
      from: { path: "^server/repositories/" },
      to: { path: "^server/services/" },
    },
    {
      name: "lower-floors-not-up",
      comment: "The engine, solver, jobs, import parsing, auth and repositories sit below services and the API.",
      severity: "error",
      from: { path: "^server/(domain|solver|jobs|import|auth|repositories)/" },
      to: { path: "^server/(services|api|seed)/" },
    },
    {
      name: "db-imports-only-db",
      comment: "db/ is storage only: schema, client, migrations; it imports nothing above it.",
      severity: "error",
      from: { path: "^db/" },
      to: { pathNot: "^(db/|node_modules/)", dependencyTypesNot: ["core"] },
    },
    {
      name: "pages-through-trpc",
      comment: "Pages reach server/ and db/ through tRPC, route handlers or type-only imports (see PAGE_MAY_IMPORT).",
      severity: "error",
      from: { path: "^app/", pathNot: "^app/api/" },
      to: { path: "^(server|db)/", pathNot: PAGE_MAY_IMPORT, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-service-circles",
      comment: "No two service files import each other, directly or round a circle: shared inputs live in one module both call.",
      severity: "error",
      from: { path: "^server/services/" },
      to: { path: "^server/services/", circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|data|test-results|playwright-report)/" },
    moduleSystems: ["es6", "cjs"],
    // Needed to see `import type` at all, and to label it "type-only".
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
