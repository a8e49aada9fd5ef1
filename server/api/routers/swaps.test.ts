import { count, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { auditLog, notifications, people, rosters, shifts, swapRequests, teams, unavailability } from "@/db/schema";
import { errorDetails } from "@/server/api/trpc";
import { callerFor } from "@/server/testing/api-harness";
import { NOW, selfServiceOrg } from "@/server/testing/self-service-fixtures";

type Org = Awaited<ReturnType<typeof selfServiceOrg>>;
const as = (org: Org, personId: number, now: () => Date = () => NOW) => callerFor(org.db, personId, now).caller;
const requestRow = (org: Org, id: number) => org.db.select().from(swapRequests).where(eq(swapRequests.id, id)).get();
const holderOf = (org: Org, shiftId: number) => org.db.select({ personId: shifts.personId }).from(shifts).where(eq(shifts.id, shiftId)).get()?.personId;
const requestCount = (org: Org) => org.db.select({ n: count() }).from(swapRequests).get()?.n ?? 0;
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error & { code?: string });

describe("swaps: offer, accept, approve", () => {
  it("an open offer is taken by a teammate, approved by the lead, and every schedule, the audit log and notifications follow", async () => {
    const org = await selfServiceOrg();
    const thursday = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    const created = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: thursday.id, note: "Dentist" });
    expect(created.status).toBe("pending");

    // Conor is eligible and sees it; Owen (another team) does not.
    const incoming = await as(org, org.conor.id).swaps.listForMe();
    expect(incoming.map((r) => r.id)).toEqual([created.id]);
    expect(incoming[0]?.problems).toEqual([]);
    expect(await as(org, org.outsider.id).swaps.listForMe()).toEqual([]);

    await as(org, org.conor.id).swaps.accept({ requestId: created.id });
    const forLead = await as(org, org.lead.id).swaps.listForApproval();
    expect(forLead).toHaveLength(1);
    expect(forLead[0]?.problems).toEqual([]);
    // The coverage change covers the shift's 17 half-hours; an agent for an agent changes nothing.
    expect(forLead[0]?.coverage.intervals).toHaveLength(17);
    expect(forLead[0]?.coverage.worse).toBe(false);
    expect(forLead[0]?.coverage.intervals.find((iv) => iv.startMs === Date.parse("2026-11-26T10:00:00Z"))).toMatchObject({ required: 3, scheduledBefore: 1, scheduledAfter: 1 });
    expect(await as(org, org.otherLead.id).swaps.listForApproval()).toEqual([]);

    await as(org, org.lead.id).swaps.approve({ requestId: created.id });
    expect(holderOf(org, thursday.id)).toBe(org.conor.id);
    expect(requestRow(org, created.id)).toMatchObject({ status: "approved", counterpartId: org.conor.id, decidedById: org.lead.id });
    const aoifeWeek = await as(org, org.aoife.id).me.myShifts({ weekOffset: 0 });
    const conorWeek = await as(org, org.conor.id).me.myShifts({ weekOffset: 0 });
    expect(aoifeWeek.shifts.map((s) => s.id)).not.toContain(thursday.id);
    expect(conorWeek.shifts.map((s) => s.id)).toContain(thursday.id);
    // Breaks stay where they were.
    expect(conorWeek.shifts.find((s) => s.id === thursday.id)?.breaks).toEqual([{ startsAt: "2026-11-26T11:00:00.000Z", endsAt: "2026-11-26T11:30:00.000Z" }]);

    const actions = org.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(created.id))).all().map((a) => a.action);
    expect(actions).toEqual(["swap.create", "swap.accept", "swap.approve"]);
    const aoifeNotes = await as(org, org.aoife.id).notifications.list();
    expect(aoifeNotes.items.map((n) => n.kind)).toEqual(expect.arrayContaining(["swap.accepted", "swap.approved"]));
    const leadNotes = await as(org, org.lead.id).notifications.list();
    expect(leadNotes.items.some((n) => n.kind === "swap.approve" && n.link === "/approvals")).toBe(true);
  });

  it("a direct swap exchanges both shifts on approval", async () => {
    const org = await selfServiceOrg();
    const mine = org.shift(org.aoife.id, "2026-11-25T08:00:00Z");
    const theirs = org.shift(org.maria.id, "2026-11-27T08:00:00Z");
    const options = await as(org, org.aoife.id).swaps.options({ shiftId: mine.id });
    expect(options.swapTargets.map((t) => t.shift.id)).toEqual([theirs.id]);
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "swap", shiftId: mine.id, counterpartId: org.maria.id, counterpartShiftId: theirs.id });
    await as(org, org.maria.id).swaps.accept({ requestId: id });
    await as(org, org.lead.id).swaps.approve({ requestId: id });
    expect(holderOf(org, mine.id)).toBe(org.maria.id);
    expect(holderOf(org, theirs.id)).toBe(org.aoife.id);
  });
});

