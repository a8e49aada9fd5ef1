/**
 * Set-password link tokens: 32 random bytes as base64url (43 characters) given to the person
 * once, and their SHA-256 digest (hex), which is all the database keeps.
 */
import { createHash, randomBytes } from "node:crypto";

/** A token as issued: 43 base64url characters. */
export const PASSWORD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new random token (256 bits). */
export function generatePasswordToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The digest stored for a token and looked up when it is presented. */
export function hashPasswordToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
