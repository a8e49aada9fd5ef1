/**
 * npm run bench:forecast — median time to backtest and forecast eight weeks of 15-minute history
 * for four channels (all candidate models and the combination, four week-ahead folds, then a seven-day
 * forecast), its ratio against the 130 ms the single-pick forecaster took before the combination, and
 * the day-ahead mode. Prints figures only; benchmarks never assert times.
 */
import { performance } from "node:perf_hooks";
import { forecastChannels } from "../server/domain/forecast/index";
import { syntheticHistory } from "../server/domain/forecast/synthetic-history";

const RUNS = 7;
/** Backtest + forecast before the combination, cleaning and demand zones (same machine class). */
const BASELINE_MS = 130;
const zone = "Europe/Dublin";
const history = syntheticHistory({
  zone,
  fromDate: "2024-02-05",
  days: 56,
  intervalMinutes: 15,
  channels: [
    { channel: "voice", dailyContacts: 3000 },
    { channel: "chat", dailyContacts: 900, openHours: Array.from({ length: 7 }, () => [7, 23] as const), weekdayFactors: [1.1, 1, 1, 1, 0.95, 0.6, 0.5] },
    { channel: "email", dailyContacts: 400, openHours: Array.from({ length: 7 }, () => [0, 24] as const), weekdayFactors: [1.3, 1, 1, 1, 0.9, 0.4, 0.4] },
    { channel: "social", dailyContacts: 80, openHours: Array.from({ length: 7 }, () => [8, 22] as const), weekdayFactors: [1, 1, 1, 1, 1.1, 1.2, 1.1] },
  ],
  noise: true,
  seed: 42,
  closedHoursAs: "zero",
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function time(run: () => unknown): number[] {
  run(); // warm-up: JIT and luxon's zone caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

const full = time(() => forecastChannels({ history, zone, start: "2024-04-01", days: 7 }));
const simplest = time(() => forecastChannels({ history, zone, start: "2024-04-01", days: 7, models: ["seasonal-naive"] }));
const dayAhead = time(() => forecastChannels({ history, zone, start: "2024-04-01", days: 7, mode: "day-ahead" }));
const result = forecastChannels({ history, zone, start: "2024-04-01", days: 7 });

console.log(`forecast bench: ${history.length} history rows (8 weeks × 15 min × 4 channels, ${zone}), median of ${RUNS} runs`);
console.log(`  backtest (all ${result.perChannel[0]?.scores.length ?? 0} models, ${result.perChannel[0]?.folds ?? 0} folds) + 7-day forecast: ${median(full).toFixed(1)} ms (min ${Math.min(...full).toFixed(1)}, max ${Math.max(...full).toFixed(1)}); ratio ${(median(full) / BASELINE_MS).toFixed(2)}× the ${BASELINE_MS} ms before the combination (limit 1000 ms)`);
console.log(`  day-ahead mode (${forecastChannels({ history, zone, start: "2024-04-01", days: 7, mode: "day-ahead" }).perChannel[0]?.folds ?? 0} one-day folds):  ${median(dayAhead).toFixed(1)} ms`);
console.log(`  seasonal naive only:                        ${median(simplest).toFixed(1)} ms (ratio ${(median(full) / median(simplest)).toFixed(1)}×)`);
for (const channel of result.perChannel) {
  const scores = channel.scores.map((score) => `${score.model} ${((score.wmape ?? Number.NaN) * 100).toFixed(1)}%`).join(", ");
  const weights = channel.weights.map((entry) => `${entry.model} ${entry.weight.toFixed(2)}`).join(", ");
  console.log(`  ${channel.channel}: ${channel.chosenModel} (${weights}) — ${scores}`);
}
