import { getToday } from "@/server/services/intraday/today";
import { createTRPCRouter, procedureWith } from "../trpc";

export const intradayRouter = createTRPCRouter({
  today: procedureWith("intraday.read").query(({ ctx }) => getToday(ctx.db, ctx.actor, ctx.now())),
});
