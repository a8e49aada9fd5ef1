/**
 * Roster engine benchmark: `tsx bench/roster.bench.ts [--skip-large] [--only=NAME]` (or
 * ROSTER_BENCH_SKIP_LARGE=1; the 500-agent case takes several minutes).
 *
 * Generated problems, from a one-region design to 500 agents over four weeks. Prints for each the
 * median solve time (small cases 3 runs, large ones 1), shortage, excess, the ratio
 * (required + excess) / (required + bound) (1.00 is proven best), and peak RSS. No assertions.
 */
import { checkRoster } from "../server/domain/roster/check-roster";
import { parseRosterProblem, type TRosterProblemInput } from "../server/domain/roster/problem";
import { solveRoster } from "../server/solver/solve-roster";

const REGIONS = [
  { id: "amer", timeZone: "America/New_York", earliestStart: "07:00", latestEnd: "23:00" },
  { id: "emea", timeZone: "Europe/Dublin", earliestStart: "07:00", latestEnd: "23:00" },
  { id: "apac", timeZone: "Asia/Manila", earliestStart: "07:00", latestEnd: "23:00" },
];

const TEMPLATES = [
  { id: "d8", minutes: 510, breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }], startStepMinutes: 30 },
  { id: "d6", minutes: 360, breaks: [{ minutes: 30, earliestAfterMinutes: 120, latestAfterMinutes: 210 }], startStepMinutes: 30 },
];

/** Follow-the-sun demand with three daily peaks and quieter weekends, scaled to `agentsOnTaskAtPeak`. */
function demand(days: number, intervalMinutes: number, agentsOnTaskAtPeak: number): number[] {
  return Array.from({ length: (days * 1440) / intervalMinutes }, (_, slot) => {
    const minutes = slot * intervalMinutes;
    const hour = (minutes % 1440) / 60;
    const weekday = Math.floor(minutes / 1440) % 7;
    let shape = 0.25;
    for (const centre of [3, 11, 17]) {
      const distance = Math.min(Math.abs(hour - centre), 24 - Math.abs(hour - centre));
      shape += 0.75 * Math.exp(-((distance / 3) ** 2));
    }
    const weekend = weekday >= 5 ? 0.6 : 1;
    return Math.round(Math.min(1, shape) * weekend * agentsOnTaskAtPeak);
  });
}

function people(agents: number, leads: number, weeks: number) {
  return [
    ...Array.from({ length: agents }, (_, index) => ({
      id: `a${index + 1}`,
      role: "agent" as const,
      regionId: REGIONS[index % 3]!.id,
      templateIds: index % 4 === 0 ? ["d8", "d6"] : ["d8"],
      // Every tenth agent has a day off mid-horizon: absences the plan must respect.
      unavailable: index % 10 === 0 ? [{ start: `2026-03-${String(24 + (index % 3)).padStart(2, "0")}T00:00:00Z`, end: `2026-03-${String(25 + (index % 3)).padStart(2, "0")}T00:00:00Z` }] : [],
      minMinutesPerWeek: weeks > 1 ? 960 : 0,
    })),
    ...Array.from({ length: leads }, (_, index) => ({ id: `l${index + 1}`, role: "lead" as const, regionId: REGIONS[index % 3]!.id, templateIds: ["d8"] })),
  ];
}

interface Case {
  name: string;
  runs: number;
  problem: TRosterProblemInput;
  large?: boolean;
}

function cases(): Case[] {
  const base = { version: 1 as const, start: "2026-03-23T00:00:00Z", shiftTemplates: TEMPLATES };
  return [
    {
      name: "design, 1 region, 1 week, 30 min",
      runs: 3,
      // Round the clock, so the whole follow-the-sun demand is reachable by one region.
      problem: { ...base, intervalMinutes: 30, days: 7, requirement: demand(7, 30, 20), regions: [{ ...REGIONS[1]!, earliestStart: "00:00", latestEnd: "00:00" }], timeLimitSeconds: 20 },
    },
    {
      // Demand at about 85% of what the people can work, so the plan has something to fit.
      name: "60 agents, 3 regions, 1 week, 30 min",
      runs: 3,
      problem: { ...base, intervalMinutes: 30, days: 7, requirement: demand(7, 30, 14), regions: REGIONS, people: people(60, 0, 1), timeLimitSeconds: 30 },
    },
    {
      name: "150 agents + 12 leads, 3 regions, 1 week, 15 min",
      runs: 1,
      problem: { ...base, intervalMinutes: 15, days: 7, requirement: demand(7, 15, 36), regions: REGIONS, people: people(150, 12, 1), leadSpan: { min: 8, max: 15 }, timeLimitSeconds: 55 },
    },
    {
      name: "500 agents, 3 regions, 4 weeks, 15 min",
      runs: 1,
      large: true,
      problem: { ...base, intervalMinutes: 15, days: 28, requirement: demand(28, 15, 120), regions: REGIONS, people: people(500, 0, 4), timeLimitSeconds: 300 },
    },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const skipLarge = process.argv.includes("--skip-large") || process.env.ROSTER_BENCH_SKIP_LARGE === "1";
  const only = process.argv.find((argument) => argument.startsWith("--only="))?.slice("--only=".length);
  console.log("case | median s | shortage | excess | bound | (req+excess)/(req+bound) | peak RSS MB | rule violations");
  for (const entry of cases()) {
    if (only !== undefined && !entry.name.includes(only)) continue;
    if (entry.large && skipLarge) {
      console.log(`${entry.name} | skipped (--skip-large)`);
      continue;
    }
    const problem = parseRosterProblem(entry.problem);
    const seconds: number[] = [];
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    let last;
    for (let run = 0; run < entry.runs; run++) {
      const started = performance.now();
      last = await solveRoster(problem, { onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)) });
      seconds.push((performance.now() - started) / 1000);
    }
    clearInterval(sampler);
    if (!last) continue;
    const { requiredAgentMinutes: required, excessAgentMinutes: excess, lowerBoundExcessAgentMinutes: bound, shortageAgentMinutes: shortage } = last.metrics;
    const violations = checkRoster(problem, last).length;
    console.log(
      `${entry.name} | ${median(seconds).toFixed(1)} | ${shortage} | ${excess} | ${bound} | ${((required + excess) / (required + bound)).toFixed(3)} | ${(peakRss / 2 ** 20).toFixed(0)} | ${violations}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
