/**
 * The demo organisation: three follow-the-sun regions, 48 agents in five teams under five
 * leads, one manager, the four channels, and eight weeks of believable interval history.
 * Seeding is deterministic for a given `now` (a seeded PRNG), so screenshots and tests
 * see the same organisation. Later features add steps to `DEMO_STEPS`.
 */
import { eq } from "drizzle-orm";
import type { DateTime } from "luxon";
import { buildRosterProblem } from "@/server/services/engine-input/roster-problem";
import { saveRosterResult } from "@/server/services/rosters/solve";
import { planningWeek } from "@/server/services/engine-input/planning-week";
import { generateWeekRequirements } from "@/server/services/staffing/forecast-week";
import { solveRosterInput } from "@/server/solver/solve-roster";
import { DEFAULT_CONTRACT } from "@/server/domain/roster/contract";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import { contactHistory, people, rosters, teams, unavailability } from "@/db/schema";
import {
  insertPerson,
  insertRegion,
  insertSettings,
  insertStandardChannels,
  insertTeam,
  insertTemplate,
} from "@/server/testing/factories";
import { DEMO_ACCOUNTS, DEMO_FIRST_NAMES, DEMO_LAST_NAMES, DEMO_PASSWORD, demoAgentEmail } from "./demo-accounts";
import { seedTodayActuals } from "./demo-today";
import { writeAudit } from "@/server/repositories/audit-repository";

/** Mulberry32: a tiny deterministic PRNG so the demo is the same on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGION_DEFS = [
  { name: "Americas", timeZone: "America/New_York", windowStart: "07:00", windowEnd: "23:00", hourlyCostCents: 2400, share: 0.42 },
  { name: "EMEA", timeZone: "Europe/Dublin", windowStart: "07:00", windowEnd: "23:00", hourlyCostCents: 2100, share: 0.36 },
  { name: "APAC", timeZone: "Asia/Manila", windowStart: "06:00", windowEnd: "22:00", hourlyCostCents: 1500, share: 0.22 },
] as const;

const TEAM_DEFS = [
  { name: "Americas Harbor", region: "Americas", agents: 10, lead: { name: "Marcus Reed", email: "marcus.reed@sunshift.demo" } },
  { name: "Americas Summit", region: "Americas", agents: 9, lead: { name: "Elena Ortiz", email: "elena.ortiz@sunshift.demo" } },
  { name: "EMEA Liffey", region: "EMEA", agents: 11, lead: { name: "Siobhán Byrne", email: DEMO_ACCOUNTS.lead } },
  { name: "EMEA Atlas", region: "EMEA", agents: 8, lead: { name: "Lukas Weber", email: "lukas.weber@sunshift.demo" } },
  { name: "APAC Pasig", region: "APAC", agents: 10, lead: { name: "Andrea Santos", email: "andrea.santos@sunshift.demo" } },
] as const;

export interface DemoContext {
  db: Queryable;
  /** The moment the demo is seeded; history ends at the start of this week. */
  now: DateTime;
  random: () => number;
  orgZone: string;
  intervalMinutes: number;
}

/** Contacts per interval across all regions, by channel, at the weekly peak. */
const CHANNEL_PEAK = { voice: 17, chat: 12, email: 9, social: 3.5 } as const;

/** Daily profile: a morning and an afternoon peak in local business hours, quiet at night. */
function intradayShape(localHour: number): number {
  const bump = (centre: number, width: number) => Math.exp(-((localHour - centre) ** 2) / (2 * width * width));
  return 0.04 + 0.95 * bump(10.5, 1.8) + 0.8 * bump(14.5, 2.0) + 0.25 * bump(19.5, 1.5);
}

/** Monday busiest, the weekend far quieter. */
const WEEKDAY_FACTOR = [0, 1.15, 1.05, 1.0, 0.98, 0.92, 0.45, 0.38] as const;

