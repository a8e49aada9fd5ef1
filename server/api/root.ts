import { accountsRouter } from "./routers/accounts";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { channelsRouter } from "./routers/channels";
import { importsRouter } from "./routers/imports";
import { meRouter } from "./routers/me";
import { notificationsRouter } from "./routers/notifications";
import { coverageRouter } from "./routers/coverage";
import { orgRouter } from "./routers/org";
import { rostersRouter } from "./routers/rosters";
import { settingsRouter } from "./routers/settings";
import { setupRouter } from "./routers/setup";
import { staffingRouter } from "./routers/staffing";
import { swapsRouter } from "./routers/swaps";
import { intradayRouter } from "./routers/intraday";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  setup: setupRouter,
  org: orgRouter,
  imports: importsRouter,
  accounts: accountsRouter,
  settings: settingsRouter,
  channels: channelsRouter,
  staffing: staffingRouter,
  rosters: rostersRouter,
  coverage: coverageRouter,
  me: meRouter,
  swaps: swapsRouter,
  notifications: notificationsRouter,
  audit: auditRouter,
  intraday: intradayRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
