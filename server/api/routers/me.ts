import { z } from "zod";
import { getCalendarLink, regenerateCalendarToken } from "@/server/services/calendar-service";
import { getMyShifts } from "@/server/services/my-shifts-service";
import { createTRPCRouter, procedureWith } from "../trpc";

export const ZMyShiftsInput = z.object({ weekOffset: z.number().int().min(-4).max(8).default(0) }).default({ weekOffset: 0 });

export const meRouter = createTRPCRouter({
  myShifts: procedureWith("shifts.readOwn").input(ZMyShiftsInput).query(({ ctx, input }) => getMyShifts(ctx.db, ctx.actor, input, ctx.now())),
  calendarLink: procedureWith("shifts.readOwn").query(({ ctx }) => getCalendarLink(ctx.db, ctx.actor)),
  regenerateCalendarToken: procedureWith("shifts.readOwn").mutation(({ ctx }) => regenerateCalendarToken(ctx.db, ctx.actor, ctx.now())),
});
