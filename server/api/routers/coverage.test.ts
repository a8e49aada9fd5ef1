import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { people, requirements, rosters, shifts } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels, insertTeam, insertTemplate } from "@/server/testing/factories";
import { waitForRosterJob } from "@/server/jobs/roster-jobs";
import { callerFor, freshDb } from "@/server/testing/api-harness";
import { eq } from "drizzle-orm";

const WEEK = DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" });

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const emea = insertRegion(db, { name: "EMEA", timeZone: "Europe/Dublin", windowStart: "07:00", windowEnd: "23:00" });
  const apac = insertRegion(db, { name: "APAC", timeZone: "Asia/Manila", windowStart: "06:00", windowEnd: "22:00" });
  const template = insertTemplate(db, { name: "d8" });
  const lead = await insertPerson(db, { regionId: emea.id, role: "lead", name: "Leo Lead", templateIds: [template.id] });
  const team = insertTeam(db, { regionId: emea.id, leadId: lead.id, name: "Dublin" });
  db.update(people).set({ teamId: team.id }).where(eq(people.id, lead.id)).run();
  const ada = await insertPerson(db, { regionId: emea.id, teamId: team.id, name: "Ada", templateIds: [template.id] });
  const apacLead = await insertPerson(db, { regionId: apac.id, role: "lead", name: "Pia" });
  const apacTeam = insertTeam(db, { regionId: apac.id, leadId: apacLead.id, name: "Manila" });
  const paolo = await insertPerson(db, { regionId: apac.id, teamId: apacTeam.id, name: "Paolo", templateIds: [template.id] });
  const manager = await insertPerson(db, { regionId: emea.id, role: "manager" });
  const agent = ada;
  for (let t = WEEK; t < WEEK.plus({ days: 7 }); t = t.plus({ minutes: 30 })) {
    db.insert(requirements).values({ intervalStart: t.toJSDate(), channelKey: "voice", intervalMinutes: 30, contacts: 20, ahtSeconds: 300, agents: 1, agentsWithShrinkage: 2 }).run();
  }
  const roster = db
    .insert(rosters)
    .values({ name: "Week 48", periodStart: WEEK.toJSDate(), days: 7, status: "published", createdAt: WEEK.toJSDate(), publishedAt: WEEK.toJSDate() })
    .returning()
    .get();
  // Ada works Monday 09:00–17:00 UTC; Paolo Monday 00:00–08:00 UTC (08:00–16:00 Manila).
  db.insert(shifts).values({ rosterId: roster.id, personId: ada.id, regionId: emea.id, templateId: template.id, startsAt: WEEK.plus({ hours: 9 }).toJSDate(), endsAt: WEEK.plus({ hours: 17 }).toJSDate() }).run();
  db.insert(shifts).values({ rosterId: roster.id, personId: paolo.id, regionId: apac.id, templateId: template.id, startsAt: WEEK.toJSDate(), endsAt: WEEK.plus({ hours: 8 }).toJSDate() }).run();
  return { db, roster, lead, manager, agent, emea, apac };
}

