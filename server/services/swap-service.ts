/**
 * Shift swaps, offers and drops between colleagues, with lead approval.
 *
 * Life cycle: server/domain/swaps/state-machine.ts. Rules: the roster engine's checker
 * (`checkRoster`) run on the published roster as it would be after the move, for the people
 * involved, plus the swap rules in server/domain/swaps/eligibility.ts (live-channel skills, lead
 * span, rest against neighbouring rosters). Checks run when a request is made, when it is accepted
 * and again just before approval, against the roster as it is then.
 *
 * Who may do what (checked here, before any write):
 * - an agent or lead acts only on their own shifts, and only with people of their own team;
 * - the counterpart of a request (or, for an open offer, an eligible teammate) accepts or declines;
 * - a lead approves or rejects requests that involve a member of a team they lead, never their own;
 *   managers decide any request.
 * Both shifts must be in the same published roster; a shift is only ever worked by someone of its
 * region (the checker's region rule, with the working window in that region's zone).
 *
 * Accepting is one conditional UPDATE … WHERE status = 'pending' in a transaction: when two
 * colleagues accept the same offer at once exactly one row changes, and the other is told.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import { requirements, rosters, shifts, swapRequests } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { coverageFromShifts, type CoverageGrid } from "@/server/domain/coverage/coverage-from-shifts";
import { projectCoverage } from "@/server/domain/coverage/project-coverage";
import { checkShifts } from "@/server/domain/roster/check-shifts";
import type { TRosterProblem } from "@/server/domain/roster/problem";
import {
  describeRosterViolation,
  intervalIndexesOf,
  leadSpanBreaches,
  localLabel,
  missingLiveSkills,
  restAcrossRosters,
  LIVE_CHANNEL_KINDS,
} from "@/server/domain/swaps/eligibility";
import { nextSwapStatus, refusalMessage, statusesAllowing, type SwapAction, type SwapKind } from "@/server/domain/swaps/state-machine";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as rosterRepo from "@/server/repositories/roster-repository";
import * as repo from "@/server/repositories/swap-repository";
import { writeAudit } from "@/server/repositories/audit-repository";
import { idOf, personKey, toResultShift } from "./engine-input/keys";
import { channelSettingsFrom } from "./engine-input/channels";
import { loadOrgSnapshot, nameOf, zoneOf, type OrgSnapshot } from "./engine-input/org-snapshot";
import { loadRosterProblem, LEAD_SPAN } from "./engine-input/roster-problem";
import { describeShift, involvedIds } from "./swaps/follow-ups";
import { addNotifications as notify, type NewNotification } from "@/server/repositories/notification-repository";

/** A published shift changing hands: to another person, or to nobody (a drop). */
export interface ShiftMove {
  shiftId: number;
  toPersonId: number | null;
}

// ——— Loading ————————————————————————————————————————————————————————————————————————————

/** The published roster a shift lives in, with everything the checks need. */
interface RosterView {
  rosterId: number;
  shifts: rosterRepo.ShiftWithBreaks[];
  problem: TRosterProblem;
  grid: CoverageGrid;
}

function loadRosterView(db: Queryable, rosterId: number, cache?: Map<number, RosterView>): RosterView {
  const cached = cache?.get(rosterId);
  if (cached) return cached;
  const roster = rosterRepo.getRoster(db, rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  const settings = orgRepo.getSettings(db);
  const problem = loadRosterProblem(db, { periodStart: roster.periodStart, days: roster.days });
  const view: RosterView = {
    rosterId,
    shifts: rosterRepo.listShiftsWithBreaks(db, rosterId),
    problem,
    grid: { startMs: roster.periodStart.getTime(), intervalMinutes: settings.intervalMinutes, intervalCount: (roster.days * 1440) / settings.intervalMinutes },
  };
  cache?.set(rosterId, view);
  return view;
}

/** A shift as the client sees it: instants, names and the region's zone. */
function shiftView(dir: OrgSnapshot, shift: { id: number; personId: number | null; regionId: number; templateId: number | null; startsAt: Date; endsAt: Date; breaks: { startsAt: Date; endsAt: Date }[] }) {
  const region = dir.regions.get(shift.regionId);
  return {
    id: shift.id,
    personId: shift.personId,
    personName: nameOf(dir, shift.personId),
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    templateName: (shift.templateId !== null ? dir.templates.get(shift.templateId)?.name : undefined) ?? "Shift",
    regionName: region?.name ?? "",
    regionZone: region?.timeZone ?? "UTC",
    breaks: shift.breaks.map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })),
  };
}

export type ShiftView = ReturnType<typeof shiftView>;

// ——— Checks ———————————————————————————————————————————————————————————————————————————

function timedShifts(dir: OrgSnapshot, list: readonly rosterRepo.ShiftWithBreaks[]) {
  return list
    .filter((s) => s.personId !== null)
    .map((s) => ({
      role: dir.people.get(s.personId ?? 0)?.role === "lead" ? ("lead" as const) : ("agent" as const),
      startMs: s.startsAt.getTime(),
      endMs: s.endsAt.getTime(),
      breaks: s.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })),
    }));
}

function afterMoves(view: RosterView, moves: readonly ShiftMove[]): rosterRepo.ShiftWithBreaks[] {
  const target = new Map(moves.map((m) => [m.shiftId, m.toPersonId]));
  return view.shifts.map((s) => (target.has(s.id) ? { ...s, personId: target.get(s.id) ?? null } : s));
}

