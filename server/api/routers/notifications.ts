import { z } from "zod";
import { listNotifications, markNotificationsRead } from "@/server/services/notification-service";
import { createTRPCRouter, procedureWith } from "../trpc";

export const notificationsRouter = createTRPCRouter({
  list: procedureWith("notifications.read")
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  markRead: procedureWith("notifications.read")
    .input(z.object({ ids: z.array(z.number().int().positive()).max(200).optional() }).default({}))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input, ctx.now())),
});
