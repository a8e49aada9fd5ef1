import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it, vi } from "vitest";
import type * as DbClient from "@/db/client";
import { people, rosters, shifts } from "@/db/schema";
import { findPersonByCalendarToken, renderCalendarFeed } from "@/server/services/me/calendar";
import { callerFor } from "@/server/testing/api-harness";
import { NOW, selfServiceOrg } from "@/server/testing/self-service-fixtures";

type Org = Awaited<ReturnType<typeof selfServiceOrg>>;
const as = (org: Org, personId: number, now: () => Date = () => NOW) => callerFor(org.db, personId, now).caller;

const routeDb = vi.hoisted((): { current: unknown } => ({ current: undefined }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof DbClient>()), getDb: () => routeDb.current }));

function parseEvents(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return { uid: event.uid, startMs: event.startDate.toJSDate().getTime(), endMs: event.endDate.toJSDate().getTime(), summary: event.summary, description: event.description };
  });
}

describe("me.myShifts", () => {
  it("shows my published shifts with breaks, my team's times only, and hours against my contract", async () => {
    const org = await selfServiceOrg();
    org.shift(org.aoife.id, "2026-11-25T08:00:00Z");
    org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    org.shift(org.conor.id, "2026-11-25T08:00:00Z");
    org.shift(org.outsider.id, "2026-11-25T08:00:00Z");
    const draft = org.db.insert(rosters).values({ name: "Draft", periodStart: org.weekStart.toJSDate(), days: 7, status: "draft", createdAt: NOW }).returning().get();
    org.shift(org.aoife.id, "2026-11-27T08:00:00Z", draft.id);

    const mine = await as(org, org.aoife.id).me.myShifts({ weekOffset: 0 });
    expect(mine.person).toMatchObject({ name: "Aoife Murphy", zone: "Europe/Dublin", regionName: "EMEA" });
    expect(mine.shifts.map((s) => s.startsAt)).toEqual(["2026-11-25T08:00:00.000Z", "2026-11-26T08:00:00.000Z"]);
    expect(mine.shifts[0]).toMatchObject({ templateName: "Day 8.5h", workedMinutes: 480, breaks: [{ startsAt: "2026-11-25T11:00:00.000Z", endsAt: "2026-11-25T11:30:00.000Z" }] });
    expect(mine.hours).toMatchObject({ workedMinutes: 960, days: 2, maxMinutesPerWeek: 2400, minMinutesPerWeek: 0 });
    // Teammates by name and times only; another team's people are absent.
    const conor = mine.team.find((p) => p.name === "Conor Kelly");
    expect(conor?.shifts).toEqual([{ id: expect.any(Number), startsAt: "2026-11-25T08:00:00.000Z", endsAt: "2026-11-25T16:30:00.000Z" }]);
    expect(Object.keys(conor ?? {}).sort()).toEqual(["name", "personId", "role", "shifts"]);
    expect(mine.team.map((p) => p.name)).not.toContain("Owen Walsh");
  });

  it("managers have no shifts page", async () => {
    const org = await selfServiceOrg();
    await expect(as(org, org.manager.id).me.myShifts({ weekOffset: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("calendar feed", () => {
  it("issues a 43-character secret, stores no token in the audit log, and regenerating revokes the old one", async () => {
    const org = await selfServiceOrg();
    const caller = as(org, org.aoife.id);
    expect(await caller.me.calendarLink()).toEqual({ path: null });
    const first = await caller.me.regenerateCalendarToken();
    expect(first.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await caller.me.calendarLink()).toEqual(first);
    const firstToken = first.path.slice("/api/calendar/".length, -4);
    expect(findPersonByCalendarToken(org.db, firstToken)).toBe(org.aoife.id);
    const second = await caller.me.regenerateCalendarToken();
    expect(second.path).not.toBe(first.path);
    expect(findPersonByCalendarToken(org.db, firstToken)).toBeNull();
    expect(renderCalendarFeed(org.db, firstToken, NOW)).toBeNull();
    // A near miss (one character changed) matches nobody.
    const secondToken = second.path.slice("/api/calendar/".length, -4);
    expect(findPersonByCalendarToken(org.db, `${secondToken.slice(0, -1)}${secondToken.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(JSON.stringify(org.db.select().from(people).where(eq(people.id, org.conor.id)).get()?.calendarToken)).toBe("null");
  });

  it("lists published shifts only, with exact instants across the DST change, breaks in the description and stable UIDs", async () => {
    const weekStart = DateTime.fromISO("2026-10-18T23:00:00Z", { zone: "utc" });
    const now = new Date("2026-10-20T12:00:00Z");
    const org = await selfServiceOrg({ weekStart });
    org.shift(org.aoife.id, "2026-10-24T06:00:00Z"); // Sat 07:00 IST (UTC+1)
    org.shift(org.aoife.id, "2026-10-25T07:00:00Z"); // Sun 07:00 GMT (UTC+0)
    const draft = org.db.insert(rosters).values({ name: "Draft", periodStart: weekStart.toJSDate(), days: 7, status: "draft", createdAt: now }).returning().get();
    org.shift(org.aoife.id, "2026-10-22T06:00:00Z", draft.id);
    const { path } = await as(org, org.aoife.id, () => now).me.regenerateCalendarToken();
    const ics = renderCalendarFeed(org.db, path.slice("/api/calendar/".length, -4), now) ?? "";
    const events = parseEvents(ics);
    expect(events.map((e) => new Date(e.startMs).toISOString())).toEqual(["2026-10-24T06:00:00.000Z", "2026-10-25T07:00:00.000Z"]);
    expect(events.map((e) => e.endMs - e.startMs)).toEqual([510 * 60_000, 510 * 60_000]);
    expect(events[0]?.description).toContain("07:00–15:30 Europe/Dublin");
    expect(events[0]?.description).toContain("Breaks: 10:00–10:30 (Europe/Dublin)");
    expect(events[1]?.description).toContain("07:00–15:30 Europe/Dublin");
    expect(events[0]?.uid).toBe(`${org.aoife.id}-20261024T060000Z@sunshift`);
    expect(events[0]?.summary).toBe("Shift: Day 8.5h (EMEA)");
  });

  it("after an approved swap the shift leaves one feed and appears in the other; the route answers 404 for revoked links", async () => {
    const org = await selfServiceOrg();
    routeDb.current = org.db;
    const { GET } = await import("@/app/api/calendar/[token]/route");
    const fetchFeed = async (path: string) => GET(new Request(`http://localhost${path}`), { params: Promise.resolve({ token: path.slice("/api/calendar/".length) }) });
    const thursday = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    const aoifeLink = await as(org, org.aoife.id).me.regenerateCalendarToken();
    const conorLink = await as(org, org.conor.id).me.regenerateCalendarToken();
    const before = await fetchFeed(aoifeLink.path);
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toContain("text/calendar");
    expect(parseEvents(await before.text()).map((e) => e.startMs)).toEqual([Date.parse("2026-11-26T08:00:00Z")]);

    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: thursday.id, counterpartId: org.conor.id });
    await as(org, org.conor.id).swaps.accept({ requestId: id });
    await as(org, org.lead.id).swaps.approve({ requestId: id });
    expect(org.db.select({ personId: shifts.personId }).from(shifts).where(eq(shifts.id, thursday.id)).get()?.personId).toBe(org.conor.id);
    expect(parseEvents(await (await fetchFeed(aoifeLink.path)).text())).toEqual([]);
    const conorEvents = parseEvents(await (await fetchFeed(conorLink.path)).text());
    expect(conorEvents.map((e) => e.startMs)).toEqual([Date.parse("2026-11-26T08:00:00Z")]);
    expect(conorEvents[0]?.uid).toBe(`${org.conor.id}-20261126T080000Z@sunshift`);

    await as(org, org.aoife.id).me.regenerateCalendarToken();
    expect((await fetchFeed(aoifeLink.path)).status).toBe(404);
    expect((await fetchFeed("/api/calendar/not-a-token.ics")).status).toBe(404);
    expect((await fetchFeed(aoifeLink.path.replace(".ics", ".txt"))).status).toBe(404);
  });
});
