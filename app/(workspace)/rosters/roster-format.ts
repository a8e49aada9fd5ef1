import { DateTime } from "luxon";

/** Agent-minutes as agent-hours, one decimal: 90 → "1.5 h". */
export function agentHours(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  const hours = minutes / 60;
  return `${hours.toLocaleString("en", { maximumFractionDigits: 1 })} h`;
}

/** An instant in a zone, the zone's short name appended: "Mon 23 Nov 07:00 GMT". */
export function formatInstant(iso: string | number, zone: string, pattern = "ccc d LLL HH:mm"): string {
  const dt = typeof iso === "number" ? DateTime.fromMillis(iso, { zone }) : DateTime.fromISO(iso, { zone });
  return dt.isValid ? `${dt.toFormat(pattern)} ${dt.toFormat("ZZZZ")}` : String(iso);
}

/** A range in one zone: "Mon 23 Nov 07:00–15:30 Europe/Dublin", the end dated when it falls on another local day. */
export function formatRange(startMs: number, endMs: number, zone: string): string {
  const start = DateTime.fromMillis(startMs, { zone });
  const end = DateTime.fromMillis(endMs, { zone });
  const endText = start.hasSame(end, "day") ? end.toFormat("HH:mm") : end.toFormat("ccc d LLL HH:mm");
  return `${start.toFormat("ccc d LLL HH:mm")}–${endText} ${zone}`;
}

/** A roster's period in a zone, the zone named: "Mon 23 Nov 2026 00:00 → Mon 30 Nov 2026 00:00 (Europe/Dublin)". */
export function formatPeriod(periodStartIso: string, days: number, zone: string): string {
  const start = DateTime.fromISO(periodStartIso, { zone });
  // Days are real 24-hour spans from the start instant (the engine's horizon), not local days.
  const end = DateTime.fromMillis(start.toMillis() + days * 86_400_000, { zone });
  return `${start.toFormat("ccc d LLL yyyy HH:mm")} → ${end.toFormat("ccc d LLL yyyy HH:mm")} (${zone})`;
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

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z\b/g;

/**
 * A rule message from the server in the viewer's words: the engine's internal shift index
 * ("shift 143 (Aoife Murphy, …)") becomes "Aoife Murphy's shift from …", and UTC instants
 * are shown in the chosen zone.
 */
export function humaniseViolation(message: string, zone: string): string {
  return message
    .replace(/^shift \d+ \(([^,]+), ([^)]+)\)/, (_m, name: string, start: string) => `${name}'s shift starting ${start}`)
    .replace(ISO_INSTANT, (iso) => formatInstant(iso, zone));
}

export const STATUS_BADGE: Record<string, string> = {
  draft: "bg-amber-100 text-amber-900",
  published: "bg-emerald-100 text-emerald-800",
  archived: "bg-slate-100 text-slate-600",
};
