import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan } from "@/server/api/guard";
import { TodayView } from "./today-view";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const { caller, actor } = await requireSignedIn();
  if (!actorCan(actor, "intraday.read")) return <Forbidden what="today's intraday view" />;
  const [dashboard, directory] = await Promise.all([caller.org.dashboard(), caller.org.directory()]);
  return <TodayView viewerZone={dashboard.profile.effectiveTimeZone} regionZones={directory.regions.map((r) => ({ name: r.name, timeZone: r.timeZone }))} />;
}
