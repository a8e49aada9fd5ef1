import { listPlanningWeeks } from "@/server/services/engine-input/planning-week";
import { ZGenerateInput, forecastPlanningWeek } from "@/server/services/staffing/forecast-week";
import { ZImportHistoryInput, importHistoryCsv } from "@/server/services/staffing/import-history";
import {
  ZSpecialDayId,
  ZSpecialDayInput,
  ZUpdateSpecialDayInput,
  createSpecialDay,
  deleteSpecialDay,
  listSpecialDays,
  updateSpecialDay,
} from "@/server/services/staffing/special-days";
import { ZStaffingWeekInput, getStaffingWeek } from "@/server/services/staffing/staffing-week";
import { createTRPCRouter, procedureWith } from "../trpc";

export const staffingRouter = createTRPCRouter({
  week: procedureWith("staffing.read")
    .input(ZStaffingWeekInput)
    .query(({ ctx, input }) => getStaffingWeek(ctx.db, { now: ctx.now(), weekOffset: input.weekOffset, whatIf: input.whatIf })),
  planningWeeks: procedureWith("staffing.read").query(({ ctx }) => listPlanningWeeks(ctx.db, ctx.now())),
  importHistory: procedureWith("history.import")
    .input(ZImportHistoryInput)
    .mutation(({ ctx, input }) => importHistoryCsv(ctx.db, ctx.actor, input, ctx.now())),
  generate: procedureWith("staffing.write")
    .input(ZGenerateInput)
    .mutation(({ ctx, input }) => forecastPlanningWeek(ctx.db, ctx.actor, input, ctx.now())),
  specialDays: procedureWith("staffing.read").query(({ ctx }) => listSpecialDays(ctx.db)),
  addSpecialDay: procedureWith("specialDays.write")
    .input(ZSpecialDayInput)
    .mutation(({ ctx, input }) => createSpecialDay(ctx.db, ctx.actor, input, ctx.now())),
  updateSpecialDay: procedureWith("specialDays.write")
    .input(ZUpdateSpecialDayInput)
    .mutation(({ ctx, input }) => updateSpecialDay(ctx.db, ctx.actor, input, ctx.now())),
  removeSpecialDay: procedureWith("specialDays.write")
    .input(ZSpecialDayId)
    .mutation(({ ctx, input }) => deleteSpecialDay(ctx.db, ctx.actor, input, ctx.now())),
});
