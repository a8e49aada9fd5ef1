import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { actorCan } from "@/server/api/guard";
import { getServerCaller } from "@/server/api/server-caller";
import { ChannelsEditor } from "./channels-editor";

export const metadata: Metadata = { title: "Channels and targets" };

export default async function ChannelsPage() {
  const { caller, actor } = await getServerCaller();
  if (!actorCan(actor, "channels.write")) return <Forbidden what="the channels page" />;
  const view = await caller.channels.list();
  return <ChannelsEditor view={view} />;
}
