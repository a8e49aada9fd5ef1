/**
 * The one-time set-up token: on a fresh install the server prints a link carrying it, and the
 * first-run page creates the organisation only for someone holding it (no open sign-up). Only
 * its SHA-256 is kept, in process memory (globalThis, so every module instance Next bundles sees
 * the same one); a restart issues a new one and the token is forgotten once used.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const holder = globalThis as unknown as { sunshiftSetupTokenHash?: Buffer };

function digestOf(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/**
 * Starts accepting a set-up token and returns it: 32 random bytes in base64url, or `given`
 * (the e2e server passes a known one). Replaces any token issued before.
 */
export function issueSetupToken(given?: string): string {
  const token = given ?? randomBytes(32).toString("base64url");
  holder.sunshiftSetupTokenHash = digestOf(token);
  return token;
}

/** Whether `token` is the issued, unused set-up token; compared in constant time. */
export function isSetupTokenValid(token: string): boolean {
  const expected = holder.sunshiftSetupTokenHash;
  if (!expected || token.length === 0) return false;
  // Equal-length digests, so the comparison takes the same time whatever the input.
  return timingSafeEqual(digestOf(token), expected);
}

/** Forgets the token: after a successful set-up nobody can use it again. */
export function consumeSetupToken(): void {
  delete holder.sunshiftSetupTokenHash;
}
