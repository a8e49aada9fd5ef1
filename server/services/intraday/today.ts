/**
 * The Today page: the organisation's current local day, per interval and channel, with the
 * actuals so far against the stored forecast, the re-forecast of the rest of the day, the
 * staffing it implies against the agents on task in the published roster, and same-day moves
 * (overtime, early finishes) for named people. A read: it writes nothing.
 */
import { DateTime } from "luxon";
import { coverageFromShifts } from "@/server/domain/coverage/coverage-from-shifts";
import { suggestIntradayMoves, type IntradayMove } from "@/server/domain/coverage/intraday-moves";
import { projectCoverage } from "@/server/domain/coverage/project-coverage";
import { describeDay, reforecastDay, summariseDay, type IntervalPhase, type ReforecastDay } from "@/server/domain/forecast/intraday";
import type { TRosterProblem } from "@/server/domain/roster/problem";
import { computeStaffingRequirements, type ForecastInterval } from "@/server/domain/staffing";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import * as orgRepo from "@/server/repositories/org-repository";
import * as rosterRepo from "@/server/repositories/roster-repository";
import * as staffingRepo from "@/server/repositories/staffing-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { visiblePersonIds } from "@/server/services/coverage/scope";
import { channelSettingsFrom } from "@/server/services/engine-input/channels";
import { personKey, toResultShift } from "@/server/services/engine-input/keys";
import { loadChannelDemand } from "@/server/services/engine-input/requirements";
import { loadRosterProblem } from "@/server/services/engine-input/roster-problem";

/** One channel in one interval of today. */
export interface TodayChannelInterval {
  channelId: string;
  actual: number | null;
  forecast: number;
  /** Current and future intervals only. */
  reforecast: number | null;
  /** Agents to schedule for the re-forecast (after shrinkage). */
  required: number;
  /** Agents on task working this channel (the on-task agents shared as the coverage model shares them). */
  onTask: number;
}

export interface TodayInterval {
  startMs: number;
  phase: IntervalPhase;
  /** Sum over channels; null when no channel has an actual yet. */
  actual: number | null;
  forecast: number;
  reforecast: number | null;
  required: number;
  onTask: number;
  /** onTask − required: negative is short. */
  gap: number;
  /** Projected service level of the live channels at the agents on task; null without live contacts. */
  serviceLevel: number | null;
  channels: TodayChannelInterval[];
}

export interface TodayChannel {
  key: string;
  name: string;
  kind: string;
  runningRatio: number | null;
  appliedRatio: number;
  weight: number;
  evidenceMinutes: number;
}

export interface Today {
  day: { date: string; zone: string; startMs: number; endMs: number; intervalMinutes: number; nowMs: number };
  /** Whether the day has stored requirements (a forecast); without one there is nothing to compare. */
  hasForecast: boolean;
  roster: { id: number; name: string } | null;
  summary: { runningRatio: number | null; remainingRatio: number | null; sentence: string };
  channels: TodayChannel[];
  intervals: TodayInterval[];
  moves: IntradayMove[];
  notes: string[];
}

/**
 * Today in the organisation's zone at `now`: per interval and channel the actual, the forecast
 * and the re-forecast (see server/domain/forecast/intraday.ts), the agents the re-forecast needs
 * with the channels' own settings, the agents on task in the published roster and the gap, and
 * moves that keep every rule. Complete intervals are restaffed on their actuals, so deferred
 * channels carry the day's real backlog. A lead is offered moves for their teams' people only.
 */
