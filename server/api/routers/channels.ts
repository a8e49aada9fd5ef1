import { createChannel, getChannelsView, saveWhatIfAsTargets, setChannelRetired, updateChannel } from "@/server/services/org/channels";
import { ZCreateChannelInput, ZRetireChannelInput, ZSaveTargetsInput, ZUpdateChannelInput } from "@/server/services/org/channel-inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

export const channelsRouter = createTRPCRouter({
  list: procedureWith("channels.write").query(({ ctx }) => getChannelsView(ctx.db)),
  create: procedureWith("channels.write").input(ZCreateChannelInput).mutation(({ ctx, input }) => createChannel(ctx.db, ctx.actor, input, ctx.now())),
  update: procedureWith("channels.write").input(ZUpdateChannelInput).mutation(({ ctx, input }) => updateChannel(ctx.db, ctx.actor, input, ctx.now())),
  setRetired: procedureWith("channels.write").input(ZRetireChannelInput).mutation(({ ctx, input }) => setChannelRetired(ctx.db, ctx.actor, input, ctx.now())),
  saveTargets: procedureWith("channels.write").input(ZSaveTargetsInput).mutation(({ ctx, input }) => saveWhatIfAsTargets(ctx.db, ctx.actor, input, ctx.now())),
});
