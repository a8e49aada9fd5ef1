import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { actorCan } from "@/server/api/guard";
import { getServerCaller } from "@/server/api/server-caller";
import { TemplatesEditor } from "./templates-editor";

export const metadata: Metadata = { title: "Shift templates" };

export default async function TemplatesPage() {
  const { caller, actor } = await getServerCaller();
  if (!actorCan(actor, "templates.write")) return <Forbidden what="the shift templates page" />;
  const directory = await caller.org.directory();
  const templates = directory.templates.map((t) => ({
    ...t,
    peopleCount: directory.people.filter((p) => p.active && p.templateIds.includes(t.id)).length,
  }));
  return <TemplatesEditor templates={templates} intervalMinutes={directory.settings.intervalMinutes} />;
}
