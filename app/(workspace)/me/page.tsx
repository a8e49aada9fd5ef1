import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan } from "@/server/api/guard";
import { MyShiftsView } from "./my-shifts-view";

export const metadata: Metadata = { title: "My shifts" };

export default async function MyShiftsPage() {
  const { actor } = await requireSignedIn();
  if (!actorCan(actor, "shifts.readOwn")) return <Forbidden what="my shifts (it is for agents and leads)" />;
  return <MyShiftsView />;
}
