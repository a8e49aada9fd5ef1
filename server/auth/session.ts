/**
 * Sessions are iron-session sealed cookies (httpOnly, SameSite=Lax, Secure in production)
 * holding the signed-in person's id. The secret comes from SESSION_SECRET; the demo, and
 * only the demo, generates one and keeps it in data/.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SessionOptions } from "iron-session";
import { getEnv } from "@/server/env";

export interface SessionData {
  personId?: number;
}

export const SESSION_COOKIE = "sunshift_session";

function resolveSecret(): string {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production" && env.SUNSHIFT_DEMO !== "1") {
    throw new Error("SESSION_SECRET is required in production (at least 32 random characters).");
  }
  const file = join(dirname(env.DATABASE_PATH === ":memory:" ? "data/x" : env.DATABASE_PATH), "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let options: SessionOptions | undefined;
export function getSessionOptions(): SessionOptions {
  if (!options) {
    const env = getEnv();
    const secure = env.COOKIE_SECURE ? env.COOKIE_SECURE === "1" : env.NODE_ENV === "production" && env.SUNSHIFT_DEMO !== "1";
    options = {
      password: resolveSecret(),
      cookieName: SESSION_COOKIE,
      ttl: 60 * 60 * 12,
      cookieOptions: { httpOnly: true, sameSite: "lax", secure, path: "/" },
    };
  }
  return options;
}

/** What services need of a session: who is signed in, and a way to change it. */
export interface SessionPort {
  personId: number | undefined;
  signIn(personId: number): Promise<void>;
  signOut(): Promise<void>;
}
