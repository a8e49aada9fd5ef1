/**
 * The Sunshift data model. Instants are stored as UTC milliseconds (`timestamp_ms`);
 * local wall-clock times (a region's working window) are stored as "HH:mm" beside the
 * IANA zone they belong to, and turned into instants by the domain engine day by day.
 */
import { relations } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["agent", "lead", "manager"] as const;
export type Role = (typeof ROLES)[number];
/** Live queues (voice, chat) are staffed by Erlang; email, social and messaging (e.g. Twitter/X) are deferred work. */
export const CHANNEL_KINDS = ["voice", "chat", "email", "social", "messaging"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/** A published roster is archived when another is published for an overlapping period. */
export const ROSTER_STATUSES = ["draft", "published", "archived"] as const;
export const SWAP_KINDS = ["swap", "offer", "drop"] as const;
export const SWAP_STATUSES = ["pending", "accepted", "approved", "rejected", "cancelled", "expired"] as const;

export interface TemplateBreak {
  minutes: number;
  earliestAfterMinutes: number;
  latestAfterMinutes: number;
}

/** A single row (id = 1): the organisation's planning settings. */
export const orgSettings = sqliteTable("org_settings", {
  id: integer().primaryKey(),
  name: text().notNull(),
  timeZone: text().notNull(),
  intervalMinutes: integer().notNull(),
  /** ISO weekday the planning week starts on: 1 = Monday … 7 = Sunday. */
  weekStart: integer().notNull(),
  currency: text().notNull(),
  /** Tools (licences) per user and month, in cents of `currency`. */
  toolsCostCentsPerUserMonth: integer().notNull().default(0),
  /** Overtime pay on top of the hourly cost: 0.5 = time and a half. */
  overtimePremium: real().notNull().default(0.5),
  /** The team-lead span: one lead on duty per `leadSpanMin`–`leadSpanMax` agents. */
  leadSpanMin: integer().notNull().default(8),
  leadSpanMax: integer().notNull().default(15),
});

export const regions = sqliteTable("regions", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  timeZone: text().notNull(),
  /** Local wall-clock "HH:mm" in `timeZone`; an end before the start wraps past midnight. */
  windowStart: text().notNull(),
  windowEnd: text().notNull(),
  /** ISO weekdays (1 = Monday) the region works, JSON array. */
  workingDays: text({ mode: "json" }).$type<number[]>().notNull(),
  hourlyCostCents: integer().notNull(),
});

export const teams = sqliteTable("teams", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  regionId: integer().notNull().references(() => regions.id),
  leadId: integer(),
  /** Approve accepted swaps automatically when every check passes and coverage does not get worse. */
  autoApproveSwaps: integer({ mode: "boolean" }).notNull().default(false),
});

export const people = sqliteTable(
  "people",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    regionId: integer().notNull().references(() => regions.id),
    /** The person's own zone; null means "the region's zone". */
    timeZone: text(),
    teamId: integer().references(() => teams.id),
    /** Channel keys the person can handle, JSON array. */
    skills: text({ mode: "json" }).$type<string[]>().notNull(),
    maxMinutesPerWeek: integer().notNull(),
    minMinutesPerWeek: integer().notNull(),
    maxDaysPerWeek: integer().notNull(),
    minRestMinutes: integer().notNull(),
    /** Secret for the calendar feed; null until generated. */
    calendarToken: text(),
    active: integer({ mode: "boolean" }).notNull().default(true),
    /** A lead a manager marked as planner may take organisation-wide actions (imports, forecasts, publishing). */
    isPlanner: integer({ mode: "boolean" }).notNull().default(false),
    maxConsecutiveDays: integer().notNull().default(6),
    /** Yearly time-off allowance in hours. */
    annualLeaveHours: real().notNull().default(0),
    /** When the person left (deactivated); null while active. */
    deactivatedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("people_email_unique").on(t.email), index("people_team_idx").on(t.teamId)],
);

export const shiftTemplates = sqliteTable("shift_templates", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  minutes: integer().notNull(),
  breaks: text({ mode: "json" }).$type<TemplateBreak[]>().notNull(),
  startStepMinutes: integer(),
});

/** Which shift templates a person's contract allows. */
export const personTemplates = sqliteTable(
  "person_templates",
  {
    personId: integer().notNull().references(() => people.id, { onDelete: "cascade" }),
    templateId: integer().notNull().references(() => shiftTemplates.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.templateId] })],
);

