import { ZGenerateInput, forecastPlanningWeek } from "@/server/services/staffing/forecast-week";
import { ZImportHistoryInput, importHistoryCsv } from "@/server/services/staffing/import-history";
import { ZStaffingWeekInput, getStaffingWeek } from "@/server/services/staffing/staffing-week";
import { createTRPCRouter, procedureWith } from "../trpc";

export const staffingRouter = createTRPCRouter({
  week: procedureWith("staffing.read")
    .input(ZStaffingWeekInput)
    .query(({ ctx, input }) => getStaffingWeek(ctx.db, { now: ctx.now(), weekOffset: input.weekOffset, whatIf: input.whatIf })),
  importHistory: procedureWith("history.import")
    .input(ZImportHistoryInput)
    .mutation(({ ctx, input }) => importHistoryCsv(ctx.db, ctx.actor, input, ctx.now())),
  generate: procedureWith("staffing.write")
    .input(ZGenerateInput)
    .mutation(({ ctx, input }) => forecastPlanningWeek(ctx.db, ctx.actor, input, ctx.now())),
});
