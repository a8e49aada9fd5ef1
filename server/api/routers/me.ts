import { getCalendarLink, regenerateCalendarToken } from "@/server/services/me/calendar";
import { ZMyShiftsInput } from "@/server/services/me/inputs";
import { getMyShifts } from "@/server/services/me/my-shifts";
import { createTRPCRouter, procedureWith } from "../trpc";

export const meRouter = createTRPCRouter({
  myShifts: procedureWith("shifts.readOwn").input(ZMyShiftsInput).query(({ ctx, input }) => getMyShifts(ctx.db, ctx.actor, input, ctx.now())),
  calendarLink: procedureWith("shifts.readOwn").query(({ ctx }) => getCalendarLink(ctx.db, ctx.actor)),
  regenerateCalendarToken: procedureWith("shifts.readOwn").mutation(({ ctx }) => regenerateCalendarToken(ctx.db, ctx.actor, ctx.now())),
});