export const channels = sqliteTable("channels", {
  key: text().primaryKey(),
  name: text().notNull(),
  kind: text({ enum: CHANNEL_KINDS }).notNull(),
  /** Share of contacts answered within `targetSeconds` (voice, chat). */
  targetSl: real(),
  targetSeconds: integer(),
  targetAsaSeconds: integer(),
  /** Deferred work (email, social): every item answered within this many minutes. */
  responseMinutes: integer(),
  maxOccupancy: real(),
  shrinkage: real().notNull(),
  concurrency: integer().notNull().default(1),
  ahtSeconds: integer().notNull(),
  /** Retired channels keep their history but are no longer forecast or staffed. */
  retiredAt: integer({ mode: "timestamp_ms" }),
  /** The IANA zone whose clock the demand follows (its customers'); null = the organisation's zone. */
  demandZone: text(),
  /** Mean patience before abandoning (Erlang A); null = callers never abandon (Erlang C). */
  patienceSeconds: real(),
  /** Optional cap on the share of contacts abandoned (Erlang A). */
  maxAbandonRate: real(),
});

export const contactHistory = sqliteTable(
  "contact_history",
  {
    intervalStart: integer({ mode: "timestamp_ms" }).notNull(),
    channelKey: text().notNull().references(() => channels.key),
    contacts: real().notNull(),
    ahtSeconds: real(),
    /** Contacts that abandoned before an answer (part of `contacts`); null when not exported. */
    abandoned: real(),
    /** Mean wait of all contacts in seconds; null when not exported. */
    waitSeconds: real(),
  },
  (t) => [primaryKey({ columns: [t.intervalStart, t.channelKey] })],
);

/** Agents needed per interval and channel for a planning period (from the forecast). */
export const requirements = sqliteTable(
  "requirements",
  {
    intervalStart: integer({ mode: "timestamp_ms" }).notNull(),
    channelKey: text().notNull().references(() => channels.key),
    intervalMinutes: integer().notNull(),
    contacts: real().notNull(),
    ahtSeconds: real().notNull(),
    agents: integer().notNull(),
    agentsWithShrinkage: integer().notNull(),
    serviceLevel: real(),
    asaSeconds: real(),
    occupancy: real(),
    /** Erlang A channels: projected share of contacts abandoned; null otherwise. */
    probabilityAbandon: real(),
  },
  (t) => [primaryKey({ columns: [t.intervalStart, t.channelKey] })],
);

export const unavailability = sqliteTable("unavailability", {
  id: integer().primaryKey({ autoIncrement: true }),
  personId: integer().notNull().references(() => people.id, { onDelete: "cascade" }),
  startsAt: integer({ mode: "timestamp_ms" }).notNull(),
  endsAt: integer({ mode: "timestamp_ms" }).notNull(),
  reason: text().notNull(),
});

export const rosters = sqliteTable("rosters", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  periodStart: integer({ mode: "timestamp_ms" }).notNull(),
  days: integer().notNull(),
  status: text({ enum: ROSTER_STATUSES }).notNull(),
  createdById: integer().references(() => people.id),
  createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  publishedAt: integer({ mode: "timestamp_ms" }),
  /** The engine's last result summary (status, metrics, unmet runs with reasons, headcount), JSON. */
  solveSummary: text({ mode: "json" }).$type<RosterSolveSummary>(),
  updatedAt: integer({ mode: "timestamp_ms" }),
  /** Why a draft no longer matches its inputs (e.g. "Voice targets changed on …"); null when current. */
  staleReason: text(),
});

export interface RosterSolveSummary {
  status: string;
  metrics: Record<string, number>;
  unmet: { start: string; end: string; shortAgents: number; shortLeads?: number; reasons: string[] }[];
  headcount: { regionId: string; people: number }[];
  solvedAt: string;
}

