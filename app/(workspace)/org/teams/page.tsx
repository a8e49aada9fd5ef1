import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { actorCan } from "@/server/api/guard";
import { getServerCaller } from "@/server/api/server-caller";
import { TeamsEditor } from "./teams-editor";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const { caller, actor } = await getServerCaller();
  if (!actorCan(actor, "teams.write")) return <Forbidden what="the teams page" />;
  const directory = await caller.org.directory();
  const regionName = new Map(directory.regions.map((r) => [r.id, r.name]));
  const leads = directory.people
    .filter((p) => p.role === "lead" && p.active)
    .map((p) => ({ id: p.id, name: p.name, regionName: regionName.get(p.regionId) ?? "?" }));
  return <TeamsEditor teams={directory.teams} regions={directory.regions.map((r) => ({ id: r.id, name: r.name }))} leads={leads} />;
}
