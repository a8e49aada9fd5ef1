"use client";
import { memo, useMemo, useState, type MouseEvent } from "react";
import { formatInstant, formatRange } from "../roster-format";
import { axisFor, daySegments, type Axis, type Board, type BoardPerson, type BoardShift, type DaySegment, type ShiftTarget } from "./board-types";

/** The width of the name column; the timeline fills the rest, at least MIN_DAY_PX a day. */
const NAME_COL = "13rem";
const MIN_DAY_PX = 130;
const HATCH = "repeating-linear-gradient(135deg, rgba(255,255,255,0.75) 0 3px, rgba(255,255,255,0.25) 3px 6px)";

interface TeamGroup {
  key: string;
  name: string;
  leadName: string | null;
  people: BoardPerson[];
}

interface RegionGroup {
  id: number;
  name: string;
  timeZone: string;
  window: string;
  teams: TeamGroup[];
}

/** People by region, then team (its lead first), then name. */
function groupPeople(board: Board): RegionGroup[] {
  const nameOf = new Map(board.people.map((p) => [p.id, p.name]));
  const byName = (a: BoardPerson, b: BoardPerson) => a.name.localeCompare(b.name);
  return board.regions
    .map((region) => {
      const inRegion = board.people.filter((p) => p.regionId === region.id);
      const teams: TeamGroup[] = board.teams
        .filter((t) => t.regionId === region.id)
        .map((t) => ({
          key: `team-${t.id}`,
          name: t.name,
          leadName: t.leadId === null ? null : (nameOf.get(t.leadId) ?? null),
          people: inRegion
            .filter((p) => p.teamId === t.id)
            .sort((a, b) => Number(b.id === t.leadId) - Number(a.id === t.leadId) || Number(b.role === "lead") - Number(a.role === "lead") || byName(a, b)),
        }))
        .filter((t) => t.people.length > 0);
      const placed = new Set(teams.flatMap((t) => t.people.map((p) => p.id)));
      const rest = inRegion.filter((p) => !placed.has(p.id)).sort(byName);
      if (rest.length > 0) teams.push({ key: `region-${region.id}-none`, name: "No team", leadName: null, people: rest });
      return { id: region.id, name: region.name, timeZone: region.timeZone, window: `${region.windowStart}–${region.windowEnd}`, teams };
    })
    .filter((r) => r.teams.length > 0);
}

function PinIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="inline h-3 w-3 shrink-0 fill-current">
      <path d="M10.5 1.5 14.5 5.5 13 6.2 10.6 8.6 10.9 11.9 9.8 13 6.9 10.1 3 14 2 14 2 13 5.9 9.1 3 6.2 4.1 5.1 7.4 5.4 9.8 3Z" />
    </svg>
  );
}

export function DayHeader({ days }: { days: DaySegment[] }) {
  return (
    <div className="relative h-10">
      {days.map((d) => (
        <div key={d.key} className="absolute inset-y-0 overflow-hidden" style={{ left: `${d.left}%`, width: `${d.width}%` }}>
          <div className="truncate px-1 text-xs font-semibold text-slate-700">
            {d.label}
            {d.hours !== 24 ? <span className="ml-1 rounded bg-amber-100 px-1 font-normal text-amber-900" title="Clocks change this day">{d.hours} h</span> : null}
          </div>
        </div>
      ))}
      {days.flatMap((d) =>
        d.ticks.map((t) => (
          <span key={`${d.key}-${t.label}`} aria-hidden="true" className="absolute bottom-0.5 -translate-x-1/2 text-[10px] text-slate-400" style={{ left: `${t.left}%` }}>
            {t.label}
          </span>
        )),
      )}
    </div>
  );
}

/** Day separators at local midnights and faint lines at 06/12/18, drawn once behind every row. */
function GridLines({ days }: { days: DaySegment[] }) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0" style={{ left: NAME_COL }}>
      {days.map((d) => (
        <div key={d.key}>
          {d.startsAtMidnight && d.left > 0 ? <div className="absolute inset-y-0 border-l border-slate-400" style={{ left: `${d.left}%` }} /> : null}
          {d.ticks.map((t) => (
            <div key={t.label} className="absolute inset-y-0 border-l border-dashed border-slate-200" style={{ left: `${t.left}%` }} />
          ))}
        </div>
      ))}
    </div>
  );
}

