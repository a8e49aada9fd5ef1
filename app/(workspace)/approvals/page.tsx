import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan } from "@/server/api/guard";
import { ApprovalsView } from "./approvals-view";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const { actor } = await requireSignedIn();
  if (!actorCan(actor, "swaps.approve")) return <Forbidden what="shift swap approvals" />;
  return <ApprovalsView />;
}
