import { randomBytes } from "node:crypto";
import argon2 from "argon2";

/** argon2id with the library's defaults (64 MiB, t = 3), which OWASP accepts for interactive sign-in. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Marks a stored hash that no password matches (imported people, until they set one). */
const UNUSABLE_PREFIX = "!unusable:";

/**
 * A password hash no password matches: for people created without one (an import), who get a
 * set-password link. Random, so no two accounts share it.
 */
export function unusablePasswordHash(): string {
  return `${UNUSABLE_PREFIX}${randomBytes(32).toString("hex")}`;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  // Same work as a real check, so timing does not tell which accounts have no password yet.
  if (hash.startsWith(UNUSABLE_PREFIX)) {
    await argon2.verify(await getDummyHash(), password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A real argon2id hash of a random string, verified against when the email is unknown so
 * that a wrong email and a wrong password take the same time.
 */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}