function ShiftBar(props: { shift: BoardShift; person: BoardPerson; zone: string; axis: Axis; onOpen: (target: ShiftTarget) => void }) {
  const { shift, person, zone, axis } = props;
  const startMs = Date.parse(shift.startsAt);
  const endMs = Date.parse(shift.endsAt);
  const left = axis.x(startMs);
  const width = Math.max(0.2, axis.x(endMs) - left);
  const lead = person.role === "lead";
  const label = `${person.name}, ${formatRange(startMs, endMs, zone)}${lead ? ", lead" : ""}${shift.pinned ? ", pinned" : ""}${
    shift.breaks.length > 0 ? `, ${shift.breaks.length === 1 ? "break" : "breaks"} ${shift.breaks.map((b) => formatRange(Date.parse(b.startsAt), Date.parse(b.endsAt), zone).replace(` ${zone}`, "")).join(", ")}` : ""
  }`;
  const startText = formatInstant(startMs, zone, "HH:mm").split(" ")[0];
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => props.onOpen({ kind: "edit", shiftId: shift.id })}
      className={`absolute top-1 bottom-1 flex items-center overflow-hidden rounded text-left text-[10px] leading-none font-medium text-white shadow-sm hover:brightness-110 focus:ring-2 focus:ring-offset-1 focus:outline-none ${
        lead ? "bg-violet-600 focus:ring-violet-400" : "bg-sky-600 focus:ring-sky-400"
      } ${shift.pinned ? "ring-2 ring-amber-400" : ""}`}
      style={{ left: `${left}%`, width: `${width}%` }}
    >
      {shift.breaks.map((b) => {
        const bs = Date.parse(b.startsAt);
        const be = Date.parse(b.endsAt);
        return (
          <span
            key={b.startsAt}
            aria-hidden="true"
            className="absolute inset-y-0"
            style={{ left: `${((bs - startMs) / (endMs - startMs)) * 100}%`, width: `${((be - bs) / (endMs - startMs)) * 100}%`, backgroundImage: HATCH }}
          />
        );
      })}
      <span className="relative flex items-center gap-0.5 truncate px-1">
        {shift.pinned ? <PinIcon /> : null}
        {startText}
      </span>
    </button>
  );
}

function workedMinutes(shifts: BoardShift[]): number {
  let ms = 0;
  for (const s of shifts) {
    ms += Date.parse(s.endsAt) - Date.parse(s.startsAt);
    for (const b of s.breaks) ms -= Date.parse(b.endsAt) - Date.parse(b.startsAt);
  }
  return Math.round(ms / 60_000);
}

const PersonRow = memo(function PersonRow(props: {
  person: BoardPerson;
  shifts: BoardShift[];
  zone: string;
  axis: Axis;
  canAdd: boolean;
  onOpen: (target: ShiftTarget) => void;
}) {
  const { person } = props;
  const lead = person.role === "lead";
  const minutes = workedMinutes(props.shifts);
  return (
    <div role="row" className={`flex border-b border-slate-100 ${lead ? "bg-violet-50/60" : ""}`}>
      <div role="rowheader" className={`sticky left-0 z-10 flex shrink-0 items-center gap-1.5 border-r border-slate-200 px-2 py-1 text-sm ${lead ? "bg-violet-50" : "bg-white"}`} style={{ width: NAME_COL }}>
        <span className="min-w-0 flex-1 truncate" title={person.name}>
          <span className={lead ? "font-semibold text-violet-900" : ""}>{person.name}</span>
          {lead ? <span className="ml-1 rounded bg-violet-600 px-1 py-px text-[10px] font-semibold text-white">Lead</span> : null}
        </span>
        <span className="shrink-0 text-[11px] text-slate-500" title="Worked hours (breaks excluded)">{Math.round((minutes / 60) * 10) / 10} h</span>
        {props.canAdd ? (
          <button
            type="button"
            aria-label={`Add shift for ${person.name}`}
            title={`Add shift for ${person.name}`}
            className="shrink-0 rounded border border-slate-300 px-1 text-xs leading-4 text-slate-600 hover:bg-slate-100 focus:ring-2 focus:ring-amber-400 focus:outline-none"
            onClick={() => props.onOpen({ kind: "add", personId: person.id })}
          >
            +
          </button>
        ) : null}
      </div>
      <div role="cell" className="relative h-8 flex-1" aria-label={`Shifts of ${person.name}`}>
        {props.shifts.map((s) => (
          <ShiftBar key={s.id} shift={s} person={person} zone={props.zone} axis={props.axis} onOpen={props.onOpen} />
        ))}
      </div>
    </div>
  );
});

/**
 * The roster board: people grouped by region and team against a real-time axis, day
 * separators at the chosen zone's local midnights, and coverage rows on the same axis.
 */
