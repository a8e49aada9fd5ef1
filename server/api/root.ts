import { authRouter } from "./routers/auth";
import { orgRouter } from "./routers/org";
import { staffingRouter } from "./routers/staffing";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  org: orgRouter,
  staffing: staffingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
