/**
 * Creates the organisation on an empty database: its settings (name, planning zone; 30-minute
 * intervals, weeks from Monday, USD), a first region "Head office" in that zone, the first
 * manager, the four standard channels from the presets and the two starter templates, in one
 * transaction. A database that already holds an organisation (a settings row or a manager) is
 * refused and left as it was. The set-up command calls `createOrganisation`; the first-run page
 * calls `createOrganisationWithSetupToken`, which also requires the token the server printed.
 */
import { consumeSetupToken, isSetupTokenValid } from "@/server/auth/setup-token";
import { hashPassword } from "@/server/auth/password";
import { DEFAULT_CONTRACT } from "@/server/domain/roster/contract";
import { STARTER_TEMPLATES } from "@/server/domain/roster/starter-templates";
import { standardChannelPresets } from "@/server/domain/staffing/channel-presets";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import * as peopleRepo from "@/server/repositories/people-repository";
import * as setupRepo from "@/server/repositories/setup-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import type { TCreateOrganisationInput, TFirstRunInput } from "./inputs";

/** The region the first manager belongs to; more regions are added or imported later. */
export const FIRST_REGION = {
  name: "Head office",
  windowStart: "08:00",
  windowEnd: "18:00",
  workingDays: [1, 2, 3, 4, 5],
  /** $20 an hour, the middle of the brief's $15–25; edited on the Regions page. */
  hourlyCostCents: 2000,
} as const;

/** The settings a new organisation starts with besides its name and zone. */
export const NEW_ORG_DEFAULTS = { intervalMinutes: 30, weekStart: 1, currency: "USD" } as const;

/** What the set-up created, for the command's summary and the page's message. */
export interface CreatedOrganisation {
  organisationName: string;
  timeZone: string;
  managerId: number;
  managerEmail: string;
  regionName: string;
  channelKeys: string[];
  templateNames: string[];
}

/** Refuses a database that already has an organisation, saying what it found. */
function refuseExistingOrganisation(db: Store): void {
  const existing = setupRepo.findExistingOrganisation(db);
  if (existing.settingsName === null && existing.managerEmail === null) return;
  const found =
    existing.settingsName !== null
      ? `the organisation "${existing.settingsName}"`
      : `a manager (${existing.managerEmail ?? "unknown"})`;
  throw new AppError("CONFLICT", { message: `This database already has ${found}; set-up changes nothing. Sign in as its manager instead.` });
}

/**
 * Writes a new organisation and its first manager in one transaction; refuses (CONFLICT, nothing
 * written) when the database already has one. `via` is recorded in the audit entry.
 */
export async function createOrganisation(
  db: Store,
  input: TCreateOrganisationInput,
  now: Date,
  via: "command" | "page" = "command",
): Promise<CreatedOrganisation> {
  refuseExistingOrganisation(db);
  // Hash before the transaction: better-sqlite3 transactions must stay synchronous.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, (tx) => {
    // Checked again inside the transaction: a second set-up may have landed while we hashed.
    refuseExistingOrganisation(tx);
    setupRepo.insertOrgSettings(tx, { name: input.organisationName, timeZone: input.timeZone, ...NEW_ORG_DEFAULTS });
    const region = orgRepo.insertRegion(tx, { ...FIRST_REGION, workingDays: [...FIRST_REGION.workingDays], timeZone: input.timeZone });
    const channels = standardChannelPresets();
    setupRepo.insertChannels(tx, channels.map((preset) => ({ key: preset.key, name: preset.name, kind: preset.kind, ...preset.targets })));
    for (const template of STARTER_TEMPLATES) orgRepo.insertTemplate(tx, { ...template, breaks: template.breaks.map((b) => ({ ...b })) });
    const managerId = peopleRepo.insertPerson(tx, {
      name: input.managerName,
      email: input.managerEmail,
      role: "manager",
      regionId: region.id,
      timeZone: null,
      teamId: null,
      skills: [],
      ...DEFAULT_CONTRACT,
      passwordHash,
    });
    const created: CreatedOrganisation = {
      organisationName: input.organisationName,
      timeZone: input.timeZone,
      managerId,
      managerEmail: input.managerEmail,
      regionName: region.name,
      channelKeys: channels.map((c) => c.key),
      templateNames: STARTER_TEMPLATES.map((t) => t.name),
    };
    const { managerId: _id, ...details } = created;
    writeAudit(tx, { actorId: null, action: "organisation.create", entity: "organisation", entityId: 1, details: { ...details, via }, at: now });
    return created;
  });
}

/**
 * The first-run page's set-up: only for the holder of the token the server printed at start
 * (FORBIDDEN otherwise), then as `createOrganisation`; the token is used up on success.
 */
export async function createOrganisationWithSetupToken(db: Store, input: TFirstRunInput, now: Date): Promise<CreatedOrganisation> {
  if (!isSetupTokenValid(input.token)) {
    throw new AppError("FORBIDDEN", {
      message: "This set-up link is not valid (or was used already). Use the link the server printed when it started, or run `npm run setup`.",
    });
  }
  const { token: _token, confirmPassword: _confirm, ...fields } = input;
  const created = await createOrganisation(db, fields, now, "page");
  consumeSetupToken();
  return created;
}
