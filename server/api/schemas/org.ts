/** Input schemas for organisation management; field names match the forms. */
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { CHANNEL_KINDS, ROLES } from "@/db/schema";

const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use 24-hour HH:mm, e.g. 07:00");

export const ZTimeZone = z
  .string()
  .min(1, "Pick a time zone")
  .refine((zone) => IANAZone.isValidZone(zone) && !/^[+-]|^UTC[+-]|^Etc\//.test(zone), "Not an IANA time zone (e.g. Europe/Dublin)");

export const ZRegionInput = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(60),
  timeZone: ZTimeZone,
  windowStart: ZLocalTime,
  windowEnd: ZLocalTime,
  workingDays: z.array(z.number().int().min(1).max(7)).min(1, "Pick at least one working day"),
  hourlyCost: z.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(1000, "At most 1000 per hour"),
});
export type TRegionInput = z.infer<typeof ZRegionInput>;
export const ZUpdateRegionInput = ZRegionInput.extend({ id: z.number().int() });

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
    role: z.enum(ROLES),
    regionId: z.number({ error: "Pick a region" }).int(),
    timeZone: ZTimeZone.nullable(),
    teamId: z.number().int().nullable(),
    skills: z.array(z.string()).default([]),
    templateIds: z.array(z.number().int()).default([]),
    password: z.string().min(10, "At least 10 characters").max(200).optional(),
    ...ZContract,
  })
  .refine((p) => p.minMinutesPerWeek <= p.maxMinutesPerWeek, {
    path: ["minMinutesPerWeek"],
    message: "Minimum hours cannot exceed maximum hours",
  });
export type TPersonInput = z.infer<typeof ZPersonInput>;
export const ZUpdatePersonInput = z.intersection(ZPersonInput, z.object({ id: z.number().int() }));

export const ZTeamInput = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(60),
  regionId: z.number({ error: "Pick a region" }).int(),
  leadId: z.number().int().nullable(),
  autoApproveSwaps: z.boolean().default(false),
});
export const ZUpdateTeamInput = ZTeamInput.extend({ id: z.number().int() });

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
export type TTemplateInput = z.infer<typeof ZTemplateInput>;
export const ZUpdateTemplateInput = z.intersection(ZTemplateInput, z.object({ id: z.number().int() }));

export const ZChannelKind = z.enum(CHANNEL_KINDS);

/** Lists every IANA zone luxon's Intl knows, for the region form's picker. */
export function listTimeZones(): string[] {
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return zones.filter((z) => DateTime.local().setZone(z).isValid);
}
