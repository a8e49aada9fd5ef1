import { z } from "zod";
import * as swaps from "@/server/services/swap-service";
import { createTRPCRouter, procedureWith } from "../trpc";

const ZId = z.number().int().positive();
export const ZRequestIdInput = z.object({ requestId: ZId });

export const ZCreateSwapInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("swap"), shiftId: ZId, counterpartId: ZId, counterpartShiftId: ZId, note: z.string().trim().max(280).optional() }),
  z.object({ kind: z.literal("offer"), shiftId: ZId, counterpartId: ZId.optional(), note: z.string().trim().max(280).optional() }),
  z.object({ kind: z.literal("drop"), shiftId: ZId, note: z.string().trim().max(280).optional() }),
]);
export type TCreateSwapInput = z.infer<typeof ZCreateSwapInput>;

export const ZRejectSwapInput = ZRequestIdInput.extend({ reason: z.string().trim().max(280).optional() });

export const swapsRouter = createTRPCRouter({
  create: procedureWith("swaps.request").input(ZCreateSwapInput).mutation(({ ctx, input }) => swaps.createSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  options: procedureWith("swaps.request").input(z.object({ shiftId: ZId })).query(({ ctx, input }) => swaps.listSwapOptions(ctx.db, ctx.actor, input, ctx.now())),
  listMine: procedureWith("swaps.request").query(({ ctx }) => swaps.listMySwapRequests(ctx.db, ctx.actor, ctx.now())),
  listForMe: procedureWith("swaps.request").query(({ ctx }) => swaps.listIncomingSwapRequests(ctx.db, ctx.actor, ctx.now())),
  accept: procedureWith("swaps.request").input(ZRequestIdInput).mutation(({ ctx, input }) => swaps.acceptSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  decline: procedureWith("swaps.request").input(ZRequestIdInput).mutation(({ ctx, input }) => swaps.declineSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  cancel: procedureWith("swaps.request").input(ZRequestIdInput).mutation(({ ctx, input }) => swaps.cancelSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  listForApproval: procedureWith("swaps.approve").query(({ ctx }) => swaps.listSwapsForApproval(ctx.db, ctx.actor, ctx.now())),
  preview: procedureWith("swaps.approve").input(ZRequestIdInput).query(({ ctx, input }) => swaps.previewSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  approve: procedureWith("swaps.approve").input(ZRequestIdInput).mutation(({ ctx, input }) => swaps.approveSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
  reject: procedureWith("swaps.approve").input(ZRejectSwapInput).mutation(({ ctx, input }) => swaps.rejectSwapRequest(ctx.db, ctx.actor, input, ctx.now())),
});
