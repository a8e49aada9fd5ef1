import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { actorCan } from "@/server/api/guard";
import { getServerCaller } from "@/server/api/server-caller";
import { PeopleEditor } from "./people-editor";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const { caller, actor } = await getServerCaller();
  if (!actorCan(actor, "people.write")) return <Forbidden what="the people page" />;
  const [directory, timeZones] = await Promise.all([
    caller.org.directory(),
    // The zone list belongs to region editing; without it the own-zone field is free text.
    actorCan(actor, "regions.write") ? caller.org.timeZones() : Promise.resolve([]),
  ]);
  return (
    <PeopleEditor
      people={directory.people}
      regions={directory.regions}
      teams={directory.teams}
      templates={directory.templates}
      channels={directory.channels}
      timeZones={timeZones}
      actorId={actor.id}
      zone={directory.settings.timeZone}
      canImport={actorCan(actor, "people.import")}
      canLifecycle={actorCan(actor, "people.lifecycle")}
    />
  );
}