export function BoardTimeline(props: { board: Board; zone: string; locked: boolean; onOpen: (target: ShiftTarget) => void }) {
  const { board, zone } = props;
  const axis = useMemo(() => axisFor(board), [board]);
  const days = useMemo(() => daySegments(axis, zone), [axis, zone]);
  const groups = useMemo(() => groupPeople(board), [board]);
  const shiftsByPerson = useMemo(() => {
    const map = new Map<number, BoardShift[]>();
    for (const s of board.shifts) {
      if (s.personId === null) continue;
      const list = map.get(s.personId) ?? [];
      list.push(s);
      map.set(s.personId, list);
    }
    return map;
  }, [board]);
  const minWidth = `calc(${NAME_COL} + ${board.roster.days * MIN_DAY_PX}px)`;

  return (
    <div className="overflow-x-auto rounded border border-slate-200" data-testid="roster-board-scroll">
      <div role="table" aria-label={`Roster board, times in ${zone}`} className="relative" style={{ minWidth }}>
        <GridLines days={days} />
        <div role="rowgroup">
          <div role="row" className="flex border-b border-slate-300 bg-white">
            <div role="columnheader" className="sticky left-0 z-10 flex shrink-0 items-end border-r border-slate-200 bg-white px-2 pb-1 text-xs font-semibold text-slate-600" style={{ width: NAME_COL }}>
              Person · worked
            </div>
            <div role="columnheader" className="flex-1" aria-label={`Timeline in ${zone}`}>
              <DayHeader days={days} />
            </div>
          </div>
        </div>
        {groups.map((region) => (
          <div role="rowgroup" key={region.id} aria-label={region.name}>
            <div role="row" className="flex border-b border-slate-300 bg-slate-100">
              <div role="rowheader" aria-colspan={2} className="sticky left-0 z-10 bg-slate-100 px-2 py-1.5 text-sm font-bold text-slate-800">
                {region.name} <span className="font-normal text-slate-600">· {region.timeZone} · window {region.window} local</span>
              </div>
            </div>
            {region.teams.map((team) => (
              <div key={team.key} role="presentation">
                <div role="row" className="flex border-b border-slate-200 bg-slate-50">
                  <div role="cell" aria-colspan={2} className="sticky left-0 z-10 bg-slate-50 px-3 py-1 text-xs font-semibold text-slate-700">
                    {team.name}
                    {team.leadName ? <span className="font-normal text-slate-500"> · led by {team.leadName}</span> : null} <span className="font-normal text-slate-500">· {team.people.length} people</span>
                  </div>
                </div>
                {team.people.map((person) => (
                  <PersonRow
                    key={person.id}
                    person={person}
                    shifts={shiftsByPerson.get(person.id) ?? []}
                    zone={zone}
                    axis={axis}
                    canAdd={person.editable && !props.locked}
                    onOpen={props.onOpen}
                  />
                ))}
              </div>
            ))}
          </div>
        ))}
        <CoverageRows board={board} axis={axis} zone={zone} days={days} />
      </div>
    </div>
  );
}

