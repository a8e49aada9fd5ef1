import { z } from "zod";
import { deleteShift, checkShiftEdit, saveShiftEdit } from "@/server/services/rosters/edits";
import { ZDeleteShiftInput, ZRosterId, ZShiftEditInput, ZStartSolveInput } from "@/server/services/rosters/inputs";
import { getRosterBoard } from "@/server/services/rosters/board";
import { listRostersFor } from "@/server/services/rosters/list";
import { publishRoster } from "@/server/services/rosters/publish";
import { cancelSolve, getSolveStatus, startRosterSolve } from "@/server/services/rosters/solve";
import { createTRPCRouter, procedureWith } from "../trpc";

export const rostersRouter = createTRPCRouter({
  list: procedureWith("rosters.read").query(({ ctx }) => listRostersFor(ctx.db, ctx.actor)),
  board: procedureWith("rosters.read").input(ZRosterId).query(({ ctx, input }) => getRosterBoard(ctx.db, ctx.actor, input.rosterId)),
  startSolve: procedureWith("rosters.create").input(ZStartSolveInput).mutation(({ ctx, input }) => startRosterSolve(ctx.db, ctx.actor, input, ctx.now)),
  solveStatus: procedureWith("rosters.create").input(z.object({ jobId: z.uuid() })).query(({ ctx, input }) => getSolveStatus(ctx.actor, input.jobId)),
  cancelSolve: procedureWith("rosters.create").input(z.object({ jobId: z.uuid() })).mutation(({ ctx, input }) => cancelSolve(ctx.actor, input.jobId)),
  checkEdit: procedureWith("rosters.edit").input(ZShiftEditInput).query(({ ctx, input }) => ({ violations: checkShiftEdit(ctx.db, ctx.actor, input).violations })),
  saveEdit: procedureWith("rosters.edit").input(ZShiftEditInput).mutation(({ ctx, input }) => saveShiftEdit(ctx.db, ctx.actor, input, ctx.now())),
  deleteShift: procedureWith("rosters.edit").input(ZDeleteShiftInput).mutation(({ ctx, input }) => deleteShift(ctx.db, ctx.actor, input, ctx.now())),
  publish: procedureWith("rosters.publish").input(ZRosterId).mutation(({ ctx, input }) => publishRoster(ctx.db, ctx.actor, input.rosterId, ctx.now())),
});
