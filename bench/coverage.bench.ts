/**
 * `npm run bench:coverage`: the coverage model over four weeks of 15-minute intervals,
 * 3 regions and 4 channels, with a realistic roster (about 150 people). Prints medians.
 */
import { DateTime } from "luxon";
import { buildCoverageReport, type CoverageShift } from "../server/domain/coverage/coverage-report";
import type { ChannelSettings } from "../server/domain/staffing/requirements";

const START = DateTime.fromISO("2026-03-02T00:00:00Z", { zone: "utc" }).toMillis();
const DAYS = 28;
const INTERVAL = 15;
const N = (DAYS * 1440) / INTERVAL;
const regions = [
  { id: "amer", name: "Americas", timeZone: "America/New_York", earliestStart: "07:00", latestEnd: "23:00", hourlyCost: 24 },
  { id: "emea", name: "EMEA", timeZone: "Europe/Dublin", earliestStart: "07:00", latestEnd: "23:00", hourlyCost: 21 },
  { id: "apac", name: "APAC", timeZone: "Asia/Manila", earliestStart: "06:00", latestEnd: "22:00", hourlyCost: 15 },
];
const channels: ChannelSettings[] = [
  { channelId: "voice", kind: "voice", ahtSeconds: 300, targetSl: 0.8, targetSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.15 },
  { channelId: "chat", kind: "chat", ahtSeconds: 480, targetSl: 0.8, targetSeconds: 48, concurrency: 2, maxOccupancy: 0.85, shrinkage: 0.15 },
  { channelId: "email", kind: "email", ahtSeconds: 360, responseTargetMinutes: 60, maxOccupancy: 0.9, shrinkage: 0.15 },
  { channelId: "social", kind: "social", ahtSeconds: 240, responseTargetMinutes: 60, maxOccupancy: 0.9, shrinkage: 0.15 },
];
const shape = (i: number) => 0.3 + Math.max(0, Math.sin(((i % 96) / 96) * Math.PI * 2 - 1)) * 1.2;
const demand = channels.map((c, k) => {
  const contacts = Array.from({ length: N }, (_, i) => Math.round((12 - k * 2) * shape(i)));
  return { channelId: c.channelId, contacts, ahtSeconds: contacts.map(() => c.ahtSeconds), requiredAgents: contacts.map((x) => Math.ceil(x / 2) + 1) };
});
const shifts: CoverageShift[] = [];
for (let d = 0; d < DAYS; d++) {
  for (let p = 0; p < 110; p++) {
    const region = regions[p % 3] ?? regions[0];
    const startMs = START + d * 86_400_000 + ((p * 7) % 20) * 3_600_000;
    shifts.push({
      personId: `p${p}`,
      regionId: region?.id ?? "amer",
      role: p % 12 === 0 ? "lead" : "agent",
      startMs,
      endMs: startMs + 8.5 * 3_600_000,
      breaks: [{ startMs: startMs + 4 * 3_600_000, endMs: startMs + 4.5 * 3_600_000 }],
    });
  }
}

const runs: number[] = [];
for (let r = 0; r < 13; r++) {
  const t = performance.now();
  buildCoverageReport({ startMs: START, intervalMinutes: INTERVAL, intervalCount: N, channels, demand, regions, shifts, leadSpanMax: 15, summaryZone: "Europe/Dublin" });
  runs.push(performance.now() - t);
}
const warm = runs.slice(3).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)] ?? 0;
console.log(`coverage: 4 weeks × 15-min (${N} intervals) × ${regions.length} regions × ${channels.length} channels, ${shifts.length} shifts`);
console.log(`  median ${median.toFixed(1)} ms over ${warm.length} runs (min ${warm[0]?.toFixed(1)} ms, max ${warm[warm.length - 1]?.toFixed(1)} ms); goal 300 ms → ${(median / 300).toFixed(2)}× the goal`);
