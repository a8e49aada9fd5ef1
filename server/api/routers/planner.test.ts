import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";
import { callerFor, freshDb } from "@/server/testing/api-harness";

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin" });
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA" });
  const manager = await insertPerson(db, { regionId: region.id, role: "manager", name: "Grace Okafor" });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead", name: "Leo Lead", email: "leo@example.test" });
  return { db, region, manager, lead };
}

/** The form's fields for `person`, as the person form sends them on save. */
function formFor(person: typeof people.$inferSelect, changes: { role?: "agent" | "lead" | "manager"; isPlanner: boolean }) {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: changes.role ?? person.role,
    regionId: person.regionId,
    timeZone: person.timeZone,
    teamId: person.teamId,
    skills: person.skills,
    templateIds: [],
    isPlanner: changes.isPlanner,
    maxMinutesPerWeek: person.maxMinutesPerWeek,
    minMinutesPerWeek: person.minMinutesPerWeek,
    maxDaysPerWeek: person.maxDaysPerWeek,
    minRestMinutes: person.minRestMinutes,
  };
}

const markOf = (db: ReturnType<typeof freshDb>, id: number) => db.select({ isPlanner: people.isPlanner }).from(people).where(eq(people.id, id)).get()?.isPlanner;
const actionsOn = (db: ReturnType<typeof freshDb>, id: number) =>
  db.select().from(auditLog).where(eq(auditLog.entityId, String(id))).all().map((e) => e.action);

describe("the planner mark", () => {
  it("a manager marks a lead as planner, which lets them forecast, and unmarks them again; both are audited", async () => {
    const { db, manager, lead } = await setup();
    const asManager = callerFor(db, manager.id).caller;
    const asLeadBefore = callerFor(db, lead.id).caller;
    await expect(asLeadBefore.staffing.generate({ weekOffset: 0, adjustments: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const marked = await asManager.org.updatePerson(formFor(lead, { isPlanner: true }));
    expect(marked).toMatchObject({ isPlanner: true });
    expect(markOf(db, lead.id)).toBe(true);
    // Past the permission check: with no history the forecast fails on its own terms.
    await expect(callerFor(db, lead.id).caller.staffing.generate({ weekOffset: 0, adjustments: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await asManager.org.directory()).people.find((p) => p.id === lead.id)?.isPlanner).toBe(true);

    await asManager.org.updatePerson(formFor(lead, { isPlanner: false }));
    expect(markOf(db, lead.id)).toBe(false);
    await expect(callerFor(db, lead.id).caller.staffing.generate({ weekOffset: 0, adjustments: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(actionsOn(db, lead.id)).toEqual(["person.update", "person.planner.grant", "person.update", "person.planner.revoke"]);
  });

  it("means nothing on anyone but a lead: an agent or manager is stored unmarked, and a lead who becomes an agent loses it", async () => {
    const { db, manager, lead, region } = await setup();
    const asManager = callerFor(db, manager.id).caller;
    const { id: _id, ...fields } = formFor(lead, { role: "agent", isPlanner: true });
    const agent = await asManager.org.createPerson({ ...fields, email: "ada@example.test", password: "a-long-password" });
    expect(markOf(db, agent?.id ?? 0)).toBe(false);
    const other = await insertPerson(db, { regionId: region.id, role: "manager" });
    await asManager.org.updatePerson(formFor(other, { isPlanner: true }));
    expect(markOf(db, other.id)).toBe(false);

    await asManager.org.updatePerson(formFor(lead, { isPlanner: true }));
    await asManager.org.updatePerson(formFor(lead, { role: "agent", isPlanner: true }));
    expect(markOf(db, lead.id)).toBe(false);
    expect(actionsOn(db, lead.id)).toContain("person.planner.revoke");
  });

  it("only a manager sets it: a planner lead cannot mark anyone, and nothing changes", async () => {
    const { db, region } = await setup();
    const planner = await insertPerson(db, { regionId: region.id, role: "lead", isPlanner: true });
    const plain = await insertPerson(db, { regionId: region.id, role: "lead" });
    await expect(callerFor(db, planner.id).caller.org.updatePerson(formFor(plain, { isPlanner: true }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(markOf(db, plain.id)).toBe(false);
    expect(actionsOn(db, plain.id)).toEqual([]);
  });
});
