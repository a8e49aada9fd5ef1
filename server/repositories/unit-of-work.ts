/**
 * The database handle services hold, and the one way they open a transaction.
 *
 * Services never import drizzle, db/schema values or db/client: they receive a `Store` (the
 * database, or a transaction on it), pass it to repository functions, and group a use case's
 * writes with `inTransaction`. A second backend can sit behind the same functions.
 */
import type { Queryable } from "@/db/types";

/** The database or a transaction on it, as repositories accept it. Opaque to services. */
export type Store = Queryable;

/**
 * Runs `work` in one transaction: everything it writes lands together or not at all.
 * better-sqlite3 transactions are synchronous; an async callback would commit before its
 * awaits ran and silently lose the rollback, so a returned promise is refused.
 */
export function inTransaction<T>(store: Store, work: (tx: Store) => T): T {
  return store.transaction((tx) => {
    const result = work(tx);
    if (result instanceof Promise) throw new Error("inTransaction: the work must be synchronous (better-sqlite3 transactions are).");
    return result;
  });
}
