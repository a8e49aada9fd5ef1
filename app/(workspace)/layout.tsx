import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NavLinks } from "@/app/_components/nav-links";
import { NotificationBell } from "@/app/_components/notification-bell";
import { navFor } from "@/app/_components/nav";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { getServerCaller } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

const ROLE_LABEL = { agent: "Agent", lead: "Team lead", manager: "Manager" } as const;

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { actor } = await getServerCaller();
  if (!actor) redirect("/sign-in");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
          <a href="/" className="text-lg font-bold tracking-tight">
            <span aria-hidden="true" className="text-amber-500">☀</span> Sunshift
          </a>
          <nav aria-label="Main" className="flex-1">
            <NavLinks items={navFor(actor).map(({ href, label }) => ({ href, label }))} />
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <NotificationBell />
            <span>
              <span className="font-medium">{actor.name}</span>{" "}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{ROLE_LABEL[actor.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
