import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { actorCan } from "@/server/api/guard";
import { getServerCaller } from "@/server/api/server-caller";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Organisation settings" };

export default async function SettingsPage() {
  const { caller, actor } = await getServerCaller();
  if (!actorCan(actor, "settings.write")) return <Forbidden what="the organisation settings" />;
  const view = await caller.settings.get();
  return <SettingsForm view={view} />;
}
