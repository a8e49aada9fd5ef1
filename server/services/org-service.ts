/**
 * Organisation management: home dashboards per role and the manager's create/edit of
 * regions, people, teams and shift templates. Each write runs in one transaction and
 * lands in the audit log.
 */
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import { people, personTemplates, regions, shiftTemplates, teams } from "@/db/schema";
import type {
  ZPersonInput,
  ZRegionInput,
  ZTeamInput,
  ZTemplateInput,
  ZUpdatePersonInput,
  ZUpdateRegionInput,
  ZUpdateTeamInput,
  ZUpdateTemplateInput,
} from "@/server/api/schemas/org";
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import * as repo from "@/server/repositories/org-repository";
import { writeAudit } from "@/server/repositories/audit-repository";

/** The source guidance: one team lead per 8–15 agents. */
export const TEAM_SPAN = { min: 8, max: 15 } as const;

export type TeamSpanStatus = "ok" | "too-small" | "too-large" | "no-lead";

export function teamSpanStatus(agentCount: number, hasLead: boolean): TeamSpanStatus {
  if (!hasLead) return "no-lead";
  if (agentCount < TEAM_SPAN.min) return "too-small";
  if (agentCount > TEAM_SPAN.max) return "too-large";
  return "ok";
}

function summariseTeams(db: Db) {
  const allPeople = repo.listPeople(db);
  const regionById = new Map(repo.listRegions(db).map((r) => [r.id, r]));
  return repo.listTeams(db).map((team) => {
    const agents = allPeople.filter((p) => p.teamId === team.id && p.role === "agent" && p.active);
    const lead = allPeople.find((p) => p.id === team.leadId);
    return {
      ...team,
      regionName: regionById.get(team.regionId)?.name ?? "?",
      leadName: lead?.name ?? null,
      agentCount: agents.length,
      span: teamSpanStatus(agents.length, Boolean(lead)),
    };
  });
}

export function getDashboard(db: Db, actor: Actor) {
  const settings = repo.getSettings(db);
  const regionsList = repo.listRegions(db);
  const me = repo.getPerson(db, actor.id);
  if (!me) throw new AppError("NOT_FOUND", { message: "Your profile no longer exists." });
  const myRegion = regionsList.find((r) => r.id === me.regionId);
  const templates = repo.listTemplates(db);
  const myTemplateIds = repo.listPersonTemplateIds(db).get(me.id) ?? [];
  const profile = {
    ...me,
    regionName: myRegion?.name ?? "?",
    effectiveTimeZone: me.timeZone ?? myRegion?.timeZone ?? "UTC",
    templates: templates.filter((t) => myTemplateIds.includes(t.id)).map((t) => t.name),
  };
  const teamSummaries = summariseTeams(db);
  const myTeam = teamSummaries.find((t) => t.id === me.teamId) ?? null;

  if (actor.role === "agent") {
    return { role: actor.role, settings, profile, myTeam, regions: [], teams: [], teamMembers: [] };
  }
  const allPeople = repo.listPeople(db);
  const ledTeams = actor.role === "lead" ? teamSummaries.filter((t) => t.leadId === actor.id) : teamSummaries;
  const teamMembers =
    actor.role === "lead" ? repo.listPeopleInTeams(db, ledTeams.map((t) => t.id)).filter((p) => p.id !== actor.id) : [];
  const regionSummaries = regionsList.map((r) => {
    const inRegion = allPeople.filter((p) => p.regionId === r.id && p.active);
    return {
      ...r,
      agents: inRegion.filter((p) => p.role === "agent").length,
      leads: inRegion.filter((p) => p.role === "lead").length,
      teams: teamSummaries.filter((t) => t.regionId === r.id).length,
    };
  });
  return {
    role: actor.role,
    settings,
    profile,
    myTeam,
    regions: actor.role === "manager" ? regionSummaries : [],
    teams: ledTeams,
    teamMembers,
  };
}

export function getOrgDirectory(db: Db) {
  const templateIds = repo.listPersonTemplateIds(db);
  return {
    settings: repo.getSettings(db),
    regions: repo.listRegions(db),
    teams: summariseTeams(db),
    people: repo.listPeople(db).map((p) => ({ ...p, templateIds: templateIds.get(p.id) ?? [] })),
    templates: repo.listTemplates(db),
    channels: repo.listChannels(db),
  };
}

function assertUnique(ok: boolean, field: string, message: string) {
  if (!ok) throw new AppError("INVALID_INPUT", { field, message });
}

type Ctx = { db: Db; actor: Actor; now: Date };

