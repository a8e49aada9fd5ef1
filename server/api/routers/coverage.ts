import { z } from "zod";
import { ZTimeZone } from "@/server/api/schemas/org";
import * as coverage from "@/server/services/coverage-service";
import { createTRPCRouter, procedureWith } from "../trpc";

const ZCoverageInput = z.object({ rosterId: z.number().int().positive(), zone: ZTimeZone.or(z.literal("UTC")) });

export const coverageRouter = createTRPCRouter({
  rosters: procedureWith("coverage.read").query(({ ctx }) => coverage.listCoverageRosters(ctx.db, ctx.actor)),
  report: procedureWith("coverage.read").input(ZCoverageInput).query(({ ctx, input }) => coverage.getCoverage(ctx.db, ctx.actor, input)),
  exportCsv: procedureWith("coverage.read")
    .input(ZCoverageInput.extend({ regionId: z.string().optional(), channelId: z.string().optional() }))
    .query(({ ctx, input }) => coverage.exportCoverageCsv(ctx.db, ctx.actor, input)),
  planHiring: procedureWith("coverage.read")
    .input(z.object({ rosterId: z.number().int().positive(), timeLimitSeconds: z.number().int().min(5).max(300).optional() }))
    .mutation(({ ctx, input }) => coverage.startHiringPlan(ctx.db, ctx.actor, input)),
  hiringPlanStatus: procedureWith("coverage.read")
    .input(z.object({ jobId: z.uuid() }))
    .query(({ ctx, input }) => coverage.getHiringPlanStatus(ctx.actor, input.jobId)),
});
