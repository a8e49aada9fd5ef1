import { z } from "zod";
import { signIn } from "@/server/services/auth-service";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const ZSignInInput = z.object({
  email: z.string().trim().min(1, "Enter your email").max(200),
  password: z.string().min(1, "Enter your password").max(200),
});

export const authRouter = createTRPCRouter({
  signIn: publicProcedure.input(ZSignInInput).mutation(({ ctx, input }) => signIn(ctx.db, ctx.session, input, ctx.now())),
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.session.signOut();
    return { ok: true as const };
  }),
  me: authedProcedure.query(({ ctx }) => ctx.actor),
});
