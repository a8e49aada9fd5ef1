import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, contactHistory } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings, insertStandardChannels } from "@/server/testing/factories";
import { freshDb, MemorySession } from "@/server/testing/api-harness";
import { handleActualsPost } from "./actuals-http";

const NOW = new Date("2026-11-24T10:00:00Z");
const URL_HERE = "http://sunshift.test/api/actuals";

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

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(URL_HERE, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://sunshift.test", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function send(db: ReturnType<typeof freshDb>, personId: number | undefined, request: Request) {
  const response = await handleActualsPost(request, { db, session: new MemorySession(personId), now: () => NOW });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const historyCount = (db: ReturnType<typeof freshDb>) => db.select({ n: count() }).from(contactHistory).get()?.n ?? 0;
const GOOD = [
  { interval_start: "2026-11-24T09:00:00Z", channel: "voice", contacts: 31, aht_seconds: 290 },
  { interval_start: "2026-11-24T09:30:00+00:00", channel: "chat", contacts: 12 },
];

describe("POST /api/actuals", () => {
  it("records a manager's or planner's rows as contact history, re-posting an interval replaces it, audited", async () => {
    const { db, manager, planner } = await setup();
    const first = await send(db, manager.id, post(GOOD));
    expect(first).toEqual({ status: 200, body: { rows: 2, channels: ["voice", "chat"], from: "2026-11-24T09:00:00.000Z", to: "2026-11-24T09:30:00.000Z" } });
    const again = await send(db, planner.id, post([{ interval_start: "2026-11-24T09:00:00Z", channel: "voice", contacts: 33 }]));
    expect(again.status).toBe(200);
    const rows = db.select().from(contactHistory).all();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.channelKey === "voice")).toMatchObject({ contacts: 33, ahtSeconds: null });
    expect(db.select().from(auditLog).all().filter((a) => a.action === "actuals.record")).toHaveLength(2);
  });

  it("refuses anonymous callers (401), leads not marked as planner and agents (403), writing nothing", async () => {
    const { db, lead, agent } = await setup();
    expect(await send(db, undefined, post(GOOD))).toEqual({ status: 401, body: { error: "Please sign in." } });
    for (const id of [lead.id, agent.id]) {
      const refused = await send(db, id, post(GOOD));
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatch(/managers and planners/);
    }
    expect(historyCount(db)).toBe(0);
  });

  it("refuses an Origin from another site before anything else, and accepts a post without one", async () => {
    const { db, manager } = await setup();
    const cross = await send(db, manager.id, post(GOOD, { origin: "https://evil.example" }));
    expect(cross.status).toBe(403);
    expect(cross.body).toMatchObject({ field: "origin" });
    expect(cross.body.error).toMatch(/Cross-site request refused: Origin https:\/\/evil\.example/);
    expect((await send(db, manager.id, post(GOOD, { origin: "null" }))).status).toBe(403);
    expect((await send(db, manager.id, post(GOOD, { origin: "http://sunshift.test:8080" }))).status).toBe(403);
    expect(historyCount(db)).toBe(0);
    const noOrigin = new Request(URL_HERE, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(GOOD) });
    expect((await send(db, manager.id, noOrigin)).status).toBe(200);
  });

  it("takes JSON only: another content type is 415, unparsable JSON 400", async () => {
    const { db, manager } = await setup();
    const csv = await send(db, manager.id, post("interval_start,channel,contacts\n", { "content-type": "text/csv" }));
    expect(csv).toEqual({ status: 415, body: { error: "Expected Content-Type application/json, got text/csv.", field: "content-type" } });
    const form = await send(db, manager.id, post("a=1", { "content-type": "application/x-www-form-urlencoded" }));
    expect(form.status).toBe(415);
    expect((await send(db, manager.id, post(GOOD, { "content-type": "application/json; charset=utf-8" }))).status).toBe(200);
    const broken = await send(db, manager.id, post("[{", {}));
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatch(/^The body is not valid JSON/);
  });

  it("checks every row like the history import, naming the row (index + 1) and field, and writes nothing on any problem", async () => {
    const { db, manager } = await setup();
    const cases: [unknown, number, string, RegExp][] = [
      [[GOOD[0], { interval_start: "2026-11-24T09:30:00Z", channel: "voice", contacts: -3 }], 2, "contacts", /^Row 2, field "contacts": expected a number ≥ 0, got -3$/],
      [[{ interval_start: "2026-11-24 09:00", channel: "voice", contacts: 1 }], 1, "interval_start", /expected an ISO instant with an offset/],
      [[{ interval_start: "2026-11-24T09:10:00Z", channel: "voice", contacts: 1 }], 1, "interval_start", /not on the organisation's 30-minute grid/],
      [[{ interval_start: "2026-11-24T10:30:00Z", channel: "voice", contacts: 1 }], 1, "interval_start", /has not started yet/],
      [[{ interval_start: "2026-11-24T09:00:00Z", channel: "fax", contacts: 1 }], 1, "channel", /unknown channel "fax" \(expected one of: voice, chat, email, social\)/],
      [[{ interval_start: "2026-11-24T09:00:00Z", channel: "voice", contacts: 4, aht_seconds: 0 }], 1, "aht_seconds", /expected a number above 0, got 0/],
      [[{ interval_start: "2026-11-24T09:00:00Z", channel: "voice", contacts: 4, aht: 300 }], 1, "aht", /unknown field/],
      [[GOOD[0], GOOD[0]], 2, "interval_start", /duplicate: row 1 already has channel "voice"/],
      [["voice"], 1, "", /^Row 1: expected an object/],
      [{ rows: GOOD }, 0, "body", /Expected a JSON array/],
      [[], 0, "body", /at least one row/],
    ];
    for (const [body, row, field, message] of cases) {
      const result = await send(db, manager.id, post(body));
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.row).toBe(row);
      expect(result.body.field).toBe(field);
      expect(result.body.error).toMatch(message);
    }
    expect(historyCount(db)).toBe(0);
  });

  it("reports several bad rows at once", async () => {
    const { db, manager } = await setup();
    const result = await send(db, manager.id, post([{ channel: "voice", contacts: 1 }, GOOD[0], { interval_start: "2026-11-24T08:00:00Z", channel: "voice", contacts: "many" }]));
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/^2 problems in the actuals/);
    expect((result.body.errors as { row: number; field: string }[]).map((e) => [e.row, e.field])).toEqual([
      [1, "interval_start"],
      [3, "contacts"],
    ]);
    expect(historyCount(db)).toBe(0);
  });
});
