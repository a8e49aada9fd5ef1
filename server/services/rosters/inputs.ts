/**
 * What the roster use cases take, as zod schemas (the tRPC routers validate with them) and the
 * types they infer. Field messages are what the forms show beside the field.
 */
import { z } from "zod";
import { PLANNING_WEEKS } from "../engine-input/planning-week";

export const ZRosterId = z.object({ rosterId: z.number().int().positive() });

export const ZStartSolveInput = z.object({
  /** This week (0) or one of the next three: the weeks the Staffing page forecasts. */
  weekOffset: z
    .number()
    .int()
    .min(0, "Build this week or one of the next three")
    .max(PLANNING_WEEKS - 1, "Build this week or one of the next three")
    .default(1),
  name: z.string().trim().max(80).optional(),
  rosterId: z.number().int().positive().optional(),
  timeLimitSeconds: z.number().int().min(5, "At least 5 seconds").max(600, "At most 10 minutes").optional(),
});
export type TStartSolveInput = z.output<typeof ZStartSolveInput>;

export const ZShiftEditInput = z.object({
  rosterId: z.number().int().positive(),
  /** The shift to move, resize (change template) or delete; absent to add one. */
  shiftId: z.number().int().positive().optional(),
  personId: z.number().int().positive({ error: "Pick a person" }),
  templateId: z.number().int().positive({ error: "Pick a shift template" }),
  startsAt: z.iso.datetime({ offset: true, error: "Enter a start time" }),
});
export type TShiftEditInput = z.output<typeof ZShiftEditInput>;

export const ZDeleteShiftInput = ZRosterId.extend({ shiftId: z.number().int().positive() });
export type TDeleteShiftInput = z.output<typeof ZDeleteShiftInput>;
