/**
 * The people import file: columns `email,name,role,region,team,skills,templates,
 * max_minutes_per_week,min_minutes_per_week,max_days_per_week,max_consecutive_days,
 * min_rest_minutes,annual_leave_hours`. Pure: it checks every row against the organisation's
 * regions, teams, channels and templates and refuses the whole file on any problem, naming the
 * row (the header is row 1) and the column; the use case (server/services/org/import-people.ts)
 * writes the result in one transaction.
 */
import { z } from "zod";
import type { Role } from "@/db/schema";
import { DEFAULT_CONTRACT } from "../domain/roster/contract";
import { parseDecimal, parseWholeNumber, readCsvTable, RowErrors, type CsvRecord } from "./csv-table";

/** What an empty number cell means: the organisation's default contract, six days in a row, no leave. */
export const PERSON_IMPORT_DEFAULTS = {
  ...DEFAULT_CONTRACT,
  maxConsecutiveDays: 6,
  annualLeaveHours: 0,
} as const;

export type ImportContract = { -readonly [K in keyof typeof PERSON_IMPORT_DEFAULTS]: number };

/** One person as the file describes them. A known email updates that person (never their password). */
export interface PersonImportRow {
  row: number;
  /** Lower-cased. */
  email: string;
  name: string;
  role: Role;
  regionId: number;
  /** The team by name (as first written in the file for a new one); null for none. */
  team: { name: string; existingId: number | null } | null;
  /** Channel keys. */
  skills: string[];
  /** Allowed shift templates: every template when the cell is empty. */
  templateIds: number[];
  contract: ImportContract;
  /** The id of the person with this email, or null for a new person. */
  existingId: number | null;
}

/** A team the file names that does not exist yet: it is created in the region of its first row. */
export interface NewTeamSpec {
  name: string;
  regionId: number;
  row: number;
}

export interface PeopleCsvResult {
  rows: PersonImportRow[];
  newTeams: NewTeamSpec[];
  /** Team name (lower-cased) → the email of the lead the file lists in it. */
  leadEmailByTeam: Map<string, string>;
}

/** The organisation the file is checked against. */
export interface PeopleCsvContext {
  regions: readonly { id: number; name: string }[];
  teams: readonly { id: number; name: string; regionId: number }[];
  channels: readonly { key: string; name: string }[];
  templates: readonly { id: number; name: string }[];
  people: readonly { id: number; email: string }[];
}

export const PEOPLE_COLUMNS = {
  required: ["email", "name", "role", "region"],
  optional: [
    "team",
    "skills",
    "templates",
    "max_minutes_per_week",
    "min_minutes_per_week",
    "max_days_per_week",
    "max_consecutive_days",
    "min_rest_minutes",
    "annual_leave_hours",
  ],
} as const;

const ROLES: readonly Role[] = ["agent", "lead", "manager"];
const ZEmail = z.email();

/** Each number column: its contract field, bounds, and whether it may have decimals. */
const NUMBER_COLUMNS = [
  { column: "max_minutes_per_week", field: "maxMinutesPerWeek", min: 0, max: 4200, decimal: false },
  { column: "min_minutes_per_week", field: "minMinutesPerWeek", min: 0, max: 4200, decimal: false },
  { column: "max_days_per_week", field: "maxDaysPerWeek", min: 1, max: 7, decimal: false },
  { column: "max_consecutive_days", field: "maxConsecutiveDays", min: 1, max: 14, decimal: false },
  { column: "min_rest_minutes", field: "minRestMinutes", min: 0, max: 1440, decimal: false },
  { column: "annual_leave_hours", field: "annualLeaveHours", min: 0, max: 2000, decimal: true },
] as const satisfies readonly { column: string; field: keyof ImportContract; min: number; max: number; decimal: boolean }[];

const listOf = (text: string) =>
  text
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/** The contract from the number cells, empty cells taking the defaults; `undefined` after a bad cell. */
function readContract(record: CsvRecord, fail: (field: string, detail: string) => void): ImportContract | undefined {
  const contract: ImportContract = { ...PERSON_IMPORT_DEFAULTS };
  let ok = true;
  for (const spec of NUMBER_COLUMNS) {
    const text = record.cell(spec.column);
    if (text === "") continue;
    const value = spec.decimal ? parseDecimal(text) : parseWholeNumber(text);
    if (value === null || value < spec.min || value > spec.max) {
      fail(spec.column, `expected ${spec.decimal ? "a number" : "a whole number"} from ${spec.min} to ${spec.max}, got "${text}"`);
      ok = false;
    } else contract[spec.field] = value;
  }
  if (ok && contract.minMinutesPerWeek > contract.maxMinutesPerWeek) {
    fail("min_minutes_per_week", `${contract.minMinutesPerWeek} is more than max_minutes_per_week (${contract.maxMinutesPerWeek})`);
    return undefined;
  }
  return ok ? contract : undefined;
}

/**
 * Parses and checks a people file against the organisation (`context`). Regions, teams, skills
 * (channel ids or names) and templates match without regard to case; teams the file names that
 * do not exist are created in the region of their first row; a team's lead is the row with role
 * "lead" in it. Refuses the whole file on any bad row, with every problem (up to 20) named by
 * row and column: unknown role, region, skill or template, a duplicate email, a team in another
 * region, two leads in one team, bad numbers, minimum hours above maximum.
 * @example
 * parsePeopleCsv("email,name,role,region\nada@example.com,Ada Lovelace,agent,emea\n", {
 *   regions: [{ id: 1, name: "EMEA" }], teams: [], channels: [], templates: [{ id: 4, name: "Day" }], people: [] }).rows[0]
 * //=> { row: 2, email: "ada@example.com", name: "Ada Lovelace", role: "agent", regionId: 1, team: null, skills: [],
 * //     templateIds: [4], contract: { maxMinutesPerWeek: 2400, … }, existingId: null }
 */