function CoverageRows(props: { board: Board; axis: Axis; zone: string; days: DaySegment[] }) {
  const { board, axis, zone } = props;
  const [hover, setHover] = useState<number | null>(null);
  const n = board.requirement.length;
  const intervalMs = board.intervalMinutes * 60_000;
  const rows = useMemo(() => {
    const req = board.requirement;
    const onTask = board.agentsOnTask;
    const leads = board.leadsOnDuty;
    const maxY = Math.max(1, ...req, ...onTask);
    const covered: string[] = [];
    const short: string[] = [];
    const over: string[] = [];
    let reqPath = "";
    let shortCount = 0;
    let overCount = 0;
    let maxShort = 0;
    let leadsShort = 0;
    const leadCovered: string[] = [];
    const leadMissing: string[] = [];
    const leadMax = Math.max(1, ...leads, ...onTask.map((a) => Math.ceil(a / 15)));
    let neededPath = "";
    for (let i = 0; i < n; i++) {
      const r = req[i] ?? 0;
      const a = onTask[i] ?? 0;
      const both = Math.min(r, a);
      if (both > 0) covered.push(`M${i} ${maxY - both}h1v${both}h-1z`);
      if (r > a) {
        short.push(`M${i} ${maxY - r}h1v${r - a}h-1z`);
        shortCount++;
        maxShort = Math.max(maxShort, r - a);
      }
      if (a > r) {
        over.push(`M${i} ${maxY - a}h1v${a - r}h-1z`);
        overCount++;
      }
      reqPath += `${i === 0 ? "M" : "L"}${i} ${maxY - r}L${i + 1} ${maxY - r}`;
      const needed = Math.ceil(a / 15);
      const l = leads[i] ?? 0;
      if (l > 0) leadCovered.push(`M${i} ${leadMax - l}h1v${l}h-1z`);
      if (needed > l) {
        leadMissing.push(`M${i} ${leadMax - needed}h1v${needed - l}h-1z`);
        leadsShort++;
      }
      neededPath += `${i === 0 ? "M" : "L"}${i} ${leadMax - needed}L${i + 1} ${leadMax - needed}`;
    }
    return { maxY, covered: covered.join(""), short: short.join(""), over: over.join(""), reqPath, shortCount, overCount, maxShort, leadMax, leadCovered: leadCovered.join(""), leadMissing: leadMissing.join(""), neededPath, leadsShort };
  }, [board, n]);

  function onMove(e: MouseEvent<HTMLDivElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    const i = Math.floor(((e.clientX - rect.left) / rect.width) * n);
    setHover(i >= 0 && i < n ? i : null);
  }
  const hoverLine = hover === null ? null : <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 border-l border-slate-900/60" style={{ left: `${((hover + 0.5) / n) * 100}%` }} />;
  const hoverText =
    hover === null
      ? "Point at the coverage rows to read an interval."
      : `${formatInstant(axis.startMs + hover * intervalMs, zone)}: required ${board.requirement[hover] ?? 0}, on task ${board.agentsOnTask[hover] ?? 0}${
          (board.requirement[hover] ?? 0) > (board.agentsOnTask[hover] ?? 0)
            ? ` (${(board.requirement[hover] ?? 0) - (board.agentsOnTask[hover] ?? 0)} short)`
            : (board.agentsOnTask[hover] ?? 0) > (board.requirement[hover] ?? 0)
              ? ` (${(board.agentsOnTask[hover] ?? 0) - (board.requirement[hover] ?? 0)} over)`
              : ""
        }; leads on duty ${board.leadsOnDuty[hover] ?? 0} of ${Math.ceil((board.agentsOnTask[hover] ?? 0) / 15)} needed`;

  return (
    <div role="rowgroup" aria-label="Coverage">
      <div role="row" className="flex border-y border-slate-300 bg-slate-100">
        <div role="rowheader" className="sticky left-0 z-10 flex shrink-0 items-end border-r border-slate-200 bg-slate-100 px-2 pb-1 text-sm font-bold text-slate-800" style={{ width: NAME_COL }}>
          Coverage
        </div>
        <div role="cell" className="flex-1">
          <DayHeader days={props.days} />
        </div>
      </div>
      <div role="row" className="flex border-b border-slate-200">
        <div role="rowheader" className="sticky left-0 z-10 shrink-0 border-r border-slate-200 bg-white px-2 py-1 text-xs" style={{ width: NAME_COL }}>
          <span className="font-semibold">Agents on task vs required</span>
          <span className="mt-0.5 block text-slate-500">
            <span className="mr-1 inline-block h-2 w-2 bg-slate-400" /> covered <span className="mr-1 ml-1 inline-block h-2 w-2 bg-red-500" /> short{" "}
            <span className="mr-1 ml-1 inline-block h-2 w-2 bg-blue-500" /> over <span className="ml-1 inline-block w-3 border-t-2 border-slate-900 align-middle" /> required
          </span>
        </div>
        <div role="cell" className="relative h-24 flex-1" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
          <svg
            role="img"
            aria-label={`Agents on task against required: short in ${rows.shortCount} intervals (at most ${rows.maxShort} agents), over in ${rows.overCount} intervals`}
            viewBox={`0 0 ${n} ${rows.maxY}`}
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full"
          >
            <path d={rows.covered} fill="#94a3b8" />
            <path d={rows.short} fill="#ef4444" />
            <path d={rows.over} fill="#3b82f6" />
            <path d={rows.reqPath} fill="none" stroke="#0f172a" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
          </svg>
          {hoverLine}
        </div>
      </div>
      <div role="row" className="flex border-b border-slate-200">
        <div role="rowheader" className="sticky left-0 z-10 shrink-0 border-r border-slate-200 bg-white px-2 py-1 text-xs" style={{ width: NAME_COL }}>
          <span className="font-semibold">Leads on duty vs needed</span>
          <span className="mt-0.5 block text-slate-500">
            needed ⌈on task ÷ 15⌉ <span className="ml-1 inline-block h-2 w-2 bg-red-500" /> missing
          </span>
        </div>
        <div role="cell" className="relative h-12 flex-1" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
          <svg
            role="img"
            aria-label={`Leads on duty against needed: short of leads in ${rows.leadsShort} intervals`}
            viewBox={`0 0 ${n} ${rows.leadMax}`}
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full"
          >
            <path d={rows.leadCovered} fill="#a78bfa" />
            <path d={rows.leadMissing} fill="#ef4444" />
            <path d={rows.neededPath} fill="none" stroke="#4c1d95" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
          </svg>
          {hoverLine}
        </div>
      </div>
      <div role="row" className="flex">
        <div role="cell" aria-colspan={2} className="sticky left-0 px-2 py-1.5 text-xs text-slate-600" data-testid="coverage-readout">
          {hoverText}
        </div>
      </div>
    </div>
  );
}
