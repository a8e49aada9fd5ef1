import type { ModelName } from "./models";

/** Share of the combination's weight spread equally over its members, whatever their scores. */
export const COMBINATION_SHRINKAGE = 0.5;
/** A member more than this many times the best member's error gets no score-based weight. */
const TRIM_RATIO = 1.5;

/**
 * Combination weights from the members' backtest errors: inverse error, with members far worse than
 * the best (over 1.5×) trimmed, then shrunk toward equal weights by {@link COMBINATION_SHRINKAGE} so
 * that four noisy folds cannot hand one model the whole forecast. Equal weights without scores.
 * @example combinationWeights(new Map([["clean-profile", 0.05], ["clean-holt-winters", 0.1]])).get("clean-profile") //=> 0.75
 */
export function combinationWeights(errors: ReadonlyMap<ModelName, number | null>, shrinkage = COMBINATION_SHRINKAGE): Map<ModelName, number> {
  const members = [...errors.keys()];
  const equal = 1 / members.length;
  const scored = members.filter((member) => {
    const error = errors.get(member);
    return error !== null && error !== undefined && Number.isFinite(error);
  });
  const weights = new Map<ModelName, number>(members.map((member) => [member, equal]));
  if (scored.length === 0) return weights;
  // A perfect member (noise-free history) would get an infinite inverse error; a floor keeps it finite.
  const floor = 1e-9;
  const best = Math.min(...scored.map((member) => errors.get(member) as number));
  const inverse = new Map<ModelName, number>();
  for (const member of scored) {
    const error = errors.get(member) as number;
    if (error <= best * TRIM_RATIO + floor) inverse.set(member, 1 / Math.max(error, floor));
  }
  const total = [...inverse.values()].reduce((sum, value) => sum + value, 0);
  for (const member of members) {
    weights.set(member, shrinkage * equal + (1 - shrinkage) * ((inverse.get(member) ?? 0) / total));
  }
  return weights;
}
