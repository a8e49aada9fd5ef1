"use client";
import { useState } from "react";
import { formatMinutes } from "@/app/_components/format";
import { CsvImportCard } from "../_components/csv-import";
import { EditButton, EditorCard, OrgPageHeader, TableCard, useEditor } from "../_components/editor";
import type { ChannelRow, PersonRow, RegionRow, TeamRow, TemplateRow } from "../_components/types";
import { ConfirmLifecycle, PasswordLinkPanel, RowActionButton, type AccountAction } from "./person-actions";
import { PersonForm, ROLE_LABEL } from "./person-form";

const PEOPLE_COLUMNS = [
  "email",
  "name",
  "role",
  "region",
  "team",
  "skills",
  "templates",
  "max_minutes_per_week",
  "min_minutes_per_week",
  "max_days_per_week",
  "max_consecutive_days",
  "min_rest_minutes",
  "annual_leave_hours",
] as const;

export function PeopleEditor({
  people,
  regions,
  teams,
  templates,
  channels,
  timeZones,
  actorId,
  zone,
  canImport,
  canLifecycle,
}: {
  people: PersonRow[];
  regions: RegionRow[];
  teams: TeamRow[];
  templates: TemplateRow[];
  channels: ChannelRow[];
  timeZones: string[];
  /** The signed-in manager, who cannot deactivate themself. */
  actorId: number;
  /** The organisation's zone, for the set-password link's expiry. */
  zone: string;
  canImport: boolean;
  canLifecycle: boolean;
}) {
  const editor = useEditor<PersonRow>();
  const { editing } = editor;
  const [filter, setFilter] = useState("");
  const [action, setAction] = useState<AccountAction | null>(null);
  const [actionStatus, setActionStatus] = useState<string | null>(null);
  const ask = (next: AccountAction) => {
    setActionStatus(null);
    setAction(next);
  };
  const active = people.filter((p) => p.active);
  const deactivated = people.filter((p) => !p.active);
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? active.filter((p) =>
        [p.name, p.email, p.role, regionById.get(p.regionId)?.name ?? "", p.teamId ? (teamById.get(p.teamId)?.name ?? "") : ""].some((s) =>
          s.toLowerCase().includes(needle),
        ),
      )
    : active;
  return (
    <div className="space-y-6">
      <OrgPageHeader
        title="People"
        intro="Agents, leads and managers: where they work, what they can handle, and the contract rosters must respect."
        newLabel="New person"
        onNew={editor.openNew}
        status={actionStatus ?? editor.status}
      />
      {canImport ? (
        <CsvImportCard kind="people" title="Import people" columns={PEOPLE_COLUMNS}>
          Region and team by name (a missing team is created; the lead listed in a team leads it), skills as channel ids or names and templates by name,
          separated by <code>;</code>; empty templates allow every template and empty numbers take the defaults. A known email updates that person (never
          their password); new people get no password until you send them a set-password link.
        </CsvImportCard>
      ) : null}
      {action?.kind === "link" ? <PasswordLinkPanel key={action.person.id} person={action.person} zone={zone} onClose={() => setAction(null)} /> : null}
      {action && action.kind !== "link" ? (
        <ConfirmLifecycle
          key={`${action.kind}-${action.person.id}`}
          action={{ kind: action.kind, person: action.person }}
          onDone={(message) => {
            setAction(null);
            setActionStatus(message);
          }}
          onCancel={() => setAction(null)}
        />
      ) : null}
      {editing ? (
        <EditorCard id="person-form" title={editing.mode === "new" ? "New person" : `Edit person: ${editing.row.name}`}>
          <PersonForm
            key={editing.mode === "new" ? "new" : editing.row.id}
            person={editing.mode === "edit" ? editing.row : null}
            regions={regions}
            teams={teams}
            templates={templates}
            channels={channels}
            timeZones={timeZones}
            onSaved={(name) => editor.saved(`${name} saved`)}
            onCancel={editor.close}
          />
        </EditorCard>
      ) : null}
      <TableCard
        id="people-table"
        title="Everyone"
        description={`${active.length} active people · ${active.filter((p) => p.role === "agent").length} agents · ${active.filter((p) => p.role === "lead").length} leads`}
      >
        <div className="mb-3 max-w-sm">
          <label htmlFor="people-filter" className="field-label">Filter by name, email, role, region or team</label>
          <input id="people-filter" type="search" className="field-input" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <table className="table-basic">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Region</th>
              <th>Team</th>
              <th>Skills</th>
              <th>Hours / week</th>
              <th>Days / week</th>
              <th>Rest</th>
              <th><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const region = regionById.get(p.regionId);
              return (
                <tr key={p.id} id={`person-${p.id}`} className={`target:bg-amber-100 ${editing?.mode === "edit" && editing.row.id === p.id ? "bg-amber-50" : ""}`}>
                  <td>
                    <span className="font-medium">{p.name}</span>
                    <span className="block text-xs text-slate-500">{p.email}</span>
                  </td>
                  <td>
                    {ROLE_LABEL[p.role]}
                    {p.role === "lead" && p.isPlanner ? <span className="block text-xs text-slate-500">Planner</span> : null}
                  </td>
                  <td>
                    {region?.name ?? "?"}
                    {p.timeZone && p.timeZone !== region?.timeZone ? <span className="block text-xs text-slate-500">{p.timeZone}</span> : null}
                  </td>
                  <td>{p.teamId ? (teamById.get(p.teamId)?.name ?? "?") : "—"}</td>
                  <td>{p.skills.join(", ") || "—"}</td>
                  <td className="whitespace-nowrap">{formatMinutes(p.minMinutesPerWeek)}–{formatMinutes(p.maxMinutesPerWeek)}</td>
                  <td>≤ {p.maxDaysPerWeek}</td>
                  <td className="whitespace-nowrap">{formatMinutes(p.minRestMinutes)}</td>
                  <td className="whitespace-nowrap text-right">
                    <span className="inline-flex gap-2">
                      <EditButton name={p.name} onClick={() => editor.openEdit(p)} />
                      {canLifecycle ? <RowActionButton label="Password link" name={`for ${p.name}`} onClick={() => ask({ kind: "link", person: p })} /> : null}
                      {canLifecycle && p.id !== actorId ? <RowActionButton label="Deactivate" name={p.name} onClick={() => ask({ kind: "deactivate", person: p })} /> : null}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="mt-3 text-sm text-slate-600">Nobody matches “{filter}”.</p> : null}
      </TableCard>
      {deactivated.length > 0 ? (
        <TableCard id="deactivated-table" title="Deactivated" description="People who left: their history is kept; they cannot sign in and are not rostered.">
          <table className="table-basic">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Region</th>
                <th><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {deactivated.map((p) => (
                <tr key={p.id} id={`person-${p.id}`} className="text-slate-500 target:bg-amber-100">
                  <td>
                    <span className="font-medium">{p.name}</span>
                    <span className="block text-xs">{p.email}</span>
                  </td>
                  <td>{ROLE_LABEL[p.role]}</td>
                  <td>{regionById.get(p.regionId)?.name ?? "?"}</td>
                  <td className="text-right">
                    {canLifecycle ? <RowActionButton label="Reactivate" name={p.name} onClick={() => ask({ kind: "reactivate", person: p })} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableCard>
      ) : null}
    </div>
  );
}
