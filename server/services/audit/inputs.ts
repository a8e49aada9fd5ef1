/**
 * What the audit screen asks for, as a zod schema (the router validates with it) and its type.
 * Dates are local days in the viewer's zone ("2026-11-24"); `to` is inclusive.
 */
import { z } from "zod";

const ZLocalDate = z.iso.date({ error: "Use a date like 2026-11-24" });

export const ZAuditListInput = z
  .object({
    /** A person's id, or "system" for entries no person made. */
    actorId: z.union([z.number().int().positive(), z.literal("system")]).optional(),
    /** The action's first part: "roster" lists roster.create, roster.publish, … */
    kind: z
      .string()
      .regex(/^[a-zA-Z]+$/, "A kind is a word like roster or swap")
      .optional(),
    from: ZLocalDate.optional(),
    to: ZLocalDate.optional(),
    page: z.number().int().min(1, "Pages start at 1").default(1),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { path: ["to"], message: "The end date is before the start date" });
export type TAuditListInput = z.output<typeof ZAuditListInput>;
