/** Minutes as "40 h" or "37 h 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export function formatWorkingDays(days: number[]): string {
  return [...days].sort((a, b) => a - b).map((d) => WEEKDAYS[d - 1]).join(" ");
}
