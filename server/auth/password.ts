import argon2 from "argon2";

/** argon2id with the library's defaults (64 MiB, t = 3), which OWASP accepts for interactive sign-in. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
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
