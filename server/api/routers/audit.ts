import { ZAuditListInput } from "@/server/services/audit/inputs";
import { listAuditLog } from "@/server/services/audit/list";
import { createTRPCRouter, procedureWith } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: procedureWith("audit.read").input(ZAuditListInput).query(({ ctx, input }) => listAuditLog(ctx.db, ctx.actor, input)),
});