export function getToday(db: Store, actor: Actor, now: Date): Today {
  const settings = orgRepo.getSettings(db);
  const zone = settings.timeZone;
  const intervalMinutes = settings.intervalMinutes;
  const intervalMs = intervalMinutes * 60_000;
  const dayStart = DateTime.fromJSDate(now, { zone }).startOf("day");
  const dayEnd = dayStart.plus({ days: 1 });
  const startMs = dayStart.toMillis();
  const endMs = dayEnd.toMillis();
  // A local day is 23, 24 or 25 hours: its own count of intervals.
  const count = Math.round((endMs - startMs) / intervalMs);
  const grid = { startMs, intervalMinutes, intervalCount: count };
  const nowMs = now.getTime();
  const notes: string[] = [];

  const channelRows = orgRepo.listChannels(db);
  const channelSettings = channelRows.map(channelSettingsFrom);
  // Two days of demand from local midnight cover a 25-hour day; the grid keeps today's slots.
  const stored = loadChannelDemand(db, channelRows, { periodStart: dayStart.toJSDate(), days: 2 }, intervalMinutes).demand;
  const hasForecast = staffingRepo.listRequirements(db, dayStart.toJSDate(), dayEnd.toJSDate()).length > 0;
  if (!hasForecast) notes.push("Today has no stored forecast: forecast this week on the Staffing page to compare against it.");
  const actualAt = new Map<string, number>();
  for (const row of staffingRepo.listHistory(db, dayStart.toJSDate(), dayEnd.toJSDate())) {
    actualAt.set(`${row.channelKey}\u0000${Math.round((row.intervalStart.getTime() - startMs) / intervalMs)}`, row.contacts);
  }

  const days: ReforecastDay[] = stored.map((d) =>
    reforecastDay({
      intervalMinutes,
      nowMs,
      intervals: Array.from({ length: count }, (_, i) => ({
        startMs: startMs + i * intervalMs,
        forecastContacts: d.contacts[i] ?? 0,
        actualContacts: actualAt.get(`${d.channelId}\u0000${i}`) ?? null,
      })),
    }),
  );

  // Restaff the day as it now looks: actuals where complete, the re-forecast for the rest.
  const forecast: ForecastInterval[] = stored.flatMap((d, c) =>
    (days[c]?.intervals ?? []).map((iv, i) => ({
      startsAt: new Date(iv.startMs).toISOString(),
      channelId: d.channelId,
      contacts: iv.expectedContacts,
      ahtSeconds: d.ahtSeconds[i] ?? null,
    })),
  );
  let requiredByChannel: number[][] = stored.map(() => new Array<number>(count).fill(0));
  try {
    const staffed = computeStaffingRequirements({ intervalMinutes, channels: channelSettings, forecast });
    requiredByChannel = stored.map((d) => staffed.intervals.slice(0, count).map((iv) => iv.channels.find((c) => c.channelId === d.channelId)?.agentsWithShrinkage ?? 0));
  } catch (error) {
    const e = error as { field?: string; message?: string };
    throw new AppError("INVALID_INPUT", { field: e.field ?? "channels", message: e.message ?? "The channels' settings cannot be staffed" });
  }

  // The published roster covering now, and the agents on task it gives.
  const roster = rosterRepo
    .listRosters(db)
    .find((r) => r.status === "published" && r.periodStart.getTime() <= nowMs && nowMs < r.periodStart.getTime() + r.days * 86_400_000);
  if (!roster) notes.push("No published roster covers today: nobody is on task.");
  const people = orgRepo.listPeople(db);
  const roleOf = new Map(people.map((p) => [p.id, p.role]));
  const shiftRows = roster ? rosterRepo.listShiftsWithBreaks(db, roster.id).filter((s) => s.personId !== null) : [];
  const onTask = coverageFromShifts(
    grid,
    shiftRows.map((s) => ({
      role: roleOf.get(s.personId ?? 0) === "lead" ? ("lead" as const) : ("agent" as const),
      startMs: s.startsAt.getTime(),
      endMs: s.endsAt.getTime(),
      breaks: s.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })),
    })),
  ).agentsOnTask;
  const projected = projectCoverage({
    startMs,
    intervalMinutes,
    channels: channelSettings,
    demand: stored.map((d, c) => ({
      channelId: d.channelId,
      contacts: (days[c]?.intervals ?? []).map((iv) => iv.expectedContacts),
      ahtSeconds: d.ahtSeconds.slice(0, count),
      requiredAgents: requiredByChannel[c] ?? [],
    })),
    scheduledAgents: onTask,
  }).intervals;

  const intervals: TodayInterval[] = Array.from({ length: count }, (_, i) => {
    const channels = stored.map((d, c): TodayChannelInterval => {
      const iv = days[c]?.intervals[i];
      return {
        channelId: d.channelId,
        actual: iv?.actualContacts ?? null,
        forecast: iv?.forecastContacts ?? 0,
        reforecast: iv?.reforecastContacts ?? null,
        required: requiredByChannel[c]?.[i] ?? 0,
        onTask: projected[i]?.channels.find((p) => p.channelId === d.channelId)?.allocated ?? 0,
      };
    });
    const sum = (pick: (c: TodayChannelInterval) => number) => channels.reduce((total, c) => total + pick(c), 0);
    const required = sum((c) => c.required);
    const agents = onTask[i] ?? 0;
    const phase = days[0]?.intervals[i]?.phase ?? (startMs + (i + 1) * intervalMs <= nowMs ? "complete" : startMs + i * intervalMs <= nowMs ? "current" : "future");
    return {
      startMs: startMs + i * intervalMs,
      phase,
      actual: channels.some((c) => c.actual !== null) ? sum((c) => c.actual ?? 0) : null,
      forecast: sum((c) => c.forecast),
      reforecast: phase === "complete" ? null : sum((c) => c.reforecast ?? 0),
      required,
      onTask: agents,
      gap: Math.round((agents - required) * 1e9) / 1e9,
      serviceLevel: projected[i]?.serviceLevel ?? null,
      channels,
    };
  });

  const moves = roster && hasForecast ? suggestMoves(db, actor, roster, shiftRows, grid, intervals, nowMs, people, notes) : [];
  const summary = summariseDay(days);
  return {
    day: { date: dayStart.toISODate() ?? "", zone, startMs, endMs, intervalMinutes, nowMs },
    hasForecast,
    roster: roster ? { id: roster.id, name: roster.name } : null,
    summary: { ...summary, sentence: describeDay(summary) },
    channels: channelRows.map((row, c) => ({
      key: row.key,
      name: row.name,
      kind: row.kind,
      runningRatio: days[c]?.runningRatio ?? null,
      appliedRatio: days[c]?.appliedRatio ?? 1,
      weight: days[c]?.weight ?? 0,
      evidenceMinutes: days[c]?.evidenceMinutes ?? 0,
    })),
    intervals,
    moves,
    notes,
  };
}