describe("swaps: a swap that changes nothing", () => {
  it("two shifts with the same start and end cannot be swapped: the option says why, and the request is refused naming the field", async () => {
    const org = await selfServiceOrg();
    const mine = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    const theirs = org.shift(org.maria.id, "2026-11-26T08:00:00Z");
    const message = "These two shifts start and end at the same times: swapping them changes nothing.";
    const options = await as(org, org.aoife.id).swaps.options({ shiftId: mine.id });
    expect(options.swapTargets.find((t) => t.shift.id === theirs.id)?.problems).toEqual([message]);
    const error = await caught(as(org, org.aoife.id).swaps.create({ kind: "swap", shiftId: mine.id, counterpartId: org.maria.id, counterpartShiftId: theirs.id }));
    // INVALID_INPUT reaches the client as BAD_REQUEST with the field error.
    expect(error).toMatchObject({ code: "BAD_REQUEST", message });
    expect(errorDetails(error).fieldErrors).toEqual({ counterpartShiftId: [message] });
    expect(requestCount(org)).toBe(0);
    expect(holderOf(org, mine.id)).toBe(org.aoife.id);
    expect(holderOf(org, theirs.id)).toBe(org.maria.id);
  });
});

describe("swaps: automatic approval", () => {
  it("a team that opted in gets an accepted swap approved at once when checks pass and coverage holds", async () => {
    const org = await selfServiceOrg();
    org.db.update(teams).set({ autoApproveSwaps: true }).where(eq(teams.id, org.team.id)).run();
    const thursday = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    const created = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: thursday.id });
    const accepted = await as(org, org.conor.id).swaps.accept({ requestId: created.id });
    expect(accepted).toMatchObject({ status: "approved", autoApproved: true });
    expect(holderOf(org, thursday.id)).toBe(org.conor.id);
    expect(requestRow(org, created.id)).toMatchObject({ status: "approved", decidedById: null });
    const actions = org.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(created.id))).all().map((a) => a.action);
    expect(actions).toEqual(["swap.create", "swap.accept", "swap.autoApprove"]);
  });

  it("without the team's opt-in the accepted swap waits for the lead", async () => {
    const org = await selfServiceOrg();
    const thursday = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    const created = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: thursday.id });
    expect(await as(org, org.conor.id).swaps.accept({ requestId: created.id })).toMatchObject({ status: "accepted", autoApproved: false });
    expect(holderOf(org, thursday.id)).toBe(org.aoife.id);
  });
});

