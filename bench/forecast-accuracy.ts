/**
 * npm run -s bench:forecast-accuracy [-- --seeds N] [--mean CONTACTS_PER_INTERVAL] [--week-only] — the held-out protocol on generated call-centre
 * histories (four Monday origins, five weekdays, week-ahead and day-ahead): wMAPE of every candidate,
 * the forecaster's choice ("forecast") and the classic WFM profile ("profile"), per seed and pooled.
 */
import { evaluateProtocol, type ProtocolScore } from "../server/domain/forecast/evaluation";
import { callCentreHistory } from "../server/domain/forecast/synthetic-call-centre";

const seedsFlag = process.argv.indexOf("--seeds");
const seedCount = seedsFlag >= 0 ? Number(process.argv[seedsFlag + 1]) : 6;
const meanFlag = process.argv.indexOf("--mean");
const modes = process.argv.includes("--week-only") ? (["week-ahead"] as const) : (["week-ahead", "day-ahead"] as const);

for (const mode of modes) {
  const table = new Map<string, number[]>();
  for (let seed = 1; seed <= seedCount; seed++) {
    const generated = callCentreHistory({ seed, ...(meanFlag >= 0 ? { meanPerInterval: Number(process.argv[meanFlag + 1]) } : {}) });
    const result = evaluateProtocol({ history: generated.rows, zone: generated.zone, intervalMinutes: 30, origins: generated.testMondays, mode });
    for (const score of result.scores) table.set(score.model, [...(table.get(score.model) ?? []), score.wmape]);
    if (mode === "week-ahead") {
      const first = result.choices[0];
      console.error(`seed ${seed}: first origin ${first?.chosenModel} ${first?.weights.map((w) => `${w.model} ${w.weight.toFixed(2)}`).join(", ")}`);
    }
  }
  const pct = (value: number): string => `${(value * 100).toFixed(2)}%`;
  console.log(`\n${mode}: wMAPE per seed (1..${seedCount}) and mean`);
  const rows = [...table].sort((a, b) => mean(a[1]) - mean(b[1]));
  for (const [model, values] of rows) console.log(`  ${model.padEnd(19)} ${pct(mean(values)).padStart(7)}   ${values.map(pct).join("  ")}`);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export type { ProtocolScore };
