/** The one place that reads process.env: validated once, typed everywhere. */
import { z } from "zod";
import { systemClock, type Clock } from "./clock";

/** Where the database lives unless DATABASE_PATH says otherwise: a file, so the demo needs no setup. */
export const DEFAULT_DATABASE_PATH = "data/sunshift.db";

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
    /** At least 32 characters; required in production unless SUNSHIFT_DEMO=1 (the demo keeps a generated one in data/). */
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
    SUNSHIFT_DEMO: z.enum(["0", "1"]).default("0"),
    /** Cookies are marked Secure in production; set to 0 only behind plain-HTTP localhost (the demo, e2e). */
    COOKIE_SECURE: z.enum(["0", "1"]).optional(),
    /**
     * An ISO instant (e.g. 2026-11-24T10:00:00Z) the application's clock starts from instead of
     * the machine's: the demo seed seeds at exactly this instant, and the server's clock reads it
     * when the process starts and runs on from there at the real pace (so elapsed times, expiries
     * and the order of writes behave as usual). The e2e server sets it so every journey sees the
     * same week whatever the day it runs. Refused in production unless SUNSHIFT_DEMO=1: a real
     * deployment must never plan against a made-up date.
     */
    SUNSHIFT_CLOCK_START: z.iso
      .datetime({ offset: true })
      .transform((iso) => new Date(iso))
      .optional(),
    /**
     * A known set-up token for the first-run page instead of a random one, so the e2e test on an
     * empty database can open the set-up link. Refused unless SUNSHIFT_DEMO=1: a real install's
     * token is random and printed once.
     */
    SUNSHIFT_SETUP_TOKEN: z.string().min(32, "SUNSHIFT_SETUP_TOKEN must be at least 32 characters").optional(),
    /** The port the server listens on (Next.js sets it on start); the printed set-up link names it. */
    PORT: z.string().regex(/^\d+$/, "PORT must be a port number").optional(),
    /** Time limit of each roster solve while seeding the demo. */
    SEED_SOLVE_SECONDS: z.coerce.number().positive().default(20),
  })
  .refine((env) => env.SUNSHIFT_CLOCK_START === undefined || env.NODE_ENV !== "production" || env.SUNSHIFT_DEMO === "1", {
    path: ["SUNSHIFT_CLOCK_START"],
    message: "a made-up clock is for tests and the demo: set SUNSHIFT_DEMO=1 or unset it in production",
  })
  .refine((env) => env.SUNSHIFT_SETUP_TOKEN === undefined || env.SUNSHIFT_DEMO === "1", {
    path: ["SUNSHIFT_SETUP_TOKEN"],
    message: "a known set-up token is for tests and the demo: set SUNSHIFT_DEMO=1 or unset it (the server prints a random one)",
  });

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/** The validated environment, parsed on first use; throws naming every bad variable. */
export function getEnv(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * The clock the server hands to the tRPC context and route handlers: the machine's, or one
 * started at SUNSHIFT_CLOCK_START. It counts from process start (not from the first call),
 * so every module instance Next bundles (pages, route handlers) reads the same time.
 */
export function getAppClock(): Clock {
  const start = getEnv().SUNSHIFT_CLOCK_START;
  if (start === undefined) return systemClock;
  const startMs = start.getTime();
  return () => new Date(startMs + Math.round(process.uptime() * 1000));
}
