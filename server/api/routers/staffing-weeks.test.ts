import { count, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { auditLog, contactHistory } from "@/db/schema";
import { errorDetails } from "@/server/api/trpc";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";
import { callerFor, freshDb } from "@/server/testing/api-harness";

/** Tuesday 24 Nov 2026, 12:00 UTC: this planning week starts Monday 23 Nov (Dublin = UTC in winter). */
const NOW = () => new Date("2026-11-24T12:00:00Z");
const THIS_WEEK = DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" });

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA" });
  const planner = await insertPerson(db, { regionId: region.id, role: "lead", isPlanner: true });
  return { db, caller: callerFor(db, planner.id, NOW).caller };
}

const historyCount = (db: ReturnType<typeof freshDb>) => db.select({ n: count() }).from(contactHistory).get()?.n ?? 0;

/** `weeks` weeks of 30-minute voice and email history ending at `end`: `open` contacts 09:00–17:00 Dublin on weekdays, 2 otherwise. */
function weeksOfHistory(end: DateTime, weeks: number, open = 40): string {
  const lines = ["interval_start,channel,contacts,aht_seconds"];
  for (let t = end.minus({ weeks }); t < end; t = t.plus({ minutes: 30 })) {
    const local = t.setZone("Europe/Dublin");
    const isOpen = local.weekday <= 5 && local.hour >= 9 && local.hour < 17;
    lines.push(`${t.toISO()},voice,${isOpen ? open : 2},300`);
    lines.push(`${t.toISO()},email,${isOpen ? open / 4 : 1},360`);
  }
  return lines.join("\n");
}

const voiceAt = (week: { intervals: { startsAt: string; channels: { channelId: string; contacts: number }[] }[] }, iso: string) =>
  week.intervals.find((iv) => iv.startsAt.startsWith(iso))?.channels.find((c) => c.channelId === "voice")?.contacts;

