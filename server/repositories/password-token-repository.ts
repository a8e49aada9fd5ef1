/**
 * One-time set-password links (`password_tokens`): only the SHA-256 digest of a token is stored,
 * never the token. Plain objects in and out; writes take the caller's transaction.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { passwordTokens } from "@/db/schema";

export interface PasswordTokenRecord {
  id: number;
  personId: number;
  /** Hex SHA-256 of the token. */
  tokenHash: string;
  createdAt: Date;
  createdById: number | null;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Stores a new token's digest; returns its id. */
export function insertPasswordToken(tx: Queryable, token: Omit<PasswordTokenRecord, "id" | "usedAt">): number {
  return tx.insert(passwordTokens).values(token).returning({ id: passwordTokens.id }).get().id;
}

/**
 * Ends every unused, unexpired token of the person at `now` (a newer link replaces them, or the
 * person left); returns how many. Used tokens keep their record.
 */
export function expireOpenPasswordTokens(tx: Queryable, personId: number, now: Date): number {
  return tx
    .update(passwordTokens)
    .set({ expiresAt: now })
    .where(and(eq(passwordTokens.personId, personId), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
    .run().changes;
}

/**
 * The token with this digest, or undefined. The lookup compares digests, not tokens: a guess's
 * timing can at most reveal how its SHA-256 compares to a stored one, which says nothing about
 * the stored token.
 */
export function findPasswordTokenByHash(db: Queryable, tokenHash: string): PasswordTokenRecord | undefined {
  return db.select().from(passwordTokens).where(eq(passwordTokens.tokenHash, tokenHash)).get();
}

/**
 * Marks a token used at `now` only while it is unused and unexpired (one conditional UPDATE), so
 * of two racing uses one wins. True when this call consumed it.
 */
export function consumePasswordToken(tx: Queryable, id: number, now: Date): boolean {
  const changed = tx
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.id, id), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
    .run().changes;
  return changed === 1;
}
