"use client";
import { SpanBadge } from "@/app/_components/span-badge";
import { EditButton, EditorCard, OrgPageHeader, TableCard, useEditor } from "../_components/editor";
import type { TeamRow } from "../_components/types";
import { TeamForm, type LeadOption } from "./team-form";

export function TeamsEditor({
  teams,
  regions,
  leads,
}: {
  teams: TeamRow[];
  regions: { id: number; name: string }[];
  leads: LeadOption[];
}) {
  const editor = useEditor<TeamRow>();
  const { editing } = editor;
  const breaking = teams.filter((t) => t.span !== "ok");
  return (
    <div className="space-y-6">
      <OrgPageHeader
        title="Teams"
        intro="A team is a lead and their agents, in one region; the guidance is one lead per 8–15 agents."
        newLabel="New team"
        onNew={editor.openNew}
        status={editor.status}
      />
      {editing ? (
        <EditorCard id="team-form" title={editing.mode === "new" ? "New team" : `Edit team: ${editing.row.name}`}>
          <TeamForm
            key={editing.mode === "new" ? "new" : editing.row.id}
            team={editing.mode === "edit" ? editing.row : null}
            regions={regions}
            leads={leads}
            onSaved={(name) => editor.saved(`Team "${name}" saved`)}
            onCancel={editor.close}
          />
        </EditorCard>
      ) : null}
      <TableCard
        id="teams-table"
        title="All teams"
        description={
          breaking.length === 0
            ? "Every team is within the 8–15 agents per lead guidance."
            : `${breaking.length} of ${teams.length} team(s) fall outside the 8–15 agents per lead guidance.`
        }
      >
        <table className="table-basic">
          <thead>
            <tr>
              <th>Team</th>
              <th>Region</th>
              <th>Lead</th>
              <th>Agents</th>
              <th>Span</th>
              <th>Swaps</th>
              <th><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.id} className={editing?.mode === "edit" && editing.row.id === t.id ? "bg-amber-50" : undefined}>
                <td className="font-medium">{t.name}</td>
                <td>{t.regionName}</td>
                <td>{t.leadName ?? "—"}</td>
                <td>{t.agentCount}</td>
                <td><SpanBadge span={t.span} range={t.leadSpan} /></td>
                <td>{t.autoApproveSwaps ? "Auto-approved" : "Lead approves"}</td>
                <td className="text-right"><EditButton name={t.name} onClick={() => editor.openEdit(t)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableCard>
    </div>
  );
}
