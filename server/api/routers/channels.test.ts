import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, channels, orgSettings, requirements, rosters } from "@/db/schema";
import { findChannelPreset } from "@/server/domain/staffing/channel-presets";
import { errorDetails } from "@/server/api/trpc";
import { callerFor, FIXED_NOW, freshDb } from "@/server/testing/api-harness";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";

/** FIXED_NOW is Tue 24 Nov 2026 12:00 UTC: its planning week starts Mon 23 Nov (UTC, Monday). */
const WEEK = new Date("2026-11-23T00:00:00Z");
const LAST_WEEK = new Date("2026-11-16T00:00:00Z");
const HALF_HOUR = 30 * 60_000;

/** Stored requirement rows as a forecast leaves them: contacts and AHT kept, agents from the old targets. */
function storeRequirements(db: ReturnType<typeof freshDb>, from: Date, channelKey: string, contacts: number, ahtSeconds: number) {
  for (let i = 0; i < 8; i++) {
    db.insert(requirements)
      .values({ intervalStart: new Date(from.getTime() + (18 + i) * HALF_HOUR), channelKey, intervalMinutes: 30, contacts, ahtSeconds, agents: 1, agentsWithShrinkage: 1, serviceLevel: 0.1, asaSeconds: 999, occupancy: 0.99 })
      .run();
  }
}

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin" });
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA" });
  const manager = await insertPerson(db, { regionId: region.id, role: "manager" });
  const planner = await insertPerson(db, { regionId: region.id, role: "lead", isPlanner: true });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead" });
  const agent = await insertPerson(db, { regionId: region.id, role: "agent" });
  storeRequirements(db, WEEK, "voice", 100, 300);
  storeRequirements(db, WEEK, "email", 40, 360);
  storeRequirements(db, LAST_WEEK, "voice", 100, 300);
  const draft = db.insert(rosters).values({ name: "Draft", periodStart: WEEK, days: 7, status: "draft", createdAt: FIXED_NOW }).returning().get();
  const published = db.insert(rosters).values({ name: "Published", periodStart: WEEK, days: 7, status: "published", createdAt: FIXED_NOW }).returning().get();
  const oldDraft = db.insert(rosters).values({ name: "Old draft", periodStart: LAST_WEEK, days: 7, status: "draft", createdAt: FIXED_NOW }).returning().get();
  return { db, region, manager, planner, lead, agent, draft, published, oldDraft };
}

const voiceOf = (db: ReturnType<typeof freshDb>) => db.select().from(channels).where(eq(channels.key, "voice")).get();
const rowsOf = (db: ReturnType<typeof freshDb>, key: string, from: Date) =>
  db.select().from(requirements).where(and(eq(requirements.channelKey, key))).all().filter((r) => r.intervalStart >= from && r.intervalStart.getTime() < from.getTime() + 7 * 86_400_000);
const staleOf = (db: ReturnType<typeof freshDb>, id: number) => db.select().from(rosters).where(eq(rosters.id, id)).get()?.staleReason;

const voiceEdit = {
  key: "voice",
  name: "Voice",
  targetSl: 0.9,
  targetSeconds: 20,
  targetAsaSeconds: 120,
  maxOccupancy: 0.85,
  shrinkage: 0.15,
  ahtSeconds: 300,
};

