import type { Metadata } from "next";
import { formatMinutes, formatWorkingDays } from "@/app/_components/format";
import { SpanBadge } from "@/app/_components/span-badge";
import { requireSignedIn } from "@/app/_lib/session";
import type { getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Home" };

type Dashboard = Awaited<ReturnType<Awaited<ReturnType<typeof getServerCaller>>["caller"]["org"]["dashboard"]>>;

export default async function HomePage() {
  const { caller } = await requireSignedIn();
  const dashboard = await caller.org.dashboard();
  const heading = { agent: "My profile", lead: "My team", manager: "Organisation overview" }[dashboard.role];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{heading}</h1>
        <p className="text-sm text-slate-600">
          {dashboard.settings.name} · planning in {dashboard.settings.intervalMinutes}-minute intervals · organisation zone{" "}
          {dashboard.settings.timeZone}
        </p>
      </div>
      {dashboard.role === "manager" ? <ManagerHome dashboard={dashboard} /> : null}
      {dashboard.role === "lead" ? <LeadHome dashboard={dashboard} /> : null}
      <ProfileCard dashboard={dashboard} />
    </div>
  );
}

function ManagerHome({ dashboard }: { dashboard: Dashboard }) {
  const breaking = dashboard.teams.filter((t) => t.span !== "ok");
  return (
    <>
      <section aria-labelledby="regions-heading" className="card">
        <h2 id="regions-heading" className="mb-3 text-lg font-semibold">Regions and headcount</h2>
        <table className="table-basic">
          <thead>
            <tr><th>Region</th><th>Time zone</th><th>Working window (local)</th><th>Days</th><th>Agents</th><th>Leads</th><th>Teams</th></tr>
          </thead>
          <tbody>
            {dashboard.regions.map((r) => (
              <tr key={r.id}>
                <td className="font-medium">{r.name}</td>
                <td>{r.timeZone}</td>
                <td>{r.windowStart}–{r.windowEnd}</td>
                <td>{formatWorkingDays(r.workingDays)}</td>
                <td>{r.agents}</td>
                <td>{r.leads}</td>
                <td>{r.teams}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="teams-heading" className="card">
        <h2 id="teams-heading" className="mb-1 text-lg font-semibold">Teams</h2>
        <p className="mb-3 text-sm text-slate-600">
          Guidance: one team lead per 8–15 agents.{" "}
          {breaking.length === 0 ? "Every team is within it." : `${breaking.length} team(s) break it: ${breaking.map((t) => t.name).join(", ")}.`}
        </p>
        <TeamsTable teams={dashboard.teams} />
      </section>
    </>
  );
}

function TeamsTable({ teams }: { teams: Dashboard["teams"] }) {
  return (
    <table className="table-basic">
      <thead>
        <tr><th>Team</th><th>Region</th><th>Lead</th><th>Agents</th><th>Span</th></tr>
      </thead>
      <tbody>
        {teams.map((t) => (
          <tr key={t.id}>
            <td className="font-medium">{t.name}</td>
            <td>{t.regionName}</td>
            <td>{t.leadName ?? "—"}</td>
            <td>{t.agentCount}</td>
            <td><SpanBadge span={t.span} range={t.leadSpan} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LeadHome({ dashboard }: { dashboard: Dashboard }) {
  return (
    <section aria-labelledby="team-heading" className="card">
      <h2 id="team-heading" className="mb-3 text-lg font-semibold">Teams I lead</h2>
      {dashboard.teams.length === 0 ? <p className="text-sm text-slate-600">You do not lead a team yet.</p> : <TeamsTable teams={dashboard.teams} />}
      <h3 className="mt-5 mb-2 font-semibold">Members</h3>
      <table className="table-basic">
        <thead>
          <tr><th>Name</th><th>Role</th><th>Email</th><th>Skills</th><th>Hours / week</th><th>Days / week</th><th>Rest</th></tr>
        </thead>
        <tbody>
          {dashboard.teamMembers.map((p) => (
            <tr key={p.id}>
              <td className="font-medium">{p.name}</td>
              <td>{p.role}</td>
              <td>{p.email}</td>
              <td>{p.skills.join(", ")}</td>
              <td>{formatMinutes(p.minMinutesPerWeek)}–{formatMinutes(p.maxMinutesPerWeek)}</td>
              <td>≤ {p.maxDaysPerWeek}</td>
              <td>{formatMinutes(p.minRestMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ProfileCard({ dashboard }: { dashboard: Dashboard }) {
  const p = dashboard.profile;
  return (
    <section aria-labelledby="profile-heading" className="card">
      <h2 id="profile-heading" className="mb-3 text-lg font-semibold">{dashboard.role === "agent" ? "Profile and contract" : "My profile"}</h2>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Item term="Name" value={p.name} />
        <Item term="Email" value={p.email} />
        <Item term="Region" value={p.regionName} />
        <Item term="My time zone" value={p.effectiveTimeZone} />
        <Item term="Team" value={dashboard.myTeam ? `${dashboard.myTeam.name}${dashboard.myTeam.leadName ? ` (lead: ${dashboard.myTeam.leadName})` : ""}` : "—"} />
        <Item term="Skills" value={p.skills.join(", ") || "—"} />
        <Item term="Hours per week" value={`${formatMinutes(p.minMinutesPerWeek)} to ${formatMinutes(p.maxMinutesPerWeek)}`} />
        <Item term="Days per week" value={`at most ${p.maxDaysPerWeek}`} />
        <Item term="Rest between shifts" value={`at least ${formatMinutes(p.minRestMinutes)}`} />
        <Item term="Shift templates" value={p.templates.join(", ") || "—"} />
      </dl>
    </section>
  );
}

function Item({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{term}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