export function createRegion({ db, actor, now }: Ctx, input: z.infer<typeof ZRegionInput>) {
  return db.transaction((tx) => {
    assertUnique(!tx.select().from(regions).where(eq(regions.name, input.name)).get(), "name", "A region with this name exists");
    const row = tx
      .insert(regions)
      .values({ ...input, hourlyCostCents: Math.round(input.hourlyCost * 100) })
      .returning()
      .get();
    writeAudit(tx, { actorId: actor.id, action: "region.create", entity: "region", entityId: row.id, details: input, at: now });
    return row;
  });
}

export function updateRegion({ db, actor, now }: Ctx, input: z.infer<typeof ZUpdateRegionInput>) {
  return db.transaction((tx) => {
    const { id, hourlyCost, ...rest } = input;
    if (!tx.select().from(regions).where(eq(regions.id, id)).get()) throw new AppError("NOT_FOUND", { message: "Region not found" });
    assertUnique(
      !tx.select().from(regions).where(and(eq(regions.name, rest.name), ne(regions.id, id))).get(),
      "name",
      "A region with this name exists",
    );
    const row = tx
      .update(regions)
      .set({ ...rest, hourlyCostCents: Math.round(hourlyCost * 100) })
      .where(eq(regions.id, id))
      .returning()
      .get();
    writeAudit(tx, { actorId: actor.id, action: "region.update", entity: "region", entityId: id, details: input, at: now });
    return row;
  });
}

function checkPersonRefs(tx: Queryable, input: { regionId: number; teamId: number | null; templateIds: number[]; skills: string[] }) {
  if (!tx.select().from(regions).where(eq(regions.id, input.regionId)).get()) {
    throw new AppError("INVALID_INPUT", { field: "regionId", message: "Unknown region" });
  }
  if (input.teamId !== null && !tx.select().from(teams).where(eq(teams.id, input.teamId)).get()) {
    throw new AppError("INVALID_INPUT", { field: "teamId", message: "Unknown team" });
  }
  const templateIds = new Set(tx.select({ id: shiftTemplates.id }).from(shiftTemplates).all().map((t) => t.id));
  const badTemplate = input.templateIds.find((id) => !templateIds.has(id));
  if (badTemplate !== undefined) throw new AppError("INVALID_INPUT", { field: "templateIds", message: `Unknown shift template ${badTemplate}` });
  const channelKeys = new Set(repo.listChannels(tx).map((c) => c.key));
  const badSkill = input.skills.find((s) => !channelKeys.has(s));
  if (badSkill !== undefined) throw new AppError("INVALID_INPUT", { field: "skills", message: `Unknown channel "${badSkill}"` });
}

export async function createPerson({ db, actor, now }: Ctx, input: z.infer<typeof ZPersonInput>) {
  if (!input.password) throw new AppError("INVALID_INPUT", { field: "password", message: "Set an initial password (at least 10 characters)" });
  // Hash before the transaction: better-sqlite3 transactions must stay synchronous.
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    checkPersonRefs(tx, input);
    assertUnique(!tx.select().from(people).where(eq(people.email, input.email)).get(), "email", "Someone already uses this email");
    const { templateIds, password: _password, ...fields } = input;
    const row = tx.insert(people).values({ ...fields, passwordHash }).returning({ id: people.id }).get();
    for (const templateId of templateIds) tx.insert(personTemplates).values({ personId: row.id, templateId }).run();
    writeAudit(tx, { actorId: actor.id, action: "person.create", entity: "person", entityId: row.id, details: { ...fields, templateIds }, at: now });
    return repo.getPerson(tx, row.id);
  });
}

export async function updatePerson({ db, actor, now }: Ctx, input: z.infer<typeof ZUpdatePersonInput>) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction((tx) => {
    const { id, templateIds, password: _password, ...fields } = input;
    if (!tx.select({ id: people.id }).from(people).where(eq(people.id, id)).get()) throw new AppError("NOT_FOUND", { message: "Person not found" });
    checkPersonRefs(tx, input);
    assertUnique(
      !tx.select().from(people).where(and(eq(people.email, fields.email), ne(people.id, id))).get(),
      "email",
      "Someone already uses this email",
    );
    tx.update(people).set({ ...fields, ...(passwordHash ? { passwordHash } : {}) }).where(eq(people.id, id)).run();
    tx.delete(personTemplates).where(eq(personTemplates.personId, id)).run();
    for (const templateId of templateIds) tx.insert(personTemplates).values({ personId: id, templateId }).run();
    writeAudit(tx, { actorId: actor.id, action: "person.update", entity: "person", entityId: id, details: { ...fields, templateIds, passwordChanged: Boolean(passwordHash) }, at: now });
    return repo.getPerson(tx, id);
  });
}

