import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, channels, orgSettings, people, regions, shiftTemplates } from "@/db/schema";
import { consumeSetupToken, issueSetupToken } from "@/server/auth/setup-token";
import { STANDARD_CHANNEL_KEYS } from "@/server/domain/staffing/channel-presets";
import { createOrganisation } from "@/server/services/setup/create-organisation";
import { errorDetails } from "@/server/api/trpc";
import { callerFor, freshDb } from "@/server/testing/api-harness";
import { insertPerson, insertRegion, insertSettings } from "@/server/testing/factories";

const FORM = {
  organisationName: "Harbour Support",
  timeZone: "Europe/Lisbon",
  managerName: "Rita Sousa",
  managerEmail: " Rita@Harbour.example ",
  password: "a-long-enough-secret",
  confirmPassword: "a-long-enough-secret",
};

/** Every table the set-up writes, read back, so a refusal can be shown to change nothing. */
function snapshot(db: Db) {
  return {
    settings: db.select().from(orgSettings).all(),
    regions: db.select().from(regions).all(),
    people: db.select().from(people).all(),
    channels: db.select().from(channels).all(),
    templates: db.select().from(shiftTemplates).all(),
    audit: db.select().from(auditLog).all(),
  };
}

afterEach(() => consumeSetupToken());

describe("setup.createOrganisation (first-run page)", () => {
  it("creates the organisation for the token holder, then the manager signs in", async () => {
    const db = freshDb();
    const token = issueSetupToken();
    const { caller } = callerFor(db);
    await expect(caller.setup.status({ token })).resolves.toEqual({ needed: true, tokenAccepted: true });
    const created = await caller.setup.createOrganisation({ ...FORM, token });
    expect(created).toEqual({ organisationName: "Harbour Support", managerEmail: "rita@harbour.example" });

    const after = snapshot(db);
    expect(after.settings).toEqual([
      expect.objectContaining({ id: 1, name: "Harbour Support", timeZone: "Europe/Lisbon", intervalMinutes: 30, weekStart: 1, currency: "USD" }),
    ]);
    expect(after.regions).toEqual([expect.objectContaining({ name: "Head office", timeZone: "Europe/Lisbon" })]);
    expect(after.people).toEqual([expect.objectContaining({ role: "manager", name: "Rita Sousa", email: "rita@harbour.example", regionId: after.regions[0]?.id })]);
    expect(after.people[0]?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.channels.map((c) => c.key).sort()).toEqual([...STANDARD_CHANNEL_KEYS].sort());
    expect(after.channels.find((c) => c.key === "voice")).toMatchObject({ targetSl: 0.8, targetSeconds: 20, targetAsaSeconds: 120 });
    expect(after.templates.map((t) => t.name)).toEqual(["Day 8.5h", "Short 6h"]);
    expect(after.audit).toEqual([expect.objectContaining({ action: "organisation.create", actorId: null })]);

    // The token is used up, and the page is no longer offered.
    await expect(caller.setup.status({ token })).resolves.toEqual({ needed: false, tokenAccepted: false });
    const { caller: visitor, session } = callerFor(db);
    await visitor.auth.signIn({ email: "rita@harbour.example", password: FORM.password });
    expect(session.personId).toBe(after.people[0]?.id);
  });

  it("refuses without the right token and writes nothing", async () => {
    const db = freshDb();
    issueSetupToken();
    const { caller } = callerFor(db);
    await expect(caller.setup.status({ token: "guess" })).resolves.toEqual({ needed: true, tokenAccepted: false });
    await expect(caller.setup.createOrganisation({ ...FORM, token: "guess" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(snapshot(db)).toEqual(snapshot(freshDb()));
  });

  it("refuses when no token was issued (the server found an organisation at start)", async () => {
    const db = freshDb();
    const { caller } = callerFor(db);
    await expect(caller.setup.createOrganisation({ ...FORM, token: "anything" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(db.select().from(people).all()).toEqual([]);
  });

  it("refuses a second organisation even with a valid token, changing nothing", async () => {
    const db = freshDb();
    insertSettings(db, { name: "Existing Co" });
    const region = insertRegion(db);
    await insertPerson(db, { regionId: region.id, role: "manager" });
    const before = snapshot(db);
    const token = issueSetupToken();
    const { caller } = callerFor(db);
    await expect(caller.setup.status({ token })).resolves.toEqual({ needed: false, tokenAccepted: false });
    await expect(caller.setup.createOrganisation({ ...FORM, token })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining('"Existing Co"') });
    expect(snapshot(db)).toEqual(before);
  });

  it("names the field it refuses: password length, confirmation, zone, email", async () => {
    const db = freshDb();
    const token = issueSetupToken();
    const { caller } = callerFor(db);
    const cases: Array<[Partial<typeof FORM>, string]> = [
      [{ password: "short-pass", confirmPassword: "short-pass" }, "password"],
      [{ confirmPassword: "something-else-here" }, "confirmPassword"],
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ managerEmail: "not-an-email" }, "managerEmail"],
      [{ organisationName: " " }, "organisationName"],
    ];
    for (const [change, field] of cases) {
      const error = await caller.setup.createOrganisation({ ...FORM, ...change, token }).catch((e: unknown) => e);
      expect(error, field).toMatchObject({ code: "BAD_REQUEST" });
      expect(Object.keys(errorDetails(error).fieldErrors ?? {}), field).toEqual([field]);
    }
    expect(db.select().from(people).all()).toEqual([]);
  });
});

describe("createOrganisation (the command's use case)", () => {
  it("refuses a database with a manager but no settings row", async () => {
    const db = freshDb();
    const region = insertRegion(db);
    await insertPerson(db, { regionId: region.id, role: "manager", email: "boss@example.test" });
    const before = snapshot(db);
    await expect(
      createOrganisation(db, { ...FORM, managerEmail: "rita@harbour.example" }, new Date("2026-11-24T12:00:00Z")),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("boss@example.test") });
    expect(snapshot(db)).toEqual(before);
  });
});
