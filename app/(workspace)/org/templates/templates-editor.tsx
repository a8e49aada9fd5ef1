"use client";
import { formatMinutes } from "@/app/_components/format";
import { EditButton, EditorCard, OrgPageHeader, TableCard, useEditor } from "../_components/editor";
import type { TemplateRow } from "../_components/types";
import { TemplateForm } from "./template-form";

type TemplateWithCount = TemplateRow & { peopleCount: number };

export function TemplatesEditor({ templates, intervalMinutes }: { templates: TemplateWithCount[]; intervalMinutes: number }) {
  const editor = useEditor<TemplateWithCount>();
  const { editing } = editor;
  return (
    <div className="space-y-6">
      <OrgPageHeader
        title="Shift templates"
        intro="The shapes a roster may use: a length, where a shift may start, and breaks placed within a window after the start."
        newLabel="New shift template"
        onNew={editor.openNew}
        status={editor.status}
      />
      {editing ? (
        <EditorCard id="template-form" title={editing.mode === "new" ? "New shift template" : `Edit shift template: ${editing.row.name}`}>
          <TemplateForm
            key={editing.mode === "new" ? "new" : editing.row.id}
            template={editing.mode === "edit" ? editing.row : null}
            intervalMinutes={intervalMinutes}
            onSaved={(name) => editor.saved(`Shift template "${name}" saved`)}
            onCancel={editor.close}
          />
        </EditorCard>
      ) : null}
      <TableCard id="templates-table" title="All shift templates">
        <table className="table-basic">
          <thead>
            <tr>
              <th>Template</th>
              <th>Length</th>
              <th>Starts every</th>
              <th>Breaks</th>
              <th>People allowed</th>
              <th><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id} className={editing?.mode === "edit" && editing.row.id === t.id ? "bg-amber-50" : undefined}>
                <td className="font-medium">{t.name}</td>
                <td>{formatMinutes(t.minutes)}</td>
                <td>{t.startStepMinutes === null ? `${intervalMinutes} min (planning interval)` : `${t.startStepMinutes} min`}</td>
                <td>
                  {t.breaks.length === 0 ? (
                    "—"
                  ) : (
                    <ul className="space-y-0.5">
                      {t.breaks.map((b, i) => (
                        <li key={i}>
                          {b.minutes} min, starting {formatMinutes(b.earliestAfterMinutes)}–{formatMinutes(b.latestAfterMinutes)} in
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{t.peopleCount}</td>
                <td className="text-right"><EditButton name={t.name} onClick={() => editor.openEdit(t)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableCard>
    </div>
  );
}
