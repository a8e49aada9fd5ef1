/**
 * tRPC setup: the context (database, signed-in actor, session, clock), the error
 * formatter that maps AppError codes and zod issues to field errors, and the base
 * procedures. Every non-public procedure declares a permission from the one table in
 * server/auth/permissions.ts; the middleware refuses any role outside it (and a lead
 * not marked as planner where the row names only planners).
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { can, granteesOf, type Permission } from "@/server/auth/permissions";
import type { SessionPort } from "@/server/auth/session";
import { systemClock, type Clock } from "@/server/clock";
import { AppError, type AppErrorCode } from "@/server/errors";
import { findActivePersonForSession } from "@/server/repositories/people-repository";

export interface Context {
  db: Db;
  actor: Actor | null;
  session: SessionPort;
  now: Clock;
}

export interface Meta {
  permission?: Permission;
}

/** Builds a context from its parts; used by the HTTP handler, server components and tests. */
export function createContextInner(opts: { db: Db; session: SessionPort; now?: Clock }): Context {
  // A deactivated or deleted person's cookie signs no one in.
  const actor: Actor | null = opts.session.personId === undefined ? null : (findActivePersonForSession(opts.db, opts.session.personId) ?? null);
  return { db: opts.db, actor, session: opts.session, now: opts.now ?? systemClock };
}

/** Field errors (zod issues or an AppError's field) and the CSV row, as the client receives them. */
export function errorDetails(error: unknown): { fieldErrors?: Record<string, string[] | undefined>; row?: number } {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof z.ZodError) return { fieldErrors: z.flattenError(cause).fieldErrors };
  if (cause instanceof AppError) return { fieldErrors: cause.fieldErrors, row: cause.row };
  return {};
}

const CODE_MAP: Record<AppErrorCode, TRPCError["code"]> = {
  INVALID_INPUT: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      return { ...shape, data: { ...shape.data, ...errorDetails(error) } };
    },
  });

/** Turns AppErrors thrown by services into tRPC errors with the same message. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: CODE_MAP[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapErrors);

export const authedProcedure = publicProcedure.use(({ ctx, meta, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (meta?.permission && !can(ctx.actor, meta.permission)) {
    const role = ctx.actor.role === "lead" && !ctx.actor.isPlanner && granteesOf(meta.permission).includes("planner") ? "lead, not marked as planner" : ctx.actor.role;
    throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${role}) may not do this (${meta.permission}).` });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A signed-in procedure that requires `permission` from the permissions table. */
export function procedureWith(permission: Permission) {
  return authedProcedure.meta({ permission });
}
