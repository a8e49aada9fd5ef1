/**
 * The organisation's settings: name, planning zone, interval, week start, currency, costs
 * (each region's hourly cost, tools per user and month, the overtime premium) and the team-lead
 * span. Read for the settings page; written in one audited transaction.
 */
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as rosterRepo from "@/server/repositories/roster-repository";
import * as staffingRepo from "@/server/repositories/staffing-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { responseTargetProblem } from "@/server/domain/staffing";
import { formatInstant, DAY_AND_TIME } from "@/server/domain/time/format";
import { weekContaining } from "@/server/domain/time/weeks";
import type { TSettingsInput } from "./settings-inputs";
import { listTimeZones } from "./time-zones";

/** The settings as the page edits them (money in currency units, the premium in percent), with each region's cost. */
export interface SettingsView {
  settings: orgRepo.OrgSettingsRecord;
  regions: { id: number; name: string; timeZone: string; hourlyCostCents: number }[];
  /** Whether requirements or rosters exist, which fixes the interval length. */
  intervalLocked: boolean;
  /** The zones the planning-zone picker offers. */
  timeZones: string[];
}

/** The settings page's data. */
export function getSettingsView(db: Store): SettingsView {
  return {
    settings: orgRepo.getSettings(db),
    regions: orgRepo.listRegions(db).map((r) => ({ id: r.id, name: r.name, timeZone: r.timeZone, hourlyCostCents: r.hourlyCostCents })),
    intervalLocked: staffingRepo.hasAnyRequirements(db) || rosterRepo.hasAnyRoster(db),
    timeZones: listTimeZones(),
  };
}

/**
 * Saves the settings and the regions' hourly costs in one audited transaction. The interval
 * length is refused once requirements or rosters exist: they are stored on the old grid, and
 * re-reading them on another would misplace every figure. A new lead span marks the drafts of
 * the current and later weeks stale, since their solve kept the old one.
 */
export function updateSettings(db: Store, actor: Actor, input: TSettingsInput, now: Date): orgRepo.OrgSettingsRecord {
  return inTransaction(db, (tx) => {
    const before = orgRepo.getSettings(tx);
    if (input.intervalMinutes !== before.intervalMinutes && (staffingRepo.hasAnyRequirements(tx) || rosterRepo.hasAnyRoster(tx))) {
      throw new AppError("INVALID_INPUT", {
        field: "intervalMinutes",
        message: `Requirements and rosters are stored on ${before.intervalMinutes}-minute intervals; the interval length can only change before the first forecast or roster.`,
      });
    }
    for (const channel of input.intervalMinutes === before.intervalMinutes ? [] : orgRepo.listChannels(tx)) {
      const problem = channel.responseMinutes === null ? null : responseTargetProblem(channel.responseMinutes, input.intervalMinutes);
      if (problem) throw new AppError("INVALID_INPUT", { field: "intervalMinutes", message: `${channel.name}: ${problem}` });
    }
    const regionIds = new Set(orgRepo.listRegions(tx).map((r) => r.id));
    for (const cost of input.regionCosts) {
      if (!regionIds.has(cost.regionId)) throw new AppError("INVALID_INPUT", { field: "regionCosts", message: `No region with id ${cost.regionId}` });
    }
    const saved = orgRepo.saveSettings(tx, {
      name: input.name,
      timeZone: input.timeZone,
      intervalMinutes: input.intervalMinutes,
      weekStart: input.weekStart,
      currency: input.currency,
      toolsCostCentsPerUserMonth: Math.round(input.toolsCostPerUserMonth * 100),
      overtimePremium: input.overtimePremiumPercent / 100,
      leadSpanMin: input.leadSpanMin,
      leadSpanMax: input.leadSpanMax,
    });
    for (const cost of input.regionCosts) orgRepo.updateRegionHourlyCost(tx, cost.regionId, Math.round(cost.hourlyCost * 100));
    if (saved.leadSpanMin !== before.leadSpanMin || saved.leadSpanMax !== before.leadSpanMax) {
      const from = weekContaining(now, saved.timeZone, saved.weekStart, 0).start.toJSDate();
      const when = formatInstant(now.getTime(), saved.timeZone, DAY_AND_TIME, "bracketed");
      rosterRepo.markDraftsStale(tx, from, new Date(8.64e15), `The team-lead span changed on ${when}; re-solve to plan for it`);
    }
    writeAudit(tx, { actorId: actor.id, action: "settings.update", entity: "settings", entityId: 1, details: input, at: now });
    return saved;
  });
}
