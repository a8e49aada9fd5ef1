import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/forbidden";
import { requireSignedIn } from "@/app/_lib/session";
import { actorCan } from "@/server/api/guard";
import { defaultRosterId } from "./coverage-model";
import { CoverageView } from "./coverage-view";

export const metadata: Metadata = { title: "Coverage" };

export default async function CoveragePage() {
  const { caller, actor, now } = await requireSignedIn();
  if (!actorCan(actor, "coverage.read")) return <Forbidden what="coverage" />;
  const [dashboard, directory, rosters] = await Promise.all([caller.org.dashboard(), caller.org.directory(), caller.coverage.rosters()]);
  return (
    <CoverageView
      viewerZone={dashboard.profile.effectiveTimeZone}
      regionZones={directory.regions.map((r) => ({ name: r.name, timeZone: r.timeZone }))}
      rosters={rosters}
      defaultRosterId={defaultRosterId(rosters, now().getTime())}
    />
  );
}