describe("channels and targets", () => {
  it("a manager changes the voice target: the stored weeks from now on are restaffed and overlapping drafts marked stale, in one audited write", async () => {
    const { db, manager, draft, published, oldDraft } = await setup();
    const { caller } = callerFor(db, manager.id);
    const result = await caller.channels.update(voiceEdit);
    expect(result.channel.targetSl).toBe(0.9);
    expect(result.restaff?.weeks).toEqual([WEEK.toISOString()]);
    const voice = rowsOf(db, "voice", WEEK);
    expect(voice).toHaveLength(8);
    // 100 calls of 300 s in 30 min is 16.7 Erlangs: 90% in 20 s needs well over one agent.
    for (const row of voice) {
      expect(row.contacts).toBe(100);
      expect(row.agents).toBeGreaterThan(17);
      expect(row.serviceLevel).toBeGreaterThanOrEqual(0.9);
    }
    const before = voice[0]?.agents ?? 0;
    await caller.channels.update({ ...voiceEdit, targetSl: 0.6 });
    expect(rowsOf(db, "voice", WEEK)[0]?.agents).toBeLessThan(before);
    // Email rows are restaffed too (deferred work), last week's rows and its draft are left alone.
    expect(rowsOf(db, "email", WEEK).every((r) => r.agents !== 1 || r.serviceLevel === null)).toBe(true);
    expect(rowsOf(db, "voice", LAST_WEEK).every((r) => r.agents === 1)).toBe(true);
    expect(staleOf(db, draft.id)).toBe("Voice targets changed on Tue 24 Nov 12:00 (Europe/Dublin); re-solve to plan for them");
    expect(staleOf(db, published.id)).toBeNull();
    expect(staleOf(db, oldDraft.id)).toBeNull();
    expect(db.select().from(auditLog).where(eq(auditLog.action, "channel.update")).all()).toHaveLength(2);
  });

  it("renaming only does not restaff or mark drafts stale", async () => {
    const { db, manager, draft } = await setup();
    const { caller } = callerFor(db, manager.id);
    const result = await caller.channels.update({ ...voiceEdit, targetSl: 0.8, name: "Phone" });
    expect(result.restaff).toBeNull();
    expect(staleOf(db, draft.id)).toBeNull();
    expect(rowsOf(db, "voice", WEEK)[0]?.agents).toBe(1);
  });

  it("names the refused field and writes nothing", async () => {
    const { db, manager, draft } = await setup();
    const { caller } = callerFor(db, manager.id);
    const slError = await caller.channels.update({ ...voiceEdit, targetSl: 1.2 }).catch((e: unknown) => e);
    expect(errorDetails(slError).fieldErrors?.targetSl?.[0]).toMatch(/below 100%/);
    const missing = await caller.channels.update({ ...voiceEdit, targetSeconds: null }).catch((e: unknown) => e);
    expect(errorDetails(missing).fieldErrors?.targetSeconds?.[0]).toMatch(/answer time/);
    const zone = await caller.channels.update({ ...voiceEdit, demandZone: "GMT+2" }).catch((e: unknown) => e);
    expect(errorDetails(zone).fieldErrors?.demandZone?.[0]).toMatch(/IANA/);
    const messaging = await caller.channels.create({ key: "twitter", name: "Twitter/X", kind: "messaging", shrinkage: 0.15, ahtSeconds: 180 }).catch((e: unknown) => e);
    expect(errorDetails(messaging).fieldErrors?.responseMinutes?.[0]).toMatch(/response-time/);
    const duplicate = await caller.channels.create({ key: "voice", name: "Phone 2", kind: "voice", targetSl: 0.8, targetSeconds: 20, shrinkage: 0.1, ahtSeconds: 200 }).catch((e: unknown) => e);
    expect(errorDetails(duplicate).fieldErrors?.key?.[0]).toMatch(/exists/);
    expect(voiceOf(db)?.targetSl).toBe(0.8);
    expect(rowsOf(db, "voice", WEEK)[0]?.agents).toBe(1);
    expect(staleOf(db, draft.id)).toBeNull();
    expect(db.select().from(channels).all()).toHaveLength(4);
  });

  it("creates the Twitter/X messaging channel from its preset, keeping only the targets its kind uses", async () => {
    const { db, planner } = await setup();
    const preset = findChannelPreset("twitter");
    if (!preset) throw new Error("no twitter preset");
    const { caller } = callerFor(db, planner.id);
    const input = { key: preset.key, name: preset.name, kind: preset.kind, ...preset.targets, targetSl: 0.8, patienceSeconds: 60 };
    // At 30-minute intervals a 15-minute response cannot be planned: refused on its field, nothing written.
    const refused = await caller.channels.create(input).catch((e: unknown) => e);
    expect(errorDetails(refused).fieldErrors?.responseMinutes?.[0]).toMatch(/shorter than the 30-minute planning interval/);
    expect(db.select().from(channels).all()).toHaveLength(4);
    db.update(orgSettings).set({ intervalMinutes: 15 }).where(eq(orgSettings.id, 1)).run();
    const created = await caller.channels.create(input);
    expect(created).toMatchObject({ key: "twitter", kind: "messaging", responseMinutes: 15, targetSl: null, patienceSeconds: null, retiredAt: null });
    const list = await caller.channels.list();
    expect(list.presets.map((p) => p.name)).toContain("Twitter/X");
    expect(list.channels.map((c) => c.key)).toContain("twitter");
  });

  it("retires a channel (no longer staffed, history kept) and returns it to service", async () => {
    const { db, manager, draft } = await setup();
    const { caller } = callerFor(db, manager.id);
    await caller.channels.setRetired({ key: "email", retired: true });
    expect(db.select().from(channels).where(eq(channels.key, "email")).get()?.retiredAt).toEqual(FIXED_NOW);
    expect(rowsOf(db, "email", WEEK)).toHaveLength(0);
    expect(rowsOf(db, "voice", WEEK)).toHaveLength(8);
    expect(staleOf(db, draft.id)).toMatch(/^Email was retired on Tue 24 Nov 12:00 \(Europe\/Dublin\)/);
    expect((await caller.org.directory()).channels.map((c) => c.key)).not.toContain("email");
    expect((await caller.channels.list()).channels.at(-1)?.key).toBe("email");
    await caller.channels.setRetired({ key: "email", retired: false });
    expect(db.select().from(channels).where(eq(channels.key, "email")).get()?.retiredAt).toBeNull();
    expect(db.select().from(auditLog).all().map((a) => a.action)).toEqual(["channel.retire", "channel.unretire"]);
  });

  it("saves the Staffing what-if as targets through the same write, audited", async () => {
    const { db, manager, draft } = await setup();
    const { caller } = callerFor(db, manager.id);
    const before = (await caller.staffing.week({ weekOffset: 0, whatIf: [{ channel: "voice", targetSl: 0.95 }] })).intervals;
    await caller.channels.saveTargets({ overrides: [{ channel: "voice", targetSl: 0.95 }] });
    expect(voiceOf(db)?.targetSl).toBe(0.95);
    const after = (await caller.staffing.week({ weekOffset: 0, whatIf: [] })).intervals;
    const agentsOf = (ivs: typeof before) => ivs.flatMap((iv) => iv.channels.filter((c) => c.channelId === "voice" && c.contacts > 0).map((c) => c.agents));
    expect(agentsOf(after)).toEqual(agentsOf(before));
    expect(rowsOf(db, "voice", WEEK).map((r) => r.agents)).toEqual(agentsOf(before));
    expect(staleOf(db, draft.id)).toMatch(/^Voice targets changed/);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "channel.targets.save")).all()).toHaveLength(1);
    const bad = await caller.channels.saveTargets({ overrides: [{ channel: "voice", shrinkage: 1.5 }] }).catch((e: unknown) => e);
    expect(errorDetails(bad).fieldErrors?.shrinkage?.[0]).toMatch(/^Voice: Shrinkage must be below 100%/);
  });

  it("refuses a lead who is not a planner and an agent; the channel, requirements and drafts stay as they were", async () => {
    const { db, lead, agent, draft } = await setup();
    for (const person of [lead, agent]) {
      const { caller } = callerFor(db, person.id);
      await expect(caller.channels.update(voiceEdit)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.channels.saveTargets({ overrides: [{ channel: "voice", targetSl: 0.95 }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.channels.setRetired({ key: "chat", retired: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(voiceOf(db)?.targetSl).toBe(0.8);
    expect(db.select().from(channels).where(eq(channels.key, "chat")).get()?.retiredAt).toBeNull();
    expect(rowsOf(db, "voice", WEEK).every((r) => r.agents === 1)).toBe(true);
    expect(staleOf(db, draft.id)).toBeNull();
    expect(db.select().from(auditLog).all()).toHaveLength(0);
  });
});
