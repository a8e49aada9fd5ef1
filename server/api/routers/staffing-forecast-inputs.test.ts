import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { channels, requirements } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";
import { callerFor, freshDb } from "@/server/testing/api-harness";

/** Tuesday 24 Nov 2026, 12:00 UTC: this planning week starts Monday 23 Nov (Dublin = UTC in winter). */
const NOW = () => new Date("2026-11-24T12:00:00Z");
const THIS_WEEK = DateTime.fromISO("2026-11-23T00:00:00Z", { zone: "utc" });

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA" });
  const manager = await insertPerson(db, { regionId: region.id, role: "manager" });
  return { db, caller: callerFor(db, manager.id, NOW).caller };
}

/** Four weeks of voice history before this week: 40 calls 09:00–17:00 Dublin on weekdays; AHT 240 s before noon, 420 s after. */
function voiceHistory(): string {
  const lines = ["interval_start,channel,contacts,aht_seconds"];
  for (let t = THIS_WEEK.minus({ weeks: 4 }); t < THIS_WEEK; t = t.plus({ minutes: 30 })) {
    const local = t.setZone("Europe/Dublin");
    const open = local.weekday <= 5 && local.hour >= 9 && local.hour < 17;
    lines.push(`${t.toISO()},voice,${open ? 40 : 2},${local.hour < 12 ? 240 : 420}`);
  }
  return lines.join("\n");
}

const storedVoice = (db: ReturnType<typeof freshDb>, iso: string) =>
  db.select().from(requirements).where(eq(requirements.intervalStart, new Date(iso))).all().find((r) => r.channelKey === "voice");

describe("what the forecast is given", () => {
  it("stores the AHT forecast per interval, not one flat average", async () => {
    const { db, caller } = await setup();
    await caller.staffing.importHistory({ csv: voiceHistory() });
    await caller.staffing.generate({ weekOffset: 1, adjustments: [] });
    // The flat contact-weighted mean would be 330 s everywhere; the engine's weighted mean by
    // interval of the week (smoothed toward neighbouring slots) keeps mornings short and afternoons long.
    const morning = storedVoice(db, "2026-12-01T10:00:00Z")?.ahtSeconds ?? 0;
    const afternoon = storedVoice(db, "2026-12-01T15:00:00Z")?.ahtSeconds ?? 0;
    expect(morning).toBeGreaterThanOrEqual(240);
    expect(morning).toBeLessThan(280);
    expect(afternoon).toBeGreaterThan(380);
    expect(afternoon).toBeLessThanOrEqual(420);
  });

  it("applies the days the manager marks: a closed day forecasts nothing, a busy one more", async () => {
    const { db, caller } = await setup();
    await caller.staffing.importHistory({ csv: voiceHistory() });
    await caller.staffing.generate({ weekOffset: 1, adjustments: [] });
    const plain = storedVoice(db, "2026-12-02T10:00:00Z")?.contacts ?? 0;
    expect(plain).toBeCloseTo(40, 0);
    await caller.staffing.addSpecialDay({ date: "2026-12-01", name: "Office closed", channel: "voice", factor: 0 });
    await caller.staffing.addSpecialDay({ date: "2026-12-02", name: "Sale", factor: 1.5 });
    await caller.staffing.generate({ weekOffset: 1, adjustments: [] });
    expect(storedVoice(db, "2026-12-01T10:00:00Z")?.contacts).toBe(0);
    expect(storedVoice(db, "2026-12-01T10:00:00Z")?.agents).toBe(0);
    expect(storedVoice(db, "2026-12-02T10:00:00Z")?.contacts).toBeCloseTo(plain * 1.5, 6);
    expect(storedVoice(db, "2026-12-03T10:00:00Z")?.contacts).toBeCloseTo(plain, 6);
  });

  it("forecasts each channel in its demand zone and keeps the zone, the scores and the combination's weights with the run", async () => {
    const { db, caller } = await setup();
    db.update(channels).set({ demandZone: "America/New_York" }).where(eq(channels.key, "voice")).run();
    await caller.staffing.importHistory({ csv: voiceHistory() });
    await caller.staffing.generate({ weekOffset: 1, adjustments: [] });
    const week = await caller.staffing.week({ weekOffset: 1, whatIf: [] });
    expect(week.channels.find((c) => c.key === "voice")?.demandZone).toBe("America/New_York");
    const voice = week.forecastRun?.channels.find((c) => c.channel === "voice");
    expect(voice?.demandZone).toBe("America/New_York");
    expect(voice?.scores.length).toBeGreaterThan(1);
    const weights = voice?.weights ?? [];
    expect(weights.length).toBeGreaterThan(0);
    expect(weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 6);
    // Noise-free history on the same clock offset all month: 10:00 Dublin is still 40 calls.
    expect(storedVoice(db, "2026-12-01T10:00:00Z")?.contacts).toBeCloseTo(40, 0);
  });
});
