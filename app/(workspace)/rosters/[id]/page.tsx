import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan } from "@/server/api/guard";
import { RosterBoard } from "./roster-board";

export const metadata: Metadata = { title: "Roster board" };

export default async function RosterBoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller, actor } = await requireSignedIn();
  if (!actorCan(actor, "rosters.read")) return <Forbidden what="rosters" />;
  const { id } = await params;
  const rosterId = Number(id);
  if (!Number.isInteger(rosterId) || rosterId <= 0) notFound();
  const dashboard = await caller.org.dashboard();
  return (
    <RosterBoard
      rosterId={rosterId}
      viewerZone={dashboard.profile.effectiveTimeZone}
      canCreate={actorCan(actor, "rosters.create")}
      canPublish={actorCan(actor, "rosters.publish")}
    />
  );
}
