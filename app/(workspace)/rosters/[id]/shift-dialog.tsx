"use client";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { formatMinutes } from "@/app/_components/format";
import { errorMessage, useTRPC } from "@/app/_lib/trpc";
import { formatRange } from "../roster-format";
import type { Board, ShiftTarget } from "./board-types";

const CHECK_DEBOUNCE_MS = 300;

/** A native modal dialog: focus is trapped, Escape closes it, the page behind is inert. */
export function ModalDialog(props: { titleId: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={props.titleId}
      onClose={onClose}
      className={`m-auto w-[min(34rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 ${props.className ?? ""}`}
    >
      {props.children}
    </dialog>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
    // The key stands for the value: a new object with the same content does not restart the timer.
  }, [key, ms]);
  return debounced;
}

/** Where a new shift starts by default: the person's first local day without one, at their region's window start. */
function defaultStart(board: Board, personId: number): DateTime {
  const person = board.people.find((p) => p.id === personId);
  const region = board.regions.find((r) => r.id === person?.regionId);
  const zone = region?.timeZone ?? "UTC";
  const [hour, minute] = (region?.windowStart ?? "09:00").split(":").map(Number);
  const startMs = Date.parse(board.roster.periodStart);
  const taken = new Set(board.shifts.filter((s) => s.personId === personId).map((s) => DateTime.fromISO(s.startsAt, { zone }).toISODate()));
  let day = DateTime.fromMillis(startMs, { zone }).startOf("day");
  for (let i = 0; i < board.roster.days + 1; i++) {
    const candidate = day.set({ hour: hour ?? 9, minute: minute ?? 0 });
    if (candidate.toMillis() >= startMs && !taken.has(candidate.toISODate())) return candidate;
    day = day.plus({ days: 1 });
  }
  return DateTime.fromMillis(startMs, { zone });
}

/**
 * Opens a shift: its details, and for an editable person on a draft the template and start
 * (in the chosen zone), a live rule check, Save (pinned) and Delete.
 */
