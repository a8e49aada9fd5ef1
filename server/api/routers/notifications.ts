import { listNotifications, ZListNotificationsInput } from "@/server/services/notifications/list";
import { markNotificationsRead, ZMarkNotificationsReadInput } from "@/server/services/notifications/mark-read";
import { createTRPCRouter, procedureWith } from "../trpc";

export const notificationsRouter = createTRPCRouter({
  list: procedureWith("notifications.read").input(ZListNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  markRead: procedureWith("notifications.read").input(ZMarkNotificationsReadInput).mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input, ctx.now())),
});