/**
 * Every rule the published roster would break after the moves, for the people involved, in plain
 * words with names and local times. Empty: the moves keep every rule.
 */
export function checkMoves(db: Queryable, view: RosterView, moves: readonly ShiftMove[], dir: OrgSnapshot = loadOrgSnapshot(db)): string[] {
  const problems: string[] = [];
  const byId = new Map(view.shifts.map((s) => [s.id, s]));
  const liveChannelKeys = orgRepo
    .listChannels(db)
    .filter((c) => (LIVE_CHANNEL_KINDS as readonly string[]).includes(c.kind))
    .map((c) => c.key);
  const inProblem = new Set((view.problem.people ?? []).map((p) => p.id));
  const touched = new Set<string>();
  for (const move of moves) {
    const shift = byId.get(move.shiftId);
    if (!shift) throw new AppError("NOT_FOUND", { message: "Shift not found in its roster" });
    if (shift.personId !== null) touched.add(personKey(shift.personId));
    if (move.toPersonId === null) continue;
    touched.add(personKey(move.toPersonId));
    const taker = dir.people.get(move.toPersonId);
    const giver = shift.personId === null ? undefined : dir.people.get(shift.personId);
    if (!taker || !taker.active || (taker.role !== "agent" && taker.role !== "lead")) {
      problems.push(`${taker?.name ?? "This person"} cannot work shifts`);
      continue;
    }
    if (!inProblem.has(personKey(taker.id))) problems.push(`${taker.name}'s contract has no shift templates, so they cannot take shifts`);
    if (giver) {
      const missing = missingLiveSkills({ giverSkills: giver.skills, takerSkills: taker.skills, liveChannelKeys });
      if (missing.length > 0) {
        problems.push(`${taker.name} lacks ${missing.join(" and ")}, which ${giver.name} covers on the ${localLabel(shift.startsAt.getTime(), zoneOf(dir, taker.id))} shift`);
      }
    }
    // Neighbouring rosters: the checker sees this roster only.
    const margin = 2 * 86_400_000;
    const others = repo
      .listPublishedShifts(db, [taker.id], new Date(shift.startsAt.getTime() - margin), new Date(shift.endsAt.getTime() + margin))
      .filter((s) => s.rosterId !== view.rosterId)
      .map((s) => ({ startMs: s.startsAt.getTime(), endMs: s.endsAt.getTime() }));
    problems.push(
      ...restAcrossRosters({ name: taker.name, zone: zoneOf(dir, taker.id), minRestMinutes: taker.minRestMinutes, taken: { startMs: shift.startsAt.getTime(), endMs: shift.endsAt.getTime() }, others }),
    );
  }

  const after = afterMoves(view, moves);
  const assigned = after.filter((s) => s.personId !== null && inProblem.has(personKey(s.personId)));
  const moved = new Set(moves.map((m) => m.shiftId));
  const movedIndexes = new Set(assigned.flatMap((s, i) => (moved.has(s.id) ? [i] : [])));
  const describe = {
    personName: (key: string) => nameOf(dir, idOf(key)),
    personZone: (key: string) => zoneOf(dir, idOf(key)),
    regionName: (key: string) => dir.regions.get(idOf(key))?.name ?? key,
    templateName: (key: string) => dir.templates.get(idOf(key))?.name ?? key,
  };
  for (const violation of checkShifts(view.problem, assigned.map(toResultShift))) {
    const involved = violation.personId ? touched.has(violation.personId) : violation.shiftIndex !== undefined && movedIndexes.has(violation.shiftIndex);
    if (involved) problems.push(describeRosterViolation(violation, describe));
  }

  // Lead span over the intervals the moved shifts touch.
  const intervals = moves.flatMap((m) => {
    const s = byId.get(m.shiftId);
    return s ? intervalIndexesOf(view.grid, s.startsAt.getTime(), s.endsAt.getTime()) : [];
  });
  const before = coverageFromShifts(view.grid, timedShifts(dir, view.shifts));
  const afterCoverage = coverageFromShifts(view.grid, timedShifts(dir, after));
  const breaches = leadSpanBreaches({ startMs: view.grid.startMs, intervalMinutes: view.grid.intervalMinutes, spanMax: LEAD_SPAN.max, intervalIndexes: intervals, before, after: afterCoverage });
  const firstMoved = byId.get(moves[0]?.shiftId ?? -1);
  const spanZone = dir.regions.get(firstMoved?.regionId ?? -1)?.timeZone ?? "UTC";
  for (const breach of breaches.slice(0, 3)) {
    problems.push(
      `At ${localLabel(breach.startMs, spanZone)} there would be ${breach.leadsOnDuty} lead(s) on duty for ${Math.round(breach.agentsOnTask)} agents on task; ${breach.leadsNeeded} needed (one lead per ${LEAD_SPAN.max} agents)`,
    );
  }
  if (breaches.length > 3) problems.push(`…and ${breaches.length - 3} more intervals short of leads`);
  return [...new Set(problems)];
}

/** The moves a request makes when approved. */
function movesOf(request: Pick<repo.SwapRow, "kind" | "shiftId" | "counterpartId" | "counterpartShiftId" | "requesterId">, takerId: number | null): ShiftMove[] {
  if (request.kind === "drop") return [{ shiftId: request.shiftId, toPersonId: null }];
  if (request.kind === "offer") return [{ shiftId: request.shiftId, toPersonId: takerId }];
  return [
    { shiftId: request.shiftId, toPersonId: takerId },
    ...(request.counterpartShiftId !== null ? [{ shiftId: request.counterpartShiftId, toPersonId: request.requesterId }] : []),
  ];
}

