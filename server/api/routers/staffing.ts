import { z } from "zod";
import { planningWeek } from "@/server/services/engine-input/planning-week";
import * as staffing from "@/server/services/staffing-service";
import { createTRPCRouter, procedureWith } from "../trpc";

export const ZWhatIf = z.object({
  channel: z.string(),
  targetSl: z.number().gt(0, "Service-level target must be above 0").lt(1, "Service-level target must be below 100%").optional(),
  targetSeconds: z.number().int().min(1, "At least 1 second").max(3600).optional(),
  ahtSeconds: z.number().gt(0, "AHT must be above 0 seconds").max(7200).optional(),
  shrinkage: z.number().min(0, "Shrinkage cannot be negative").lt(1, "Shrinkage must be below 100%").optional(),
  maxOccupancy: z.number().gt(0, "Occupancy cap must be above 0").max(1, "Occupancy cap is at most 100%").optional(),
  concurrency: z.number().int().min(1, "At least 1 chat at a time").max(10).optional(),
  responseMinutes: z.number().int().min(1).max(10_080).optional(),
});

export const ZStaffingWeekInput = z.object({
  weekOffset: z.number().int().min(-8).max(8).default(0),
  whatIf: z.array(ZWhatIf).max(10).default([]),
});

export const ZImportHistoryInput = z.object({
  csv: z.string().min(1, "Choose a CSV file").max(20_000_000, "The file is larger than 20 MB"),
});

export const ZGenerateInput = z.object({
  weekOffset: z.number().int().min(-1).max(8),
  adjustments: z
    .array(
      z.object({
        fromDate: z.iso.date("Use YYYY-MM-DD"),
        toDate: z.iso.date("Use YYYY-MM-DD"),
        upliftPercent: z.number().min(-100).max(500),
        channel: z.string().optional(),
        note: z.string().max(200).optional(),
      }),
    )
    .max(20)
    .default([]),
});

export const staffingRouter = createTRPCRouter({
  week: procedureWith("staffing.read")
    .input(ZStaffingWeekInput)
    .query(({ ctx, input }) => staffing.getStaffingWeek(ctx.db, { now: ctx.now(), weekOffset: input.weekOffset, whatIf: input.whatIf })),
  importHistory: procedureWith("history.import")
    .input(ZImportHistoryInput)
    .mutation(({ ctx, input }) => staffing.importHistoryCsv(ctx.db, ctx.actor.id, input.csv, ctx.now())),
  generate: procedureWith("staffing.write")
    .input(ZGenerateInput)
    .mutation(({ ctx, input }) =>
      staffing.generateWeekRequirements(ctx.db, {
        actorId: ctx.actor.id,
        weekStart: planningWeek(ctx.db, ctx.now(), input.weekOffset).start,
        now: ctx.now(),
        adjustments: input.adjustments,
      }),
    ),
});
