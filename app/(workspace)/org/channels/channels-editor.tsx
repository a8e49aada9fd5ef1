"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import type { ChannelsView } from "@/server/services/org/channels";
import { EditButton, EditorCard, OrgPageHeader, TableCard, useEditor } from "../_components/editor";
import { GeneralError } from "../_components/form-bits";
import { ChannelForm } from "./channel-form";
import { useRefreshPlans } from "./use-refresh-plans";
import { CHANNEL_KIND_LABELS, isLiveKind } from "./channel-values";

type Channel = ChannelsView["channels"][number];

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 1000) / 10}%`);

/** The targets of a channel in one line, as its kind uses them. */
function targetText(c: Channel): string {
  if (isLiveKind(c.kind)) {
    const parts = [`${pct(c.targetSl)} within ${c.targetSeconds ?? "—"} s`];
    if (c.targetAsaSeconds !== null) parts.push(`average answer ≤ ${c.targetAsaSeconds} s`);
    if (c.kind === "chat") parts.push(`${c.concurrency} at once`);
    return parts.join(", ");
  }
  return `every item within ${c.responseMinutes ?? "—"} min`;
}

export function ChannelsEditor({ view }: { view: ChannelsView }) {
  const editor = useEditor<Channel>();
  const { editing } = editor;
  const trpc = useTRPC();
  const refresh = useRefreshPlans();
  const retire = useMutation(
    trpc.channels.setRetired.mutationOptions({
      onSuccess: (row) => {
        refresh();
        editor.saved(row.retiredAt ? `Channel "${row.name}" retired; its history is kept` : `Channel "${row.name}" is back in service; re-forecast to plan for it`);
      },
    }),
  );
  return (
    <div className="space-y-6">
      <OrgPageHeader
        title="Channels and targets"
        intro="Each channel's service targets drive the requirement. Changing a target recomputes the stored forecast's requirement from this week on and marks draft rosters on those weeks stale."
        newLabel="New channel"
        onNew={editor.openNew}
        status={editor.status}
      />
      {editing ? (
        <EditorCard id="channel-form" title={editing.mode === "new" ? "New channel" : `Edit channel: ${editing.row.name}`}>
          <ChannelForm
            key={editing.mode === "new" ? "new" : editing.row.key}
            channel={editing.mode === "edit" ? editing.row : null}
            view={view}
            onSaved={editor.saved}
            onCancel={editor.close}
          />
        </EditorCard>
      ) : null}
      <GeneralError message={retire.error ? retire.error.message : null} />
      <TableCard id="channels-table" title="All channels" description="Retired channels are neither forecast nor staffed; their history stays.">
        <table className="table-basic">
          <thead>
            <tr>
              <th>Channel</th>
              <th>Kind</th>
              <th>Target</th>
              <th>Shrinkage</th>
              <th>Occupancy cap</th>
              <th>AHT</th>
              <th>Demand zone</th>
              <th>Status</th>
              <th><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {view.channels.map((c) => (
              <tr key={c.key} className={c.retiredAt ? "text-slate-500" : editing?.mode === "edit" && editing.row.key === c.key ? "bg-amber-50" : undefined}>
                <td className="font-medium">{c.name} <span className="text-xs text-slate-500">({c.key})</span></td>
                <td>{CHANNEL_KIND_LABELS[c.kind]}</td>
                <td>{targetText(c)}</td>
                <td>{pct(c.shrinkage)}</td>
                <td>{pct(c.maxOccupancy)}</td>
                <td>{c.ahtSeconds} s</td>
                <td>{c.demandZone ?? `${view.orgZone} (organisation)`}</td>
                <td>{c.retiredAt ? "Retired" : "In service"}</td>
                <td className="space-x-2 whitespace-nowrap text-right">
                  {c.retiredAt ? null : <EditButton name={c.name} onClick={() => editor.openEdit(c)} />}
                  <button type="button" className="btn-secondary" disabled={retire.isPending} onClick={() => retire.mutate({ key: c.key, retired: c.retiredAt === null })}>
                    {c.retiredAt ? "Return to service" : "Retire"}
                    <span className="sr-only"> {c.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableCard>
    </div>
  );
}