export const shifts = sqliteTable(
  "shifts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    rosterId: integer().notNull().references(() => rosters.id, { onDelete: "cascade" }),
    personId: integer().references(() => people.id),
    regionId: integer().notNull().references(() => regions.id),
    templateId: integer().references(() => shiftTemplates.id),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    endsAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** Hand-edited shifts are pinned and kept when re-solving. */
    pinned: integer({ mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("shifts_roster_idx").on(t.rosterId), index("shifts_person_idx").on(t.personId, t.startsAt)],
);

export const shiftBreaks = sqliteTable("shift_breaks", {
  id: integer().primaryKey({ autoIncrement: true }),
  shiftId: integer().notNull().references(() => shifts.id, { onDelete: "cascade" }),
  startsAt: integer({ mode: "timestamp_ms" }).notNull(),
  endsAt: integer({ mode: "timestamp_ms" }).notNull(),
});

export const swapRequests = sqliteTable("swap_requests", {
  id: integer().primaryKey({ autoIncrement: true }),
  kind: text({ enum: SWAP_KINDS }).notNull(),
  status: text({ enum: SWAP_STATUSES }).notNull(),
  requesterId: integer().notNull().references(() => people.id),
  shiftId: integer().notNull().references(() => shifts.id, { onDelete: "cascade" }),
  counterpartId: integer().references(() => people.id),
  counterpartShiftId: integer().references(() => shifts.id, { onDelete: "cascade" }),
  createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  decidedById: integer().references(() => people.id),
  decidedAt: integer({ mode: "timestamp_ms" }),
  note: text(),
  acceptedAt: integer({ mode: "timestamp_ms" }),
  /** Why a request ended without approval (rejection reason, "shift changed on republish", …). */
  closedReason: text(),
});

/** In-app notifications: requests to answer, approvals, rejections, cancelled requests. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer().notNull().references(() => people.id, { onDelete: "cascade" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    kind: text().notNull(),
    message: text().notNull(),
    link: text(),
    readAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_person_idx").on(t.personId, t.readAt)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: "timestamp_ms" }).notNull(),
    actorId: integer().references(() => people.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    details: text({ mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_at_idx").on(t.at)],
);

/** One-time set-password links: only the SHA-256 of the token is stored; single use, expiring. */
export const passwordTokens = sqliteTable(
  "password_tokens",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer().notNull().references(() => people.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    createdById: integer().references(() => people.id),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    usedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("password_tokens_hash_unique").on(t.tokenHash)],
);

/** Days the forecast treats as special (a holiday, a launch): left out of fitting; forecast × factor when set. */
export const specialDays = sqliteTable(
  "special_days",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Local date "YYYY-MM-DD" in the channel's demand zone (the organisation's zone when it has none). */
    date: text().notNull(),
    name: text().notNull(),
    /** Null: every channel. */
    channelKey: text().references(() => channels.key),
    /** Forecast multiplier for the day (0 = closed); null = only left out of fitting. */
    factor: real(),
    createdById: integer().references(() => people.id),
  },
  (t) => [index("special_days_date_idx").on(t.date)],
);

/** Failed sign-ins per key (an email), to slow down guessing. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: integer({ mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer({ mode: "timestamp_ms" }),
});

export const regionsRelations = relations(regions, ({ many }) => ({ teams: many(teams), people: many(people) }));
export const teamsRelations = relations(teams, ({ one, many }) => ({
  region: one(regions, { fields: [teams.regionId], references: [regions.id] }),
  members: many(people),
}));
export const peopleRelations = relations(people, ({ one }) => ({
  region: one(regions, { fields: [people.regionId], references: [regions.id] }),
  team: one(teams, { fields: [people.teamId], references: [teams.id] }),
}));
export const rostersRelations = relations(rosters, ({ many }) => ({ shifts: many(shifts) }));
export const shiftsRelations = relations(shifts, ({ one, many }) => ({
  roster: one(rosters, { fields: [shifts.rosterId], references: [rosters.id] }),
  breaks: many(shiftBreaks),
}));
export const shiftBreaksRelations = relations(shiftBreaks, ({ one }) => ({
  shift: one(shifts, { fields: [shiftBreaks.shiftId], references: [shifts.id] }),
}));

/** One forecast of a planning period: which model each channel chose and every candidate's backtest score. */
export const forecastRuns = sqliteTable("forecast_runs", {
  id: integer().primaryKey({ autoIncrement: true }),
  createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  createdById: integer().references(() => people.id),
  periodStart: integer({ mode: "timestamp_ms" }).notNull(),
  days: integer().notNull(),
  zone: text().notNull(),
  intervalMinutes: integer().notNull(),
  /** Per channel: chosen model, scores [{ model, wmape }], folds, warnings. JSON. */
  channels: text({ mode: "json" })
    .$type<{ channel: string; chosenModel: string; scores: { model: string; wmape: number | null }[]; folds: number; warnings: string[] }[]>()
    .notNull(),
  warnings: text({ mode: "json" }).$type<string[]>().notNull(),
  /** Uplifts applied (local dates in `zone`, inclusive). */
  adjustments: text({ mode: "json" })
    .$type<{ fromDate: string; toDate: string; upliftPercent: number; channel?: string; note?: string }[]>()
    .notNull(),
});
