import { count, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { contactHistory, requirements } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";
import { errorDetails } from "@/server/api/trpc";
import { callerFor, freshDb } from "@/server/testing/api-harness";

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA" });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead", isPlanner: true });
  const agent = await insertPerson(db, { regionId: region.id, role: "agent" });
  return { db, lead, agent };
}

const historyCount = (db: ReturnType<typeof freshDb>) => db.select({ n: count() }).from(contactHistory).get()?.n ?? 0;

/** Four weeks of 30-minute voice and email history ending at `end` (UTC), 09:00–17:00 Dublin on weekdays. */
function weeksOfHistory(end: DateTime, weeks: number): string {
  const lines = ["interval_start,channel,contacts,aht_seconds"];
  for (let t = end.minus({ weeks }); t < end; t = t.plus({ minutes: 30 })) {
    const local = t.setZone("Europe/Dublin");
    const open = local.weekday <= 5 && local.hour >= 9 && local.hour < 17;
    lines.push(`${t.toISO()},voice,${open ? 40 : 2},300`);
    lines.push(`${t.toISO()},email,${open ? 10 : 1},360`);
  }
  return lines.join("\n");
}

describe("staffing.importHistory", () => {
  it("rejects a file with a bad row, naming row and column, and writes nothing", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id);
    const csv = "interval_start,channel,contacts\n2026-01-05T09:00:00Z,voice,12\n2026-01-05T09:30:00Z,voice,-3\n";
    const error = await caller.staffing.importHistory({ csv }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect((error as Error).message).toMatch(/Row 3, column "contacts"/);
    expect(errorDetails(error).row).toBe(3);
    expect(historyCount(db)).toBe(0);
  });

  it("rejects an unknown channel and an interval off the planning grid", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id);
    const unknownChannel = "interval_start,channel,contacts\n2026-01-05T09:00:00Z,fax,12\n";
    const offGrid = "interval_start,channel,contacts\n2026-01-05T09:00:00Z,voice,12\n2026-01-05T09:10:00Z,voice,3\n";
    const e1 = (await caller.staffing.importHistory({ csv: unknownChannel }).catch((e: unknown) => e)) as Error;
    expect(e1.message).toMatch(/Row 2, column "channel"/);
    const e2 = (await caller.staffing.importHistory({ csv: offGrid }).catch((e: unknown) => e)) as Error;
    expect(e2.message).toMatch(/Row 3, column "interval_start".*30-minute grid/);
    expect(historyCount(db)).toBe(0);
  });

  it("imports across a DST change and replaces re-imported intervals", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id);
    // Europe/Dublin falls back on 2026-10-25: 01:00–02:00 local happens twice (+01:00 then +00:00).
    const csv = [
      "interval_start,channel,contacts,aht_seconds",
      "2026-10-25T01:00:00+01:00,voice,5,300",
      "2026-10-25T01:30:00+01:00,voice,6,300",
      "2026-10-25T01:00:00+00:00,voice,7,300",
      "2026-10-25T01:30:00+00:00,voice,8,300",
    ].join("\n");
    await expect(caller.staffing.importHistory({ csv })).resolves.toMatchObject({ rows: 4, channels: ["voice"] });
    expect(historyCount(db)).toBe(4);
    const again = "interval_start,channel,contacts\n2026-10-25T01:00:00+00:00,voice,70\n";
    await caller.staffing.importHistory({ csv: again });
    expect(historyCount(db)).toBe(4);
    const row = db.select().from(contactHistory).where(eq(contactHistory.intervalStart, new Date("2026-10-25T01:00:00Z"))).get();
    expect(row?.contacts).toBe(70);
  });

  it("an agent cannot import history, and nothing is written", async () => {
    const { db, agent } = await setup();
    const { caller } = callerFor(db, agent.id);
    await expect(caller.staffing.importHistory({ csv: "interval_start,channel,contacts\n2026-01-05T09:00:00Z,voice,1\n" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(historyCount(db)).toBe(0);
  });
});

describe("staffing.generate and staffing.week", () => {
  it("forecasts next week from history and stores requirements the week view recomputes with what-ifs", async () => {
    const { db, lead } = await setup();
    const now = () => new Date("2026-11-24T12:00:00Z");
    const { caller } = callerFor(db, lead.id, now);
    // History up to the start of this week (Monday 23 Nov 2026, Dublin = UTC in winter).
    await caller.staffing.importHistory({ csv: weeksOfHistory(DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" }), 4) });
    const generated = await caller.staffing.generate({ weekOffset: 0, adjustments: [] });
    expect(generated.rows).toBe(7 * 48 * 4);
    const week = await caller.staffing.week({ weekOffset: 0, whatIf: [] });
    expect(week.intervals).toHaveLength(7 * 48);
    const tuesdayTen = week.intervals.find((iv) => iv.startsAt.startsWith("2026-11-24T10:00"));
    const voice = tuesdayTen?.channels.find((c) => c.channelId === "voice");
    // 40 calls × 300 s / 1800 s = 6.67 Erlangs; 80% in 20 s with an 85% occupancy cap needs 10 agents.
    expect(voice?.contacts).toBeCloseTo(40, 5);
    expect(voice?.agents).toBe(10);
    // ceil(10 / (1 − 0.15)) = ceil(11.76) = 12.
    expect(voice?.agentsWithShrinkage).toBe(12);
    const stricter = await caller.staffing.week({ weekOffset: 0, whatIf: [{ channel: "voice", targetSl: 0.95 }] });
    const stricterVoice = stricter.intervals.find((iv) => iv.startsAt.startsWith("2026-11-24T10:00"))?.channels.find((c) => c.channelId === "voice");
    expect(stricterVoice?.agents).toBeGreaterThan(10);
    expect(week.forecastRun?.channels.map((c) => c.channel).sort()).toEqual(["email", "voice"]);
  });

  it("returns the working behind each figure, so the page's explanation recomputes nothing", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id, () => new Date("2026-11-24T12:00:00Z"));
    await caller.staffing.importHistory({ csv: weeksOfHistory(DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" }), 4) });
    await caller.staffing.generate({ weekOffset: 0, adjustments: [] });
    const week = await caller.staffing.week({ weekOffset: 0, whatIf: [] });
    const tuesdayTen = week.intervals.find((iv) => iv.startsAt.startsWith("2026-11-24T10:00"));
    const voice = tuesdayTen?.channels.find((c) => c.channelId === "voice");
    const email = tuesdayTen?.channels.find((c) => c.channelId === "email");
    // 40 calls × 300 s / 1800 s = 6.67 Erlangs on 10 agents.
    expect(voice?.trafficErlangs).toBeCloseTo((40 * 300) / 1800, 4);
    expect(voice).toMatchObject({ servers: 10, serversPerAgent: 1, itemsPerAgent: null });
    expect(voice?.probabilityWait).toBeGreaterThan(0);
    expect(voice?.probabilityWait).toBeLessThan(1);
    // Email: one agent works 1800 s × 0.9 occupancy ÷ 360 s = 4.5 items in a half hour.
    expect(email).toMatchObject({ trafficErlangs: null, probabilityWait: null, servers: null });
    expect(email?.itemsPerAgent).toBeCloseTo((1800 * 0.9) / 360, 6);
  });

  it("refuses a service-level target of 100% naming the field", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id);
    const error = await caller.staffing.week({ weekOffset: 0, whatIf: [{ channel: "voice", targetSl: 1 }] }).catch((e: unknown) => e);
    expect(errorDetails(error).fieldErrors).toHaveProperty("whatIf");
  });

  it("a failed forecast writes nothing", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id);
    await expect(caller.staffing.generate({ weekOffset: 0, adjustments: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(db.select({ n: count() }).from(requirements).get()?.n).toBe(0);
  });
});

describe("staffing: planners", () => {
  it("a lead not marked as planner reads the week but cannot import history or forecast, and nothing is written", async () => {
    const { db, lead } = await setup();
    const now = () => new Date("2026-11-24T12:00:00Z");
    const csv = weeksOfHistory(DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" }), 4);
    const planner = callerFor(db, lead.id, now).caller;
    await planner.staffing.importHistory({ csv });
    await planner.staffing.generate({ weekOffset: 0, adjustments: [] });
    const historyBefore = db.select().from(contactHistory).all();
    const requirementsBefore = db.select().from(requirements).all();
    const plainLead = await insertPerson(db, { regionId: lead.regionId, role: "lead", isPlanner: false });
    const plain = callerFor(db, plainLead.id, now).caller;
    await expect(plain.staffing.importHistory({ csv })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(plain.staffing.generate({ weekOffset: 0, adjustments: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(db.select().from(contactHistory).all()).toEqual(historyBefore);
    expect(db.select().from(requirements).all()).toEqual(requirementsBefore);
    expect((await plain.staffing.week({ weekOffset: 0, whatIf: [] })).intervals).toHaveLength(7 * 48);
  });
});

describe("channel model comparison", () => {
  it("shows deferred email needing fewer agent-hours than a live-queue treatment", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id, () => new Date("2026-11-24T12:00:00Z"));
    await caller.staffing.importHistory({ csv: weeksOfHistory(DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" }), 4) });
    await caller.staffing.generate({ weekOffset: 0, adjustments: [] });
    const week = await caller.staffing.week({ weekOffset: 0, whatIf: [] });
    const email = week.modelComparison.find((m) => m.channel === "email");
    expect(email?.model).toBe("deferred work with backlog");
    expect(email?.agentHours).toBeGreaterThan(0);
    expect(email?.agentHours).toBeLessThan(email?.alternativeAgentHours ?? 0);
  });
});

describe("manual adjustments", () => {
  it("a +50% uplift on one local day raises that day's forecast only, and is kept with the run", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id, () => new Date("2026-11-24T12:00:00Z"));
    await caller.staffing.importHistory({ csv: weeksOfHistory(DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" }), 4) });
    await caller.staffing.generate({ weekOffset: 0, adjustments: [] });
    const plain = await caller.staffing.week({ weekOffset: 0, whatIf: [] });
    await caller.staffing.generate({ weekOffset: 0, adjustments: [{ fromDate: "2026-11-25", toDate: "2026-11-25", upliftPercent: 50, channel: "voice", note: "Launch" }] });
    const lifted = await caller.staffing.week({ weekOffset: 0, whatIf: [] });
    const voiceAt = (w: typeof plain, iso: string) => w.intervals.find((iv) => iv.startsAt.startsWith(iso))?.channels.find((c) => c.channelId === "voice")?.contacts ?? 0;
    expect(voiceAt(lifted, "2026-11-25T10:00")).toBeCloseTo(voiceAt(plain, "2026-11-25T10:00") * 1.5, 6);
    expect(voiceAt(lifted, "2026-11-24T10:00")).toBeCloseTo(voiceAt(plain, "2026-11-24T10:00"), 6);
    expect(lifted.forecastRun?.adjustments).toEqual([{ fromDate: "2026-11-25", toDate: "2026-11-25", upliftPercent: 50, channel: "voice", note: "Launch" }]);
  });
});
