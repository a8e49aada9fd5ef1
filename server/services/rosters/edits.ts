/**
 * Hand edits on a draft roster: check an added, moved, re-templated or deleted shift against
 * every rule for the people it touches, and save it pinned (so re-solving keeps it). A lead
 * edits only the people of the teams they lead; the check runs before any write.
 */
import type { Actor } from "@/server/auth/actor";
import { checkShifts } from "@/server/domain/roster/check-shifts";
import { parseIsoInstantMs, planShiftTimes } from "@/server/domain/roster/planned-shift";
import { describeViolation } from "@/server/domain/roster/violation-messages";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as repo from "@/server/repositories/roster-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { personKey, regionKey, templateKey, toResultShift } from "../engine-input/keys";
import { loadRosterProblem } from "../engine-input/roster-problem";
import type { TDeleteShiftInput, TShiftEditInput } from "./inputs";
import { assertMayEdit, editablePersonIds } from "./ownership";

/** An edit: `shiftId` names the shift to move or re-template; absent, a shift is added. */
export type ShiftEdit = TShiftEditInput;

/** The shift an edit would leave, breaks placed. */
export interface PlannedShift {
  id: number | null;
  personId: number;
  regionId: number;
  templateId: number;
  startsAt: Date;
  endsAt: Date;
  breaks: { startsAt: Date; endsAt: Date }[];
}

const NOT_EDITABLE = "A published roster cannot be edited here; make a new draft.";

function planShift(db: Store, edit: ShiftEdit, regionId: number, intervalMinutes: number, existing: repo.ShiftWithBreaks | undefined): PlannedShift {
  const template = orgRepo.listTemplates(db).find((t) => t.id === edit.templateId);
  if (!template) throw new AppError("INVALID_INPUT", { field: "templateId", message: "Unknown shift template" });
  const startMs = parseIsoInstantMs(edit.startsAt);
  if (startMs === null) throw new AppError("INVALID_INPUT", { field: "startsAt", message: "Not a valid start time" });
  const moved = existing && {
    templateId: existing.templateId,
    startMs: existing.startsAt.getTime(),
    breaks: existing.breaks.map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })),
  };
  const times = planShiftTimes(startMs, template, intervalMinutes, moved);
  return {
    id: edit.shiftId ?? null,
    personId: edit.personId,
    regionId,
    templateId: template.id,
    startsAt: new Date(times.startMs),
    endsAt: new Date(times.endMs),
    breaks: times.breaks.map((b) => ({ startsAt: new Date(b.startMs), endsAt: new Date(b.endMs) })),
  };
}

/**
 * Every rule the roster would break after the edit, for the people it touches, named in
 * plain words with people's names. Empty means the edit keeps every rule. Reads only.
 */
export function checkShiftEdit(db: Store, actor: Actor, edit: ShiftEdit): { violations: string[]; planned: PlannedShift } {
  const roster = repo.getRoster(db, edit.rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  if (roster.status !== "draft") throw new AppError("CONFLICT", { message: NOT_EDITABLE });
  const current = repo.listShiftsWithBreaks(db, roster.id);
  const existing = edit.shiftId !== undefined ? current.find((s) => s.id === edit.shiftId) : undefined;
  if (edit.shiftId !== undefined && !existing) throw new AppError("NOT_FOUND", { message: "Shift not found in this roster" });
  assertMayEdit(editablePersonIds(db, actor), [edit.personId, existing?.personId ?? edit.personId]);
  const person = orgRepo.getPerson(db, edit.personId);
  if (!person || (person.role !== "agent" && person.role !== "lead")) throw new AppError("INVALID_INPUT", { field: "personId", message: "Pick an agent or a lead" });
  const settings = orgRepo.getSettings(db);
  const planned = planShift(db, edit, person.regionId, settings.intervalMinutes, existing);
  const period = { periodStart: roster.periodStart, days: roster.days };
  const problem = loadRosterProblem(db, period);
  const after = [...current.filter((s) => s.id !== edit.shiftId), planned];

  const touched = new Set([personKey(edit.personId), ...(existing?.personId ? [personKey(existing.personId)] : [])]);
  const names = new Map<string, string>([
    ...orgRepo.listPeople(db).map((p) => [personKey(p.id), p.name] as const),
    ...orgRepo.listRegions(db).map((r) => [regionKey(r.id), r.name] as const),
    ...orgRepo.listTemplates(db).map((t) => [templateKey(t.id), t.name] as const),
  ]);
  const zone = orgRepo.listRegions(db).find((r) => r.id === person.regionId)?.timeZone ?? "UTC";
  const violations = checkShifts(problem, after.filter((s) => s.personId !== null).map(toResultShift))
    .filter((v) => !v.personId || touched.has(v.personId))
    .map((v) => describeViolation(v, { nameOf: (key) => names.get(key), zone }));
  return { violations: [...new Set(violations)], planned };
}

/**
 * Saves a hand edit (pinned, so re-solving keeps it) when it keeps every rule. One transaction,
 * which writes only while the roster is still a draft.
 */
export function saveShiftEdit(db: Store, actor: Actor, edit: ShiftEdit, now: Date): { shiftId: number } {
  const { violations, planned } = checkShiftEdit(db, actor, edit);
  if (violations.length > 0) throw new AppError("CONFLICT", { message: `This edit breaks a rule: ${violations.join("; ")}`, field: "startsAt" });
  const row: repo.NewShift = {
    personId: planned.personId,
    regionId: planned.regionId,
    templateId: planned.templateId,
    startsAt: planned.startsAt,
    endsAt: planned.endsAt,
    pinned: true,
    breaks: planned.breaks,
  };
  return inTransaction(db, (tx) => {
    if (!repo.touchDraft(tx, edit.rosterId, now)) throw new AppError("CONFLICT", { message: NOT_EDITABLE });
    let shiftId = edit.shiftId;
    if (shiftId !== undefined) repo.updateShift(tx, edit.rosterId, shiftId, row);
    else shiftId = repo.insertShift(tx, edit.rosterId, row);
    writeAudit(tx, {
      actorId: actor.id,
      action: edit.shiftId === undefined ? "shift.add" : "shift.edit",
      entity: "shift",
      entityId: shiftId,
      details: { rosterId: edit.rosterId, personId: planned.personId, startsAt: planned.startsAt.toISOString(), templateId: planned.templateId },
      at: now,
    });
    return { shiftId };
  });
}

/** Deletes a shift of a draft, for a person the actor may edit. One transaction. */
export function deleteShift(db: Store, actor: Actor, input: TDeleteShiftInput, now: Date): { deleted: number } {
  const roster = repo.getRoster(db, input.rosterId);
  if (!roster) throw new AppError("NOT_FOUND", { message: "Roster not found" });
  if (roster.status !== "draft") throw new AppError("CONFLICT", { message: "A published roster cannot be edited here." });
  const shift = repo.getShift(db, input.rosterId, input.shiftId);
  if (!shift) throw new AppError("NOT_FOUND", { message: "Shift not found in this roster" });
  assertMayEdit(editablePersonIds(db, actor), [shift.personId]);
  inTransaction(db, (tx) => {
    if (!repo.touchDraft(tx, input.rosterId, now)) throw new AppError("CONFLICT", { message: "A published roster cannot be edited here." });
    repo.deleteShift(tx, input.rosterId, shift.id);
    writeAudit(tx, { actorId: actor.id, action: "shift.delete", entity: "shift", entityId: shift.id, details: { rosterId: input.rosterId, personId: shift.personId, startsAt: shift.startsAt.toISOString() }, at: now });
  });
  return { deleted: shift.id };
}