// ——— Coverage change ——————————————————————————————————————————————————————————————————

export interface CoverageChangeInterval {
  startMs: number;
  required: number;
  scheduledBefore: number;
  scheduledAfter: number;
  serviceLevelBefore: number | null;
  serviceLevelAfter: number | null;
  asaSecondsBefore: number | null;
  asaSecondsAfter: number | null;
}

/**
 * Projected service before and after the moves for the intervals the moved shifts cover (all
 * regions' agents on task against the organisation's stored requirements). `worse` is true when
 * any interval loses service level or on-task agents.
 */
function coverageChange(db: Queryable, view: RosterView, moves: readonly ShiftMove[], dir: OrgSnapshot) {
  const byId = new Map(view.shifts.map((s) => [s.id, s]));
  const indexes = [
    ...new Set(
      moves.flatMap((m) => {
        const s = byId.get(m.shiftId);
        return s ? intervalIndexesOf(view.grid, s.startsAt.getTime(), s.endsAt.getTime()) : [];
      }),
    ),
  ].sort((a, b) => a - b);
  const before = coverageFromShifts(view.grid, timedShifts(dir, view.shifts)).agentsOnTask;
  const after = coverageFromShifts(view.grid, timedShifts(dir, afterMoves(view, moves))).agentsOnTask;
  const channels = orgRepo.listChannels(db).map(channelSettingsFrom);
  const intervalMs = view.grid.intervalMinutes * 60_000;
  const out: CoverageChangeInterval[] = [];
  // Contiguous blocks, so deferred channels carry their backlog through each block.
  const blocks: number[][] = [];
  for (const i of indexes) {
    const last = blocks.at(-1);
    if (last && last.at(-1) === i - 1) last.push(i);
    else blocks.push([i]);
  }
  for (const block of blocks) {
    const first = block[0] ?? 0;
    const startMs = view.grid.startMs + first * intervalMs;
    const endMs = startMs + block.length * intervalMs;
    const rows = db
      .select()
      .from(requirements)
      .where(and(inArray(requirements.channelKey, channels.map((c) => c.channelId)), inArray(requirements.intervalStart, block.map((i) => new Date(view.grid.startMs + i * intervalMs)))))
      .all();
    const demand = channels.map((c) => {
      const contacts = new Array<number>(block.length).fill(0);
      const ahtSeconds = new Array<number>(block.length).fill(c.ahtSeconds);
      const requiredAgents = new Array<number>(block.length).fill(0);
      for (const row of rows) {
        if (row.channelKey !== c.channelId) continue;
        const k = Math.round((row.intervalStart.getTime() - startMs) / intervalMs);
        if (k < 0 || k >= block.length || row.intervalStart.getTime() >= endMs) continue;
        contacts[k] = row.contacts;
        ahtSeconds[k] = row.ahtSeconds;
        requiredAgents[k] = row.agentsWithShrinkage;
      }
      return { channelId: c.channelId, contacts, ahtSeconds, requiredAgents };
    });
    const project = (scheduled: number[]) =>
      projectCoverage({ startMs, intervalMinutes: view.grid.intervalMinutes, channels, demand, scheduledAgents: block.map((i) => scheduled[i] ?? 0) }).intervals;
    const b = project(before);
    const a = project(after);
    b.forEach((iv, k) => {
      const next = a[k];
      out.push({
        startMs: iv.startMs,
        required: iv.required,
        scheduledBefore: iv.scheduled,
        scheduledAfter: next?.scheduled ?? iv.scheduled,
        serviceLevelBefore: iv.serviceLevel,
        serviceLevelAfter: next?.serviceLevel ?? null,
        asaSecondsBefore: iv.asaSeconds,
        asaSecondsAfter: next?.asaSeconds ?? null,
      });
    });
  }
  const worse = out.some((iv) => iv.scheduledAfter < iv.scheduledBefore - 1e-9 || (iv.serviceLevelBefore ?? 1) - (iv.serviceLevelAfter ?? 1) > 1e-9);
  const changed = out.filter((iv) => Math.abs(iv.scheduledAfter - iv.scheduledBefore) > 1e-9);
  return { intervals: out, worse, changedIntervals: changed.length };
}

// ——— Authority —————————————————————————————————————————————————————————————————————————

function teammatesOf(dir: OrgSnapshot, personId: number): orgRepo.PersonRow[] {
  const me = dir.people.get(personId);
  if (!me || me.teamId === null) return [];
  return [...dir.people.values()].filter((p) => p.teamId === me.teamId && p.id !== personId && p.active && (p.role === "agent" || p.role === "lead"));
}

function sameTeam(dir: OrgSnapshot, a: number, b: number): boolean {
  const teamA = dir.people.get(a)?.teamId ?? null;
  return teamA !== null && teamA === (dir.people.get(b)?.teamId ?? null);
}


/** A lead decides requests involving a member of a team they lead (never their own); managers decide all. */
function mayDecide(dir: OrgSnapshot, actor: Actor, request: Pick<repo.SwapRow, "requesterId" | "counterpartId">): boolean {
  if (actor.role === "manager") return true;
  if (actor.role !== "lead") return false;
  const people = involvedIds(request);
  if (people.includes(actor.id)) return false;
  return people.some((id) => {
    const teamId = dir.people.get(id)?.teamId ?? null;
    return teamId !== null && dir.teamLeads.get(teamId) === actor.id;
  });
}

