import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan } from "@/server/api/guard";
import { RostersView } from "./rosters-view";

export const metadata: Metadata = { title: "Rosters" };

export default async function RostersPage() {
  const { caller, actor } = await requireSignedIn();
  if (!actorCan(actor, "rosters.read")) return <Forbidden what="rosters" />;
  const dashboard = await caller.org.dashboard();
  return <RostersView viewerZone={dashboard.profile.effectiveTimeZone} canCreate={actorCan(actor, "rosters.create")} />;
}
