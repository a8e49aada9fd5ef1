import { getDashboard } from "@/server/services/org/dashboard";
import { getOrgDirectory } from "@/server/services/org/directory";
import {
  ZPersonInput,
  ZRegionInput,
  ZTeamInput,
  ZTemplateInput,
  ZUpdatePersonInput,
  ZUpdateRegionInput,
  ZUpdateTeamInput,
  ZUpdateTemplateInput,
} from "@/server/services/org/inputs";
import { createPerson, updatePerson } from "@/server/services/org/people";
import { createRegion, updateRegion } from "@/server/services/org/regions";
import { createTeam, updateTeam } from "@/server/services/org/teams";
import { createTemplate, updateTemplate } from "@/server/services/org/templates";
import { listTimeZones } from "@/server/services/org/time-zones";
import { createTRPCRouter, procedureWith } from "../trpc";

export const orgRouter = createTRPCRouter({
  dashboard: procedureWith("dashboard.read").query(({ ctx }) => getDashboard(ctx.db, ctx.actor)),
  directory: procedureWith("org.read").query(({ ctx }) => getOrgDirectory(ctx.db)),
  timeZones: procedureWith("regions.write").query(() => listTimeZones()),
  createRegion: procedureWith("regions.write").input(ZRegionInput).mutation(({ ctx, input }) => createRegion(ctx.db, ctx.actor, input, ctx.now())),
  updateRegion: procedureWith("regions.write").input(ZUpdateRegionInput).mutation(({ ctx, input }) => updateRegion(ctx.db, ctx.actor, input, ctx.now())),
  createPerson: procedureWith("people.write").input(ZPersonInput).mutation(({ ctx, input }) => createPerson(ctx.db, ctx.actor, input, ctx.now())),
  updatePerson: procedureWith("people.write").input(ZUpdatePersonInput).mutation(({ ctx, input }) => updatePerson(ctx.db, ctx.actor, input, ctx.now())),
  createTeam: procedureWith("teams.write").input(ZTeamInput).mutation(({ ctx, input }) => createTeam(ctx.db, ctx.actor, input, ctx.now())),
  updateTeam: procedureWith("teams.write").input(ZUpdateTeamInput).mutation(({ ctx, input }) => updateTeam(ctx.db, ctx.actor, input, ctx.now())),
  createTemplate: procedureWith("templates.write").input(ZTemplateInput).mutation(({ ctx, input }) => createTemplate(ctx.db, ctx.actor, input, ctx.now())),
  updateTemplate: procedureWith("templates.write").input(ZUpdateTemplateInput).mutation(({ ctx, input }) => updateTemplate(ctx.db, ctx.actor, input, ctx.now())),
});