describe("swaps: the state machine", () => {
  it("a lead cannot approve before the colleague accepts; a declined request cannot be accepted", async () => {
    const org = await selfServiceOrg();
    const mine = org.shift(org.aoife.id, "2026-11-25T08:00:00Z");
    const theirs = org.shift(org.maria.id, "2026-11-27T08:00:00Z");
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "swap", shiftId: mine.id, counterpartId: org.maria.id, counterpartShiftId: theirs.id });
    const early = await caught(as(org, org.lead.id).swaps.approve({ requestId: id }));
    expect(early).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/waiting for the colleague to accept/) });
    expect(requestRow(org, id)?.status).toBe("pending");
    expect(holderOf(org, mine.id)).toBe(org.aoife.id);

    await as(org, org.maria.id).swaps.decline({ requestId: id });
    expect(requestRow(org, id)).toMatchObject({ status: "rejected", closedReason: "Declined by Maria Nolan." });
    await expect(as(org, org.maria.id).swaps.accept({ requestId: id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the requester cancels an accepted request; it can then be neither approved nor cancelled again", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: s.id, counterpartId: org.conor.id });
    await as(org, org.conor.id).swaps.accept({ requestId: id });
    await as(org, org.aoife.id).swaps.cancel({ requestId: id });
    expect(requestRow(org, id)?.status).toBe("cancelled");
    await expect(as(org, org.lead.id).swaps.approve({ requestId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(as(org, org.aoife.id).swaps.cancel({ requestId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(holderOf(org, s.id)).toBe(org.aoife.id);
  });

  it("an open request expires when its shift starts (checked lazily on read and act)", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-25T08:00:00Z");
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: s.id, counterpartId: org.conor.id });
    const later = () => new Date("2026-11-25T08:00:00Z");
    const mine = await as(org, org.aoife.id, later).swaps.listMine();
    expect(mine.find((r) => r.id === id)?.status).toBe("expired");
    await expect(as(org, org.conor.id, later).swaps.accept({ requestId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(holderOf(org, s.id)).toBe(org.aoife.id);
  });

  it("reads never write: a started request reads as expired, and the next write records it and tells both people", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-25T08:00:00Z");
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: s.id, counterpartId: org.conor.id });
    const later = () => new Date("2026-11-25T08:00:00Z");
    const mine = await as(org, org.aoife.id, later).swaps.listMine();
    expect(mine.find((r) => r.id === id)).toMatchObject({ status: "expired", closedReason: "The shift started before the request was settled." });
    expect(await as(org, org.conor.id, later).swaps.listForMe()).toEqual([]);
    const week = await as(org, org.aoife.id, later).me.myShifts({ weekOffset: 0 });
    expect(week.shifts.find((x) => x.id === s.id)?.openRequest).toBeNull();
    expect(requestRow(org, id)?.status).toBe("pending");
    expect(org.db.select().from(notifications).where(eq(notifications.kind, "swap.expired")).all()).toEqual([]);

    await expect(as(org, org.conor.id, later).swaps.accept({ requestId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(requestRow(org, id)).toMatchObject({ status: "expired", closedReason: "The shift started before the request was settled." });
    const told = org.db.select().from(notifications).where(eq(notifications.kind, "swap.expired")).all().map((n) => n.personId);
    expect(told.sort()).toEqual([org.aoife.id, org.conor.id].sort());
  });

  it("a drop goes straight to the lead, whose preview shows coverage getting worse; approval leaves the shift open", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    org.shift(org.conor.id, "2026-11-26T08:00:00Z");
    org.shift(org.maria.id, "2026-11-26T08:00:00Z");
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "drop", shiftId: s.id });
    const preview = await as(org, org.lead.id).swaps.preview({ requestId: id });
    expect(preview.coverage.worse).toBe(true);
    const ten = preview.coverage.intervals.find((iv) => iv.startMs === Date.parse("2026-11-26T10:00:00Z"));
    expect(ten).toMatchObject({ scheduledBefore: 3, scheduledAfter: 2 });
    expect(ten?.serviceLevelAfter ?? 1).toBeLessThan(ten?.serviceLevelBefore ?? 0);
    await as(org, org.lead.id).swaps.approve({ requestId: id });
    expect(holderOf(org, s.id)).toBeNull();
  });
});

describe("swaps: who may do what (each refusal re-reads the data)", () => {
  it("an agent cannot offer someone else's shift or trade outside their team", async () => {
    const org = await selfServiceOrg();
    const aoifes = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    const owens = org.shift(org.outsider.id, "2026-11-27T08:00:00Z");
    await expect(as(org, org.conor.id).swaps.create({ kind: "offer", shiftId: aoifes.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.aoife.id).swaps.create({ kind: "swap", shiftId: aoifes.id, counterpartId: org.outsider.id, counterpartShiftId: owens.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: aoifes.id, counterpartId: org.outsider.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(requestCount(org)).toBe(0);
    expect(holderOf(org, aoifes.id)).toBe(org.aoife.id);
  });

  it("only the counterpart or an eligible teammate accepts; only the requester cancels", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    const directed = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: s.id, counterpartId: org.conor.id });
    await expect(as(org, org.maria.id).swaps.accept({ requestId: directed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.aoife.id).swaps.accept({ requestId: directed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.outsider.id).swaps.accept({ requestId: directed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.conor.id).swaps.cancel({ requestId: directed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(requestRow(org, directed.id)).toMatchObject({ status: "pending", counterpartId: org.conor.id, acceptedAt: null });
  });

  it("agents cannot approve; a lead of another team cannot approve or preview; nothing changes", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: s.id, counterpartId: org.conor.id });
    await as(org, org.conor.id).swaps.accept({ requestId: id });
    await expect(as(org, org.conor.id).swaps.approve({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.otherLead.id).swaps.approve({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.otherLead.id).swaps.reject({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.otherLead.id).swaps.preview({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(requestRow(org, id)).toMatchObject({ status: "accepted", decidedById: null });
    expect(holderOf(org, s.id)).toBe(org.aoife.id);
    // A manager may decide any request.
    await as(org, org.manager.id).swaps.reject({ requestId: id, reason: "Short on chat that day" });
    expect(requestRow(org, id)).toMatchObject({ status: "rejected", closedReason: "Short on chat that day", decidedById: org.manager.id });
  });

  it("the planner mark gives no say over another team's requests: a planner lead cannot approve, reject or preview them", async () => {
    const org = await selfServiceOrg();
    expect(org.db.select({ isPlanner: people.isPlanner }).from(people).where(eq(people.id, org.lead.id)).get()?.isPlanner).toBe(true);
    const s = org.shift(org.outsider.id, "2026-11-26T08:00:00Z");
    const { id } = await as(org, org.outsider.id).swaps.create({ kind: "drop", shiftId: s.id });
    const before = requestRow(org, id);
    await expect(as(org, org.lead.id).swaps.approve({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.lead.id).swaps.reject({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(org, org.lead.id).swaps.preview({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(requestRow(org, id)).toEqual(before);
    expect(holderOf(org, s.id)).toBe(org.outsider.id);
    // Their own lead, not a planner, decides it.
    await as(org, org.otherLead.id).swaps.approve({ requestId: id });
    expect(holderOf(org, s.id)).toBeNull();
  });

  it("a lead never approves their own request; a manager does", async () => {
    const org = await selfServiceOrg();
    const leads = org.shift(org.lead.id, "2026-11-28T08:00:00Z");
    org.shift(org.otherLead.id, "2026-11-28T08:00:00Z"); // keeps a lead on duty when Siobhán's shift goes to an agent
    const { id } = await as(org, org.lead.id).swaps.create({ kind: "offer", shiftId: leads.id, counterpartId: org.aoife.id });
    await as(org, org.aoife.id).swaps.accept({ requestId: id });
    await expect(as(org, org.lead.id).swaps.approve({ requestId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(holderOf(org, leads.id)).toBe(org.lead.id);
    await as(org, org.manager.id).swaps.approve({ requestId: id });
    expect(holderOf(org, leads.id)).toBe(org.aoife.id);
  });

  it("two colleagues accept the same offer at the same moment: exactly one wins, the other is told", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    const { id } = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: s.id });
    const results = await Promise.allSettled([as(org, org.conor.id).swaps.accept({ requestId: id }), as(org, org.maria.id).swaps.accept({ requestId: id })]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const row = requestRow(org, id);
    expect(row?.status).toBe("accepted");
    const winner = row?.counterpartId === org.conor.id ? "Conor Kelly" : "Maria Nolan";
    expect(lost[0]?.reason).toMatchObject({ code: "CONFLICT", message: `${winner} accepted this offer first; it is no longer open.` });
    expect(org.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "swap.accept")).get()?.n).toBe(1);
  });

  it("no one is ever double-booked: a second approved request for an overlapping shift is refused", async () => {
    const org = await selfServiceOrg();
    const a = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    const m = org.shift(org.maria.id, "2026-11-27T09:00:00Z");
    const first = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: a.id, counterpartId: org.conor.id });
    const second = await as(org, org.maria.id).swaps.create({ kind: "offer", shiftId: m.id, counterpartId: org.conor.id });
    await as(org, org.conor.id).swaps.accept({ requestId: first.id });
    await as(org, org.conor.id).swaps.accept({ requestId: second.id });
    await as(org, org.lead.id).swaps.approve({ requestId: first.id });
    const error = await caught(as(org, org.lead.id).swaps.approve({ requestId: second.id }));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Conor Kelly would be double-booked/) });
    expect(holderOf(org, m.id)).toBe(org.maria.id);
    expect(requestRow(org, second.id)?.status).toBe("accepted");
  });
});

describe("swaps: rules on both sides, in plain words with names", () => {
  it("rest, overlap, skills, region, weekly hours, days and absences each refuse with a named reason", async () => {
    const org = await selfServiceOrg();
    const thursday = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    org.shift(org.conor.id, "2026-11-25T14:00:00Z"); // ends 22:30 the night before
    org.shift(org.maria.id, "2026-11-26T09:00:00Z");
    const offer = (counterpartId: number) => caught(as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: thursday.id, counterpartId }));
    expect((await offer(org.conor.id))?.message).toMatch(/Conor Kelly would have 9 h 30 min rest before the Thu 26 Nov 08:00 \(Europe\/Dublin\) shift; 11 h needed/);
    expect((await offer(org.maria.id))?.message).toMatch(/Maria Nolan would be double-booked/);
    expect((await offer(org.emailOnly.id))?.message).toMatch(/Ingrid Nilsen lacks voice and chat, which Aoife Murphy covers/);
    expect((await offer(org.transatlantic.id))?.message).toMatch(/Tomás Costa belongs to Americas; this shift is in EMEA/);

    const org2 = await selfServiceOrg();
    const fri = org2.shift(org2.aoife.id, "2026-11-27T08:00:00Z");
    org2.shift(org2.conor.id, "2026-11-24T08:00:00Z");
    org2.db.update(people).set({ maxMinutesPerWeek: 900, maxDaysPerWeek: 1 }).where(eq(people.id, org2.conor.id)).run();
    const e2 = await caught(as(org2, org2.aoife.id).swaps.create({ kind: "offer", shiftId: fri.id, counterpartId: org2.conor.id }));
    expect(e2?.message).toMatch(/Conor Kelly would work 16 h in week 1 of the roster; the contract allows at most 15 h/);
    expect(e2?.message).toMatch(/Conor Kelly would work 2 days in week 1 of the roster; the contract allows at most 1/);
    org2.db.insert(unavailability).values({ personId: org2.maria.id, startsAt: new Date("2026-11-27T00:00:00Z"), endsAt: new Date("2026-11-28T00:00:00Z"), reason: "Leave" }).run();
    const e3 = await caught(as(org2, org2.aoife.id).swaps.create({ kind: "offer", shiftId: fri.id, counterpartId: org2.maria.id }));
    expect(e3?.message).toMatch(/Maria Nolan is unavailable Fri 27 Nov 00:00 \(Europe\/Dublin\)/);
    expect(requestCount(org) + requestCount(org2)).toBe(0);
  });

  it("an open offer nobody can take is refused; the lead span keeps one lead per 15 agents", async () => {
    const org = await selfServiceOrg();
    const leads = org.shift(org.lead.id, "2026-11-28T08:00:00Z");
    const error = await caught(as(org, org.lead.id).swaps.create({ kind: "offer", shiftId: leads.id, counterpartId: org.aoife.id }));
    expect(error?.message).toMatch(/At Sat 28 Nov 08:00 \(Europe\/Dublin\) there would be 0 lead\(s\) on duty for 1 agents on task; 1 needed/);
    const open = await caught(as(org, org.lead.id).swaps.create({ kind: "offer", shiftId: leads.id }));
    expect(open).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^No one in your team can take this shift/) });
    expect(requestCount(org)).toBe(0);
  });

  it("eligibility across the October DST change counts real hours of rest, not wall-clock hours", async () => {
    // Europe/Dublin falls back on Sun 25 Oct 2026: Saturday 21:00 IST to Sunday 07:00 GMT is 11 real hours.
    const weekStart = DateTime.fromISO("2026-10-18T23:00:00Z", { zone: "utc" });
    const now = () => new Date("2026-10-20T12:00:00Z");
    const org = await selfServiceOrg({ weekStart });
    const sunday = org.shift(org.aoife.id, "2026-10-25T07:00:00Z");
    org.shift(org.conor.id, "2026-10-24T11:30:00Z"); // 12:30–21:00 IST
    org.shift(org.maria.id, "2026-10-24T12:00:00Z"); // 13:00–21:30 IST
    const ok = await as(org, org.aoife.id, now).swaps.create({ kind: "offer", shiftId: sunday.id, counterpartId: org.conor.id });
    expect(ok.status).toBe("pending");
    await as(org, org.aoife.id, now).swaps.cancel({ requestId: ok.id });
    const refused = await caught(as(org, org.aoife.id, now).swaps.create({ kind: "offer", shiftId: sunday.id, counterpartId: org.maria.id }));
    expect(refused?.message).toMatch(/Maria Nolan would have 10 h 30 min rest before the Sun 25 Oct 07:00 \(Europe\/Dublin\) shift; 11 h needed/);
  });
});

describe("swaps: republishing", () => {
  it("requests follow unchanged shifts into the new roster; changed ones are cancelled and people told", async () => {
    const org = await selfServiceOrg();
    const thu = org.shift(org.aoife.id, "2026-11-26T08:00:00Z");
    const fri = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    const keep = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: thu.id });
    const lose = await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: fri.id, counterpartId: org.maria.id });
    await as(org, org.maria.id).swaps.accept({ requestId: lose.id });
    const next = org.db.insert(rosters).values({ name: "Week v2", periodStart: org.weekStart.toJSDate(), days: 7, status: "draft", createdAt: NOW }).returning().get();
    const thu2 = org.shift(org.aoife.id, "2026-11-26T08:00:00Z", next.id);
    org.shift(org.aoife.id, "2026-11-27T09:00:00Z", next.id);
    // The lead publishes the new version through the API: publishing archives the old roster
    // and hands its open requests to cancelRequestsForChangedShifts in the same transaction.
    const published = await as(org, org.lead.id).rosters.publish({ rosterId: next.id });
    expect(published.archived).toEqual([org.roster.id]);
    expect(requestRow(org, keep.id)).toMatchObject({ status: "pending", shiftId: thu2.id });
    expect(requestRow(org, lose.id)).toMatchObject({ status: "cancelled", closedReason: "The roster was republished and this shift changed." });
    const told = org.db.select().from(notifications).where(eq(notifications.kind, "swap.cancelled")).all().map((n) => n.personId);
    expect(told.sort()).toEqual([org.aoife.id, org.maria.id].sort());
  });
});

describe("notifications", () => {
  it("a person reads and marks only their own notifications", async () => {
    const org = await selfServiceOrg();
    const s = org.shift(org.aoife.id, "2026-11-27T08:00:00Z");
    await as(org, org.aoife.id).swaps.create({ kind: "offer", shiftId: s.id, counterpartId: org.conor.id });
    const conors = await as(org, org.conor.id).notifications.list();
    expect(conors.unread).toBe(1);
    expect(conors.items[0]?.message).toBe("Aoife Murphy offers you their Fri 27 Nov 08:00 (Europe/Dublin) shift.");
    const theirId = conors.items[0]?.id ?? 0;
    expect(await as(org, org.maria.id).notifications.markRead({ ids: [theirId] })).toEqual({ marked: 0 });
    expect((await as(org, org.conor.id).notifications.list()).unread).toBe(1);
    expect(await as(org, org.conor.id).notifications.markRead({})).toEqual({ marked: 1 });
    expect((await as(org, org.conor.id).notifications.list()).unread).toBe(0);
  });
});
