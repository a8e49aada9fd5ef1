import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, specialDays } from "@/db/schema";
import { errorDetails } from "@/server/api/trpc";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";
import { callerFor, freshDb } from "@/server/testing/api-harness";

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA" });
  const manager = await insertPerson(db, { regionId: region.id, role: "manager" });
  const planner = await insertPerson(db, { regionId: region.id, role: "lead", isPlanner: true });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead" });
  const agent = await insertPerson(db, { regionId: region.id, role: "agent" });
  return { db, manager, planner, lead, agent };
}

const storedDays = (db: ReturnType<typeof freshDb>) => db.select().from(specialDays).orderBy(specialDays.id).all();

describe("special days", () => {
  it("a manager marks, edits and removes a day; each write is audited and re-read", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    const closed = await caller.staffing.addSpecialDay({ date: "2026-12-25", name: "Christmas Day", factor: 0 });
    expect(closed).toMatchObject({ date: "2026-12-25", name: "Christmas Day", channelKey: null, factor: 0, createdById: manager.id });
    await caller.staffing.addSpecialDay({ date: "2026-11-27", name: "Black Friday", channel: "chat", factor: 1.3 });
    expect(storedDays(db).map((d) => [d.date, d.channelKey, d.factor])).toEqual([
      ["2026-12-25", null, 0],
      ["2026-11-27", "chat", 1.3],
    ]);
    // The list is by date.
    expect((await caller.staffing.specialDays()).map((d) => d.name)).toEqual(["Black Friday", "Christmas Day"]);

    await caller.staffing.updateSpecialDay({ id: closed.id, date: "2026-12-26", name: "St Stephen's Day", factor: null });
    expect(storedDays(db).find((d) => d.id === closed.id)).toMatchObject({ date: "2026-12-26", name: "St Stephen's Day", factor: null });

    await caller.staffing.removeSpecialDay({ id: closed.id });
    expect(storedDays(db).map((d) => d.name)).toEqual(["Black Friday"]);
    const actions = db.select().from(auditLog).where(eq(auditLog.entity, "specialDay")).all().map((a) => a.action);
    expect(actions).toEqual(["specialDay.create", "specialDay.create", "specialDay.update", "specialDay.delete"]);
  });

  it("a planner lead may mark days", async () => {
    const { db, planner } = await setup();
    await callerFor(db, planner.id).caller.staffing.addSpecialDay({ date: "2026-12-31", name: "New Year's Eve", channel: "voice", factor: 0.6 });
    expect(storedDays(db)).toHaveLength(1);
  });

  it("a lead not marked as planner and an agent are refused, and nothing changes", async () => {
    const { db, manager, lead, agent } = await setup();
    const day = await callerFor(db, manager.id).caller.staffing.addSpecialDay({ date: "2026-12-25", name: "Christmas Day", factor: 0 });
    const before = storedDays(db);
    for (const personId of [lead.id, agent.id]) {
      const { caller } = callerFor(db, personId);
      await expect(caller.staffing.addSpecialDay({ date: "2026-12-24", name: "Christmas Eve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.staffing.updateSpecialDay({ id: day.id, date: "2026-12-25", name: "Renamed", factor: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.staffing.removeSpecialDay({ id: day.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(storedDays(db)).toEqual(before);
    // A plain lead still reads them with the staffing page; an agent does not.
    await expect(callerFor(db, lead.id).caller.staffing.specialDays()).resolves.toHaveLength(1);
    await expect(callerFor(db, agent.id).caller.staffing.specialDays()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an unknown channel, a negative factor, a bad date and a day marked twice, naming the field", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    await caller.staffing.addSpecialDay({ date: "2026-12-25", name: "Christmas Day", factor: 0 });
    const refusals = [
      { input: { date: "2026-12-24", name: "Eve", channel: "fax" }, field: "channel" },
      { input: { date: "2026-12-24", name: "Eve", factor: -1 }, field: "factor" },
      { input: { date: "24/12/2026", name: "Eve" }, field: "date" },
      { input: { date: "2026-12-25", name: "Again" }, field: "date" },
      { input: { date: "2026-12-24", name: " " }, field: "name" },
    ];
    for (const { input, field } of refusals) {
      const error = await caller.staffing.addSpecialDay(input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(errorDetails(error).fieldErrors).toHaveProperty(field);
    }
    // The same date for one channel is a different mark from all channels.
    await expect(caller.staffing.addSpecialDay({ date: "2026-12-25", name: "Chat closed", channel: "chat", factor: 0 })).resolves.toMatchObject({ channelKey: "chat" });
    expect(storedDays(db)).toHaveLength(2);
  });

  it("editing or removing a day that does not exist is not found", async () => {
    const { db, manager } = await setup();
    const { caller } = callerFor(db, manager.id);
    await expect(caller.staffing.updateSpecialDay({ id: 99, date: "2026-12-25", name: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.staffing.removeSpecialDay({ id: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
