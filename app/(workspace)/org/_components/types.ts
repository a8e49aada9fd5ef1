import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** What `org.directory` returns, as the pages receive it from their server component. */
export type OrgDirectory = inferRouterOutputs<AppRouter>["org"]["directory"];
export type RegionRow = OrgDirectory["regions"][number];
export type TeamRow = OrgDirectory["teams"][number];
export type PersonRow = OrgDirectory["people"][number];
export type TemplateRow = OrgDirectory["templates"][number];
export type ChannelRow = OrgDirectory["channels"][number];
