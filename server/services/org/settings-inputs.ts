/**
 * What the organisation-settings use case takes, as a zod schema (the router validates with it)
 * and the type it infers. Field names match the form; messages are shown beside the field.
 */
import { z } from "zod";
import { ZTimeZone } from "@/server/domain/time/time-zone";

export const INTERVAL_CHOICES = [15, 30, 60] as const;

export const ZSettingsInput = z
  .object({
    name: z.string().trim().min(2, "At least 2 characters").max(80, "At most 80 characters"),
    timeZone: ZTimeZone,
    intervalMinutes: z.number({ error: "Pick 15, 30 or 60 minutes" }).refine((m) => (INTERVAL_CHOICES as readonly number[]).includes(m), "Pick 15, 30 or 60 minutes"),
    weekStart: z.number({ error: "Pick a weekday" }).int().min(1, "Pick a weekday").max(7, "Pick a weekday"),
    currency: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, "A three-letter currency code, e.g. EUR")),
    /** In the currency's units per user and month (stored in cents). */
    toolsCostPerUserMonth: z.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(10_000, "At most 10000 per user and month"),
    /** Percent on top of the hourly cost for overtime: 50 = time and a half. */
    overtimePremiumPercent: z.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(300, "At most 300%"),
    leadSpanMin: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "At least 1 agent").max(100, "At most 100 agents"),
    leadSpanMax: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "At least 1 agent").max(100, "At most 100 agents"),
    /** Each region's hourly staff cost in the currency's units (stored in cents on the region). */
    regionCosts: z
      .array(z.object({ regionId: z.number().int(), hourlyCost: z.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(1000, "At most 1000 per hour") }))
      .max(200)
      .default([]),
  })
  .refine((s) => s.leadSpanMin <= s.leadSpanMax, { path: ["leadSpanMin"], message: "The minimum cannot be above the maximum" })
  .refine((s) => s.leadSpanMin <= s.leadSpanMax, { path: ["leadSpanMax"], message: "The maximum cannot be below the minimum" });
export type TSettingsInput = z.output<typeof ZSettingsInput>;
