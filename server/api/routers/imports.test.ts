import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people, personTemplates, regions, teams } from "@/db/schema";
import { errorDetails } from "@/server/api/trpc";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels, insertTeam, insertTemplate } from "@/server/testing/factories";
import { callerFor, freshDb } from "@/server/testing/api-harness";

const PEOPLE_HEADER =
  "email,name,role,region,team,skills,templates,max_minutes_per_week,min_minutes_per_week,max_days_per_week,max_consecutive_days,min_rest_minutes,annual_leave_hours";
const REGIONS_HEADER = "name,time_zone,earliest_start,latest_end,working_days,cost_per_hour";
const file = (header: string, ...lines: string[]) => [header, ...lines].join("\n") + "\n";

async function setup() {
  const db = freshDb();
  insertSettings(db);
  insertStandardChannels(db);
  const emea = insertRegion(db, { name: "EMEA", timeZone: "Europe/Dublin" });
  const day = insertTemplate(db, { name: "Day 8h", minutes: 480 });
  const late = insertTemplate(db, { name: "Late 6h", minutes: 360, breaks: [] });
  const manager = await insertPerson(db, { regionId: emea.id, role: "manager", name: "Mona Manager", email: "mona@example.test" });
  const lead = await insertPerson(db, { regionId: emea.id, role: "lead", name: "Leo Lead" });
  const planner = await insertPerson(db, { regionId: emea.id, role: "lead", isPlanner: true, name: "Pia Planner" });
  const liffey = insertTeam(db, { regionId: emea.id, leadId: lead.id, name: "Liffey" });
  db.update(people).set({ teamId: liffey.id }).where(eq(people.id, lead.id)).run();
  const agent = await insertPerson(db, { regionId: emea.id, role: "agent", teamId: liffey.id, name: "Ada Agent", email: "ada@example.test", templateIds: [day.id] });
  return { db, emea, day, late, manager, lead, planner, liffey, agent };
}

type Org = Awaited<ReturnType<typeof setup>>;
const as = (org: Org, personId: number) => callerFor(org.db, personId).caller;
const snapshot = (org: Org) => ({
  people: org.db.select().from(people).all(),
  teams: org.db.select().from(teams).all(),
  regions: org.db.select().from(regions).all(),
  templates: org.db.select().from(personTemplates).all(),
});

