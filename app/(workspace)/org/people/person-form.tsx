"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { Role } from "@/db/schema";
import { DEFAULT_CONTRACT } from "@/server/domain/roster/contract";
import { useRefreshOrg } from "../_components/editor";
import { CheckboxGroup, Field, FormActions, GeneralError, INPUT_CLASS, readNumber, splitErrors } from "../_components/form-bits";
import type { ChannelRow, PersonRow, RegionRow, TeamRow, TemplateRow } from "../_components/types";

export const ROLE_LABEL: Record<Role, string> = { agent: "Agent", lead: "Team lead", manager: "Manager" };
const ROLES = Object.keys(ROLE_LABEL) as Role[];

const FIELDS = [
  "name",
  "email",
  "role",
  "regionId",
  "timeZone",
  "teamId",
  "isPlanner",
  "skills",
  "templateIds",
  "password",
  "minMinutesPerWeek",
  "maxMinutesPerWeek",
  "maxDaysPerWeek",
  "minRestMinutes",
] as const;

/** Minutes shown as hours in the form ("37.5"); the API stores minutes. */
function hours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

export function PersonForm({
  person,
  regions,
  teams,
  templates,
  channels,
  timeZones,
  onSaved,
  onCancel,
}: {
  person: PersonRow | null;
  regions: RegionRow[];
  teams: TeamRow[];
  templates: TemplateRow[];
  channels: ChannelRow[];
  timeZones: string[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshOrg();
  const [name, setName] = useState(person?.name ?? "");
  const [email, setEmail] = useState(person?.email ?? "");
  const [role, setRole] = useState<Role>(person?.role ?? "agent");
  const [regionId, setRegionId] = useState(String(person?.regionId ?? regions[0]?.id ?? ""));
  const [timeZone, setTimeZone] = useState(person?.timeZone ?? "");
  const [teamId, setTeamId] = useState(person?.teamId == null ? "" : String(person.teamId));
  const [isPlanner, setIsPlanner] = useState(person?.isPlanner ?? false);
  const [skills, setSkills] = useState<string[]>(person?.skills ?? []);
  const [templateIds, setTemplateIds] = useState<number[]>(person?.templateIds ?? []);
  const [minHours, setMinHours] = useState(hours(person?.minMinutesPerWeek ?? 1800));
  const [maxHours, setMaxHours] = useState(hours(person?.maxMinutesPerWeek ?? DEFAULT_CONTRACT.maxMinutesPerWeek));
  const [maxDays, setMaxDays] = useState(String(person?.maxDaysPerWeek ?? DEFAULT_CONTRACT.maxDaysPerWeek));
  const [restHours, setRestHours] = useState(hours(person?.minRestMinutes ?? DEFAULT_CONTRACT.minRestMinutes));
  const [password, setPassword] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});

  const onSuccess = (saved: { name: string } | undefined) => {
    refresh();
    onSaved(saved?.name ?? name);
  };
  const create = useMutation(trpc.org.createPerson.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.org.updatePerson.mutationOptions({ onSuccess }));
  const mutation = person ? update : create;
  const { fieldErrors, general } = splitErrors(mutation.error, FIELDS, clientErrors);

  const region = regions.find((r) => String(r.id) === regionId);
  const zoneChoices = timeZone && !timeZones.includes(timeZone) ? [timeZone, ...timeZones] : timeZones;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const minMinutesPerWeek = Math.round(readNumber(minHours, "minMinutesPerWeek", errors) * 60);
    const maxMinutesPerWeek = Math.round(readNumber(maxHours, "maxMinutesPerWeek", errors) * 60);
    const maxDaysPerWeek = readNumber(maxDays, "maxDaysPerWeek", errors);
    const minRestMinutes = Math.round(readNumber(restHours, "minRestMinutes", errors) * 60);
    // The server's limit is 1440 minutes; say it in the unit this form uses.
    if (minRestMinutes > 1440) errors.minRestMinutes = ["At most 24 hours"];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input = {
      name,
      email: email.trim(),
      role,
      regionId: Number(regionId),
      timeZone: timeZone.trim() === "" ? null : timeZone.trim(),
      teamId: teamId === "" ? null : Number(teamId),
      // Only a lead can be a planner; switching the role away drops the mark.
      isPlanner: role === "lead" && isPlanner,
      skills,
      templateIds,
      minMinutesPerWeek,
      maxMinutesPerWeek,
      maxDaysPerWeek,
      minRestMinutes,
      // On edit an empty box keeps the current password.
      ...(password === "" ? {} : { password }),
    };
    if (person) update.mutate({ ...input, id: person.id });
    else create.mutate(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="person-name" name="name" label="Name" errors={fieldErrors.name}>
          {(control) => <input {...control} type="text" autoComplete="off" className={INPUT_CLASS} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="person-email" name="email" label="Email" errors={fieldErrors.email}>
          {(control) => <input {...control} type="email" autoComplete="off" className={INPUT_CLASS} value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="person-role" name="role" label="Role" errors={fieldErrors.role}>
          {(control) => (
            <select {...control} className={INPUT_CLASS} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
            </select>
          )}
        </Field>
        <Field id="person-region" name="regionId" label="Region" errors={fieldErrors.regionId}>
          {(control) => (
            <select {...control} className={INPUT_CLASS} value={regionId} onChange={(e) => setRegionId(e.target.value)}>
              {regions.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.timeZone})</option>)}
            </select>
          )}
        </Field>
        <Field
          id="person-time-zone"
          name="timeZone"
          label="Own time zone"
          hint="For someone working remotely from another zone."
          errors={fieldErrors.timeZone}
        >
          {(control) =>
            timeZones.length > 0 ? (
              <select {...control} className={INPUT_CLASS} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                <option value="">Same as region{region ? ` (${region.timeZone})` : ""}</option>
                {zoneChoices.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
              </select>
            ) : (
              <input {...control} type="text" placeholder="Same as region" className={INPUT_CLASS} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
            )
          }
        </Field>
        <Field id="person-team" name="teamId" label="Team" errors={fieldErrors.teamId}>
          {(control) => (
            <select {...control} className={INPUT_CLASS} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">No team</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.regionName})</option>)}
            </select>
          )}
        </Field>
        {role === "lead" && (
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor="person-is-planner" className="flex items-start gap-2 text-sm text-slate-800">
              <input
                id="person-is-planner"
                name="isPlanner"
                type="checkbox"
                className="mt-0.5 h-4 w-4"
                checked={isPlanner}
                onChange={(e) => setIsPlanner(e.target.checked)}
                aria-describedby="person-is-planner-hint"
              />
              <span className="font-medium">Planner for the whole organisation</span>
            </label>
            <p id="person-is-planner-hint" className="ml-6 text-xs text-slate-500">
              May import history, forecast, change targets and settings, import people, and build and publish the organisation&apos;s roster. Without it a lead edits their own teams&apos; shifts and approves their requests.
            </p>
            {fieldErrors.isPlanner?.map((message) => <p key={message} className="ml-6 text-sm text-red-700">{message}</p>)}
          </div>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <CheckboxGroup
          id="person-skills"
          legend="Skills (channels this person can handle)"
          choices={channels.map((c) => ({ value: c.key, label: c.name }))}
          selected={skills}
          onChange={setSkills}
          errors={fieldErrors.skills}
          columns="sm:grid-cols-2"
        />
        <CheckboxGroup
          id="person-templates"
          legend="Allowed shift templates"
          choices={templates.map((t) => ({ value: t.id, label: t.name }))}
          selected={templateIds}
          onChange={setTemplateIds}
          errors={fieldErrors.templateIds}
          columns="sm:grid-cols-2"
        />
      </div>

      <fieldset>
        <legend className="text-base font-semibold text-slate-800">Contract</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="person-min-hours" name="minMinutesPerWeek" label="Min hours per week" errors={fieldErrors.minMinutesPerWeek}>
            {(control) => <input {...control} type="number" inputMode="decimal" min={0} max={70} step={0.5} className={INPUT_CLASS} value={minHours} onChange={(e) => setMinHours(e.target.value)} />}
          </Field>
          <Field id="person-max-hours" name="maxMinutesPerWeek" label="Max hours per week" errors={fieldErrors.maxMinutesPerWeek}>
            {(control) => <input {...control} type="number" inputMode="decimal" min={0} max={70} step={0.5} className={INPUT_CLASS} value={maxHours} onChange={(e) => setMaxHours(e.target.value)} />}
          </Field>
          <Field id="person-max-days" name="maxDaysPerWeek" label="Max days per week" errors={fieldErrors.maxDaysPerWeek}>
            {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={7} step={1} className={INPUT_CLASS} value={maxDays} onChange={(e) => setMaxDays(e.target.value)} />}
          </Field>
          <Field id="person-min-rest" name="minRestMinutes" label="Min rest between shifts (hours)" errors={fieldErrors.minRestMinutes}>
            {(control) => <input {...control} type="number" inputMode="decimal" min={0} max={24} step={0.5} className={INPUT_CLASS} value={restHours} onChange={(e) => setRestHours(e.target.value)} />}
          </Field>
        </div>
      </fieldset>

      <Field
        id="person-password"
        name="password"
        label={person ? "New password (optional)" : "Initial password"}
        hint={person ? "Leave empty to keep the current password." : "At least 10 characters; share it with the person privately."}
        errors={fieldErrors.password}
        className="max-w-sm"
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" className={INPUT_CLASS} value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>

      <GeneralError message={general} />
      <FormActions pending={mutation.isPending} submitLabel={person ? "Save person" : "Create person"} onCancel={onCancel} />
    </form>
  );
}
