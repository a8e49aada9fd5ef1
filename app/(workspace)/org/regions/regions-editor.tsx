"use client";
import { formatWorkingDays } from "@/app/_components/format";
import { CsvImportCard } from "../_components/csv-import";
import { EditButton, EditorCard, OrgPageHeader, TableCard, useEditor } from "../_components/editor";
import type { RegionRow } from "../_components/types";
import { RegionForm } from "./region-form";

type RegionWithCounts = RegionRow & { peopleCount: number; teamCount: number };

const REGION_COLUMNS = ["name", "time_zone", "earliest_start", "latest_end", "working_days", "cost_per_hour"] as const;

export function RegionsEditor({ regions, currency, timeZones }: { regions: RegionWithCounts[]; currency: string; timeZones: string[] }) {
  const editor = useEditor<RegionWithCounts>();
  const { editing } = editor;
  return (
    <div className="space-y-6">
      <OrgPageHeader
        title="Regions"
        intro="Each region plans in its own IANA time zone; the working window is local wall-clock time there."
        newLabel="New region"
        onNew={editor.openNew}
        status={editor.status}
      />
      <CsvImportCard kind="regions" title="Import regions" columns={REGION_COLUMNS}>
        Times are local <code>HH:mm</code> in the region&apos;s IANA zone (an end at or before the start runs past midnight); working days like{" "}
        <code>Mon-Fri</code> or <code>Mon,Wed,Fri</code> (empty: every day); the cost per agent hour in {currency}. A known name updates that region.
      </CsvImportCard>
      {editing ? (
        <EditorCard id="region-form" title={editing.mode === "new" ? "New region" : `Edit region: ${editing.row.name}`}>
          <RegionForm
            key={editing.mode === "new" ? "new" : editing.row.id}
            region={editing.mode === "edit" ? editing.row : null}
            currency={currency}
            timeZones={timeZones}
            onSaved={(name) => editor.saved(`Region "${name}" saved`)}
            onCancel={editor.close}
          />
        </EditorCard>
      ) : null}
      <TableCard id="regions-table" title="All regions">
        <table className="table-basic">
          <thead>
            <tr>
              <th>Region</th>
              <th>Time zone</th>
              <th>Working window (local)</th>
              <th>Days</th>
              <th>Hourly staff cost</th>
              <th>People</th>
              <th>Teams</th>
              <th><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.id} className={editing?.mode === "edit" && editing.row.id === r.id ? "bg-amber-50" : undefined}>
                <td className="font-medium">{r.name}</td>
                <td>{r.timeZone}</td>
                <td>{r.windowStart}–{r.windowEnd}{r.windowEnd <= r.windowStart ? " (next day)" : ""}</td>
                <td>{formatWorkingDays(r.workingDays)}</td>
                <td>{(r.hourlyCostCents / 100).toFixed(2)} {currency}</td>
                <td>{r.peopleCount}</td>
                <td>{r.teamCount}</td>
                <td className="text-right"><EditButton name={r.name} onClick={() => editor.openEdit(r)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableCard>
    </div>
  );
}