/** Who is told a request waits for a decision: the leads of the teams involved (managers if none). */
function approversOf(dir: OrgSnapshot, request: Pick<repo.SwapRow, "requesterId" | "counterpartId">): number[] {
  const people = involvedIds(request);
  const leads = people
    .map((id) => dir.teamLeads.get(dir.people.get(id)?.teamId ?? -1) ?? null)
    .filter((id): id is number => id !== null && !people.includes(id));
  if (leads.length > 0) return [...new Set(leads)];
  return [...dir.people.values()].filter((p) => p.role === "manager" && p.active).map((p) => p.id);
}

// ——— Shared steps —————————————————————————————————————————————————————————————————————

/** Expires requests whose shifts have started and tells the people involved. One transaction. */
export function expireDueRequests(db: Db, now: Date): number {
  return db.transaction((tx) => {
    const expired = repo.expireStarted(tx, now);
    if (expired.length === 0) return 0;
    const dir = loadOrgSnapshot(tx);
    notify(
      tx,
      expired.flatMap((r) => involvedIds(r).map((personId) => ({ personId, kind: "swap.expired" as const, message: `${r.kind[0]?.toUpperCase()}${r.kind.slice(1)} request #${r.id} from ${nameOf(dir, r.requesterId)} expired: the shift started before it was settled.`, link: "/me" }))),
      now,
    );
    for (const r of expired) writeAudit(tx, { actorId: null, action: "swap.expire", entity: "swap_request", entityId: r.id, at: now });
    return expired.length;
  });
}

function requireRequest(db: Queryable, id: number): repo.SwapRow {
  const request = repo.getRequest(db, id);
  if (!request) throw new AppError("NOT_FOUND", { message: "Request not found" });
  return request;
}

function requireTransition(request: repo.SwapRow, action: SwapAction) {
  const to = nextSwapStatus(request.kind, request.status, action);
  if (to === null) throw new AppError("CONFLICT", { message: refusalMessage(action, request.status, request.kind) });
  return to;
}

/** A shift the requester may still trade: published, theirs, not started. */
function requireOwnOpenShift(db: Queryable, shiftId: number, personId: number, now: Date, field: string, own: boolean) {
  const shift = repo.getShiftWithRoster(db, shiftId);
  // Another person's shift outside the requester's reach is reported as missing, not described.
  if (!shift || shift.rosterStatus !== "published") throw new AppError("NOT_FOUND", { field, message: "Shift not found in a published roster" });
  if (shift.personId !== personId) {
    throw new AppError(own ? "FORBIDDEN" : "INVALID_INPUT", { field, message: own ? "You can only trade your own shifts." : "That shift is not this colleague's." });
  }
  if (shift.startsAt.getTime() <= now.getTime()) throw new AppError("CONFLICT", { field, message: "This shift has already started." });
  return shift;
}


// ——— Use cases —————————————————————————————————————————————————————————————————————————

export interface CreateSwapInput {
  kind: SwapKind;
  shiftId: number;
  counterpartId?: number | undefined;
  counterpartShiftId?: number | undefined;
  note?: string | undefined;
}

