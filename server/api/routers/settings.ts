import { getSettingsView, updateSettings } from "@/server/services/org/settings";
import { ZSettingsInput } from "@/server/services/org/settings-inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

export const settingsRouter = createTRPCRouter({
  get: procedureWith("settings.write").query(({ ctx }) => getSettingsView(ctx.db)),
  update: procedureWith("settings.write").input(ZSettingsInput).mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.actor, input, ctx.now())),
});
