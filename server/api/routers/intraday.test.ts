import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { contactHistory, people, requirements, rosters, shiftBreaks, shifts } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels, insertTeam, insertTemplate } from "@/server/testing/factories";
import { callerFor, freshDb } from "@/server/testing/api-harness";

const WEEK = DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" });
const TODAY = WEEK.plus({ days: 1 });
/** Tue 24 Nov 2026 12:00 UTC (noon in Dublin): 24 complete half-hours. */
const NOW = TODAY.plus({ hours: 12 }).toJSDate();

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const emea = insertRegion(db, { name: "EMEA", timeZone: "Europe/Dublin", windowStart: "07:00", windowEnd: "23:00" });
  const apac = insertRegion(db, { name: "APAC", timeZone: "Asia/Manila", windowStart: "06:00", windowEnd: "22:00" });
  const template = insertTemplate(db, { name: "Day 8.5h" });
  const lead = await insertPerson(db, { regionId: emea.id, role: "lead", name: "Leo Lead", templateIds: [template.id] });
  const team = insertTeam(db, { regionId: emea.id, leadId: lead.id, name: "Dublin" });
  db.update(people).set({ teamId: team.id }).where(eq(people.id, lead.id)).run();
  const ada = await insertPerson(db, { regionId: emea.id, teamId: team.id, name: "Ada", templateIds: [template.id] });
  const apacLead = await insertPerson(db, { regionId: apac.id, role: "lead", name: "Pia" });
  const apacTeam = insertTeam(db, { regionId: apac.id, leadId: apacLead.id, name: "Manila" });
  const paolo = await insertPerson(db, { regionId: apac.id, teamId: apacTeam.id, name: "Paolo", templateIds: [template.id] });
  const manager = await insertPerson(db, { regionId: emea.id, role: "manager" });
  // A flat voice forecast of 20 contacts per half hour all week.
  for (let t = WEEK; t < WEEK.plus({ days: 7 }); t = t.plus({ minutes: 30 })) {
    db.insert(requirements).values({ intervalStart: t.toJSDate(), channelKey: "voice", intervalMinutes: 30, contacts: 20, ahtSeconds: 300, agents: 4, agentsWithShrinkage: 5 }).run();
  }
  // Today so far runs 20 % above it: 24 contacts in each complete half hour, and a partial 12:00.
  for (let t = TODAY; t <= TODAY.plus({ hours: 12 }); t = t.plus({ minutes: 30 })) {
    db.insert(contactHistory).values({ intervalStart: t.toJSDate(), channelKey: "voice", contacts: t < TODAY.plus({ hours: 12 }) ? 24 : 5, ahtSeconds: 300 }).run();
  }
  const roster = db
    .insert(rosters)
    .values({ name: "Week 48", periodStart: WEEK.toJSDate(), days: 7, status: "published", createdAt: WEEK.toJSDate(), publishedAt: WEEK.toJSDate() })
    .returning()
    .get();
  const addShift = (personId: number, regionId: number, startHour: number) => {
    const start = TODAY.plus({ hours: startHour });
    const id = db
      .insert(shifts)
      .values({ rosterId: roster.id, personId, regionId, templateId: template.id, startsAt: start.toJSDate(), endsAt: start.plus({ minutes: 510 }).toJSDate() })
      .returning()
      .get().id;
    db.insert(shiftBreaks).values({ shiftId: id, startsAt: start.plus({ hours: 4 }).toJSDate(), endsAt: start.plus({ hours: 4.5 }).toJSDate() }).run();
  };
  // Ada works 07:30–16:00 Dublin (GMT = UTC in November); Paolo 04:00–12:30 UTC, 12:00–20:30 in Manila.
  addShift(ada.id, emea.id, 7.5);
  addShift(paolo.id, apac.id, 4);
  return { db, lead, manager, agent: ada, paolo };
}

describe("intraday.today", () => {
  it("a manager sees actuals against forecast, the damped re-forecast, the gap and named overtime", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id, () => NOW);
    const today = await caller.intraday.today();
    expect(today.day).toMatchObject({ date: "2026-11-24", zone: "Europe/Dublin", intervalMinutes: 30, nowMs: NOW.getTime() });
    expect(today.intervals).toHaveLength(48);
    expect(today.intervals.filter((iv) => iv.phase === "complete")).toHaveLength(24);
    expect(today.intervals[24]?.phase).toBe("current");
    const voice = today.channels.find((c) => c.key === "voice");
    // 24 complete half-hours of evidence (720 min) against k = 120: w = 6/7.
    expect(voice?.runningRatio).toBeCloseTo(1.2, 10);
    expect(voice?.appliedRatio).toBeCloseTo(1 + (6 / 7) * 0.2, 10);
    expect(today.summary.sentence).toBe("Today is running 20 % above forecast; the rest of the day is re-forecast +17 %.");

    const at = (hours: number) => today.intervals.find((iv) => iv.startMs === TODAY.plus({ hours }).toMillis());
    expect(at(9)).toMatchObject({ phase: "complete", actual: 24, forecast: 20, reforecast: null });
    expect(at(13)?.reforecast).toBeCloseTo(20 * (1 + (6 / 7) * 0.2), 10);
    // The re-forecast is restaffed: more agents than the stored 5 for 20 contacts.
    expect(at(13)?.required).toBeGreaterThan(5);
    expect(at(13)).toMatchObject({ onTask: 1 });
    expect(at(13)?.gap).toBe((at(13)?.onTask ?? 0) - (at(13)?.required ?? 0));

    // Both shifts end while the day is short: overtime for each, in their own zone, re-checked against
    // the rules. Manila's window closes at 22:00, so Paolo may stay 90 minutes, not 120.
    const overtime = today.moves.filter((m) => m.kind === "overtime");
    expect(overtime.map((m) => m.text)).toEqual([
      "Ask Paolo to stay 90 min longer, from 20:30 until 22:00 GMT+8 (Asia/Manila): it covers a short stretch and keeps every rule",
      "Ask Ada to stay 120 min longer, from 16:00 until 18:00 GMT (Europe/Dublin): it covers a short stretch and keeps every rule",
    ]);
    expect(today.roster?.name).toBe("Week 48");
  });

  it("a lead sees the same day and moves for their own people only", async () => {
    const { db, lead } = await setup();
    const { caller } = callerFor(db, lead.id, () => NOW);
    const today = await caller.intraday.today();
    expect(today.summary.runningRatio).toBeCloseTo(1.2, 10);
    expect(today.moves.every((m) => !m.text.includes("Paolo"))).toBe(true);
    expect(today.moves.some((m) => m.text.includes("Ada"))).toBe(true);
  });

  it("says so when today has no forecast or roster", async () => {
    const db = freshDb();
    insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
    insertStandardChannels(db);
    const region = insertRegion(db, { name: "EMEA" });
    const manager = await insertPerson(db, { regionId: region.id, role: "manager" });
    const today = await callerFor(db, manager.id, () => NOW).caller.intraday.today();
    expect(today.hasForecast).toBe(false);
    expect(today.roster).toBeNull();
    expect(today.moves).toEqual([]);
    expect(today.notes.join(" ")).toMatch(/no stored forecast/);
    expect(today.summary.sentence).toBe("No actuals against a forecast yet today; nothing is forecast for the rest of the day.");
  });

  it("refuses an agent and an anonymous caller", async () => {
    const { db, agent } = await setup();
    await expect(callerFor(db, agent.id, () => NOW).caller.intraday.today()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, undefined, () => NOW).caller.intraday.today()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
