/**
 * Stored requirements as the engines' arrays: one slot per interval of a period. Loaded here
 * only, so the roster problem, the board, coverage and swap checks read the same numbers.
 */
import { AppError } from "@/server/errors";
import * as staffingRepo from "@/server/repositories/staffing-repository";
import type { Store } from "@/server/repositories/unit-of-work";
import type { ChannelRecord } from "@/server/repositories/org-repository";

export interface PeriodSpec {
  periodStart: Date;
  days: number;
}

export function periodEnd(period: PeriodSpec): Date {
  return new Date(period.periodStart.getTime() + period.days * 86_400_000);
}

/** One channel's demand per interval: contacts, AHT and the stored agents (with shrinkage). */
export interface ChannelDemand {
  channelId: string;
  contacts: number[];
  ahtSeconds: number[];
  requiredAgents: number[];
}

/**
 * Demand per channel for each interval of the period; intervals without a stored row have no
 * contacts and the channel's default AHT. `stored` is how many rows were found.
 */
export function loadChannelDemand(db: Store, channels: readonly ChannelRecord[], period: PeriodSpec, intervalMinutes: number): { demand: ChannelDemand[]; stored: number } {
  const n = (period.days * 1440) / intervalMinutes;
  const startMs = period.periodStart.getTime();
  const rows = staffingRepo.listRequirements(db, period.periodStart, periodEnd(period));
  const demand = channels.map((c) => ({
    channelId: c.key,
    contacts: new Array<number>(n).fill(0),
    ahtSeconds: new Array<number>(n).fill(c.ahtSeconds),
    requiredAgents: new Array<number>(n).fill(0),
  }));
  const byId = new Map(demand.map((d) => [d.channelId, d]));
  for (const row of rows) {
    const i = Math.floor((row.intervalStart.getTime() - startMs) / (intervalMinutes * 60_000));
    const d = byId.get(row.channelKey);
    if (!d || i < 0 || i >= n) continue;
    d.contacts[i] = row.contacts;
    d.ahtSeconds[i] = row.ahtSeconds;
    d.requiredAgents[i] = row.agentsWithShrinkage;
  }
  return { demand, stored: rows.length };
}

/** Agents to schedule per interval, summed over channels; refuses a period with no requirements. */
export function loadSummedRequirement(db: Store, period: PeriodSpec, intervalMinutes: number): number[] {
  const count = (period.days * 1440) / intervalMinutes;
  const rows = staffingRepo.listRequirements(db, period.periodStart, periodEnd(period));
  if (rows.length === 0) {
    throw new AppError("INVALID_INPUT", {
      field: "period",
      message: "No staffing requirements for this period: forecast it on the Staffing page first.",
    });
  }
  const requirement = new Array<number>(count).fill(0);
  for (const row of rows) {
    const i = Math.floor((row.intervalStart.getTime() - period.periodStart.getTime()) / (intervalMinutes * 60_000));
    if (i >= 0 && i < count) requirement[i] = (requirement[i] ?? 0) + row.agentsWithShrinkage;
  }
  return requirement;
}
