import { describe, expect, it } from "vitest";
import { insertPerson, insertRegion, insertSettings } from "@/server/testing/factories";
import { MAX_FAILURES } from "@/server/auth/throttle";
import { SIGN_IN_FAILED } from "@/server/services/auth/sign-in";
import { callerFor, freshDb } from "@/server/testing/api-harness";

async function setup() {
  const db = freshDb();
  insertSettings(db);
  const region = insertRegion(db);
  const person = await insertPerson(db, { regionId: region.id, email: "maria@example.test", password: "correct-horse-battery" });
  return { db, person };
}

describe("auth.signIn", () => {
  it("signs in with the right password and sets the session", async () => {
    const { db, person } = await setup();
    const { caller, session } = callerFor(db);
    const result = await caller.auth.signIn({ email: "Maria@Example.test ", password: "correct-horse-battery" });
    expect(result.personId).toBe(person.id);
    expect(session.personId).toBe(person.id);
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const { db } = await setup();
    const { caller, session } = callerFor(db);
    const wrong = await caller.auth.signIn({ email: "maria@example.test", password: "nope-nope-nope" }).catch((e: Error) => e);
    const unknown = await caller.auth.signIn({ email: "nobody@example.test", password: "nope-nope-nope" }).catch((e: Error) => e);
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", message: SIGN_IN_FAILED });
    expect(unknown).toMatchObject({ code: "UNAUTHORIZED", message: SIGN_IN_FAILED });
    expect(session.personId).toBeUndefined();
  });

  it("refuses an email for a while after repeated failures, even with the right password", async () => {
    const { db } = await setup();
    let now = new Date("2026-11-24T12:00:00Z");
    const { caller, session } = callerFor(db, undefined, () => now);
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expect(caller.auth.signIn({ email: "maria@example.test", password: "wrong-password-x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(caller.auth.signIn({ email: "maria@example.test", password: "correct-horse-battery" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(session.personId).toBeUndefined();
    now = new Date("2026-11-24T12:16:00Z");
    await expect(caller.auth.signIn({ email: "maria@example.test", password: "correct-horse-battery" })).resolves.toBeTruthy();
  });

  it("signs out", async () => {
    const { db, person } = await setup();
    const { caller, session } = callerFor(db, person.id);
    await caller.auth.signOut();
    expect(session.personId).toBeUndefined();
  });
});