export function parsePeopleCsv(text: string, context: PeopleCsvContext): PeopleCsvResult {
  const errors = new RowErrors("people");
  const records = readCsvTable(text, PEOPLE_COLUMNS, errors);
  const regionByName = new Map(context.regions.map((r) => [r.name.toLowerCase(), r]));
  const regionName = new Map(context.regions.map((r) => [r.id, r.name]));
  const teamByName = new Map(context.teams.map((t) => [t.name.toLowerCase(), t]));
  const channelByName = new Map<string, string>();
  for (const c of context.channels) {
    channelByName.set(c.name.toLowerCase(), c.key);
    channelByName.set(c.key.toLowerCase(), c.key);
  }
  const templateByName = new Map(context.templates.map((t) => [t.name.toLowerCase(), t.id]));
  const allTemplateIds = context.templates.map((t) => t.id);
  const personByEmail = new Map(context.people.map((p) => [p.email.toLowerCase(), p.id]));

  const emailRow = new Map<string, number>();
  const newTeams = new Map<string, NewTeamSpec>();
  const leadRowByTeam = new Map<string, { row: number; email: string }>();
  const rows: PersonImportRow[] = [];
  for (const record of records) {
    const { row } = record;
    let ok = true;
    const fail = (field: string, detail: string) => {
      errors.fail(row, field, detail);
      ok = false;
    };

    const emailText = record.cell("email");
    const email = emailText.toLowerCase();
    if (!ZEmail.safeParse(email).success) fail("email", `expected an email address, got "${emailText}"`);
    else {
      const earlier = emailRow.get(email);
      if (earlier !== undefined) fail("email", `duplicate: row ${earlier} already has ${email}`);
      else emailRow.set(email, row);
    }

    const name = record.cell("name");
    if (name.length < 2 || name.length > 80) fail("name", `expected a name of 2 to 80 characters, got "${name}"`);

    const roleText = record.cell("role");
    const role = ROLES.find((r) => r === roleText.toLowerCase());
    if (role === undefined) fail("role", `expected one of ${ROLES.join(", ")}, got "${roleText}"`);

    const regionText = record.cell("region");
    const region = regionByName.get(regionText.toLowerCase());
    if (region === undefined) {
      const known = context.regions.map((r) => r.name).join(", ") || "none yet: import regions first";
      fail("region", regionText === "" ? `expected a region name (known: ${known})` : `no region named "${regionText}" (known: ${known})`);
    }

    let team: PersonImportRow["team"] = null;
    const teamText = record.cell("team");
    if (teamText !== "" && region !== undefined) {
      const key = teamText.toLowerCase();
      const existing = teamByName.get(key);
      const teamRegionId = existing?.regionId ?? newTeams.get(key)?.regionId ?? region.id;
      if (teamText.length < 2 || teamText.length > 60) fail("team", `expected a team name of 2 to 60 characters, got "${teamText}"`);
      else if (teamRegionId !== region.id) {
        const where = existing ? "" : ` (created by row ${newTeams.get(key)?.row ?? "?"})`;
        fail("team", `team "${teamText}" is in region "${regionName.get(teamRegionId) ?? "?"}"${where}, not "${region.name}"`);
      } else {
        if (!existing && !newTeams.has(key)) newTeams.set(key, { name: teamText, regionId: region.id, row });
        team = { name: existing?.name ?? newTeams.get(key)?.name ?? teamText, existingId: existing?.id ?? null };
        if (role === "lead") {
          const lead = leadRowByTeam.get(key);
          if (lead !== undefined) fail("team", `team "${teamText}" already has its lead on row ${lead.row} (${lead.email}); a team has one lead`);
          else leadRowByTeam.set(key, { row, email });
        }
      }
    }

    const skills: string[] = [];
    for (const skill of listOf(record.cell("skills"))) {
      const key = channelByName.get(skill.toLowerCase());
      if (key === undefined) fail("skills", `no channel "${skill}" (known: ${context.channels.map((c) => c.key).join(", ")})`);
      else if (!skills.includes(key)) skills.push(key);
    }

    const templateNames = listOf(record.cell("templates"));
    const templateIds: number[] = [];
    for (const template of templateNames) {
      const id = templateByName.get(template.toLowerCase());
      if (id === undefined) fail("templates", `no shift template "${template}" (known: ${context.templates.map((t) => t.name).join(", ")})`);
      else if (!templateIds.includes(id)) templateIds.push(id);
    }

    const contract = readContract(record, fail);
    if (!ok || role === undefined || region === undefined || contract === undefined) continue;
    rows.push({
      row,
      email,
      name,
      role,
      regionId: region.id,
      team,
      skills,
      templateIds: templateNames.length === 0 ? [...allTemplateIds] : templateIds,
      contract,
      existingId: personByEmail.get(email) ?? null,
    });
  }
  errors.throwIfAny();
  return {
    rows,
    newTeams: [...newTeams.values()],
    leadEmailByTeam: new Map([...leadRowByTeam].map(([team, lead]) => [team, lead.email])),
  };
}
