import { signIn, ZSignInInput } from "@/server/services/auth/sign-in";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  signIn: publicProcedure.input(ZSignInInput).mutation(({ ctx, input }) => signIn(ctx.db, ctx.session, input, ctx.now())),
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.session.signOut();
    return { ok: true as const };
  }),
  me: authedProcedure.query(({ ctx }) => ctx.actor),
});
