import { z } from "zod";
import * as rosters from "@/server/services/roster-service";
import { createTRPCRouter, procedureWith } from "../trpc";

const ZRosterId = z.object({ rosterId: z.number().int().positive() });

export const ZStartSolveInput = z.object({
  weekOffset: z.number().int().min(-1).max(8).default(1),
  name: z.string().trim().max(80).optional(),
  rosterId: z.number().int().positive().optional(),
  timeLimitSeconds: z.number().int().min(5, "At least 5 seconds").max(600, "At most 10 minutes").optional(),
});

export const ZShiftEditInput = z.object({
  rosterId: z.number().int().positive(),
  shiftId: z.number().int().positive().optional(),
  personId: z.number().int().positive({ error: "Pick a person" }),
  templateId: z.number().int().positive({ error: "Pick a shift template" }),
  startsAt: z.iso.datetime({ offset: true, error: "Enter a start time" }),
});

export const rostersRouter = createTRPCRouter({
  list: procedureWith("rosters.read").query(({ ctx }) => rosters.listRostersFor(ctx.db, ctx.actor)),
  board: procedureWith("rosters.read").input(ZRosterId).query(({ ctx, input }) => rosters.getRosterBoard(ctx.db, ctx.actor, input.rosterId)),
  startSolve: procedureWith("rosters.create").input(ZStartSolveInput).mutation(({ ctx, input }) => rosters.startRosterSolve(ctx.db, ctx.actor, input, ctx.now())),
  solveStatus: procedureWith("rosters.create").input(z.object({ jobId: z.uuid() })).query(({ ctx, input }) => rosters.getSolveStatus(ctx.actor, input.jobId)),
  cancelSolve: procedureWith("rosters.create").input(z.object({ jobId: z.uuid() })).mutation(({ ctx, input }) => rosters.cancelSolve(ctx.actor, input.jobId)),
  checkEdit: procedureWith("rosters.edit").input(ZShiftEditInput).query(({ ctx, input }) => ({ violations: rosters.checkShiftEdit(ctx.db, ctx.actor, input).violations })),
  saveEdit: procedureWith("rosters.edit").input(ZShiftEditInput).mutation(({ ctx, input }) => rosters.saveShiftEdit(ctx.db, ctx.actor, input, ctx.now())),
  deleteShift: procedureWith("rosters.edit")
    .input(ZRosterId.extend({ shiftId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => rosters.deleteShift(ctx.db, ctx.actor, input, ctx.now())),
  publish: procedureWith("rosters.publish").input(ZRosterId).mutation(({ ctx, input }) => rosters.publishRoster(ctx.db, ctx.actor, input.rosterId, ctx.now())),
});
