import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people, regions, teams } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels, insertTeam, insertTemplate } from "@/server/testing/factories";
import { errorDetails } from "@/server/api/trpc";
import { callerFor, freshDb } from "@/server/testing/api-harness";

const fieldErrorsOf = (p: Promise<unknown>) => p.then(() => ({}), (e: unknown) => errorDetails(e).fieldErrors ?? {});

async function setup() {
  const db = freshDb();
  insertSettings(db);
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA", timeZone: "Europe/Dublin" });
  const manager = await insertPerson(db, { regionId: region.id, role: "manager", name: "Mona Manager" });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead", name: "Leo Lead" });
  const team = insertTeam(db, { regionId: region.id, leadId: lead.id, name: "Dublin A" });
  db.update(people).set({ teamId: team.id }).where(eq(people.id, lead.id)).run();
  const agent = await insertPerson(db, { regionId: region.id, role: "agent", teamId: team.id, name: "Ada Agent" });
  return { db, region, manager, lead, agent, team };
}

const validRegion = {
  name: "APAC",
  timeZone: "Asia/Manila",
  windowStart: "07:00",
  windowEnd: "23:00",
  workingDays: [1, 2, 3, 4, 5],
  hourlyCost: 15,
};

describe("regions", () => {
  it("a manager creates a region and it is audited", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    const region = await caller.org.createRegion(validRegion);
    expect(region).toMatchObject({ name: "APAC", timeZone: "Asia/Manila", hourlyCostCents: 1500 });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "region.create")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(manager.id);
  });

  it("rejects a zone that is not IANA with a field error and writes nothing", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    const before = db.select({ n: count() }).from(regions).get()?.n;
    const error = await caller.org.createRegion({ ...validRegion, timeZone: "Mars/Olympus", windowStart: "7am" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const fieldErrors = errorDetails(error).fieldErrors;
    expect(fieldErrors?.timeZone?.[0]).toMatch(/IANA/);
    expect(fieldErrors?.windowStart?.[0]).toMatch(/HH:mm/);
    expect(db.select({ n: count() }).from(regions).get()?.n).toBe(before);
  });

  it("rejects a duplicate name naming the field", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    expect(await fieldErrorsOf(caller.org.createRegion({ ...validRegion, name: "EMEA" }))).toMatchObject({ name: ["A region with this name exists"] });
  });

  it("an agent cannot create a region, and nothing changes", async () => {
    const { db, agent } = await setup();
    const { caller } = callerFor(db, agent.id);
    await expect(caller.org.createRegion(validRegion)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(db.select().from(regions).where(eq(regions.name, "APAC")).all()).toHaveLength(0);
  });

  it("a lead cannot edit a region, and the row is unchanged", async () => {
    const { db, lead, region } = await setup();
    const { caller } = callerFor(db, lead.id);
    await expect(caller.org.updateRegion({ ...validRegion, id: region.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(db.select().from(regions).where(eq(regions.id, region.id)).get()?.name).toBe("EMEA");
  });
});

describe("people", () => {
  const base = {
    name: "Nina New",
    email: "Nina@Example.test",
    role: "agent" as const,
    timeZone: null,
    skills: ["voice"],
    templateIds: [] as number[],
    password: "a-long-password",
    maxMinutesPerWeek: 2400,
    minMinutesPerWeek: 1200,
    maxDaysPerWeek: 5,
    minRestMinutes: 660,
  };

  it("creates a person with a contract and allowed templates; never returns the hash", async () => {
    const { db, manager, region, team } = await setup();
    const template = insertTemplate(db, { name: "d8" });
    const { caller } = callerFor(db, manager.id);
    const person = await caller.org.createPerson({ ...base, regionId: region.id, teamId: team.id, templateIds: [template.id] });
    expect(person).toMatchObject({ email: "nina@example.test", minMinutesPerWeek: 1200 });
    expect(person).not.toHaveProperty("passwordHash");
    const directory = await caller.org.directory();
    expect(directory.people.find((p) => p.email === "nina@example.test")?.templateIds).toEqual([template.id]);
    expect(JSON.stringify(directory)).not.toContain("argon2");
  });

  it("rejects min hours above max hours and an unknown skill, writing nothing", async () => {
    const { db, manager, region } = await setup();
    const { caller } = callerFor(db, manager.id);
    expect(await fieldErrorsOf(caller.org.createPerson({ ...base, regionId: region.id, teamId: null, minMinutesPerWeek: 3000 }))).toMatchObject({ minMinutesPerWeek: ["Minimum hours cannot exceed maximum hours"] });
    expect(await fieldErrorsOf(caller.org.createPerson({ ...base, regionId: region.id, teamId: null, skills: ["fax"] }))).toMatchObject({ skills: ['Unknown channel "fax"'] });
    expect(db.select().from(people).where(eq(people.email, "nina@example.test")).all()).toHaveLength(0);
  });
});

describe("teams and dashboards", () => {
  it("flags a team outside one lead per 8–15 agents", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    const dashboard = await caller.org.dashboard();
    expect(dashboard.teams.find((t) => t.name === "Dublin A")).toMatchObject({ agentCount: 1, span: "too-small" });
    expect(dashboard.regions[0]).toMatchObject({ name: "EMEA", agents: 1, leads: 1, teams: 1 });
  });

  it("a lead's home shows only their own team", async () => {
    const { db, lead, region } = await setup();
    const otherLead = await insertPerson(db, { regionId: region.id, role: "lead" });
    const otherTeam = insertTeam(db, { regionId: region.id, leadId: otherLead.id, name: "Other" });
    await insertPerson(db, { regionId: region.id, teamId: otherTeam.id, name: "Olga Other" });
    const { caller } = callerFor(db, lead.id);
    const dashboard = await caller.org.dashboard();
    expect(dashboard.teams.map((t) => t.name)).toEqual(["Dublin A"]);
    expect(dashboard.teamMembers.map((p) => p.name)).toEqual(["Ada Agent"]);
    expect(dashboard.regions).toEqual([]);
  });

  it("an agent's home shows their profile and contract only", async () => {
    const { db, agent } = await setup();
    const { caller } = callerFor(db, agent.id);
    const dashboard = await caller.org.dashboard();
    expect(dashboard.profile).toMatchObject({ name: "Ada Agent", maxMinutesPerWeek: 2400, effectiveTimeZone: "Europe/Dublin" });
    expect(dashboard.teams).toEqual([]);
    expect(dashboard.teamMembers).toEqual([]);
  });

  it("refuses a non-lead as a team's lead", async () => {
    const { db, manager, region, agent } = await setup();
    const { caller } = callerFor(db, manager.id);
    expect(await fieldErrorsOf(caller.org.createTeam({ name: "New", regionId: region.id, leadId: agent.id }))).toMatchObject({ leadId: ["A team's lead must have the lead role"] });
    expect(db.select().from(teams).where(eq(teams.name, "New")).all()).toHaveLength(0);
  });
});
