import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, rosters, shifts } from "@/db/schema";
import { writeAudit } from "@/server/repositories/audit-repository";
import { insertPerson, insertRegion, insertSettings, insertTeam, insertTemplate } from "@/server/testing/factories";
import { callerFor, freshDb } from "@/server/testing/api-harness";
import { errorDetails } from "@/server/api/trpc";

const T0 = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin" });
  const region = insertRegion(db, { name: "EMEA", timeZone: "Europe/Dublin" });
  // The manager reads in their own zone, not the region's.
  const manager = await insertPerson(db, { regionId: region.id, role: "manager", name: "Grace Okafor", timeZone: "America/New_York" });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead", name: "Leo Lead", isPlanner: true });
  const plainLead = await insertPerson(db, { regionId: region.id, role: "lead", name: "Pat Plain" });
  const agent = await insertPerson(db, { regionId: region.id, role: "agent", name: "Ada Agent" });
  return { db, region, manager, lead, plainLead, agent };
}

type Ctx = Awaited<ReturnType<typeof setup>>;
const auditCount = (db: Ctx["db"]) => db.select({ n: count() }).from(auditLog).get()?.n ?? 0;

describe("audit.list", () => {
  it("pages fifty at a time, newest first, with the total; a page past the last shows the last", async () => {
    const { db, manager, lead } = await setup();
    for (let i = 0; i < 120; i++) writeAudit(db, { actorId: lead.id, action: "shift.edit", entity: "shift", entityId: i + 1, at: new Date(T0 + i * MIN) });
    const { caller } = callerFor(db, manager.id);
    const first = await caller.audit.list({});
    expect(first).toMatchObject({ page: 1, pageCount: 3, pageSize: 50, total: 120 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]?.at).toBe(new Date(T0 + 119 * MIN).toISOString());
    const pages = [first, await caller.audit.list({ page: 2 }), await caller.audit.list({ page: 3 })];
    expect(pages.map((p) => p.entries.length)).toEqual([50, 50, 20]);
    const ids = pages.flatMap((p) => p.entries.map((e) => e.id));
    expect(new Set(ids).size).toBe(120);
    const ats = pages.flatMap((p) => p.entries.map((e) => Date.parse(e.at)));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(await caller.audit.list({ page: 9 })).toMatchObject({ page: 3, total: 120 });
    // Pages start at 1.
    expect(errorDetails(await caller.audit.list({ page: 0 }).catch((e: unknown) => e)).fieldErrors).toHaveProperty("page");
  });

  it("filters by person (or the system), by kind and by local days in the viewer's zone, naming the zone", async () => {
    const { db, manager, lead, agent } = await setup();
    const at = (iso: string) => new Date(iso);
    writeAudit(db, { actorId: lead.id, action: "roster.publish", entity: "roster", entityId: 1, at: at("2026-11-24T05:30:00Z") });
    writeAudit(db, { actorId: lead.id, action: "roster.create", entity: "roster", entityId: 1, at: at("2026-11-24T04:30:00Z") });
    writeAudit(db, { actorId: agent.id, action: "swap.create", entity: "swap_request", entityId: 7, at: at("2026-11-25T10:00:00Z") });
    writeAudit(db, { actorId: null, action: "swap.expire", entity: "swap_request", entityId: 7, at: at("2026-11-26T10:00:00Z") });
    writeAudit(db, { actorId: manager.id, action: "people.import", entity: "person", at: at("2026-11-26T11:00:00Z") });
    writeAudit(db, { actorId: manager.id, action: "person.update", entity: "person", entityId: agent.id, at: at("2026-11-26T12:00:00Z") });
    const { caller } = callerFor(db, manager.id);
    const actions = async (input: Parameters<typeof caller.audit.list>[0]) => (await caller.audit.list(input)).entries.map((e) => e.action);

    expect(await actions({ actorId: lead.id })).toEqual(["roster.publish", "roster.create"]);
    expect(await actions({ actorId: "system" })).toEqual(["swap.expire"]);
    expect(await actions({ kind: "roster" })).toEqual(["roster.publish", "roster.create"]);
    expect(await actions({ kind: "swap" })).toEqual(["swap.expire", "swap.create"]);
    // A kind is the action's first part whole: "person" is not "people".
    expect(await actions({ kind: "person" })).toEqual(["person.update"]);
    expect(await actions({ kind: "swap", actorId: agent.id })).toEqual(["swap.create"]);

    // 04:30 UTC is still 23 Nov in New York; 05:30 UTC is 00:30 on the 24th.
    const tuesday = await caller.audit.list({ from: "2026-11-24", to: "2026-11-24" });
    expect(tuesday.zone).toBe("America/New_York");
    expect(tuesday.entries.map((e) => e.action)).toEqual(["roster.publish"]);
    expect(tuesday.entries[0]?.atLabel).toBe("Tue 24 Nov 2026 00:30:00");
    expect(await actions({ to: "2026-11-23" })).toEqual(["roster.create"]);
    expect(await actions({ from: "2026-11-26" })).toEqual(["person.update", "people.import", "swap.expire"]);

    const choices = await caller.audit.list({});
    expect(choices.people.map((p) => p.name)).toEqual(["Ada Agent", "Grace Okafor", "Leo Lead"]);
    expect(choices.kinds).toEqual(["people", "person", "roster", "swap"]);
    expect(choices.filter).toEqual({ actorId: null, kind: null, from: null, to: null });

    const backwards = await caller.audit.list({ from: "2026-11-25", to: "2026-11-24" }).catch((e: unknown) => e);
    expect(backwards).toMatchObject({ code: "BAD_REQUEST" });
    expect(errorDetails(backwards).fieldErrors).toHaveProperty("to");
    expect(errorDetails(await caller.audit.list({ kind: "roster.%" }).catch((e: unknown) => e)).fieldErrors).toHaveProperty("kind");
  });

  it("names what each entry changed and links to its page; details read as one short line", async () => {
    const { db, region, manager, lead, agent } = await setup();
    const template = insertTemplate(db, { name: "Day 8h" });
    const team = insertTeam(db, { regionId: region.id, name: "Liffey" });
    const roster = db.insert(rosters).values({ name: "Week of 30 Nov 2026", periodStart: new Date(T0), days: 7, status: "draft", createdAt: new Date(T0) }).returning().get();
    const shift = db
      .insert(shifts)
      .values({ rosterId: roster.id, personId: agent.id, regionId: region.id, templateId: template.id, startsAt: new Date(T0), endsAt: new Date(T0 + 480 * MIN) })
      .returning()
      .get();
    const entries: Omit<Parameters<typeof writeAudit>[1], "at">[] = [
      { actorId: lead.id, action: "roster.publish", entity: "roster", entityId: roster.id, details: { archived: [3] } },
      { actorId: lead.id, action: "shift.edit", entity: "shift", entityId: shift.id, details: { rosterId: roster.id, personId: agent.id } },
      { actorId: lead.id, action: "shift.delete", entity: "shift", entityId: 999, details: { rosterId: roster.id } },
      { actorId: manager.id, action: "person.update", entity: "person", entityId: agent.id, details: { name: "Ada Agent", skills: ["voice", "chat"], templateIds: [1, 2, 3, 4] } },
      { actorId: agent.id, action: "swap.create", entity: "swap_request", entityId: 5 },
      { actorId: manager.id, action: "team.update", entity: "team", entityId: team.id },
      { actorId: manager.id, action: "region.update", entity: "region", entityId: region.id },
      { actorId: manager.id, action: "template.update", entity: "shiftTemplate", entityId: template.id },
      { actorId: manager.id, action: "settings.update", entity: "settings", entityId: 1 },
      { actorId: manager.id, action: "roster.publish", entity: "roster", entityId: 4242 },
      { actorId: null, action: "mystery.thing", entity: "gizmo", entityId: "x1", details: { note: "x".repeat(300) } },
    ];
    entries.forEach((e, i) => writeAudit(db, { ...e, at: new Date(T0 - i * MIN) }));
    const { caller } = callerFor(db, manager.id);
    const listed = (await caller.audit.list({})).entries;
    expect(listed.map((e) => e.target)).toEqual([
      { label: "Week of 30 Nov 2026", href: `/rosters/${roster.id}` },
      { label: `Shift #${shift.id} in Week of 30 Nov 2026`, href: `/rosters/${roster.id}` },
      { label: "Shift #999 in Week of 30 Nov 2026", href: `/rosters/${roster.id}` },
      { label: "Ada Agent", href: `/org/people#person-${agent.id}` },
      { label: "Swap request #5", href: "/approvals" },
      { label: "Liffey", href: "/org/teams" },
      { label: "EMEA", href: "/org/regions" },
      { label: "Day 8h", href: "/org/templates" },
      { label: "Organisation settings", href: "/org/settings" },
      { label: "Roster #4242 (deleted)", href: null },
      { label: "gizmo x1", href: null },
    ]);
    expect(listed[0]).toMatchObject({ actor: { id: lead.id, name: "Leo Lead" }, details: "archived: [3]" });
    expect(listed[3]?.details).toBe("name: Ada Agent · skills: [voice, chat] · templateIds: [4 items]");
    expect(listed[10]?.actor).toBeNull();
    expect(listed[10]?.details).toBe(`note: ${"x".repeat(39)}…`);
  });

  it("is the manager's: a planner lead, a plain lead and an agent are refused, anonymous asked to sign in; reading writes nothing", async () => {
    const { db, manager, lead, plainLead, agent } = await setup();
    writeAudit(db, { actorId: lead.id, action: "roster.publish", entity: "roster", entityId: 1, at: new Date(T0) });
    for (const person of [lead, plainLead, agent]) {
      await expect(callerFor(db, person.id).caller.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor(db).caller.audit.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await callerFor(db, manager.id).caller.audit.list({});
    expect(auditCount(db)).toBe(1);
  });
});
