/**
 * Mean patience for Erlang A (./erlang-a.ts), estimated from history.
 *
 * For exponential patience with rate θ, every waiting contact abandons at rate θ, so abandons per
 * unit time = θ × (mean number waiting); divide by arrivals per unit time: P(abandon) = θ·E[W],
 * where W is the time each arriving contact spends waiting (0 for those answered at once, the time
 * to answer or to hanging up for the rest). Over an interval that reads
 * abandoned ÷ contacts = θ × mean wait of all contacts, so the mean patience is
 *   1/θ ≈ mean wait of all contacts ÷ abandoned share = Σ contacts·wait ÷ Σ abandoned
 * (contact-weighted over the history: the weighted mean wait over the weighted share).
 * The wait must be that of ALL offered contacts; an export's "ASA of answered" understates it and
 * so the patience. With too few abandons the ratio is noise (and with none it is infinite, i.e.
 * Erlang C), so the estimate needs enough abandons, both in number and as a share.
 */

/** One interval of history as the estimate reads it. */
export interface AbandonHistoryRow {
  contacts: number;
  /** Contacts that hung up before an answer (part of `contacts`); null when not exported. */
  abandoned?: number | null | undefined;
  /** Mean wait of all contacts in the interval, seconds; null when not exported. */
  waitSeconds?: number | null | undefined;
}

/** Fewer abandons than this in the whole history say too little about patience. */
export const MIN_ABANDONED_CONTACTS = 30;
/** Below this abandoned share callers effectively do not abandon: Erlang C is the better model. */
export const MIN_ABANDONED_SHARE = 0.002;

/**
 * Mean patience in seconds from intervals carrying both `abandoned` and `waitSeconds`:
 * Σ contacts × wait ÷ Σ abandoned. Null when the history cannot say (no such intervals, fewer
 * than {@link MIN_ABANDONED_CONTACTS} abandons, or an abandoned share below
 * {@link MIN_ABANDONED_SHARE}); the caller then uses the manager's patience, or none.
 * @example estimatePatienceSeconds([{ contacts: 1000, abandoned: 50, waitSeconds: 6 }]) //=> 120
 */
export function estimatePatienceSeconds(rows: readonly AbandonHistoryRow[]): number | null {
  let contacts = 0;
  let abandoned = 0;
  let waitSeconds = 0;
  for (const row of rows) {
    if (row.abandoned == null || row.waitSeconds == null || !(row.contacts > 0)) continue;
    contacts += row.contacts;
    abandoned += row.abandoned;
    waitSeconds += row.contacts * row.waitSeconds;
  }
  if (abandoned < MIN_ABANDONED_CONTACTS || abandoned < MIN_ABANDONED_SHARE * contacts || !(waitSeconds > 0)) return null;
  return waitSeconds / abandoned;
}

/**
 * The patience a channel is staffed with: the manager's when set, else the history's estimate,
 * else none (Erlang C).
 * @example resolvePatienceSeconds(null, 120) //=> 120
 */
export function resolvePatienceSeconds(managerSeconds: number | null | undefined, estimatedSeconds: number | null | undefined): number | null {
  return managerSeconds ?? estimatedSeconds ?? null;
}
