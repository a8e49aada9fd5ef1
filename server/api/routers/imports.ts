import { ZImportCsvInput } from "@/server/services/org/import-inputs";
import { importPeopleCsv } from "@/server/services/org/import-people";
import { importRegionsCsv } from "@/server/services/org/import-regions";
import { createTRPCRouter, procedureWith } from "../trpc";

/** CSV imports of the organisation, one procedure per kind (the same parsers as `npm run import`). */
export const importsRouter = createTRPCRouter({
  people: procedureWith("people.import").input(ZImportCsvInput).mutation(({ ctx, input }) => importPeopleCsv(ctx.db, ctx.actor, input, ctx.now())),
  // Importing regions is writing regions: the same permission as the form.
  regions: procedureWith("regions.write").input(ZImportCsvInput).mutation(({ ctx, input }) => importRegionsCsv(ctx.db, ctx.actor, input, ctx.now())),
});
