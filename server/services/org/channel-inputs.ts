/**
 * What the channel use cases take, as zod schemas (the routers validate with them) and the types
 * they infer. Shares (service level, shrinkage, occupancy, abandon rate) are fractions in [0, 1];
 * the forms show them as percentages. Per kind only the targets that apply are required; the
 * service clears the others.
 */
import { z } from "zod";
import { isDeferredKind } from "@/server/domain/staffing";
import { ZTimeZone } from "@/server/domain/time/time-zone";
import { CHANNEL_KINDS } from "@/server/repositories/org-repository";

const share = (what: string) => z.number({ error: "Enter a number" }).min(0, `${what} cannot be negative`);

/** The targets and settings of a channel, whatever its kind. */
export const ZChannelTargets = z.object({
  targetSl: share("Service level").gt(0, "Service level must be above 0%").lt(1, "Service level must be below 100%").nullable().default(null),
  targetSeconds: z.number({ error: "Enter a number" }).int("Whole seconds").min(1, "At least 1 second").max(3600, "At most 3600 seconds").nullable().default(null),
  targetAsaSeconds: z.number({ error: "Enter a number" }).int("Whole seconds").min(1, "At least 1 second").max(3600, "At most 3600 seconds").nullable().default(null),
  responseMinutes: z.number({ error: "Enter a number" }).int("Whole minutes").min(1, "At least 1 minute").max(10_080, "At most a week (10080 minutes)").nullable().default(null),
  maxOccupancy: share("Occupancy cap").gt(0, "Occupancy cap must be above 0%").max(1, "Occupancy cap is at most 100%").nullable().default(null),
  shrinkage: share("Shrinkage").lt(1, "Shrinkage must be below 100%"),
  concurrency: z.number({ error: "Enter a number" }).int("A whole number").min(1, "At least 1 at a time").max(10, "At most 10 at a time").default(1),
  ahtSeconds: z.number({ error: "Enter a number" }).gt(0, "AHT must be above 0 seconds").max(7200, "At most 7200 seconds"),
  demandZone: ZTimeZone.nullable().default(null),
  patienceSeconds: z.number({ error: "Enter a number" }).gt(0, "Patience must be above 0 seconds").max(3600, "At most 3600 seconds").nullable().default(null),
  maxAbandonRate: share("Abandon rate").gt(0, "Abandon rate must be above 0%").lt(1, "Abandon rate must be below 100%").nullable().default(null),
});
export type TChannelTargets = z.output<typeof ZChannelTargets>;

/**
 * Per kind, the targets that must be set: voice and chat need the share answered within N
 * seconds; email, social and messaging a response time. Issues are reported on the field.
 */
export function refineTargetsForKind(kind: (typeof CHANNEL_KINDS)[number], t: TChannelTargets, ctx: z.RefinementCtx): void {
  if (isDeferredKind(kind)) {
    if (t.responseMinutes === null) ctx.addIssue({ code: "custom", path: ["responseMinutes"], message: "Set a response-time target in minutes" });
    return;
  }
  if (t.targetSl === null) ctx.addIssue({ code: "custom", path: ["targetSl"], message: "Set the share to answer within the target time" });
  if (t.targetSeconds === null) ctx.addIssue({ code: "custom", path: ["targetSeconds"], message: "Set the target answer time in seconds" });
}

const ZName = z.string().trim().min(2, "At least 2 characters").max(40, "At most 40 characters");

export const ZCreateChannelInput = ZChannelTargets.extend({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,29}$/, "2–30 lower-case letters, digits or dashes, starting with a letter (e.g. twitter)"),
  name: ZName,
  kind: z.enum(CHANNEL_KINDS, { error: "Pick a kind" }),
}).superRefine((c, ctx) => refineTargetsForKind(c.kind, c, ctx));
export type TCreateChannelInput = z.output<typeof ZCreateChannelInput>;

/** An edit keeps the channel's key and kind (its history and skills refer to them). */
export const ZUpdateChannelInput = ZChannelTargets.extend({ key: z.string().min(1), name: ZName });
export type TUpdateChannelInput = z.output<typeof ZUpdateChannelInput>;

export const ZRetireChannelInput = z.object({ key: z.string().min(1), retired: z.boolean() });
export type TRetireChannelInput = z.output<typeof ZRetireChannelInput>;

/** The Staffing what-if's fields for one channel; an absent field keeps the channel's target. */
export const ZTargetOverride = z.object({
  channel: z.string().min(1),
  targetSl: z.number().optional(),
  targetSeconds: z.number().optional(),
  ahtSeconds: z.number().optional(),
  shrinkage: z.number().optional(),
  maxOccupancy: z.number().optional(),
  concurrency: z.number().optional(),
  responseMinutes: z.number().optional(),
});
export const ZSaveTargetsInput = z.object({ overrides: z.array(ZTargetOverride).min(1, "Set at least one what-if field").max(10) });
export type TSaveTargetsInput = z.output<typeof ZSaveTargetsInput>;
