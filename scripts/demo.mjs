#!/usr/bin/env node
// `npm run demo`: build the app, create/migrate/seed the database if needed, serve on :3000.
// Plain Node (no tsx) so it runs before anything is built.
import { spawn, spawnSync } from "node:child_process";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  SUNSHIFT_DEMO: "1",
  // The demo serves plain HTTP on localhost, where a Secure cookie would never be sent back.
  COOKIE_SECURE: process.env.COOKIE_SECURE ?? "0",
};
const port = process.env.PORT ?? "3000";

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (process.env.SKIP_BUILD !== "1") run("Building Sunshift", process.execPath, ["node_modules/next/dist/bin/next", "build"]);
run("Preparing the database", process.execPath, ["node_modules/tsx/dist/cli.mjs", "server/seed/run.ts"]);

console.log(`\n☀ Sunshift demo on http://localhost:${port}`);
console.log("  manager@sunshift.demo / lead@sunshift.demo / agent@sunshift.demo — password: sunshift-demo\n");
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
