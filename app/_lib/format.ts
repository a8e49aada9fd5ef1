/**
 * A fraction as a percentage with `digits` decimals, "71.4%"; "—" when there is no figure
 * (a deferred channel's service level, a model with no score).
 */
export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? "—" : `${(x * 100).toFixed(digits)}%`;
}