function checkTeamRefs(tx: Queryable, input: { regionId: number; leadId: number | null }) {
  if (!tx.select().from(regions).where(eq(regions.id, input.regionId)).get()) {
    throw new AppError("INVALID_INPUT", { field: "regionId", message: "Unknown region" });
  }
  if (input.leadId !== null) {
    const lead = tx.select({ role: people.role }).from(people).where(eq(people.id, input.leadId)).get();
    if (!lead) throw new AppError("INVALID_INPUT", { field: "leadId", message: "Unknown person" });
    if (lead.role !== "lead") throw new AppError("INVALID_INPUT", { field: "leadId", message: "A team's lead must have the lead role" });
  }
}

export function createTeam({ db, actor, now }: Ctx, input: z.infer<typeof ZTeamInput>) {
  return db.transaction((tx) => {
    checkTeamRefs(tx, input);
    assertUnique(!tx.select().from(teams).where(eq(teams.name, input.name)).get(), "name", "A team with this name exists");
    const row = tx.insert(teams).values(input).returning().get();
    if (input.leadId !== null) tx.update(people).set({ teamId: row.id }).where(eq(people.id, input.leadId)).run();
    writeAudit(tx, { actorId: actor.id, action: "team.create", entity: "team", entityId: row.id, details: input, at: now });
    return row;
  });
}

export function updateTeam({ db, actor, now }: Ctx, input: z.infer<typeof ZUpdateTeamInput>) {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    if (!tx.select().from(teams).where(eq(teams.id, id)).get()) throw new AppError("NOT_FOUND", { message: "Team not found" });
    checkTeamRefs(tx, fields);
    assertUnique(
      !tx.select().from(teams).where(and(eq(teams.name, fields.name), ne(teams.id, id))).get(),
      "name",
      "A team with this name exists",
    );
    const row = tx.update(teams).set(fields).where(eq(teams.id, id)).returning().get();
    if (fields.leadId !== null) tx.update(people).set({ teamId: id }).where(eq(people.id, fields.leadId)).run();
    writeAudit(tx, { actorId: actor.id, action: "team.update", entity: "team", entityId: id, details: fields, at: now });
    return row;
  });
}

/** The roster engine places shifts and breaks on the planning grid, so lengths must fit it. */
function checkTemplateGrid(db: Queryable, input: z.infer<typeof ZTemplateInput>) {
  const { intervalMinutes } = repo.getSettings(db);
  if (input.minutes % intervalMinutes !== 0) {
    throw new AppError("INVALID_INPUT", { field: "minutes", message: `Must be a multiple of the ${intervalMinutes}-minute planning interval` });
  }
  const bad = input.breaks.findIndex((b) => b.minutes % intervalMinutes !== 0);
  if (bad >= 0) {
    throw new AppError("INVALID_INPUT", { field: "breaks", message: `Break ${bad + 1}: length must be a multiple of the ${intervalMinutes}-minute planning interval` });
  }
}

export function createTemplate({ db, actor, now }: Ctx, input: z.infer<typeof ZTemplateInput>) {
  checkTemplateGrid(db, input);
  return db.transaction((tx) => {
    assertUnique(!tx.select().from(shiftTemplates).where(eq(shiftTemplates.name, input.name)).get(), "name", "A template with this name exists");
    const row = tx.insert(shiftTemplates).values(input).returning().get();
    writeAudit(tx, { actorId: actor.id, action: "template.create", entity: "shiftTemplate", entityId: row.id, details: input, at: now });
    return row;
  });
}

export function updateTemplate({ db, actor, now }: Ctx, input: z.infer<typeof ZUpdateTemplateInput>) {
  checkTemplateGrid(db, input);
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    if (!tx.select().from(shiftTemplates).where(eq(shiftTemplates.id, id)).get()) throw new AppError("NOT_FOUND", { message: "Template not found" });
    assertUnique(
      !tx.select().from(shiftTemplates).where(and(eq(shiftTemplates.name, fields.name), ne(shiftTemplates.id, id))).get(),
      "name",
      "A template with this name exists",
    );
    const row = tx.update(shiftTemplates).set(fields).where(eq(shiftTemplates.id, id)).returning().get();
    writeAudit(tx, { actorId: actor.id, action: "template.update", entity: "shiftTemplate", entityId: id, details: fields, at: now });
    return row;
  });
}
