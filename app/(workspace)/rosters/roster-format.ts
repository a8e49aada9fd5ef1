import { DateTime } from "luxon";
import { DAY_AND_TIME, formatInstant } from "@/server/domain/time/format";

export { formatInstant };

const DATED = "ccc d LLL yyyy HH:mm";

/** Agent-minutes as agent-hours, one decimal: 90 → "1.5 h". */
export function agentHours(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  const hours = minutes / 60;
  return `${hours.toLocaleString("en", { maximumFractionDigits: 1 })} h`;
}

/** A range in one zone: "Mon 23 Nov 07:00–15:30 Europe/Dublin", the end dated when it falls on another local day. */
export function formatRange(startMs: number, endMs: number, zone: string): string {
  const sameDay = DateTime.fromMillis(startMs, { zone }).hasSame(DateTime.fromMillis(endMs, { zone }), "day");
  return `${formatInstant(startMs, zone, DAY_AND_TIME, "none")}–${formatInstant(endMs, zone, sameDay ? "HH:mm" : DAY_AND_TIME, "iana")}`;
}

/** A roster's period in a zone, the zone named: "Mon 23 Nov 2026 00:00 → Mon 30 Nov 2026 00:00 (Europe/Dublin)". */
export function formatPeriod(periodStartIso: string, days: number, zone: string): string {
  // Days are real 24-hour spans from the start instant (the engine's horizon), not local days.
  const endMs = DateTime.fromISO(periodStartIso, { zone }).toMillis() + days * 86_400_000;
  return `${formatInstant(periodStartIso, zone, DATED, "none")} → ${formatInstant(endMs, zone, DATED, "bracketed")}`;
}

export const PHASE_WORDS: Record<string, string> = {
  bound: "Proving a lower bound on excess",
  design: "Designing shifts to cover demand",
  leads: "Placing team leads",
  finish: "Finishing: breaks and assignments",
  done: "Solved",
};

export function phaseInWords(state: string, phase: string | undefined): string {
  if (state === "saving") return "Saving the roster";
  if (state === "done") return "Done: roster saved";
  if (state === "cancelled") return "Cancelled: nothing was saved";
  if (state === "failed") return "Failed: nothing was saved";
  if (!phase) return "Starting the solver";
  return PHASE_WORDS[phase] ?? phase;
}

export const STATUS_BADGE: Record<string, string> = {
  draft: "bg-amber-100 text-amber-900",
  published: "bg-emerald-100 text-emerald-800",
  archived: "bg-slate-100 text-slate-600",
};
