import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ChannelSettings } from "../staffing/requirements";
import { buildCoverageReport, MONTH_MS, REASON_NO_WINDOW, type CoverageReportInput } from "./coverage-report";

const voice: ChannelSettings = { channelId: "voice", kind: "voice", ahtSeconds: 180, targetSl: 0.8, targetSeconds: 20, shrinkage: 0 };
const emea = { id: "emea", name: "EMEA", timeZone: "Europe/Dublin", earliestStart: "07:00", latestEnd: "23:00", hourlyCost: 20 };
const H = 3_600_000;

function input(overrides: Partial<CoverageReportInput> & { startMs: number; intervalCount: number }): CoverageReportInput {
  const n = overrides.intervalCount;
  return {
    intervalMinutes: 30,
    channels: [voice],
    demand: [{ channelId: "voice", contacts: new Array<number>(n).fill(0), ahtSeconds: new Array<number>(n).fill(180), requiredAgents: new Array<number>(n).fill(0) }],
    regions: [emea],
    shifts: [],
    leadSpanMax: 15,
    summaryZone: "Europe/Dublin",
    ...overrides,
  };
}

describe("buildCoverageReport", () => {
  it("follows a region's window across the autumn clock change", () => {
    // Europe/Dublin leaves summer time on Sunday 25 Oct 2026: the 07:00 local window opens at
    // 06:00 UTC on Saturday and at 07:00 UTC on Sunday.
    const startMs = Date.UTC(2026, 9, 24);
    const report = buildCoverageReport(input({ startMs, intervalCount: 96 }));
    const at = (iso: string) => report.intervals.find((iv) => iv.startMs === Date.parse(iso));
    expect(at("2026-10-24T06:30:00Z")?.openRegionIds).toEqual(["emea"]);
    expect(at("2026-10-25T06:30:00Z")?.openRegionIds).toEqual([]);
    expect(at("2026-10-25T07:00:00Z")?.openRegionIds).toEqual(["emea"]);
    // The local day of 25 Oct has 25 hours: 50 half-hour intervals, minus the 1 h before the
    // horizon starts at 00:00 UTC = 01:00 IST on the 24th.
    const days = report.days.map((d) => [d.label, d.intervals]);
    expect(days).toEqual([
      ["2026-10-24", 46],
      ["2026-10-25", 50],
    ]);
  });

  it("measures gaps, leads against 1 per 15, projected service and cost", () => {
    const startMs = Date.UTC(2026, 10, 23, 9);
    const n = 4;
    const shifts = [
      ...Array.from({ length: 16 }, (_, k) => ({ personId: `a${k}`, regionId: "emea", role: "agent" as const, startMs, endMs: startMs + 2 * H, breaks: [] })),
      { personId: "l1", regionId: "emea", role: "lead" as const, startMs, endMs: startMs + H, breaks: [] },
    ];
    const report = buildCoverageReport(
      input({
        startMs,
        intervalCount: n,
        shifts,
        demand: [{ channelId: "voice", contacts: [100, 100, 100, 100], ahtSeconds: [180, 180, 180, 180], requiredAgents: [14, 14, 14, 14] }],
      }),
    );
    expect(report.intervals.map((iv) => iv.gap)).toEqual([2, 2, 2, 2]);
    // 16 agents on task need 2 leads; one is there for the first hour only.
    expect(report.intervals.map((iv) => [iv.leadsOnDuty, iv.leadsNeeded])).toEqual([
      [1, 2],
      [1, 2],
      [0, 2],
      [0, 2],
    ]);
    expect(report.period.leadSpanBreaches).toBe(4);
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0]?.reasons).toContain("no lead available");
    // SL at 16 agents for A = 10 (hand-checked with the Erlang C reference: 0.9700).
    expect(report.intervals[0]?.serviceLevel).toBeCloseTo(0.97, 2);
    // 16 agents × 2 h + 1 lead × 1 h = 33 paid hours at 20 an hour.
    expect(report.period.paidHours).toBe(33);
    expect(report.period.staffCost).toBe(660);
  });

  it("attributes an uncovered night to no region and says why", () => {
    const startMs = Date.UTC(2026, 10, 23, 0);
    const report = buildCoverageReport(
      input({ startMs, intervalCount: 2, demand: [{ channelId: "voice", contacts: [10, 10], ahtSeconds: [180, 180], requiredAgents: [3, 3] }] }),
    );
    expect(report.gaps).toEqual([expect.objectContaining({ maxShortAgents: 3, shortAgentHours: 3, reasons: [REASON_NO_WINDOW] })]);
    expect(report.intervals[0]?.regions.find((r) => r.regionId === "none")).toMatchObject({ required: 3, scheduled: 0, gap: -3 });
    expect(report.period.shareMeetingTarget).toBe(0);
    expect(DateTime.fromMillis(report.gaps[0]?.endMs ?? 0, { zone: "utc" }).toISO()).toBe("2026-11-23T01:00:00.000Z");
  });

  it("adds tools per rostered person pro rata to the staff cost, so the days add up to the period", () => {
    const startMs = Date.UTC(2026, 10, 23, 0);
    const shifts = ["a1", "a2", "a3"].map((personId, k) => ({ personId, regionId: "emea", role: "agent" as const, startMs: startMs + (9 + k * 24) * H, endMs: startMs + (17 + k * 24) * H, breaks: [] }));
    const report = buildCoverageReport(input({ startMs, intervalCount: 7 * 48, shifts, toolsCostPerUserMonth: 45 }));
    // Three people, 45 a month each, for 7 of the average month's 30.4375 days.
    const tools = 3 * 45 * ((7 * 86_400_000) / MONTH_MS);
    expect(report.period.toolsCost).toBeCloseTo(tools, 9);
    expect(report.period.staffCost).toBeCloseTo(24 * 20 + tools, 9);
    expect(report.days.reduce((s, d) => s + d.toolsCost, 0)).toBeCloseTo(tools, 9);
    expect(buildCoverageReport(input({ startMs, intervalCount: 7 * 48, shifts })).period.staffCost).toBe(480);
  });
});
