/**
 * "Now", injected. The tRPC context, jobs and commands pass a clock down; tests and the e2e
 * seed pass a fixed one, so nothing depends on the day it runs.
 */
export type Clock = () => Date;

/** The machine's clock: the one place production code reads the time of day. */
export const systemClock: Clock = () => new Date();

/** A clock stopped at `at`. */
export function fixedClock(at: Date): Clock {
  const ms = at.getTime();
  return () => new Date(ms);
}