export function ShiftDialog(props: { board: Board; zone: string; target: ShiftTarget; locked: boolean; onClose: () => void }) {
  const { board, zone, target } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const titleId = useId();
  const shift = target.kind === "edit" ? board.shifts.find((s) => s.id === target.shiftId) : undefined;
  const personId = target.kind === "edit" ? (shift?.personId ?? 0) : target.personId;
  const person = board.people.find((p) => p.id === personId);
  const region = board.regions.find((r) => r.id === person?.regionId);
  const editable = Boolean(person?.editable) && !props.locked;
  const templates = board.templates.filter((t) => (person?.templateIds.length ? person.templateIds.includes(t.id) : true));

  const initial = useMemo(
    () => (shift ? DateTime.fromISO(shift.startsAt, { zone }) : defaultStart(board, personId).setZone(zone)),
    // Only on opening: later board refreshes must not reset what is being typed.
    [],
  );
  const [templateId, setTemplateId] = useState<number>(shift?.templateId ?? templates[0]?.id ?? 0);
  const [date, setDate] = useState(initial.toISODate() ?? "");
  const [time, setTime] = useState(initial.toFormat("HH:mm"));
  const [confirmDelete, setConfirmDelete] = useState(false);

  const local = date && time ? DateTime.fromISO(`${date}T${time}`, { zone }) : null;
  const startsAt = local?.isValid ? local.toUTC().toISO() : null;
  // A wall time in a spring-forward gap does not exist; luxon moves it forward, and we say so.
  const movedByDst = local?.isValid && local.toFormat("HH:mm") !== time;
  const input =
    editable && startsAt && templateId > 0
      ? { rosterId: board.roster.id, ...(shift ? { shiftId: shift.id } : {}), personId, templateId, startsAt }
      : null;
  const debounced = useDebounced(input, CHECK_DEBOUNCE_MS);
  const check = useQuery({ ...trpc.rosters.checkEdit.queryOptions(debounced ?? skipToken), staleTime: 0 });
  const settled = input !== null && JSON.stringify(input) === JSON.stringify(debounced) && check.isSuccess && !check.isFetching;
  const violations = settled ? (check.data?.violations ?? []) : [];

  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.rosters.board.queryKey({ rosterId: board.roster.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.rosters.list.queryKey() });
  };
  const save = useMutation(trpc.rosters.saveEdit.mutationOptions({ onSuccess: () => { invalidate(); props.onClose(); } }));
  const remove = useMutation(trpc.rosters.deleteShift.mutationOptions({ onSuccess: () => { invalidate(); props.onClose(); } }));

  const template = board.templates.find((t) => t.id === templateId);
  const endPreview = local?.isValid && template ? local.plus({ minutes: template.minutes }) : null;
  const title = shift ? (editable ? "Edit shift" : "Shift") : "Add shift";
  const readOnlyReason =
    board.roster.status !== "draft"
      ? `This roster is ${board.roster.status}; only drafts can be edited.`
      : props.locked
        ? "A re-solve is running; edits wait until it ends."
        : "You can edit shifts only for the people of the teams you lead.";

  return (
    <ModalDialog titleId={titleId} onClose={props.onClose}>
      <h2 id={titleId} className="text-lg font-semibold">
        {title}: {person?.name ?? "Unknown person"}
        {person?.role === "lead" ? <span className="ml-2 rounded bg-violet-600 px-1.5 py-0.5 align-middle text-xs font-semibold text-white">Lead</span> : null}
      </h2>
      <p className="text-sm text-slate-600">
        {region ? `${region.name} · working window ${region.windowStart}–${region.windowEnd} ${region.timeZone}` : null}
      </p>
      {shift ? (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">Now</dt>
          <dd>
            {formatRange(Date.parse(shift.startsAt), Date.parse(shift.endsAt), zone)}
            {shift.pinned ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">Pinned</span> : null}
          </dd>
          <dt className="text-slate-600">Template</dt>
          <dd>{board.templates.find((t) => t.id === shift.templateId)?.name ?? "—"}</dd>
          <dt className="text-slate-600">Breaks</dt>
          <dd>{shift.breaks.length === 0 ? "none" : shift.breaks.map((b) => formatRange(Date.parse(b.startsAt), Date.parse(b.endsAt), zone)).join("; ")}</dd>
        </dl>
      ) : null}

      {editable ? (
        <form
          className="mt-4 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (input && settled && violations.length === 0) save.mutate(input);
          }}
        >
          <div>
            <label htmlFor={`${titleId}-template`} className="field-label">Template</label>
            <select id={`${titleId}-template`} className="field-input" value={templateId} onChange={(e) => setTemplateId(Number(e.target.value))}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>{t.name} ({formatMinutes(t.minutes)})</option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor={`${titleId}-date`} className="field-label">Start date ({zone})</label>
              <input id={`${titleId}-date`} type="date" className="field-input" value={date} required onChange={(e) => setDate(e.target.value)} />
            </div>
            <div>
              <label htmlFor={`${titleId}-time`} className="field-label">Start time ({zone})</label>
              <input id={`${titleId}-time`} type="time" step={board.intervalMinutes * 60} className="field-input" value={time} required onChange={(e) => setTime(e.target.value)} />
            </div>
          </div>
          <p className="text-sm text-slate-600">
            {endPreview && local ? `Runs ${formatRange(local.toMillis(), endPreview.toMillis(), zone)}; breaks at their earliest allowed times. Saving pins the shift, so a re-solve keeps it.` : "Enter a start date and time."}
          </p>
          {movedByDst ? <p className="text-sm text-amber-800">{time} does not exist on {date} in {zone} (the clocks go forward); it means {local?.toFormat("HH:mm")}.</p> : null}

          <div role="status" aria-live="polite" aria-label="Rule check" className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
            {!input ? (
              <p>Enter a start date and time to check the rules.</p>
            ) : check.error ? (
              <p className="text-red-700">{errorMessage(check.error)}</p>
            ) : !settled ? (
              <p className="text-slate-600">Checking the rules…</p>
            ) : violations.length === 0 ? (
              <p className="font-medium text-emerald-800">✓ All rules hold</p>
            ) : (
              <>
                <p className="font-medium text-red-800">This change breaks {violations.length === 1 ? "a rule" : `${violations.length} rules`}:</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-red-800">
                  {violations.map((v) => <li key={v}>{v}</li>)}
                </ul>
              </>
            )}
          </div>
          {save.error ? <p role="alert" className="text-sm text-red-700">Not saved. {errorMessage(save.error)}</p> : null}
          {remove.error ? <p role="alert" className="text-sm text-red-700">Not deleted. {errorMessage(remove.error)}</p> : null}

          <div className="flex flex-wrap items-center justify-between gap-2 pt-1">
            <div className="flex gap-2">
              <button type="submit" className="btn-primary" disabled={!settled || violations.length > 0 || save.isPending}>
                {save.isPending ? "Saving…" : "Save"}
              </button>
              <button type="button" className="btn-secondary" onClick={props.onClose}>Cancel</button>
            </div>
            {shift ? (
              confirmDelete ? (
                <div className="flex items-center gap-2 text-sm">
                  <span>Delete this shift?</span>
                  <button type="button" className="btn-secondary border-red-300 text-red-800 hover:bg-red-50" disabled={remove.isPending} onClick={() => remove.mutate({ rosterId: board.roster.id, shiftId: shift.id })}>
                    {remove.isPending ? "Deleting…" : "Yes, delete"}
                  </button>
                  <button type="button" className="btn-secondary" onClick={() => setConfirmDelete(false)}>Keep it</button>
                </div>
              ) : (
                <button type="button" className="btn-secondary border-red-300 text-red-800 hover:bg-red-50" onClick={() => setConfirmDelete(true)}>Delete</button>
              )
            ) : null}
          </div>
        </form>
      ) : (
        <>
          <p className="mt-4 rounded bg-slate-50 p-3 text-sm text-slate-700">{readOnlyReason}</p>
          <div className="mt-4 flex justify-end">
            <button type="button" className="btn-secondary" onClick={props.onClose}>Close</button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
