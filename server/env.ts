/** The one place that reads process.env: validated once, typed everywhere. */
import { z } from "zod";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("data/sunshift.db"),
  /** At least 32 characters; required in production unless SUNSHIFT_DEMO=1 (the demo keeps a generated one in data/). */
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SUNSHIFT_DEMO: z.enum(["0", "1"]).default("0"),
  /** Cookies are marked Secure in production; set to 0 only behind plain-HTTP localhost (the demo, e2e). */
  COOKIE_SECURE: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

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
