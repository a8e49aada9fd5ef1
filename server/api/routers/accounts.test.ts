import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, notifications, passwordTokens, people, rosters, shifts, swapRequests, teams } from "@/db/schema";
import { errorDetails } from "@/server/api/trpc";
import { personKey } from "@/server/services/engine-input/keys";
import { buildRosterProblem } from "@/server/services/engine-input/roster-problem";
import { PASSWORD_LINK_REFUSED } from "@/server/services/auth/password-inputs";
import { renderCalendarFeed } from "@/server/services/me/calendar";
import { callerFor } from "@/server/testing/api-harness";
import { NOW, selfServiceOrg, WEEK_START } from "@/server/testing/self-service-fixtures";

type Org = Awaited<ReturnType<typeof selfServiceOrg>>;
const as = (org: Org, personId: number | undefined, now: () => Date = () => NOW) => callerFor(org.db, personId, now).caller;
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const HOUR = 3_600_000;

const personRow = (org: Org, id: number) => org.db.select().from(people).where(eq(people.id, id)).get();
const holderOf = (org: Org, shiftId: number) => org.db.select({ personId: shifts.personId }).from(shifts).where(eq(shifts.id, shiftId)).get()?.personId;

describe("deactivating a leaver", () => {
  it("keeps past and started shifts, unassigns upcoming ones in drafts and published rosters, cancels their requests and revokes the feed", async () => {
    const org = await selfServiceOrg();
    const past = org.shift(org.conor.id, "2026-11-23T08:00:00Z");
    const started = org.shift(org.conor.id, "2026-11-24T08:00:00Z");
    const wednesday = org.shift(org.conor.id, "2026-11-25T08:00:00Z");
    const thursday = org.shift(org.conor.id, "2026-11-26T08:00:00Z");
    const aoifeFriday = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    const draft = org.db.insert(rosters).values({ name: "Next", periodStart: WEEK_START.plus({ days: 7 }).toJSDate(), days: 7, status: "draft", createdAt: NOW }).returning().get();
    const drafted = org.shift(org.conor.id, "2026-12-01T08:00:00Z", draft.id);
    const archived = org.db.insert(rosters).values({ name: "Old", periodStart: WEEK_START.toJSDate(), days: 7, status: "archived", createdAt: NOW }).returning().get();
    const archivedShift = org.shift(org.conor.id, "2026-11-28T08:00:00Z", archived.id);
    const { id: requestId } = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: aoifeFriday.id, counterpartId: org.conor.id });
    const { path } = await as(org, org.conor.id).me.regenerateCalendarToken();
    const token = path.slice("/api/calendar/".length, -".ics".length);
    expect(renderCalendarFeed(org.db, token, NOW)).not.toBeNull();

    const result = await as(org, org.manager.id).accounts.deactivate({ personId: org.conor.id });
    expect(result).toMatchObject({ id: org.conor.id, unassignedPublished: 2, unassignedDraft: 1, cancelledRequests: 1 });

    expect(holderOf(org, past.id)).toBe(org.conor.id);
    expect(holderOf(org, started.id)).toBe(org.conor.id);
    expect(holderOf(org, archivedShift.id)).toBe(org.conor.id);
    expect(holderOf(org, wednesday.id)).toBeNull();
    expect(holderOf(org, thursday.id)).toBeNull();
    expect(holderOf(org, drafted.id)).toBeNull();
    const row = personRow(org, org.conor.id);
    expect(row).toMatchObject({ active: false, deactivatedAt: NOW, calendarToken: null });
    expect(renderCalendarFeed(org.db, token, NOW)).toBeNull();

    const request = org.db.select().from(swapRequests).where(eq(swapRequests.id, requestId)).get();
    expect(request).toMatchObject({ status: "cancelled", closedReason: "Conor Kelly is no longer on the team." });
    const told = org.db.select().from(notifications).where(and(eq(notifications.personId, org.aoife.id), eq(notifications.kind, "swap.cancelled"))).all();
    expect(told).toHaveLength(1);

    const unassignAudit = org.db.select().from(auditLog).where(eq(auditLog.action, "shift.unassign")).all();
    expect(unassignAudit.map((a) => Number(a.entityId)).sort((a, b) => a - b)).toEqual([wednesday.id, thursday.id, drafted.id].sort((a, b) => a - b));
    expect(unassignAudit.every((a) => a.actorId === org.manager.id)).toBe(true);
    expect(org.db.select().from(auditLog).where(eq(auditLog.action, "person.deactivate")).all()).toHaveLength(1);
  });

  it("stops their session at once, refuses their sign-in, and leaves them out of solves, swap options and teammates", async () => {
    const org = await selfServiceOrg();
    const mine = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    org.shift(org.conor.id, "2026-11-26T13:00:00Z");
    const conorSession = as(org, org.conor.id);
    await expect(conorSession.me.myShifts({ weekOffset: 0 })).resolves.toBeDefined();
    const period = { periodStart: WEEK_START.toJSDate(), days: 7 };
    expect((buildRosterProblem(org.db, period).people ?? []).map((p) => p.id)).toContain(personKey(org.conor.id));
    expect(JSON.stringify(await as(org, org.aoife.id).swaps.options({ shiftId: mine.id }))).toContain("Conor Kelly");
    expect(JSON.stringify(await as(org, org.aoife.id).me.myShifts({ weekOffset: 0 }))).toContain("Conor Kelly");

    await as(org, org.manager.id).accounts.deactivate({ personId: org.conor.id });

    // The same cookie: the context resolves only active people, so the next request is anonymous.
    await expect(as(org, org.conor.id).me.myShifts({ weekOffset: 0 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const signIn = await failure(as(org, undefined).auth.signIn({ email: org.conor.email, password: "correct-horse-battery" }));
    expect(signIn).toMatchObject({ code: "UNAUTHORIZED", message: "Email or password is incorrect." });
    expect((buildRosterProblem(org.db, period).people ?? []).map((p) => p.id)).not.toContain(personKey(org.conor.id));
    const options = await as(org, org.aoife.id).swaps.options({ shiftId: mine.id });
    expect(JSON.stringify(options)).not.toContain("Conor Kelly");
    const week = await as(org, org.aoife.id).me.myShifts({ weekOffset: 0 });
    expect(JSON.stringify(week)).not.toContain("Conor Kelly");
  });

  it("a deactivated lead no longer leads their team; reactivating lets the person sign in again", async () => {
    const org = await selfServiceOrg();
    await as(org, org.manager.id).accounts.deactivate({ personId: org.lead.id });
    expect(org.db.select({ leadId: teams.leadId }).from(teams).where(eq(teams.id, org.team.id)).get()?.leadId).toBeNull();

    await expect(as(org, org.manager.id).accounts.deactivate({ personId: org.lead.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await as(org, org.manager.id).accounts.reactivate({ personId: org.lead.id });
    expect(personRow(org, org.lead.id)).toMatchObject({ active: true, deactivatedAt: null });
    await expect(as(org, undefined).auth.signIn({ email: org.lead.email, password: "correct-horse-battery" })).resolves.toMatchObject({ personId: org.lead.id });
    await expect(as(org, org.manager.id).accounts.reactivate({ personId: org.lead.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is the manager's alone: agents, leads and planner leads are refused and nothing changes; nobody deactivates themself", async () => {
    const org = await selfServiceOrg();
    const thursday = org.shift(org.conor.id, "2026-11-26T08:00:00Z");
    // org.lead is marked as planner; org.otherLead is not.
    for (const personId of [org.aoife.id, org.otherLead.id, org.lead.id]) {
      const error = await failure(as(org, personId).accounts.deactivate({ personId: org.conor.id }));
      expect(error).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(personRow(org, org.conor.id)).toMatchObject({ active: true, deactivatedAt: null });
    expect(holderOf(org, thursday.id)).toBe(org.conor.id);

    const self = await failure(as(org, org.manager.id).accounts.deactivate({ personId: org.manager.id }));
    expect(self).toMatchObject({ code: "BAD_REQUEST", message: "You cannot deactivate yourself." });
    expect(personRow(org, org.manager.id)?.active).toBe(true);
  });
});

describe("set-password links", () => {
  const tokenOf = (path: string) => new URL(path, "http://localhost").searchParams.get("token") ?? "";

  it("stores only the token's SHA-256, works once, and the person signs in with the new password", async () => {
    const org = await selfServiceOrg();
    const link = await as(org, org.manager.id).accounts.createPasswordLink({ personId: org.conor.id });
    expect(link.path).toMatch(/^\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt).toEqual(new Date(NOW.getTime() + 72 * HOUR));
    const token = tokenOf(link.path);
    const stored = org.db.select().from(passwordTokens).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(org.db.select().from(auditLog).all())).not.toContain(token);

    const anonymous = as(org, undefined);
    await expect(anonymous.accounts.describePasswordLink({ token })).resolves.toMatchObject({ name: "Conor Kelly", email: org.conor.email });
    await anonymous.accounts.setPassword({ token, password: "a brand new passphrase", confirm: "a brand new passphrase" });
    await expect(anonymous.auth.signIn({ email: org.conor.email, password: "a brand new passphrase" })).resolves.toMatchObject({ personId: org.conor.id });
    expect(org.db.select().from(passwordTokens).get()?.usedAt).toEqual(NOW);
    expect(org.db.select().from(auditLog).where(eq(auditLog.action, "password.set")).get()?.actorId).toBe(org.conor.id);

    const again = await failure(anonymous.accounts.setPassword({ token, password: "another passphrase!", confirm: "another passphrase!" }));
    expect(again).toMatchObject({ code: "BAD_REQUEST", message: PASSWORD_LINK_REFUSED });
    await expect(anonymous.auth.signIn({ email: org.conor.email, password: "a brand new passphrase" })).resolves.toBeDefined();
  });

  it("refuses expired, replaced, unknown and deactivated people's links with one message, changing nothing", async () => {
    const org = await selfServiceOrg();
    const manager = as(org, org.manager.id);
    const first = tokenOf((await manager.accounts.createPasswordLink({ personId: org.conor.id })).path);
    const second = tokenOf((await manager.accounts.createPasswordLink({ personId: org.conor.id })).path);
    const hashBefore = personRow(org, org.conor.id)?.passwordHash;
    const attempt = (token: string, now: () => Date = () => NOW) =>
      failure(as(org, undefined, now).accounts.setPassword({ token, password: "long enough password", confirm: "long enough password" }));

    const refusals = [
      await attempt(first),
      await attempt(second, () => new Date(NOW.getTime() + 72 * HOUR)),
      await attempt("A".repeat(43)),
      await attempt("short"),
    ];
    for (const error of refusals) expect(error).toMatchObject({ code: "BAD_REQUEST", message: PASSWORD_LINK_REFUSED });
    await expect(as(org, undefined, () => new Date(NOW.getTime() + 73 * HOUR)).accounts.describePasswordLink({ token: second })).rejects.toMatchObject({
      message: PASSWORD_LINK_REFUSED,
    });

    await manager.accounts.deactivate({ personId: org.conor.id });
    expect(await attempt(second)).toMatchObject({ message: PASSWORD_LINK_REFUSED });
    expect(personRow(org, org.conor.id)?.passwordHash).toBe(hashBefore);
    expect(org.db.select().from(passwordTokens).all().every((t) => t.usedAt === null)).toBe(true);
    await expect(manager.accounts.createPasswordLink({ personId: org.conor.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("names the field of a short or unconfirmed password", async () => {
    const org = await selfServiceOrg();
    const token = tokenOf((await as(org, org.manager.id).accounts.createPasswordLink({ personId: org.conor.id })).path);
    const short = await failure(as(org, undefined).accounts.setPassword({ token, password: "too short", confirm: "too short" }));
    expect(errorDetails(short).fieldErrors?.password).toEqual(["At least 12 characters"]);
    const differ = await failure(as(org, undefined).accounts.setPassword({ token, password: "long enough password", confirm: "long enough passw0rd" }));
    expect(errorDetails(differ).fieldErrors?.confirm).toEqual(["The two passwords differ"]);
    expect(org.db.select().from(passwordTokens).get()?.usedAt).toBeNull();
  });

  it("only managers create links", async () => {
    const org = await selfServiceOrg();
    for (const personId of [org.aoife.id, org.lead.id]) {
      await expect(as(org, personId).accounts.createPasswordLink({ personId: org.conor.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(org.db.select().from(passwordTokens).all()).toEqual([]);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, then the new one signs in and the old one does not", async () => {
    const org = await selfServiceOrg();
    const me = as(org, org.aoife.id);
    const wrong = await failure(me.accounts.changePassword({ currentPassword: "not my password", newPassword: "my new long password", confirm: "my new long password" }));
    expect(errorDetails(wrong).fieldErrors?.currentPassword).toEqual(["That is not your current password"]);

    await me.accounts.changePassword({ currentPassword: "correct-horse-battery", newPassword: "my new long password", confirm: "my new long password" });
    const anonymous = as(org, undefined);
    await expect(anonymous.auth.signIn({ email: org.aoife.email, password: "my new long password" })).resolves.toMatchObject({ personId: org.aoife.id });
    await expect(anonymous.auth.signIn({ email: org.aoife.email, password: "correct-horse-battery" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(org.db.select().from(auditLog).where(eq(auditLog.action, "password.change")).get()?.actorId).toBe(org.aoife.id);
  });
});