/** Overtime and early finishes from now on, re-checked against the roster's own problem. */
function suggestMoves(
  db: Store,
  actor: Actor,
  roster: rosterRepo.RosterRecord,
  shiftRows: readonly rosterRepo.ShiftWithBreaks[],
  grid: { startMs: number; intervalMinutes: number; intervalCount: number },
  intervals: readonly TodayInterval[],
  nowMs: number,
  people: readonly orgRepo.PersonRow[],
  notes: string[],
): IntradayMove[] {
  let problem: TRosterProblem;
  try {
    problem = loadRosterProblem(db, { periodStart: roster.periodStart, days: roster.days });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    notes.push(`No overtime or early finishes: the roster's rules could not be loaded (${error.message}).`);
    return [];
  }
  const regionZone = new Map(orgRepo.listRegions(db).map((r) => [r.id, r.timeZone]));
  const visible = visiblePersonIds(db, actor);
  // Only the caller's people are candidates, so a lead is offered moves they can make.
  return suggestIntradayMoves({
    problem,
    shifts: shiftRows.filter((s) => visible === "all" || visible.has(s.personId ?? 0)).map(toResultShift),
    grid,
    // Complete intervals are history: no move can change them.
    gapAgents: intervals.map((iv) => (iv.phase === "complete" ? 0 : iv.gap)),
    nowMs,
    people: new Map(people.map((p) => [personKey(p.id), { name: p.name, timeZone: p.timeZone ?? regionZone.get(p.regionId) ?? "UTC" }])),
    maxMoves: 12,
  });
}
