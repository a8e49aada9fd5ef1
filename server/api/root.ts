import { authRouter } from "./routers/auth";
import { orgRouter } from "./routers/org";
import { rostersRouter } from "./routers/rosters";
import { staffingRouter } from "./routers/staffing";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  org: orgRouter,
  staffing: staffingRouter,
  rosters: rostersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
