import { changeOwnPassword } from "@/server/services/auth/change-password";
import { createPasswordLink } from "@/server/services/auth/create-password-link";
import { ZChangePasswordInput, ZCreatePasswordLinkInput, ZPasswordTokenInput, ZSetPasswordInput } from "@/server/services/auth/password-inputs";
import { describePasswordLink, setPasswordWithLink } from "@/server/services/auth/set-password";
import { deactivatePerson, reactivatePerson, ZPersonLifecycleInput } from "@/server/services/org/people-lifecycle";
import { createTRPCRouter, procedureWith, publicProcedure } from "../trpc";

/** Accounts over their life: leavers, set-password links, one's own password. */
export const accountsRouter = createTRPCRouter({
  deactivate: procedureWith("people.lifecycle").input(ZPersonLifecycleInput).mutation(({ ctx, input }) => deactivatePerson(ctx.db, ctx.actor, input, ctx.now())),
  reactivate: procedureWith("people.lifecycle").input(ZPersonLifecycleInput).mutation(({ ctx, input }) => reactivatePerson(ctx.db, ctx.actor, input, ctx.now())),
  createPasswordLink: procedureWith("people.lifecycle").input(ZCreatePasswordLinkInput).mutation(({ ctx, input }) => createPasswordLink(ctx.db, ctx.actor, input, ctx.now())),
  // Public: the link's token is the credential; every refused token gets the same message.
  describePasswordLink: publicProcedure.input(ZPasswordTokenInput).query(({ ctx, input }) => describePasswordLink(ctx.db, input, ctx.now())),
  setPassword: publicProcedure.input(ZSetPasswordInput).mutation(({ ctx, input }) => setPasswordWithLink(ctx.db, input, ctx.now())),
  changePassword: procedureWith("me.password").input(ZChangePasswordInput).mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.actor, input, ctx.now())),
});
