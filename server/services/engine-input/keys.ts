/**
 * How stored rows map onto the roster engine's format (shared/formats/roster-problem.md):
 * string keys for people, regions and templates, and shifts as result shifts. One place, so
 * the problem builder, hand edits, swap checks and coverage fixes agree.
 */
import type { RosterResultShift } from "@/server/domain/roster/result";

export const personKey = (id: number) => `person-${id}`;
export const regionKey = (id: number) => `region-${id}`;
export const templateKey = (id: number) => `template-${id}`;
/** The database id inside a key made by the functions above. */
export const idOf = (key: string) => Number(key.slice(key.lastIndexOf("-") + 1));

interface StoredShift {
  personId: number | null;
  regionId: number;
  templateId: number | null;
  startsAt: Date;
  endsAt: Date;
  breaks: readonly { startsAt: Date; endsAt: Date }[];
}

export function toResultShift(s: StoredShift): RosterResultShift {
  return {
    personId: s.personId === null ? null : personKey(s.personId),
    regionId: regionKey(s.regionId),
    templateId: templateKey(s.templateId ?? 0),
    start: s.startsAt.toISOString(),
    end: s.endsAt.toISOString(),
    breaks: s.breaks.map((b) => ({ start: b.startsAt.toISOString(), end: b.endsAt.toISOString() })),
  };
}