/** Makes a request after checking ownership, the team and every rule on both sides. One transaction. */
export function createSwapRequest(db: Db, actor: Actor, input: CreateSwapInput, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const shift = requireOwnOpenShift(db, input.shiftId, actor.id, now, "shiftId", true);
  let counterpartShift: repo.ShiftWithRoster | undefined;
  if (input.kind === "swap") {
    if (input.counterpartId === undefined || input.counterpartShiftId === undefined) {
      throw new AppError("INVALID_INPUT", { field: "counterpartShiftId", message: "Pick the colleague's shift to swap with." });
    }
  }
  if (input.kind === "drop" && (input.counterpartId !== undefined || input.counterpartShiftId !== undefined)) {
    throw new AppError("INVALID_INPUT", { field: "counterpartId", message: "A drop has no counterpart." });
  }
  if (input.kind === "offer" && input.counterpartShiftId !== undefined) {
    throw new AppError("INVALID_INPUT", { field: "counterpartShiftId", message: "An offer gives a shift away; use a swap to trade shifts." });
  }
  if (input.counterpartId !== undefined) {
    if (input.counterpartId === actor.id) throw new AppError("INVALID_INPUT", { field: "counterpartId", message: "Pick a colleague, not yourself." });
    if (!sameTeam(dir, actor.id, input.counterpartId)) throw new AppError("FORBIDDEN", { field: "counterpartId", message: "You can only swap or offer shifts within your own team." });
  }
  if (input.kind === "swap" && input.counterpartShiftId !== undefined && input.counterpartId !== undefined) {
    counterpartShift = requireOwnOpenShift(db, input.counterpartShiftId, input.counterpartId, now, "counterpartShiftId", false);
    if (counterpartShift.rosterId !== shift.rosterId) {
      throw new AppError("INVALID_INPUT", { field: "counterpartShiftId", message: "Both shifts must be in the same published roster week." });
    }
  }
  const busy = repo.listOpenForShifts(db, [shift.id, ...(counterpartShift ? [counterpartShift.id] : [])]);
  if (busy.length > 0) throw new AppError("CONFLICT", { field: "shiftId", message: `This shift is already in an open request (#${busy[0]?.id}). Cancel that one first.` });

  const view = loadRosterView(db, shift.rosterId);
  const request = { kind: input.kind, shiftId: shift.id, counterpartId: input.counterpartId ?? null, counterpartShiftId: counterpartShift?.id ?? null, requesterId: actor.id };
  let recipients: number[] = [];
  if (input.kind === "offer" && input.counterpartId === undefined) {
    // An open offer needs at least one teammate who could take it.
    const candidates = teammatesOf(dir, actor.id).map((p) => ({ person: p, problems: checkMoves(db, view, movesOf(request, p.id), dir) }));
    recipients = candidates.filter((c) => c.problems.length === 0).map((c) => c.person.id);
    if (recipients.length === 0) {
      const reasons = candidates.slice(0, 3).map((c) => c.problems[0] ?? "");
      throw new AppError("CONFLICT", { field: "shiftId", message: `No one in your team can take this shift. ${reasons.filter(Boolean).join("; ")}` });
    }
  } else {
    const problems = checkMoves(db, view, movesOf(request, input.counterpartId ?? null), dir);
    if (problems.length > 0) throw new AppError("CONFLICT", { field: input.kind === "swap" ? "counterpartShiftId" : "shiftId", message: `This request breaks a rule: ${problems.join("; ")}` });
    if (input.counterpartId !== undefined) recipients = [input.counterpartId];
  }

  return db.transaction((tx) => {
    // Re-checked inside the transaction: two requests for the same shift cannot both be made.
    if (repo.listOpenForShifts(tx, [shift.id, ...(counterpartShift ? [counterpartShift.id] : [])]).length > 0) {
      throw new AppError("CONFLICT", { field: "shiftId", message: "This shift is already in an open request." });
    }
    const row = tx
      .insert(swapRequests)
      .values({ ...request, status: "pending", createdAt: now, note: input.note?.trim() || null })
      .returning()
      .get();
    const when = describeShift(dir, shift, actor.id);
    const messages: NewNotification[] =
      input.kind === "drop"
        ? approversOf(dir, row).map((personId) => ({ personId, kind: "swap.approve", message: `${actor.name} asks to drop the ${when} shift.`, link: "/approvals" }))
        : recipients.map((personId) => ({
            personId,
            kind: "swap.request",
            message:
              input.kind === "swap" && counterpartShift
                ? `${actor.name} asks to swap their ${describeShift(dir, shift, personId)} shift for your ${describeShift(dir, counterpartShift, personId)} shift.`
                : `${actor.name} offers you their ${describeShift(dir, shift, personId)} shift.`,
            link: "/me",
          }));
    notify(tx, messages, now);
    writeAudit(tx, { actorId: actor.id, action: "swap.create", entity: "swap_request", entityId: row.id, details: { ...request }, at: now });
    return { id: row.id, status: row.status };
  });
}

/**
 * The counterpart (or, for an open offer, an eligible teammate) accepts. Rules are checked for the
 * taker first; the status moves with one conditional UPDATE so only one of two racing accepts wins.
 */
export function acceptSwapRequest(db: Db, actor: Actor, input: { requestId: number }, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  // A teammate who lost the race to an open offer is told who won (the counterpart is set once accepted).
  if (request.status === "accepted" && request.counterpartId !== actor.id && request.requesterId !== actor.id && sameTeam(dir, actor.id, request.requesterId)) {
    throw new AppError("CONFLICT", { message: `${nameOf(dir, request.counterpartId)} accepted this offer first; it is no longer open.` });
  }
  if (request.counterpartId !== null ? request.counterpartId !== actor.id : !sameTeam(dir, actor.id, request.requesterId) || request.requesterId === actor.id) {
    throw new AppError("FORBIDDEN", { message: "This request is not addressed to you." });
  }
  requireTransition(request, "accept");
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift || shift.personId !== request.requesterId) throw new AppError("CONFLICT", { message: "The shift has changed since the request was made." });
  const problems = checkMoves(db, loadRosterView(db, shift.rosterId), movesOf(request, actor.id), dir);
  if (problems.length > 0) throw new AppError("CONFLICT", { message: `You cannot take this shift: ${problems.join("; ")}` });

  const accepted = db.transaction((tx) => {
    const changed = tx
      .update(swapRequests)
      .set({ status: "accepted", counterpartId: actor.id, acceptedAt: now })
      .where(and(eq(swapRequests.id, request.id), inArray(swapRequests.status, statusesAllowing(request.kind, "accept")), request.counterpartId === null ? undefined : eq(swapRequests.counterpartId, actor.id)))
      .run().changes;
    if (changed !== 1) {
      const winner = repo.getRequest(tx, request.id);
      throw new AppError("CONFLICT", {
        message: winner?.status === "accepted" ? `${nameOf(dir, winner.counterpartId)} accepted this offer first; it is no longer open.` : `This request is now ${winner?.status ?? "gone"}; it cannot be accepted.`,
      });
    }
    const accepted = { ...request, counterpartId: actor.id };
    notify(
      tx,
      [
        { personId: request.requesterId, kind: "swap.accepted", message: `${actor.name} accepted your ${request.kind} of the ${describeShift(dir, shift, request.requesterId)} shift; it now waits for a lead.`, link: "/me" },
        ...approversOf(dir, accepted).map((personId) => ({
          personId,
          kind: "swap.approve" as const,
          message: `${nameOf(dir, request.requesterId)} → ${actor.name}: ${request.kind} of the ${describeShift(dir, shift, personId)} shift waits for your approval.`,
          link: "/approvals",
        })),
      ],
      now,
    );
    writeAudit(tx, { actorId: actor.id, action: "swap.accept", entity: "swap_request", entityId: request.id, at: now });
    return { id: request.id, status: "accepted" as const, autoApproved: false };
  });
  return tryAutoApprove(db, request.id, now) ?? accepted;
}

