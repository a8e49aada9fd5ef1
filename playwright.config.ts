import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_SETUP_TOKEN, EMPTY_SERVER_PORT } from "./e2e/empty-server";
import { E2E_NOW } from "./e2e/fixed-now";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 } } }],
  // Playwright starts these in order, each once the one before answers: the demo server builds,
  // so the empty one (a fresh install, for the first-run journey) skips the build and shares it.
  webServer: [
    {
      command: `node scripts/e2e-server.mjs ${PORT}`,
      // One "now" for the whole run: the seed, the server's clock and (in e2e/fixtures.ts) the browser's.
      env: { SUNSHIFT_CLOCK_START: E2E_NOW },
      url: `http://127.0.0.1:${PORT}/sign-in`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `node scripts/e2e-server.mjs ${EMPTY_SERVER_PORT} --empty`,
      env: { SUNSHIFT_CLOCK_START: E2E_NOW, SUNSHIFT_SETUP_TOKEN: E2E_SETUP_TOKEN, E2E_SKIP_BUILD: "1" },
      url: `http://127.0.0.1:${EMPTY_SERVER_PORT}/sign-in`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
