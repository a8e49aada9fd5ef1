/**
 * What the organisation use cases take, as zod schemas (the tRPC routers validate with them)
 * and the types they infer. Field names match the forms; messages are shown beside the field.
 */
import { z } from "zod";
import { ZTimeZone } from "@/server/domain/time/time-zone";
import { PERSON_ROLES } from "@/server/repositories/people-repository";

export { ZTimeZone };

const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use 24-hour HH:mm, e.g. 07:00");

export const ZRegionInput = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(60),
  timeZone: ZTimeZone,
  windowStart: ZLocalTime,
  windowEnd: ZLocalTime,
  workingDays: z.array(z.number().int().min(1).max(7)).min(1, "Pick at least one working day"),
  hourlyCost: z.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(1000, "At most 1000 per hour"),
});
export type TRegionInput = z.output<typeof ZRegionInput>;
export const ZUpdateRegionInput = ZRegionInput.extend({ id: z.number().int() });
export type TUpdateRegionInput = z.output<typeof ZUpdateRegionInput>;

const ZContract = {
  maxMinutesPerWeek: z.number().int().min(0).max(4200, "At most 70 hours"),
  minMinutesPerWeek: z.number().int().min(0),
  maxDaysPerWeek: z.number().int().min(1, "At least 1").max(7, "At most 7"),
  minRestMinutes: z.number().int().min(0).max(1440),
};

export const ZPersonInput = z
  .object({
    name: z.string().trim().min(2, "At least 2 characters").max(80),
    email: z.email("Enter a valid email").transform((e) => e.toLowerCase()),
    role: z.enum(PERSON_ROLES),
    regionId: z.number({ error: "Pick a region" }).int(),
    timeZone: ZTimeZone.nullable(),
    teamId: z.number().int().nullable(),
    skills: z.array(z.string()).default([]),
    templateIds: z.array(z.number().int()).default([]),
    password: z.string().min(10, "At least 10 characters").max(200).optional(),
    /** A lead the manager marks as planner does the organisation-wide planning (stored only for leads). */
    isPlanner: z.boolean().default(false),
    ...ZContract,
  })
  .refine((p) => p.minMinutesPerWeek <= p.maxMinutesPerWeek, {
    path: ["minMinutesPerWeek"],
    message: "Minimum hours cannot exceed maximum hours",
  });
export type TPersonInput = z.output<typeof ZPersonInput>;
export const ZUpdatePersonInput = z.intersection(ZPersonInput, z.object({ id: z.number().int() }));
export type TUpdatePersonInput = z.output<typeof ZUpdatePersonInput>;

export const ZTeamInput = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(60),
  regionId: z.number({ error: "Pick a region" }).int(),
  leadId: z.number().int().nullable(),
  autoApproveSwaps: z.boolean().default(false),
});
export type TTeamInput = z.output<typeof ZTeamInput>;
export const ZUpdateTeamInput = ZTeamInput.extend({ id: z.number().int() });
export type TUpdateTeamInput = z.output<typeof ZUpdateTeamInput>;

export const ZTemplateInput = z
  .object({
    name: z.string().trim().min(1, "Required").max(40),
    minutes: z.number().int().min(60, "At least 60 minutes").max(1440, "A shift cannot be longer than a day"),
    startStepMinutes: z.number().int().min(15).max(240).nullable().default(null),
    breaks: z
      .array(
        z.object({
          minutes: z.number().int().min(5).max(120),
          earliestAfterMinutes: z.number().int().min(0),
          latestAfterMinutes: z.number().int().min(0),
        }),
      )
      .default([]),
  })
  .superRefine((tpl, ctx) => {
    tpl.breaks.forEach((b, i) => {
      if (b.latestAfterMinutes < b.earliestAfterMinutes) {
        ctx.addIssue({ code: "custom", path: ["breaks"], message: `Break ${i + 1}: latest start is before earliest start` });
      }
      if (b.latestAfterMinutes + b.minutes > tpl.minutes) {
        ctx.addIssue({ code: "custom", path: ["breaks"], message: `Break ${i + 1} would end after the shift` });
      }
    });
  });
export type TTemplateInput = z.output<typeof ZTemplateInput>;
export const ZUpdateTemplateInput = z.intersection(ZTemplateInput, z.object({ id: z.number().int() }));
export type TUpdateTemplateInput = z.output<typeof ZUpdateTemplateInput>;