/**
 * A team may approve accepted swaps automatically: only when both people are in teams that
 * opted in, every rule check passes again, and no affected interval loses agents or projected
 * service level. Otherwise the request waits for a lead as usual.
 */
function tryAutoApprove(db: Db, requestId: number, now: Date) {
  const dir = loadOrgSnapshot(db);
  const request = repo.getRequest(db, requestId);
  if (!request || request.status !== "accepted" || request.counterpartId === null) return null;
  const teams = involvedIds(request).map((id) => dir.people.get(id)?.teamId ?? null);
  if (!teams.every((t) => t !== null && dir.autoApproveTeams.has(t))) return null;
  if (stalenessProblems(db, dir, request).length > 0) return null;
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift) return null;
  const moves = movesOf(request, request.counterpartId);
  const view = loadRosterView(db, shift.rosterId);
  if (checkMoves(db, view, moves, dir).length > 0) return null;
  if (coverageChange(db, view, moves, dir).worse) return null;
  applyApproval(db, dir, request, shift, moves, null, now);
  return { id: request.id, status: "approved" as const, autoApproved: true };
}

/** The counterpart declines. A directed request closes; an open offer stays open for the rest of the team. */
export function declineSwapRequest(db: Db, actor: Actor, input: { requestId: number }, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  const openOffer = request.kind === "offer" && request.counterpartId === null;
  if (openOffer ? !sameTeam(dir, actor.id, request.requesterId) || request.requesterId === actor.id : request.counterpartId !== actor.id) {
    throw new AppError("FORBIDDEN", { message: "This request is not addressed to you." });
  }
  requireTransition(request, "decline");
  return db.transaction((tx) => {
    if (openOffer) {
      writeAudit(tx, { actorId: actor.id, action: "swap.decline", entity: "swap_request", entityId: request.id, details: { openOffer: true }, at: now });
      return { id: request.id, status: "pending" as const };
    }
    const changed = tx
      .update(swapRequests)
      .set({ status: "rejected", closedReason: `Declined by ${actor.name}.`, decidedAt: now })
      .where(and(eq(swapRequests.id, request.id), eq(swapRequests.status, "pending"), eq(swapRequests.counterpartId, actor.id)))
      .run().changes;
    if (changed !== 1) throw new AppError("CONFLICT", { message: "This request changed meanwhile; it cannot be declined." });
    notify(tx, [{ personId: request.requesterId, kind: "swap.declined", message: `${actor.name} declined your ${request.kind} request #${request.id}.`, link: "/me" }], now);
    writeAudit(tx, { actorId: actor.id, action: "swap.decline", entity: "swap_request", entityId: request.id, at: now });
    return { id: request.id, status: "rejected" as const };
  });
}

/** The requester withdraws an open request. */
export function cancelSwapRequest(db: Db, actor: Actor, input: { requestId: number }, now: Date) {
  expireDueRequests(db, now);
  const request = requireRequest(db, input.requestId);
  if (request.requesterId !== actor.id) throw new AppError("FORBIDDEN", { message: "Only the person who made a request can cancel it." });
  requireTransition(request, "cancel");
  return db.transaction((tx) => {
    const changed = tx
      .update(swapRequests)
      .set({ status: "cancelled", closedReason: `Cancelled by ${actor.name}.`, decidedAt: now })
      .where(and(eq(swapRequests.id, request.id), eq(swapRequests.requesterId, actor.id), inArray(swapRequests.status, statusesAllowing(request.kind, "cancel"))))
      .run().changes;
    if (changed !== 1) throw new AppError("CONFLICT", { message: "This request changed meanwhile; it cannot be cancelled." });
    if (request.counterpartId !== null) {
      notify(tx, [{ personId: request.counterpartId, kind: "swap.cancelled", message: `${actor.name} cancelled ${request.kind} request #${request.id}.`, link: "/me" }], now);
    }
    writeAudit(tx, { actorId: actor.id, action: "swap.cancel", entity: "swap_request", entityId: request.id, at: now });
    return { id: request.id, status: "cancelled" as const };
  });
}

/** One request with its shifts (instants, names, zones), as lists show it. */
function requestView(db: Queryable, dir: OrgSnapshot, request: repo.SwapRow) {
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  const counterpartShift = request.counterpartShiftId !== null ? repo.getShiftWithRoster(db, request.counterpartShiftId) : undefined;
  const person = (id: number | null) => (id === null ? null : { id, name: nameOf(dir, id), zone: zoneOf(dir, id) });
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    note: request.note,
    createdAt: request.createdAt.toISOString(),
    acceptedAt: request.acceptedAt?.toISOString() ?? null,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decidedBy: request.decidedById !== null ? nameOf(dir, request.decidedById) : null,
    closedReason: request.closedReason,
    requester: person(request.requesterId) ?? { id: 0, name: "", zone: "UTC" },
    counterpart: person(request.counterpartId),
    shift: shift ? shiftView(dir, shift) : null,
    counterpartShift: counterpartShift ? shiftView(dir, counterpartShift) : null,
  };
}

