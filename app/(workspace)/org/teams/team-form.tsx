"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { useRefreshOrg } from "../_components/editor";
import { Field, FormActions, GeneralError, INPUT_CLASS, splitErrors } from "../_components/form-bits";
import type { TeamRow } from "../_components/types";

export interface LeadOption {
  id: number;
  name: string;
  regionName: string;
}

const FIELDS = ["name", "regionId", "leadId"] as const;

export function TeamForm({
  team,
  regions,
  leads,
  onSaved,
  onCancel,
}: {
  team: TeamRow | null;
  regions: { id: number; name: string }[];
  leads: LeadOption[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshOrg();
  const [name, setName] = useState(team?.name ?? "");
  const [regionId, setRegionId] = useState(String(team?.regionId ?? regions[0]?.id ?? ""));
  const [leadId, setLeadId] = useState(team?.leadId == null ? "" : String(team.leadId));
  const [autoApproveSwaps, setAutoApproveSwaps] = useState(team?.autoApproveSwaps ?? false);

  const onSuccess = (saved: { name: string }) => {
    refresh();
    onSaved(saved.name);
  };
  const create = useMutation(trpc.org.createTeam.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.org.updateTeam.mutationOptions({ onSuccess }));
  const mutation = team ? update : create;
  const { fieldErrors, general } = splitErrors(mutation.error, FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { name, regionId: Number(regionId), leadId: leadId === "" ? null : Number(leadId), autoApproveSwaps };
    if (team) update.mutate({ ...input, id: team.id });
    else create.mutate(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="team-name" name="name" label="Name" errors={fieldErrors.name}>
          {(control) => <input {...control} type="text" className={INPUT_CLASS} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="team-region" name="regionId" label="Region" errors={fieldErrors.regionId}>
          {(control) => (
            <select {...control} className={INPUT_CLASS} value={regionId} onChange={(e) => setRegionId(e.target.value)}>
              {regions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            </select>
          )}
        </Field>
        <Field
          id="team-lead"
          name="leadId"
          label="Team lead"
          hint="People with the lead role. Choosing a lead moves them into this team."
          errors={fieldErrors.leadId}
        >
          {(control) => (
            <select {...control} className={INPUT_CLASS} value={leadId} onChange={(e) => setLeadId(e.target.value)}>
              <option value="">No lead yet</option>
              {leads.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.regionName})</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="flex items-start gap-2">
        <input
          id="team-auto-approve"
          type="checkbox"
          className="mt-1"
          checked={autoApproveSwaps}
          onChange={(e) => setAutoApproveSwaps(e.target.checked)}
          aria-describedby="team-auto-approve-hint"
        />
        <div>
          <label htmlFor="team-auto-approve" className="text-sm font-medium text-slate-700">Approve swaps automatically</label>
          <p id="team-auto-approve-hint" className="text-xs text-slate-600">
            When every rule check passes and the projected service level does not get worse, an accepted swap is approved at once.
          </p>
        </div>
      </div>
      <GeneralError message={general} />
      <FormActions pending={mutation.isPending} submitLabel={team ? "Save team" : "Create team"} onCancel={onCancel} />
    </form>
  );
}
