/**
 * The default contract: what a person's contract says when nobody set it otherwise, a
 * full-time agent's week. The roster format's defaults, the design mode's unnamed people, the
 * hiring estimate and the person form all start from it. (db/schema.ts has no column defaults
 * for these fields: every write names them.)
 */
export const DEFAULT_CONTRACT = {
  /** 40 hours of worked time a week. */
  maxMinutesPerWeek: 2400,
  minMinutesPerWeek: 0,
  maxDaysPerWeek: 5,
  /** 11 hours between one shift's end and the next one's start. */
  minRestMinutes: 660,
} as const;
