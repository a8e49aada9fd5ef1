import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, orgSettings, regions, rosters, teams } from "@/db/schema";
import { errorDetails } from "@/server/api/trpc";
import { callerFor, FIXED_NOW, freshDb } from "@/server/testing/api-harness";
import { insertPerson, insertRegion, insertSettings, insertTeam } from "@/server/testing/factories";

async function setup() {
  const db = freshDb();
  insertSettings(db, { name: "Acme Support", timeZone: "Europe/Dublin" });
  const region = insertRegion(db, { name: "EMEA", hourlyCostCents: 2000 });
  const manager = await insertPerson(db, { regionId: region.id, role: "manager" });
  const planner = await insertPerson(db, { regionId: region.id, role: "lead", isPlanner: true });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead" });
  const agent = await insertPerson(db, { regionId: region.id, role: "agent" });
  return { db, region, manager, planner, lead, agent };
}

const valid = (regionId: number) => ({
  name: "Acme Care",
  timeZone: "America/Sao_Paulo",
  intervalMinutes: 30,
  weekStart: 7,
  currency: "brl",
  toolsCostPerUserMonth: 45,
  overtimePremiumPercent: 50,
  leadSpanMin: 6,
  leadSpanMax: 12,
  regionCosts: [{ regionId, hourlyCost: 22.5 }],
});

describe("organisation settings", () => {
  it("a manager saves every setting and each region's cost in one audited write", async () => {
    const { db, manager, region } = await setup();
    const { caller } = callerFor(db, manager.id);
    const saved = await caller.settings.update(valid(region.id));
    expect(saved).toMatchObject({ name: "Acme Care", timeZone: "America/Sao_Paulo", weekStart: 7, currency: "BRL", toolsCostCentsPerUserMonth: 4500, overtimePremium: 0.5, leadSpanMin: 6, leadSpanMax: 12 });
    expect(db.select().from(regions).where(eq(regions.id, region.id)).get()?.hourlyCostCents).toBe(2250);
    const view = await caller.settings.get();
    expect(view.settings).toMatchObject({ leadSpanMin: 6, leadSpanMax: 12, toolsCostCentsPerUserMonth: 4500 });
    expect(view.regions).toEqual([expect.objectContaining({ id: region.id, hourlyCostCents: 2250 })]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "settings.update")).all()).toHaveLength(1);
  });

  it("a planner lead may save them too", async () => {
    const { db, planner, region } = await setup();
    await callerFor(db, planner.id).caller.settings.update(valid(region.id));
    expect(db.select().from(orgSettings).get()?.name).toBe("Acme Care");
  });

  it("names each refused field: min above max span, interval, currency, zone; nothing is written", async () => {
    const { db, manager, region } = await setup();
    const { caller } = callerFor(db, manager.id);
    const spanError = await caller.settings.update({ ...valid(region.id), leadSpanMin: 16, leadSpanMax: 12 }).catch((e: unknown) => e);
    expect(errorDetails(spanError).fieldErrors).toMatchObject({ leadSpanMin: ["The minimum cannot be above the maximum"], leadSpanMax: ["The maximum cannot be below the minimum"] });
    const fieldError = await caller.settings.update({ ...valid(region.id), intervalMinutes: 20, currency: "euro", timeZone: "UTC+1" }).catch((e: unknown) => e);
    const fields = errorDetails(fieldError).fieldErrors ?? {};
    expect(fields.intervalMinutes?.[0]).toMatch(/15, 30 or 60/);
    expect(fields.currency?.[0]).toMatch(/three-letter/);
    expect(fields.timeZone?.[0]).toMatch(/IANA/);
    expect(db.select().from(orgSettings).get()).toMatchObject({ name: "Acme Support", leadSpanMin: 8, leadSpanMax: 15 });
    expect(db.select().from(regions).get()?.hourlyCostCents).toBe(2000);
  });

  it("refuses a new interval length once a roster exists, naming the field", async () => {
    const { db, manager, region } = await setup();
    db.insert(rosters).values({ name: "Week 48", periodStart: new Date("2026-11-23T00:00:00Z"), days: 7, status: "draft", createdAt: FIXED_NOW }).run();
    const error = await callerFor(db, manager.id).caller.settings.update({ ...valid(region.id), intervalMinutes: 15 }).catch((e: unknown) => e);
    expect(errorDetails(error).fieldErrors?.intervalMinutes?.[0]).toMatch(/30-minute intervals/);
    expect(db.select().from(orgSettings).get()?.intervalMinutes).toBe(30);
  });

  it("refuses a lead who is not a planner and an agent, and the settings stay as they were", async () => {
    const { db, lead, agent, region } = await setup();
    for (const person of [lead, agent]) {
      await expect(callerFor(db, person.id).caller.settings.update(valid(region.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(db, person.id).caller.settings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(db.select().from(orgSettings).get()).toMatchObject({ name: "Acme Support", timeZone: "Europe/Dublin", toolsCostCentsPerUserMonth: 0 });
    expect(db.select().from(regions).get()?.hourlyCostCents).toBe(2000);
  });

  it("the team span flags follow the saved lead span", async () => {
    const { db, manager, region } = await setup();
    const teamLead = await insertPerson(db, { regionId: region.id, role: "lead" });
    const team = insertTeam(db, { regionId: region.id, leadId: teamLead.id, name: "Small team" });
    for (let i = 0; i < 6; i++) await insertPerson(db, { regionId: region.id, role: "agent", teamId: team.id });
    const { caller } = callerFor(db, manager.id);
    const spanOf = async () => (await caller.org.directory()).teams.find((t) => t.id === team.id)?.span;
    expect(await spanOf()).toBe("too-small");
    await caller.settings.update(valid(region.id));
    expect(await spanOf()).toBe("ok");
    expect(db.select().from(teams).where(eq(teams.id, team.id)).get()?.leadId).toBe(teamLead.id);
  });
});
