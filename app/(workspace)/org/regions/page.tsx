import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { actorCan } from "@/server/api/guard";
import { getServerCaller } from "@/server/api/server-caller";
import { RegionsEditor } from "./regions-editor";

export const metadata: Metadata = { title: "Regions" };

export default async function RegionsPage() {
  const { caller, actor } = await getServerCaller();
  if (!actorCan(actor, "regions.write")) return <Forbidden what="the regions page" />;
  const [directory, timeZones] = await Promise.all([caller.org.directory(), caller.org.timeZones()]);
  const regions = directory.regions.map((region) => ({
    ...region,
    peopleCount: directory.people.filter((p) => p.regionId === region.id && p.active).length,
    teamCount: directory.teams.filter((t) => t.regionId === region.id).length,
  }));
  return <RegionsEditor regions={regions} currency={directory.settings.currency} timeZones={timeZones} />;
}
