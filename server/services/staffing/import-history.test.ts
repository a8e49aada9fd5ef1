import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contactHistory } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { FIXED_NOW, freshDb } from "@/server/testing/api-harness";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";
import * as repo from "@/server/repositories/staffing-repository";
import { channelSettingsFrom, loadPatienceEstimates } from "@/server/services/engine-input/channels";
import * as orgRepo from "@/server/repositories/org-repository";
import { importHistoryCsv } from "./import-history";

async function setup() {
  const db = freshDb();
  insertSettings(db, { timeZone: "Europe/Dublin", intervalMinutes: 30 });
  insertStandardChannels(db);
  const region = insertRegion(db, { name: "EMEA" });
  const lead = await insertPerson(db, { regionId: region.id, role: "lead", isPlanner: true });
  const actor: Actor = { id: lead.id, name: "Lead", email: "lead@example.com", role: "lead", regionId: region.id, teamId: null, timeZone: null, isPlanner: true };
  return { db, actor };
}

const at = (db: ReturnType<typeof freshDb>, iso: string) => db.select().from(contactHistory).where(eq(contactHistory.intervalStart, new Date(iso))).get();

describe("importHistoryCsv with abandons and waits", () => {
  it("stores abandoned and wait_seconds, clears them on a re-import without the columns, and keeps them for rows that do not say", async () => {
    const { db, actor } = await setup();
    const csv = "interval_start,channel,contacts,aht_seconds,abandoned,wait_seconds\n2026-11-23T09:00:00Z,voice,40,300,3,12.5\n2026-11-23T09:30:00Z,voice,30,300,,\n";
    expect(importHistoryCsv(db, actor, { csv, confirmFarHistory: false }, FIXED_NOW)).toMatchObject({ needsConfirmation: false, rows: 2 });
    expect(at(db, "2026-11-23T09:00:00Z")).toMatchObject({ contacts: 40, abandoned: 3, waitSeconds: 12.5 });
    expect(at(db, "2026-11-23T09:30:00Z")).toMatchObject({ abandoned: null, waitSeconds: null });

    // Rows that do not carry the fields at all (actuals posted during the day) keep what is stored.
    repo.upsertHistory(db, [{ intervalStart: new Date("2026-11-23T09:00:00Z"), channelKey: "voice", contacts: 41, ahtSeconds: 300 }]);
    expect(at(db, "2026-11-23T09:00:00Z")).toMatchObject({ contacts: 41, abandoned: 3, waitSeconds: 12.5 });

    importHistoryCsv(db, actor, { csv: "interval_start,channel,contacts\n2026-11-23T09:00:00Z,voice,42\n", confirmFarHistory: false }, FIXED_NOW);
    expect(at(db, "2026-11-23T09:00:00Z")).toMatchObject({ contacts: 42, abandoned: null, waitSeconds: null });
  });

  it("refuses more abandons than contacts, naming row and column, and writes nothing", async () => {
    const { db, actor } = await setup();
    const csv = "interval_start,channel,contacts,abandoned\n2026-11-23T09:00:00Z,voice,40,3\n2026-11-23T09:30:00Z,voice,4,5\n";
    expect(() => importHistoryCsv(db, actor, { csv, confirmFarHistory: false }, FIXED_NOW)).toThrow(/Row 3, column "abandoned"/);
    expect(at(db, "2026-11-23T09:00:00Z")).toBeUndefined();
  });

  it("estimates each channel's patience from the imported weeks (mean wait of all ÷ abandoned share); the engine still reads only the manager's", async () => {
    const { db, actor } = await setup();
    // 20 intervals of 100 calls, 5 abandoned, mean wait 6 s: 6 ÷ 0.05 = 120 s.
    const lines = ["interval_start,channel,contacts,aht_seconds,abandoned,wait_seconds"];
    for (let i = 0; i < 20; i++) lines.push(`${new Date(Date.parse("2026-11-23T08:00:00Z") + i * 1_800_000).toISOString()},voice,100,300,5,6`);
    importHistoryCsv(db, actor, { csv: lines.join("\n"), confirmFarHistory: false }, FIXED_NOW);
    const estimates = loadPatienceEstimates(db, new Date("2026-11-30T00:00:00Z"));
    expect(estimates.get("voice")).toBeCloseTo(120, 9);
    expect(estimates.has("email")).toBe(false);
    const voice = orgRepo.listChannels(db).find((c) => c.key === "voice");
    expect(voice && channelSettingsFrom(voice).patienceSeconds).toBeNull();
  });
});
