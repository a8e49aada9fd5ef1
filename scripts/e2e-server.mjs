#!/usr/bin/env node
// Serves a fresh demo database for the end-to-end tests: build, seed from scratch, start.
// With --empty it serves an empty database instead (no seed: the first-run set-up journey);
// playwright.config.ts starts that one after the demo server, which has built already, so it
// runs with E2E_SKIP_BUILD=1 and never writes .next while the other serves from it.
// The run's "now" comes in as SUNSHIFT_CLOCK_START (playwright.config.ts sets it from
// e2e/fixed-now.ts): the seed seeds at it and the server's clock starts from it, so every
// journey sees the same week whatever the day. server/env.ts accepts it in production only
// beside SUNSHIFT_DEMO=1, which this server sets.
import { rmSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const empty = args.includes("--empty");
const port = args.find((arg) => !arg.startsWith("--")) ?? "3100";
if (!process.env.SUNSHIFT_CLOCK_START) {
  console.error("e2e server: SUNSHIFT_CLOCK_START is not set (playwright.config.ts sets it; or pass an ISO instant)");
  process.exit(1);
}
// One database per port, so two e2e runs on one machine never share data.
const dbDir = `data/e2e-${port}`;
const dbPath = `${dbDir}/sunshift.db`;
rmSync(dbDir, { recursive: true, force: true });
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH: dbPath,
  SUNSHIFT_DEMO: "1",
  COOKIE_SECURE: "0",
};
for (const [label, args] of [
  ["build", ["node_modules/next/dist/bin/next", "build"]],
  ["seed", ["node_modules/tsx/dist/cli.mjs", "server/seed/run.ts"]],
]) {
  if (label === "build" && process.env.E2E_SKIP_BUILD === "1") continue;
  if (label === "seed" && empty) continue;
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`e2e server: ${label} failed`);
    process.exit(1);
  }
}
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
