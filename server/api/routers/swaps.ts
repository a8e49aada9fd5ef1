import { approveSwapRequest, rejectSwapRequest } from "@/server/services/swaps/approvals";
import { ZCreateSwapInput, ZRejectSwapInput, ZRequestIdInput, ZShiftIdInput } from "@/server/services/swaps/inputs";
import { acceptSwapRequest, cancelSwapRequest, createSwapRequest, declineSwapRequest } from "@/server/services/swaps/requests";
import { listIncomingSwapRequests, listMySwapRequests, listSwapOptions, listSwapsForApproval, previewSwapRequest } from "@/server/services/swaps/views";
import { createTRPCRouter, procedureWith } from "../trpc";

export const swapsRouter = createTRPCRouter({
  create: procedureWith("swaps.request").input(ZCreateSwapInput).mutation(({ ctx, input }) => createSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  options: procedureWith("swaps.request").input(ZShiftIdInput).query(({ ctx, input }) => listSwapOptions(ctx.db, ctx.actor, input, ctx.now())),
  listMine: procedureWith("swaps.request").query(({ ctx }) => listMySwapRequests(ctx.db, ctx.actor, ctx.now())),
  listForMe: procedureWith("swaps.request").query(({ ctx }) => listIncomingSwapRequests(ctx.db, ctx.actor, ctx.now())),
  accept: procedureWith("swaps.request").input(ZRequestIdInput).mutation(({ ctx, input }) => acceptSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  decline: procedureWith("swaps.request").input(ZRequestIdInput).mutation(({ ctx, input }) => declineSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  cancel: procedureWith("swaps.request").input(ZRequestIdInput).mutation(({ ctx, input }) => cancelSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  listForApproval: procedureWith("swaps.approve").query(({ ctx }) => listSwapsForApproval(ctx.db, ctx.actor, ctx.now())),
  preview: procedureWith("swaps.approve").input(ZRequestIdInput).query(({ ctx, input }) => previewSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  approve: procedureWith("swaps.approve").input(ZRequestIdInput).mutation(({ ctx, input }) => approveSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  reject: procedureWith("swaps.approve").input(ZRejectSwapInput).mutation(({ ctx, input }) => rejectSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
});