describe("planning weeks", () => {
  it("forecasts this week and each of the next three, and refuses a fifth", async () => {
    const { caller } = await setup();
    await caller.staffing.importHistory({ csv: weeksOfHistory(THIS_WEEK, 4) });
    const before = await caller.staffing.week({ weekOffset: 0, whatIf: [] });
    expect(before.planningWeeks).toEqual([
      { weekOffset: 0, start: "2026-11-23T00:00:00.000Z", startDate: "2026-11-23", forecast: false },
      { weekOffset: 1, start: "2026-11-30T00:00:00.000Z", startDate: "2026-11-30", forecast: false },
      { weekOffset: 2, start: "2026-12-07T00:00:00.000Z", startDate: "2026-12-07", forecast: false },
      { weekOffset: 3, start: "2026-12-14T00:00:00.000Z", startDate: "2026-12-14", forecast: false },
    ]);
    for (const weekOffset of [0, 1, 2, 3]) {
      const generated = await caller.staffing.generate({ weekOffset, adjustments: [] });
      expect(generated.rows).toBe(7 * 48 * 4);
      // Every week learns from the same history: what lies before this week.
      expect(generated.history?.message).toBe("Using history from 26 Oct to 22 Nov 2026 (4 weeks) of voice and email.");
    }
    expect((await caller.staffing.planningWeeks()).map((w) => w.forecast)).toEqual([true, true, true, true]);
    const after = await caller.staffing.week({ weekOffset: 3, whatIf: [] });
    expect(after.planningWeeks.map((w) => w.forecast)).toEqual([true, true, true, true]);
    expect(after.week.start).toBe("2026-12-14T00:00:00.000Z");
    expect(voiceAt(after, "2026-12-15T10:00")).toBeCloseTo(40, 5);
    expect(after.history).toMatchObject({ fromDate: "2026-10-26", toDate: "2026-11-22", weeks: 4, channels: ["voice", "email"], leftOutRows: 0 });

    const error = await caller.staffing.generate({ weekOffset: 4, adjustments: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(errorDetails(error).fieldErrors?.weekOffset?.[0]).toMatch(/this week or one of the next three/);
  });

  it("a week without a forecast says so and shows no history", async () => {
    const { caller } = await setup();
    const week = await caller.staffing.week({ weekOffset: 2, whatIf: [] });
    expect(week.intervals).toEqual([]);
    expect(week.history).toBeNull();
    expect(week.forecastRun).toBeNull();
  });
});

describe("rosters for the planning weeks", () => {
  it("names the week to forecast first when it has no forecast, and offers only the four weeks", async () => {
    const { caller } = await setup();
    await expect(caller.rosters.startSolve({ weekOffset: 3 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Forecast the week of 14 Dec on the Staffing page first.",
    });
    const error = await caller.rosters.startSolve({ weekOffset: 4 }).catch((e: unknown) => e);
    expect(errorDetails(error).fieldErrors?.weekOffset?.[0]).toMatch(/this week or one of the next three/);
  });
});

describe("stale history", () => {
  it("leaves out history before a long hole, says so, and forecasts from the latest span only", async () => {
    const { db, caller } = await setup();
    // An old export (ten times the volume) three years earlier, imported beside recent weeks.
    const old = await caller.staffing.importHistory({ csv: weeksOfHistory(DateTime.fromISO("2023-06-05T00:00:00Z", { zone: "utc" }), 2, 400), confirmFarHistory: true });
    expect(old).toMatchObject({ needsConfirmation: false, rows: 2 * 7 * 48 * 2 });
    await caller.staffing.importHistory({ csv: weeksOfHistory(THIS_WEEK, 4) });
    expect(historyCount(db)).toBe(6 * 7 * 48 * 2);

    const generated = await caller.staffing.generate({ weekOffset: 1, adjustments: [] });
    expect(generated.history?.message).toBe(
      "Using history from 26 Oct to 22 Nov 2026 (4 weeks) of voice and email; 1,344 intervals before a 3-year gap were left out.",
    );
    const week = await caller.staffing.week({ weekOffset: 1, whatIf: [] });
    expect(week.history).toMatchObject({ leftOutRows: 1344, weeks: 4, gapDays: expect.any(Number) as number });
    expect(voiceAt(week, "2026-12-01T10:00")).toBeCloseTo(40, 5);
    // No warning about thousands of missing days: the hole is not in the fitted history.
    expect(week.forecastRun?.channels.flatMap((c) => c.warnings).join(" ")).not.toMatch(/without any rows/);
  });

  it("asks before importing history far from the planning weeks, writes nothing until confirmed, then imports it", async () => {
    const { db, caller } = await setup();
    const csv = weeksOfHistory(DateTime.fromISO("2003-03-03T00:00:00Z", { zone: "utc" }), 1);
    const asked = await caller.staffing.importHistory({ csv });
    expect(asked).toMatchObject({ needsConfirmation: true, rows: 7 * 48 * 2, from: "2003-02-24T00:00:00.000Z", to: "2003-03-02T23:30:00.000Z" });
    expect(asked.needsConfirmation && asked.message).toBe(
      "This file holds history from 24 Feb to 2 Mar 2003, far from the planning weeks (23 Nov to 20 Dec 2026). Does it belong to this organisation's timeline? Nothing was imported yet.",
    );
    // Re-read: nothing written, nothing audited.
    expect(historyCount(db)).toBe(0);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "history.import")).all()).toEqual([]);

    const confirmed = await caller.staffing.importHistory({ csv, confirmFarHistory: true });
    expect(confirmed).toMatchObject({ needsConfirmation: false, rows: 7 * 48 * 2 });
    expect(historyCount(db)).toBe(7 * 48 * 2);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "history.import")).get()?.details).toMatchObject({ confirmedFarHistory: true });
  });

  it("imports recent history, and history dated in the planning weeks, without asking", async () => {
    const { db, caller } = await setup();
    // Ends seven weeks before this week: near.
    await expect(caller.staffing.importHistory({ csv: weeksOfHistory(THIS_WEEK.minus({ weeks: 7 }), 1) })).resolves.toMatchObject({ needsConfirmation: false });
    // Actuals of today.
    await expect(caller.staffing.importHistory({ csv: "interval_start,channel,contacts\n2026-11-24T09:00:00Z,voice,38\n" })).resolves.toMatchObject({
      needsConfirmation: false,
      rows: 1,
    });
    expect(historyCount(db)).toBe(7 * 48 * 2 + 1);
    // Starting nine weeks after the fourth planning week: far.
    await expect(caller.staffing.importHistory({ csv: "interval_start,channel,contacts\n2027-02-22T09:00:00Z,voice,38\n" })).resolves.toMatchObject({
      needsConfirmation: true,
    });
    expect(historyCount(db)).toBe(7 * 48 * 2 + 1);
  });
});
