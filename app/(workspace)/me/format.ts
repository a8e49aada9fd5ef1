import { DateTime } from "luxon";

/** "Wed 25 Nov 08:00–16:30" in a zone (the end's date is added when it differs). */
export function formatShiftRange(startsAt: string, endsAt: string, zone: string): string {
  const start = DateTime.fromISO(startsAt, { zone });
  const end = DateTime.fromISO(endsAt, { zone });
  const sameDay = start.toISODate() === end.toISODate();
  return `${start.toFormat("ccc d LLL HH:mm")}–${end.toFormat(sameDay ? "HH:mm" : "ccc d LLL HH:mm")}`;
}

export function formatTime(iso: string | number, zone: string): string {
  return (typeof iso === "number" ? DateTime.fromMillis(iso, { zone }) : DateTime.fromISO(iso, { zone })).toFormat("HH:mm");
}

export function formatBreaks(breaks: { startsAt: string; endsAt: string }[], zone: string): string {
  if (breaks.length === 0) return "no breaks";
  return breaks.map((b) => `${formatTime(b.startsAt, zone)}–${formatTime(b.endsAt, zone)}`).join(", ");
}

export const KIND_LABEL = { swap: "Swap", offer: "Offer", drop: "Drop" } as const;

export const STATUS_STYLE: Record<string, string> = {
  pending: "bg-amber-100 text-amber-900",
  accepted: "bg-sky-100 text-sky-900",
  approved: "bg-emerald-100 text-emerald-900",
  rejected: "bg-red-100 text-red-900",
  cancelled: "bg-slate-100 text-slate-700",
  expired: "bg-slate-100 text-slate-700",
};
