/**
 * The two shift templates a new organisation starts with: a full day and a short day, each
 * with one break. Lengths and breaks are whole half-hours, so they fit the default 30-minute
 * planning interval (the roster problem refuses a shift or break that does not fill whole
 * intervals; a 15-minute break would be refused there).
 */

/** A break rule as the template row stores it: minutes long, starting within a window after the shift starts. */
export interface StarterBreak {
  minutes: number;
  earliestAfterMinutes: number;
  latestAfterMinutes: number;
}

/** A template the set-up creates. */
export interface StarterTemplate {
  name: string;
  minutes: number;
  breaks: StarterBreak[];
  /** Null: shifts may start on any interval boundary. */
  startStepMinutes: number | null;
}

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  { name: "Day 8.5h", minutes: 510, breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }], startStepMinutes: null },
  { name: "Short 6h", minutes: 360, breaks: [{ minutes: 30, earliestAfterMinutes: 120, latestAfterMinutes: 240 }], startStepMinutes: null },
];
