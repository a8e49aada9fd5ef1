/**
 * Test data for the self-service tests (my shifts, swaps, calendar): a Dublin team with a lead and
 * four agents, another team with its own lead, a teammate who belongs to the Americas region, a
 * manager, and a published roster for the week of Mon 23 Nov 2026 built shift by shift.
 */
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { people, requirements, rosters, shiftBreaks, shifts } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels, insertTeam, insertTemplate } from "@/server/testing/factories";
import { freshDb } from "@/server/testing/api-harness";

/** Tuesday 24 Nov 2026, noon UTC (Dublin = UTC in winter); the roster week starts Monday 23 Nov. */
export const NOW = new Date("2026-11-24T12:00:00Z");
export const WEEK_START = DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" });

export async function selfServiceOrg(opts: { weekStart?: DateTime } = {}) {
  const weekStart = opts.weekStart ?? WEEK_START;
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const emea = insertRegion(db, { name: "EMEA", timeZone: "Europe/Dublin", windowStart: "07:00", windowEnd: "23:00" });
  const americas = insertRegion(db, { name: "Americas", timeZone: "America/New_York", windowStart: "07:00", windowEnd: "23:00" });
  const day = insertTemplate(db, { name: "Day 8.5h", minutes: 510, breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }] });
  const lead = await insertPerson(db, { regionId: emea.id, role: "lead", isPlanner: true, name: "Siobhán Byrne", skills: ["voice", "chat", "email", "social"], templateIds: [day.id] });
  const team = insertTeam(db, { regionId: emea.id, leadId: lead.id, name: "Liffey" });
  db.update(people).set({ teamId: team.id }).where(eq(people.id, lead.id)).run();
  const agent = (name: string, values: Partial<Parameters<typeof insertPerson>[1]> = {}) =>
    insertPerson(db, { regionId: emea.id, teamId: team.id, name, skills: ["voice", "chat"], templateIds: [day.id], ...values });
  const aoife = await agent("Aoife Murphy", { email: "aoife@example.test" });
  const conor = await agent("Conor Kelly");
  const maria = await agent("Maria Nolan");
  const emailOnly = await agent("Ingrid Nilsen", { skills: ["email", "social"] });
  const transatlantic = await agent("Tomás Costa", { regionId: americas.id });
  const otherLead = await insertPerson(db, { regionId: emea.id, role: "lead", name: "Lukas Weber", templateIds: [day.id] });
  const otherTeam = insertTeam(db, { regionId: emea.id, leadId: otherLead.id, name: "Atlas" });
  db.update(people).set({ teamId: otherTeam.id }).where(eq(people.id, otherLead.id)).run();
  const outsider = await insertPerson(db, { regionId: emea.id, teamId: otherTeam.id, name: "Owen Walsh", skills: ["voice", "chat"], templateIds: [day.id] });
  const manager = await insertPerson(db, { regionId: emea.id, role: "manager", name: "Grace Okafor" });

  // Requirements for the whole week: a few voice contacts 09:00–17:00 UTC, so projections have demand.
  const rows = [];
  for (let t = weekStart; t < weekStart.plus({ days: 7 }); t = t.plus({ minutes: 30 })) {
    const busy = t.hour >= 9 && t.hour < 17;
    rows.push({ intervalStart: t.toJSDate(), channelKey: "voice", intervalMinutes: 30, contacts: busy ? 6 : 0, ahtSeconds: 300, agents: busy ? 3 : 0, agentsWithShrinkage: busy ? 3 : 0 });
  }
  db.insert(requirements).values(rows).run();
  const roster = db
    .insert(rosters)
    .values({ name: "Week", periodStart: weekStart.toJSDate(), days: 7, status: "published", createdAt: NOW, publishedAt: NOW })
    .returning()
    .get();

  /** A published Day shift starting at a UTC ISO instant, break 3 h in. */
  const shift = (personId: number, startIso: string, rosterId = roster.id, regionId = emea.id) => {
    const start = DateTime.fromISO(startIso, { setZone: true });
    const row = db
      .insert(shifts)
      .values({ rosterId, personId, regionId, templateId: day.id, startsAt: start.toJSDate(), endsAt: start.plus({ minutes: 510 }).toJSDate() })
      .returning()
      .get();
    db.insert(shiftBreaks).values({ shiftId: row.id, startsAt: start.plus({ minutes: 180 }).toJSDate(), endsAt: start.plus({ minutes: 210 }).toJSDate() }).run();
    return row;
  };
  return { db, emea, americas, day, lead, team, aoife, conor, maria, emailOnly, transatlantic, otherLead, outsider, manager, roster, shift, weekStart };
}

