import {
  listTimeZones,
  ZPersonInput,
  ZRegionInput,
  ZTeamInput,
  ZTemplateInput,
  ZUpdatePersonInput,
  ZUpdateRegionInput,
  ZUpdateTeamInput,
  ZUpdateTemplateInput,
} from "@/server/api/schemas/org";
import * as org from "@/server/services/org-service";
import { createTRPCRouter, procedureWith } from "../trpc";

export const orgRouter = createTRPCRouter({
  dashboard: procedureWith("dashboard.read").query(({ ctx }) => org.getDashboard(ctx.db, ctx.actor)),
  directory: procedureWith("org.read").query(({ ctx }) => org.getOrgDirectory(ctx.db)),
  timeZones: procedureWith("regions.write").query(() => listTimeZones()),
  createRegion: procedureWith("regions.write").input(ZRegionInput).mutation(({ ctx, input }) => org.createRegion({ ...ctx, now: ctx.now() }, input)),
  updateRegion: procedureWith("regions.write").input(ZUpdateRegionInput).mutation(({ ctx, input }) => org.updateRegion({ ...ctx, now: ctx.now() }, input)),
  createPerson: procedureWith("people.write").input(ZPersonInput).mutation(({ ctx, input }) => org.createPerson({ ...ctx, now: ctx.now() }, input)),
  updatePerson: procedureWith("people.write").input(ZUpdatePersonInput).mutation(({ ctx, input }) => org.updatePerson({ ...ctx, now: ctx.now() }, input)),
  createTeam: procedureWith("teams.write").input(ZTeamInput).mutation(({ ctx, input }) => org.createTeam({ ...ctx, now: ctx.now() }, input)),
  updateTeam: procedureWith("teams.write").input(ZUpdateTeamInput).mutation(({ ctx, input }) => org.updateTeam({ ...ctx, now: ctx.now() }, input)),
  createTemplate: procedureWith("templates.write").input(ZTemplateInput).mutation(({ ctx, input }) => org.createTemplate({ ...ctx, now: ctx.now() }, input)),
  updateTemplate: procedureWith("templates.write").input(ZUpdateTemplateInput).mutation(({ ctx, input }) => org.updateTemplate({ ...ctx, now: ctx.now() }, input)),
});
