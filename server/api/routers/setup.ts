/**
 * The first-run page's procedures. Public by necessity (nobody can sign in before the first
 * manager exists), so each guards itself: the status says only whether set-up is needed and
 * whether a token is right, and the set-up itself requires the one-time token the server printed.
 */
import { createOrganisationWithSetupToken } from "@/server/services/setup/create-organisation";
import { ZFirstRunInput, ZSetupStatusInput } from "@/server/services/setup/inputs";
import { readSetupStatus } from "@/server/services/setup/setup-status";
import { listTimeZones } from "@/server/services/org/time-zones";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const setupRouter = createTRPCRouter({
  status: publicProcedure.input(ZSetupStatusInput).query(({ ctx, input }) => readSetupStatus(ctx.db, input?.token)),
  timeZones: publicProcedure.query(() => listTimeZones()),
  createOrganisation: publicProcedure.input(ZFirstRunInput).mutation(async ({ ctx, input }) => {
    const created = await createOrganisationWithSetupToken(ctx.db, input, ctx.now());
    return { organisationName: created.organisationName, managerEmail: created.managerEmail };
  }),
});
