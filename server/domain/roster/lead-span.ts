/**
 * The span of control: the source guidance is one team lead per 8–15 agents. The roster engine
 * keeps ceil(onTask / max) leads on duty; the organisation pages flag teams outside the range.
 */

/** One lead per `min`–`max` agents. */
export const LEAD_SPAN = { min: 8, max: 15 } as const;

/** How a team's size compares with the span: within it, below, above, or without a lead. */
export type TeamSpanStatus = "ok" | "too-small" | "too-large" | "no-lead";

/**
 * Classifies a team by its active agent count against the organisation's span (LEAD_SPAN by
 * default); a team without a lead is flagged first, whatever its size.
 * @example teamSpanStatus(12, true) //=> "ok"
 * @example teamSpanStatus(16, true) //=> "too-large"
 * @example teamSpanStatus(10, false) //=> "no-lead"
 * @example teamSpanStatus(9, true, { min: 10, max: 20 }) //=> "too-small"
 */
export function teamSpanStatus(agentCount: number, hasLead: boolean, span: { min: number; max: number } = LEAD_SPAN): TeamSpanStatus {
  if (!hasLead) return "no-lead";
  if (agentCount < span.min) return "too-small";
  if (agentCount > span.max) return "too-large";
  return "ok";
}
