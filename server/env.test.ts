import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** A fresh copy of server/env.ts: getEnv caches the first parse. */
async function loadEnv() {
  vi.resetModules();
  return import("./env");
}

describe("server/env", () => {
  beforeEach(() => {
    vi.unstubAllEnvs();
    vi.stubEnv("SUNSHIFT_CLOCK_START", undefined);
    vi.stubEnv("DATABASE_PATH", undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("defaults the database to the one file under data/", async () => {
    const { DEFAULT_DATABASE_PATH, getEnv } = await loadEnv();
    expect(DEFAULT_DATABASE_PATH).toBe("data/sunshift.db");
    expect(getEnv().DATABASE_PATH).toBe(DEFAULT_DATABASE_PATH);
  });

  it("uses the machine's clock when SUNSHIFT_CLOCK_START is unset", async () => {
    const { getAppClock } = await loadEnv();
    const before = Date.now();
    const now = getAppClock()().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("starts the clock at SUNSHIFT_CLOCK_START and runs on from it", async () => {
    vi.stubEnv("SUNSHIFT_CLOCK_START", "2026-11-24T10:00:00Z");
    const { getAppClock } = await loadEnv();
    const start = Date.parse("2026-11-24T10:00:00Z");
    const clock = getAppClock();
    const first = clock().getTime();
    // process.uptime counts from process start: the clock reads start + uptime, never before start.
    expect(first).toBeGreaterThanOrEqual(start);
    expect(first - start).toBeLessThanOrEqual(process.uptime() * 1000 + 1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock().getTime()).toBeGreaterThan(first);
  });

  it("refuses a made-up clock in production unless the demo is on", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SUNSHIFT_DEMO", "0");
    vi.stubEnv("SUNSHIFT_CLOCK_START", "2026-11-24T10:00:00Z");
    const refused = await loadEnv();
    expect(() => refused.getEnv()).toThrow(/SUNSHIFT_CLOCK_START: a made-up clock is for tests and the demo/);

    vi.stubEnv("SUNSHIFT_DEMO", "1");
    const demo = await loadEnv();
    expect(demo.getEnv().SUNSHIFT_CLOCK_START?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
  });

  it("names a SUNSHIFT_CLOCK_START that is not an ISO instant", async () => {
    vi.stubEnv("SUNSHIFT_CLOCK_START", "next tuesday");
    const { getEnv } = await loadEnv();
    expect(() => getEnv()).toThrow(/SUNSHIFT_CLOCK_START/);
  });
});
