import { z } from "zod";
import { ZTimeZone } from "@/server/domain/time/time-zone";
import { exportCoverageCsv } from "@/server/services/coverage/export";
import { getHiringPlanStatus, startHiringPlan } from "@/server/services/coverage/hiring-plan";
import { listCoverageRosters } from "@/server/services/coverage/list";
import { getCoverage } from "@/server/services/coverage/report";
import { createTRPCRouter, procedureWith } from "../trpc";

const ZCoverageInput = z.object({ rosterId: z.number().int().positive(), zone: ZTimeZone.or(z.literal("UTC")) });

export const coverageRouter = createTRPCRouter({
  rosters: procedureWith("coverage.read").query(({ ctx }) => listCoverageRosters(ctx.db, ctx.actor)),
  report: procedureWith("coverage.read").input(ZCoverageInput).query(({ ctx, input }) => getCoverage(ctx.db, ctx.actor, input)),
  exportCsv: procedureWith("coverage.read")
    .input(ZCoverageInput.extend({ regionId: z.string().optional(), channelId: z.string().optional() }))
    .query(({ ctx, input }) => exportCoverageCsv(ctx.db, ctx.actor, input)),
  planHiring: procedureWith("coverage.read")
    .input(z.object({ rosterId: z.number().int().positive(), timeLimitSeconds: z.number().int().min(5).max(300).optional() }))
    .mutation(({ ctx, input }) => startHiringPlan(ctx.db, ctx.actor, input, ctx.now)),
  hiringPlanStatus: procedureWith("coverage.read")
    .input(z.object({ jobId: z.uuid() }))
    .query(({ ctx, input }) => getHiringPlanStatus(ctx.actor, input.jobId)),
});
