/**
 * What a swap does to service: projected coverage before and after the moves, for the
 * intervals the moved shifts cover. Shown to the lead before deciding, and the gate of a team's
 * automatic approval.
 */
import { coverageFromShifts } from "@/server/domain/coverage/coverage-from-shifts";
import { projectCoverage } from "@/server/domain/coverage/project-coverage";
import { intervalIndexesOf } from "@/server/domain/time/ranges";
import * as orgRepo from "@/server/repositories/org-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import { channelSettingsFrom } from "../engine-input/channels";
import type { OrgSnapshot } from "../engine-input/org-snapshot";
import { loadChannelDemand } from "../engine-input/requirements";
import { afterMoves, timedShifts, type RosterView, type ShiftMove } from "./roster-view";

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

export interface CoverageChange {
  intervals: CoverageChangeInterval[];
  /** Some interval loses on-task agents or projected service level. */
  worse: boolean;
  changedIntervals: number;
}

/**
 * Projected service before and after the moves for the intervals the moved shifts cover (all
 * regions' agents on task against the organisation's stored requirements). `worse` is true when
 * any interval loses service level or on-task agents.
 */
export function computeCoverageChange(db: Store, view: RosterView, moves: readonly ShiftMove[], dir: OrgSnapshot): CoverageChange {
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
  const channelRows = orgRepo.listChannels(db);
  const channels = channelRows.map(channelSettingsFrom);
  const { demand: periodDemand } = loadChannelDemand(db, channelRows, view.period, view.grid.intervalMinutes);
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
    const demand = periodDemand.map((d) => ({
      channelId: d.channelId,
      contacts: block.map((i) => d.contacts[i] ?? 0),
      ahtSeconds: block.map((i) => d.ahtSeconds[i] ?? 0),
      requiredAgents: block.map((i) => d.requiredAgents[i] ?? 0),
    }));
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