export type SwapRequestView = ReturnType<typeof requestView>;

/** Requests I made or am the counterpart of. */
export function listMySwapRequests(db: Db, actor: Actor, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  return repo.listForPerson(db, actor.id, 50).map((r) => requestView(db, dir, r));
}

/**
 * Requests waiting for my answer: those addressed to me (with any rule they would now break), and
 * open offers from teammates that I am eligible to take and have not declined.
 */
export function listIncomingSwapRequests(db: Db, actor: Actor, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const declined = repo.declinedOfferIds(db, actor.id);
  const cache = new Map<number, RosterView>();
  const out: (SwapRequestView & { problems: string[] })[] = [];
  for (const request of repo.listIncoming(db, actor.id, teammatesOf(dir, actor.id).map((p) => p.id))) {
    if (request.counterpartId === null && declined.has(request.id)) continue;
    const shift = repo.getShiftWithRoster(db, request.shiftId);
    if (!shift) continue;
    const problems = checkMoves(db, loadRosterView(db, shift.rosterId, cache), movesOf(request, actor.id), dir);
    // Open offers are shown only to those who may take them; a request addressed to me always shows, with its problems.
    if (request.counterpartId === null && problems.length > 0) continue;
    out.push({ ...requestView(db, dir, request), problems });
  }
  return out;
}

/** For the create dialogs: teammates' shifts I could swap for, and teammates I could offer to. */
export function listSwapOptions(db: Db, actor: Actor, input: { shiftId: number }, now: Date) {
  const dir = loadOrgSnapshot(db);
  const shift = requireOwnOpenShift(db, input.shiftId, actor.id, now, "shiftId", true);
  const view = loadRosterView(db, shift.rosterId);
  const teammates = teammatesOf(dir, actor.id);
  const teammateIds = new Set(teammates.map((p) => p.id));
  const busy = new Set(repo.listOpenForShifts(db, view.shifts.map((s) => s.id)).flatMap((r) => [r.shiftId, r.counterpartShiftId ?? -1]));
  const swapTargets = view.shifts
    .filter((s) => s.personId !== null && teammateIds.has(s.personId) && s.startsAt.getTime() > now.getTime() && !busy.has(s.id))
    .map((s) => {
      const moves = movesOf({ kind: "swap", shiftId: shift.id, counterpartId: s.personId, counterpartShiftId: s.id, requesterId: actor.id }, s.personId);
      return { shift: shiftView(dir, s), problems: checkMoves(db, view, moves, dir) };
    });
  const offerTargets = teammates.map((p) => ({
    personId: p.id,
    name: p.name,
    problems: checkMoves(db, view, movesOf({ kind: "offer", shiftId: shift.id, counterpartId: p.id, counterpartShiftId: null, requesterId: actor.id }, p.id), dir),
  }));
  return { shift: shiftView(dir, shift), swapTargets, offerTargets };
}

/** The checks and the coverage change of a request, as a lead sees it before deciding. */
function decisionView(db: Queryable, dir: OrgSnapshot, request: repo.SwapRow, cache?: Map<number, RosterView>) {
  const base = requestView(db, dir, request);
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift) return { ...base, problems: ["The shift no longer exists."], coverage: { intervals: [], worse: false, changedIntervals: 0 } };
  const view = loadRosterView(db, shift.rosterId, cache);
  const moves = movesOf(request, request.counterpartId);
  const problems = [...stalenessProblems(db, dir, request), ...checkMoves(db, view, moves, dir)];
  return { ...base, problems, coverage: coverageChange(db, view, moves, dir) };
}

/** The shifts must still belong to the people the request was made for. */
function stalenessProblems(db: Queryable, dir: OrgSnapshot, request: repo.SwapRow): string[] {
  const out: string[] = [];
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift || shift.rosterStatus !== "published" || shift.personId !== request.requesterId) out.push(`${nameOf(dir, request.requesterId)} no longer holds this shift.`);
  if (request.counterpartShiftId !== null) {
    const other = repo.getShiftWithRoster(db, request.counterpartShiftId);
    if (!other || other.rosterStatus !== "published" || other.personId !== request.counterpartId) out.push(`${nameOf(dir, request.counterpartId)} no longer holds the other shift.`);
  }
  return out;
}

/** Requests waiting for the actor's decision: accepted swaps and offers, pending drops, for the teams they lead. */
export function listSwapsForApproval(db: Db, actor: Actor, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const cache = new Map<number, RosterView>();
  return repo
    .listAwaitingDecision(db)
    .filter((r) => mayDecide(dir, actor, r))
    .map((r) => decisionView(db, dir, r, cache));
}

/** Checks and coverage change for one request (leads of the teams involved, managers). */
export function previewSwapRequest(db: Db, actor: Actor, input: { requestId: number }, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  if (!mayDecide(dir, actor, request)) throw new AppError("FORBIDDEN", { message: "You can only review requests for the teams you lead." });
  return decisionView(db, dir, request);
}

/**
 * Approves: re-checks every rule on the roster as it is now, then in one transaction moves the
 * shift(s) to their new person (breaks stay where they are), closes other open requests on those
 * shifts, notifies everyone and writes the audit log. Both calendars change with the roster.
 */
