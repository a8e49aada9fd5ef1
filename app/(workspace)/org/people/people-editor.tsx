"use client";
import { useState } from "react";
import { formatMinutes } from "@/app/_components/format";
import { EditButton, EditorCard, OrgPageHeader, TableCard, useEditor } from "../_components/editor";
import type { ChannelRow, PersonRow, RegionRow, TeamRow, TemplateRow } from "../_components/types";
import { PersonForm, ROLE_LABEL } from "./person-form";

export function PeopleEditor({
  people,
  regions,
  teams,
  templates,
  channels,
  timeZones,
}: {
  people: PersonRow[];
  regions: RegionRow[];
  teams: TeamRow[];
  templates: TemplateRow[];
  channels: ChannelRow[];
  timeZones: string[];
}) {
  const editor = useEditor<PersonRow>();
  const { editing } = editor;
  const [filter, setFilter] = useState("");
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? people.filter((p) =>
        [p.name, p.email, p.role, regionById.get(p.regionId)?.name ?? "", p.teamId ? (teamById.get(p.teamId)?.name ?? "") : ""].some((s) =>
          s.toLowerCase().includes(needle),
        ),
      )
    : people;
  return (
    <div className="space-y-6">
      <OrgPageHeader
        title="People"
        intro="Agents, leads and managers: where they work, what they can handle, and the contract rosters must respect."
        newLabel="New person"
        onNew={editor.openNew}
        status={editor.status}
      />
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
        description={`${people.length} people · ${people.filter((p) => p.role === "agent").length} agents · ${people.filter((p) => p.role === "lead").length} leads`}
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
                <tr key={p.id} className={editing?.mode === "edit" && editing.row.id === p.id ? "bg-amber-50" : p.active ? undefined : "text-slate-400"}>
                  <td>
                    <span className="font-medium">{p.name}</span>
                    <span className="block text-xs text-slate-500">{p.email}</span>
                  </td>
                  <td>{ROLE_LABEL[p.role]}{p.active ? "" : " (inactive)"}</td>
                  <td>
                    {region?.name ?? "?"}
                    {p.timeZone && p.timeZone !== region?.timeZone ? <span className="block text-xs text-slate-500">{p.timeZone}</span> : null}
                  </td>
                  <td>{p.teamId ? (teamById.get(p.teamId)?.name ?? "?") : "—"}</td>
                  <td>{p.skills.join(", ") || "—"}</td>
                  <td className="whitespace-nowrap">{formatMinutes(p.minMinutesPerWeek)}–{formatMinutes(p.maxMinutesPerWeek)}</td>
                  <td>≤ {p.maxDaysPerWeek}</td>
                  <td className="whitespace-nowrap">{formatMinutes(p.minRestMinutes)}</td>
                  <td className="text-right"><EditButton name={p.name} onClick={() => editor.openEdit(p)} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="mt-3 text-sm text-slate-600">Nobody matches “{filter}”.</p> : null}
      </TableCard>
    </div>
  );
}
