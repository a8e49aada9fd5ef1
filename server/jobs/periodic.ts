/**
 * Work that runs on a timer, off the request path: one task per name per process (a second
 * start with the same name is a no-op, so a re-run of server start-up does not double it).
 * A failing run is reported and the timer goes on; the timer never keeps the process alive.
 */
export interface PeriodicTask {
  stop(): void;
}

const running = new Map<string, ReturnType<typeof setInterval>>();

/** Runs `task` every `everyMs` under `name` until stopped. */
export function startPeriodicTask(name: string, everyMs: number, task: () => void, report: (error: unknown) => void = (error) => console.error(`${name} failed:`, error)): PeriodicTask {
  const stop = () => {
    const timer = running.get(name);
    if (timer !== undefined) clearInterval(timer);
    running.delete(name);
  };
  if (running.has(name)) return { stop };
  const timer = setInterval(() => {
    try {
      task();
    } catch (error) {
      report(error);
    }
  }, everyMs);
  timer.unref();
  running.set(name, timer);
  return { stop };
}
