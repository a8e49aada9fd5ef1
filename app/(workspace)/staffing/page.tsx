import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan } from "@/server/api/guard";
import { StaffingView } from "./staffing-view";

export const metadata: Metadata = { title: "Forecast and staffing" };

export default async function StaffingPage() {
  const { caller, actor } = await requireSignedIn();
  if (!actorCan(actor, "staffing.read")) return <Forbidden what="forecast and staffing" />;
  const dashboard = await caller.org.dashboard();
  const directory = await caller.org.directory();
  return (
    <StaffingView
      viewerZone={dashboard.profile.effectiveTimeZone}
      regionZones={directory.regions.map((r) => ({ name: r.name, timeZone: r.timeZone }))}
      canImport={actorCan(actor, "history.import")}
      canSaveTargets={actorCan(actor, "channels.write")}
      canMarkDays={actorCan(actor, "specialDays.write")}
    />
  );
}