export function approveSwapRequest(db: Db, actor: Actor, input: { requestId: number }, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  if (!mayDecide(dir, actor, request)) throw new AppError("FORBIDDEN", { message: "You can only approve requests for the teams you lead." });
  requireTransition(request, "approve");
  const stale = stalenessProblems(db, dir, request);
  if (stale.length > 0) throw new AppError("CONFLICT", { message: stale.join(" ") });
  const shift = repo.getShiftWithRoster(db, request.shiftId);
  if (!shift) throw new AppError("NOT_FOUND", { message: "Shift not found" });
  const moves = movesOf(request, request.counterpartId);
  const problems = checkMoves(db, loadRosterView(db, shift.rosterId), moves, dir);
  if (problems.length > 0) throw new AppError("CONFLICT", { message: `Cannot approve: ${problems.join("; ")}` });

  return applyApproval(db, dir, request, shift, moves, { id: actor.id, name: actor.name }, now);
}

/**
 * Approves in one transaction: the request, the shifts changing hands (conditional on their
 * current holders), other open requests on those shifts cancelled, notifications, audit.
 * `decider` null is the team's automatic approval.
 */
function applyApproval(
  db: Db,
  dir: OrgSnapshot,
  request: repo.SwapRow,
  shift: NonNullable<ReturnType<typeof repo.getShiftWithRoster>>,
  moves: ShiftMove[],
  decider: { id: number; name: string } | null,
  now: Date,
) {
  return db.transaction((tx) => {
    const changed = tx
      .update(swapRequests)
      .set({ status: "approved", decidedById: decider?.id ?? null, decidedAt: now })
      .where(and(eq(swapRequests.id, request.id), inArray(swapRequests.status, statusesAllowing(request.kind, "approve"))))
      .run().changes;
    if (changed !== 1) throw new AppError("CONFLICT", { message: "This request changed meanwhile; reload and try again." });
    const before = new Map<number, number | null>([[request.shiftId, request.requesterId], ...(request.counterpartShiftId !== null ? [[request.counterpartShiftId, request.counterpartId] as [number, number | null]] : [])]);
    for (const move of moves) {
      const from = before.get(move.shiftId) ?? null;
      // Conditional on the current holder, so a shift never changes hands twice (no double booking).
      const moved = tx
        .update(shifts)
        .set({ personId: move.toPersonId })
        .where(and(eq(shifts.id, move.shiftId), from === null ? undefined : eq(shifts.personId, from)))
        .run().changes;
      if (moved !== 1) throw new AppError("CONFLICT", { message: "A shift changed hands meanwhile; nothing was approved." });
    }
    tx.update(rosters).set({ updatedAt: now }).where(eq(rosters.id, shift.rosterId)).run();
    // Other open requests on these shifts no longer make sense.
    const others = repo.listOpenForShifts(tx, [...before.keys()]).filter((r) => r.id !== request.id);
    if (others.length > 0) {
      tx.update(swapRequests)
        .set({ status: "cancelled", closedReason: "One of its shifts changed hands in another approved request.", decidedAt: now })
        .where(inArray(swapRequests.id, others.map((r) => r.id)))
        .run();
    }
    const what = `${request.kind} of the ${describeShift(dir, shift, request.requesterId)} shift`;
    notify(
      tx,
      [
        ...involvedIds(request).map((personId) => ({ personId, kind: "swap.approved" as const, message: `${decider ? decider.name : "Your team's automatic approval"} approved the ${what}. Your schedule and calendar are updated.`, link: "/me" })),
        ...others.flatMap((r) => involvedIds(r).map((personId) => ({ personId, kind: "swap.cancelled" as const, message: `Request #${r.id} was cancelled: one of its shifts changed hands.`, link: "/me" }))),
      ],
      now,
    );
    writeAudit(tx, {
      actorId: decider?.id ?? null,
      action: decider ? "swap.approve" : "swap.autoApprove",
      entity: "swap_request",
      entityId: request.id,
      details: { kind: request.kind, rosterId: shift.rosterId, moves: moves.map((m) => ({ shiftId: m.shiftId, from: before.get(m.shiftId) ?? null, to: m.toPersonId })), cancelled: others.map((r) => r.id) },
      at: now,
    });
    return { id: request.id, status: "approved" as const };
  });
}

/** Rejects a request waiting for a decision, with an optional reason. */
export function rejectSwapRequest(db: Db, actor: Actor, input: { requestId: number; reason?: string | undefined }, now: Date) {
  expireDueRequests(db, now);
  const dir = loadOrgSnapshot(db);
  const request = requireRequest(db, input.requestId);
  if (!mayDecide(dir, actor, request)) throw new AppError("FORBIDDEN", { message: "You can only reject requests for the teams you lead." });
  requireTransition(request, "reject");
  const reason = input.reason?.trim() || `Rejected by ${actor.name}.`;
  return db.transaction((tx) => {
    const changed = tx
      .update(swapRequests)
      .set({ status: "rejected", decidedById: actor.id, decidedAt: now, closedReason: reason })
      .where(and(eq(swapRequests.id, request.id), inArray(swapRequests.status, statusesAllowing(request.kind, "reject"))))
      .run().changes;
    if (changed !== 1) throw new AppError("CONFLICT", { message: "This request changed meanwhile; reload and try again." });
    notify(tx, involvedIds(request).map((personId) => ({ personId, kind: "swap.rejected" as const, message: `${actor.name} rejected ${request.kind} request #${request.id}: ${reason}`, link: "/me" })), now);
    writeAudit(tx, { actorId: actor.id, action: "swap.reject", entity: "swap_request", entityId: request.id, details: { reason }, at: now });
    return { id: request.id, status: "rejected" as const };
  });
}