describe("imports.regions", () => {
  it("creates new regions and updates a known name, audited", async () => {
    const org = await setup();
    const result = await as(org, org.manager.id).imports.regions({
      csv: file(REGIONS_HEADER, "emea,Europe/London,06:00,22:00,Mon-Fri,19.25", 'APAC,Asia/Manila,07:00,23:00,"Mon,Wed,Fri",9', "LATAM,America/Sao_Paulo,08:00,20:00,,16.50"),
    });
    expect(result).toEqual({ total: 3, created: 2, updated: 1, summary: "Imported 3 regions: 2 new, 1 updated" });
    const rows = org.db.select().from(regions).all();
    expect(rows.find((r) => r.id === org.emea.id)).toMatchObject({ name: "emea", timeZone: "Europe/London", windowStart: "06:00", workingDays: [1, 2, 3, 4, 5], hourlyCostCents: 1925 });
    expect(rows.find((r) => r.name === "APAC")).toMatchObject({ workingDays: [1, 3, 5], hourlyCostCents: 900 });
    expect(rows.find((r) => r.name === "LATAM")?.workingDays).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const audit = org.db.select().from(auditLog).where(eq(auditLog.action, "regions.import")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(org.manager.id);
  });

  it("refuses a file with a bad row, naming row and column, and the tables stay as they were", async () => {
    const org = await setup();
    const before = snapshot(org);
    const error = await as(org, org.manager.id)
      .imports.regions({ csv: file(REGIONS_HEADER, "APAC,Asia/Manila,07:00,23:00,Mon-Fri,9", "Moon,Moon/Base,07:00,23:00,Mon-Fri,9") })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: 'Row 3, column "time_zone": expected an IANA time zone such as Europe/Dublin, got "Moon/Base"' });
    expect(errorDetails(error)).toMatchObject({ row: 3, fieldErrors: { time_zone: [expect.stringContaining("Row 3")] } });
    expect(snapshot(org)).toEqual(before);
  });

  it("is the manager's: a planner lead, a lead and an agent are refused", async () => {
    const org = await setup();
    for (const personId of [org.planner.id, org.lead.id, org.agent.id]) {
      await expect(as(org, personId).imports.regions({ csv: file(REGIONS_HEADER, "APAC,Asia/Manila,07:00,23:00,,9") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(org.db.select().from(regions).all()).toHaveLength(1);
  });
});

describe("imports.people", () => {
  const goodFile = file(
    PEOPLE_HEADER,
    "ada@example.test,Ada Lovelace,agent,EMEA,Liffey,voice;Chat,day 8h,2100,600,4,5,720,160",
    "grace@example.test,Grace Hopper,lead,emea,Shannon,chat,,,,,,,",
    "alan@example.test,Alan Turing,agent,EMEA,shannon,email,,,,,,,",
  );

  it("creates and updates people, creates a team with its lead, and never touches a known person's password", async () => {
    const org = await setup();
    const adaHashBefore = org.db.select().from(people).where(eq(people.id, org.agent.id)).get()?.passwordHash;
    const result = await as(org, org.manager.id).imports.people({ csv: goodFile });
    expect(result).toEqual({ total: 3, created: 2, updated: 1, teamsCreated: 1, summary: "Imported 3 people: 2 new, 1 updated; 1 team created" });

    const ada = org.db.select().from(people).where(eq(people.id, org.agent.id)).get();
    expect(ada).toMatchObject({
      name: "Ada Lovelace",
      teamId: org.liffey.id,
      skills: ["voice", "chat"],
      maxMinutesPerWeek: 2100,
      minMinutesPerWeek: 600,
      maxDaysPerWeek: 4,
      maxConsecutiveDays: 5,
      minRestMinutes: 720,
      annualLeaveHours: 160,
      passwordHash: adaHashBefore,
    });
    const shannon = org.db.select().from(teams).where(eq(teams.name, "Shannon")).get();
    const grace = org.db.select().from(people).where(eq(people.email, "grace@example.test")).get();
    expect(shannon).toMatchObject({ regionId: org.emea.id, leadId: grace?.id });
    expect(grace).toMatchObject({ role: "lead", teamId: shannon?.id, maxMinutesPerWeek: 2400, maxConsecutiveDays: 6, annualLeaveHours: 0, active: true });
    const templatesOf = (personId: number | undefined) =>
      org.db.select().from(personTemplates).where(eq(personTemplates.personId, personId ?? -1)).all().map((t) => t.templateId).sort();
    expect(templatesOf(grace?.id)).toEqual([org.day.id, org.late.id].sort());
    expect(templatesOf(org.agent.id)).toEqual([org.day.id]);
    // Leo still leads Liffey: the file lists no lead there.
    expect(org.db.select().from(teams).where(eq(teams.id, org.liffey.id)).get()?.leadId).toBe(org.lead.id);

    // New people have no usable password until they follow a set-password link.
    expect(grace?.passwordHash).not.toMatch(/^\$argon2/);
    await expect(callerFor(org.db).caller.auth.signIn({ email: "grace@example.test", password: grace?.passwordHash ?? "" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const again = await as(org, org.manager.id).imports.people({ csv: goodFile });
    expect(again.summary).toBe("Imported 3 people: 0 new, 3 updated");
    expect(org.db.select().from(people).where(eq(people.email, "grace@example.test")).get()?.passwordHash).toBe(grace?.passwordHash);
    expect(org.db.select().from(teams).all()).toHaveLength(2);
  });

  it("refuses a file with one bad row, naming row and column; people, teams and regions stay as they were", async () => {
    const org = await setup();
    const before = snapshot(org);
    const bad = file(
      PEOPLE_HEADER,
      "grace@example.test,Grace Hopper,lead,EMEA,Shannon,chat,,,,,,,",
      "ada@example.test,Ada Lovelace,agent,EMEA,Liffey,voice,,,,,,,",
      "zed@example.test,Zed Zee,agent,EMEA,Shannon,voice,,,,,,,",
      "alan@example.test,Alan Turing,agent,EMEA,,voice,,,,,,,",
      "kim@example.test,Kim Kay,agent,EMEA,,voice,,,,,,,",
      "nia@example.test,Nia Noor,agent,Antarctica,,voice,,,,,,,",
    );
    const error = await as(org, org.manager.id)
      .imports.people({ csv: bad })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: 'Row 7, column "region": no region named "Antarctica" (known: EMEA)' });
    expect(errorDetails(error).row).toBe(7);
    expect(snapshot(org)).toEqual(before);
    expect(org.db.select().from(auditLog).all()).toEqual([]);
  });

  it("a planner lead re-imported as an agent loses the planner mark; one re-imported as a lead keeps it", async () => {
    const org = await setup();
    const emailOf = (id: number) => org.db.select().from(people).where(eq(people.id, id)).get()?.email ?? "";
    const other = await insertPerson(org.db, { regionId: org.emea.id, role: "lead", isPlanner: true, name: "Otto Other" });
    await as(org, org.manager.id).imports.people({
      csv: file(PEOPLE_HEADER, `${emailOf(org.planner.id)},Pia Planner,agent,EMEA,,,,,,,,,`, `${emailOf(other.id)},Otto Other,lead,EMEA,,,,,,,,,`),
    });
    const planner = (id: number) => org.db.select().from(people).where(eq(people.id, id)).get()?.isPlanner;
    expect(planner(org.planner.id)).toBe(false);
    expect(planner(other.id)).toBe(true);
  });

  it("is for managers and planner leads: a lead without the mark and an agent are refused and nothing changes", async () => {
    const org = await setup();
    const before = snapshot(org);
    for (const personId of [org.lead.id, org.agent.id]) {
      const error = await as(org, personId)
        .imports.people({ csv: goodFile })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(snapshot(org)).toEqual(before);
    await expect(as(org, org.planner.id).imports.people({ csv: goodFile })).resolves.toMatchObject({ created: 2 });
  });
});
