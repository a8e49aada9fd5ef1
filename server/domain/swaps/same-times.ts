/**
 * A swap of two shifts that start and end at the same instants changes nobody's working time:
 * both people keep the hours they had, and only the shift rows trade holders. Such a request is
 * refused when it is made, so nobody waits on a lead's approval for nothing.
 */

/** Why a swap of two shifts with the same times is refused, in plain words. */
export const SAME_TIMES_MESSAGE = "These two shifts start and end at the same times: swapping them changes nothing.";

/**
 * True when the two shifts start at the same instant and end at the same instant (epoch ms).
 * @example haveSameTimes({ startMs: 0, endMs: 30_600_000 }, { startMs: 0, endMs: 30_600_000 }) //=> true
 * @example haveSameTimes({ startMs: 0, endMs: 30_600_000 }, { startMs: 0, endMs: 28_800_000 }) //=> false
 */
export function haveSameTimes(a: { startMs: number; endMs: number }, b: { startMs: number; endMs: number }): boolean {
  return a.startMs === b.startMs && a.endMs === b.endMs;
}