function generateHistory(ctx: DemoContext, regionDefs: readonly { timeZone: string; share: number }[]) {
  const weekStart = ctx.now.setZone(ctx.orgZone).startOf("week");
  const end = weekStart.toUTC();
  const start = weekStart.minus({ weeks: 8 }).toUTC();
  const rows: (typeof contactHistory.$inferInsert)[] = [];
  for (let t = start; t < end; t = t.plus({ minutes: ctx.intervalMinutes })) {
    const mid = t.plus({ minutes: ctx.intervalMinutes / 2 });
    for (const [channel, peak] of Object.entries(CHANNEL_PEAK)) {
      let expected = 0;
      for (const region of regionDefs) {
        const local = mid.setZone(region.timeZone);
        const hour = local.hour + local.minute / 60;
        // Email and social keep arriving into the evening; voice and chat follow office hours.
        const shape = channel === "email" || channel === "social" ? 0.35 + 0.65 * intradayShape(hour) : intradayShape(hour);
        expected += peak * region.share * shape * (WEEKDAY_FACTOR[local.weekday] ?? 1);
      }
      expected *= (ctx.intervalMinutes / 30) * (1 + 0.02 * Math.floor(t.diff(start, "weeks").weeks));
      // Multiplicative noise of about ±15%, then whole contacts.
      const noisy = expected * (0.85 + 0.3 * ctx.random());
      const contacts = Math.max(0, Math.round(noisy));
      const ahtBase = { voice: 300, chat: 480, email: 360, social: 240 }[channel] ?? 300;
      rows.push({
        intervalStart: t.toJSDate(),
        channelKey: channel,
        contacts,
        ahtSeconds: contacts > 0 ? Math.round(ahtBase * (0.9 + 0.2 * ctx.random())) : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) ctx.db.insert(contactHistory).values(rows.slice(i, i + 500)).run();
  return rows.length;
}

export async function seedDemo(db: Queryable, opts: { now: DateTime; rosterSolveSeconds?: number }) {
  const ctx: DemoContext = { db, now: opts.now, random: createRandom(20261124), orgZone: "Europe/Dublin", intervalMinutes: 30 };
  insertSettings(db, { name: "Sunshift Demo Support", timeZone: ctx.orgZone, intervalMinutes: ctx.intervalMinutes, weekStart: 1, currency: "USD" });
  insertStandardChannels(db);
  const day8 = insertTemplate(db, {
    name: "Day 8.5h",
    minutes: 510,
    breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }],
  });
  const short6 = insertTemplate(db, { name: "Short 6h", minutes: 360, breaks: [{ minutes: 30, earliestAfterMinutes: 120, latestAfterMinutes: 240 }] });
  const long10 = insertTemplate(db, {
    name: "Long 10h",
    minutes: 600,
    breaks: [
      { minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 },
      { minutes: 30, earliestAfterMinutes: 390, latestAfterMinutes: 480 },
    ],
  });
  const regionIds = new Map<string, number>();
  for (const def of REGION_DEFS) {
    const { share: _share, ...values } = def;
    regionIds.set(def.name, insertRegion(db, { ...values, workingDays: [1, 2, 3, 4, 5, 6, 7] }).id);
  }
  const emeaId = regionIds.get("EMEA") ?? 0;
  await insertPerson(db, {
    regionId: emeaId,
    role: "manager",
    name: "Grace Okafor",
    email: DEMO_ACCOUNTS.manager,
    password: DEMO_PASSWORD,
    skills: [],
  });

  const nameIndex = new Map<string, number>();
  let agentNumber = 0;
  for (const def of TEAM_DEFS) {
    const regionId = regionIds.get(def.region) ?? 0;
    const lead = await insertPerson(db, {
      regionId,
      role: "lead",
      name: def.lead.name,
      email: def.lead.email,
      password: DEMO_PASSWORD,
      // The demo lead plans for the whole organisation, so the journeys can build and publish.
      isPlanner: def.lead.email === DEMO_ACCOUNTS.lead,
      skills: ["voice", "chat", "email", "social"],
      templateIds: [day8.id],
    });
    const team = insertTeam(db, { name: def.name, regionId, leadId: lead.id });
    db.update(people).set({ teamId: team.id }).where(eq(people.id, lead.id)).run();
    for (let i = 0; i < def.agents; i++) {
      const k = nameIndex.get(def.region) ?? 0;
      nameIndex.set(def.region, k + 1);
      const first = DEMO_FIRST_NAMES[def.region]?.[k % (DEMO_FIRST_NAMES[def.region]?.length ?? 1)] ?? "Alex";
      const last = DEMO_LAST_NAMES[def.region]?.[(k * 7 + 3) % (DEMO_LAST_NAMES[def.region]?.length ?? 1)] ?? "Doe";
      const isDemoAgent = def.name === "EMEA Liffey" && i === 0;
      agentNumber++;
      const partTime = agentNumber % 6 === 0;
      const skills = agentNumber % 3 === 0 ? ["voice", "email", "social"] : agentNumber % 3 === 1 ? ["voice", "chat"] : ["chat", "email", "social"];
      await insertPerson(db, {
        regionId,
        role: "agent",
        teamId: team.id,
        name: isDemoAgent ? "Aoife Murphy" : `${first} ${last}`,
        email: isDemoAgent ? DEMO_ACCOUNTS.agent : demoAgentEmail(first, last, agentNumber),
        password: DEMO_PASSWORD,
        skills,
        maxMinutesPerWeek: partTime ? 1440 : DEFAULT_CONTRACT.maxMinutesPerWeek,
        minMinutesPerWeek: partTime ? 900 : 1800,
        maxDaysPerWeek: partTime ? 4 : DEFAULT_CONTRACT.maxDaysPerWeek,
        minRestMinutes: DEFAULT_CONTRACT.minRestMinutes,
        // The demo agent works the team's common template, so the self-service pages show swaps
        // a teammate can actually take (a Long 10h shift has no taker in a team on Day 8.5h).
        templateIds: partTime ? [short6.id] : agentNumber % 5 === 0 && !isDemoAgent ? [day8.id, long10.id] : [day8.id],
      });
    }
  }
  // A couple of absences next week, so rosters and coverage have something to work around.
  const nextWeek = opts.now.setZone(ctx.orgZone).startOf("week").plus({ weeks: 1 });
  const absentees = db.select({ id: people.id }).from(people).all().slice(8, 10);
  for (const [i, person] of absentees.entries()) {
    db.insert(unavailability)
      .values({
        personId: person.id,
        startsAt: nextWeek.plus({ days: 1 + i }).toJSDate(),
        endsAt: nextWeek.plus({ days: 3 + i }).toJSDate(),
        reason: i === 0 ? "Annual leave" : "Training",
      })
      .run();
  }
  const historyRows = generateHistory(ctx, REGION_DEFS);
  // Requirements for this week and next, forecast from the history by the staffing engine.
  const requirementRows = [0, 1].map(
    (weekOffset) =>
      generateWeekRequirements(db, {
        actorId: null,
        weekStart: planningWeek(db, opts.now.toJSDate(), weekOffset).start,
        now: opts.now.toJSDate(),
      }).rows,
  );
  const rosterSummaries = await seedRosters(db as Db, opts.now, opts.rosterSolveSeconds ?? 20);
  // Today so far, about 10 % above forecast, for the Today page (its own PRNG: the rest stays as it was).
  seedTodayActuals(db, opts.now, ctx.orgZone, createRandom(20261125));
  return { ctx, historyRows, requirementRows, rosterSummaries, teams: db.select().from(teams).all().length };
}

/**
 * A published roster for this week and a draft for next, built by the roster engine from the
 * seeded requirements and contracts, exactly as the Rosters page would.
 */
async function seedRosters(db: Db, now: DateTime, timeLimitSeconds: number) {
  const summaries: string[] = [];
  for (const weekOffset of [0, 1]) {
    const week = planningWeek(db, now.toJSDate(), weekOffset);
    const period = { periodStart: week.start.toJSDate(), days: 7 };
    const result = await solveRosterInput(buildRosterProblem(db, period, { timeLimitSeconds }));
    const rosterId = saveRosterResult(db, {
      rosterId: null,
      name: `Week of ${week.start.toFormat("d LLL yyyy")}`,
      period,
      actorId: null,
      result,
      pinnedKeys: new Set(),
      now: now.toJSDate(),
    });
    if (weekOffset === 0) {
      db.update(rosters).set({ status: "published", publishedAt: now.toJSDate() }).where(eq(rosters.id, rosterId)).run();
      // As publishing through the app would: the audit screen shows who published it.
      const publisher = db.select({ id: people.id }).from(people).where(eq(people.email, DEMO_ACCOUNTS.manager)).get();
      writeAudit(db, { actorId: publisher?.id ?? null, action: "roster.publish", entity: "roster", entityId: rosterId, details: { archived: [] }, at: now.toJSDate() });
    }
    summaries.push(`${weekOffset === 0 ? "published" : "draft"} ${result.shifts.length} shifts, ${Math.round(result.metrics.shortageAgentMinutes / 60)} h short`);
  }
  return summaries;
}