describe("coverage.report", () => {
  it("a manager sees every region, gaps with reasons and fixes, and the period summary", async () => {
    const { db, roster, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    const report = await caller.coverage.report({ rosterId: roster.id, zone: "Europe/Dublin" });
    expect(report.regions.map((r) => r.name)).toEqual(["EMEA", "APAC", "No region open"]);
    const monday10 = report.intervals.find((iv) => iv.startMs === WEEK.plus({ hours: 10 }).toMillis());
    expect(monday10).toMatchObject({ required: 2, scheduled: 1, gap: -1 });
    expect(report.gaps.length).toBeGreaterThan(0);
    expect(report.gaps.every((g) => g.reasons.length > 0)).toBe(true);
    expect(report.gaps.some((g) => g.fixes.some((f) => f.kind === "extra-shift"))).toBe(true);
    expect(report.period.paidHours).toBe(16);
    expect(report.days).toHaveLength(7);
  });

  it("a lead sees only their team's region and no one else's people", async () => {
    const { db, roster, lead } = await setup();
    const { caller } = callerFor(db, lead.id);
    const report = await caller.coverage.report({ rosterId: roster.id, zone: "Europe/Dublin" });
    expect(report.regions.map((r) => r.name)).toEqual(["EMEA"]);
    for (const iv of report.intervals) expect(iv.regions.map((r) => r.regionId)).toEqual([`region-${report.regions[0]?.id.split("-")[1]}`]);
    const overtimeNames = report.gaps.flatMap((g) => g.fixes.filter((f) => f.kind === "overtime").map((f) => f.text));
    expect(overtimeNames.join(" ")).not.toContain("Paolo");
    const csv = (await caller.coverage.exportCsv({ rosterId: roster.id, zone: "UTC" })).csv;
    expect(csv).not.toContain("APAC");
    // Totals and costs are EMEA's only: Ada's 8 paid hours, not Paolo's.
    expect(report.period.paidHours).toBe(8);
    const manila = report.intervals.find((iv) => iv.startMs === WEEK.plus({ hours: 2 }).toMillis());
    // At 02:00 UTC only APAC is open: nothing of it shows in the lead's totals.
    expect(manila).toMatchObject({ required: 0, scheduled: 0, gap: 0 });
    expect(report.gaps.every((g) => g.openRegionIds.every((id) => id === report.regions[0]?.id))).toBe(true);
  });

  it("another region's lead sees only theirs: the APAC lead gets none of EMEA's people or hours", async () => {
    const { db, roster } = await setup();
    const pia = db.select().from(people).where(eq(people.name, "Pia")).get();
    const { caller } = callerFor(db, pia?.id);
    const report = await caller.coverage.report({ rosterId: roster.id, zone: "Asia/Manila" });
    expect(report.regions.map((r) => r.name)).toEqual(["APAC"]);
    expect(report.period.paidHours).toBe(8);
    const fixes = report.gaps.flatMap((g) => g.fixes.map((f) => f.text)).join(" ");
    expect(fixes).not.toContain("Ada");
    expect((await caller.coverage.exportCsv({ rosterId: roster.id, zone: "UTC" })).csv).not.toContain("EMEA");
  });

  it("an agent sees nothing here", async () => {
    const { db, roster, agent } = await setup();
    const { caller } = callerFor(db, agent.id);
    await expect(caller.coverage.report({ rosterId: roster.id, zone: "UTC" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.coverage.exportCsv({ rosterId: roster.id, zone: "UTC" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports the coverage table with the agreed columns", async () => {
    const { db, roster, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    const { csv, filename } = await caller.coverage.exportCsv({ rosterId: roster.id, zone: "UTC", regionId: "region-1", channelId: "voice" });
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toBe("interval_start,region,channel,contacts,aht_seconds,target_sl,target_seconds,required,scheduled,gap,projected_sl,projected_asa_seconds,leads_on_duty");
    expect(filename).toMatch(/^coverage-2026-11-23-roster-\d+\.csv$/);
    const afternoon = rows.find((r) => r.startsWith("2026-11-23T15:00:00.000Z"));
    // At 15:00 UTC (23:00 in Manila) only EMEA is open: it carries the whole requirement (2)
    // against Ada alone; her one agent less 15% shrinkage leaves nobody on the phones: SL 0.
    expect(afternoon?.split(",")).toEqual(["2026-11-23T15:00:00.000Z", "EMEA", "voice", "20", "300", "0.8", "20", "2", "1", "-1", "0", "", "0"]);
    const tenAm = rows.find((r) => r.startsWith("2026-11-23T10:00:00.000Z"));
    // At 10:00 UTC APAC (18:00 local) is open too but has nobody on: the requirement is shared
    // by agents on task, so EMEA (Ada) carries all of it.
    expect(tenAm?.split(",").slice(3, 10)).toEqual(["20", "300", "0.8", "20", "2", "1", "-1"]);
  });
});

describe("coverage.planHiring", () => {
  it("plans headcount per region with the engine's design mode and saves nothing", async () => {
    const { db, roster, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    const rostersBefore = db.select().from(rosters).all().length;
    const job = await caller.coverage.planHiring({ rosterId: roster.id, timeLimitSeconds: 10 });
    const done = await waitForRosterJob(job.id);
    expect(done.error).toBeNull();
    const status = await caller.coverage.hiringPlanStatus({ jobId: job.id });
    const plan = status.summary;
    expect(plan?.regions.map((r) => r.name)).toEqual(["EMEA", "APAC"]);
    // Two agents around the clock need people in both regions; each has one agent today.
    expect(plan?.regions.every((r) => r.needed >= 2 && r.toHire === r.needed - r.agentsNow)).toBe(true);
    expect(db.select().from(rosters).all().length).toBe(rostersBefore);
  }, 60_000);
});
