import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getServerCaller } from "@/server/api/server-caller";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "My account" };

const ROLE_LABEL = { agent: "Agent", lead: "Team lead", manager: "Manager" } as const;

/** My account: who I am signed in as, and changing my own password. */
export default async function AccountPage() {
  const { actor } = await getServerCaller();
  if (!actor) redirect("/sign-in");
  return (
    <div className="max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">My account</h1>
        <p className="text-sm text-slate-600">
          Signed in as <span className="font-medium">{actor.name}</span> ({actor.email}), {ROLE_LABEL[actor.role]}.
        </p>
      </div>
      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading" className="mb-1 text-lg font-semibold">Change password</h2>
        <p className="mb-4 text-sm text-slate-600">Enter your current password, then the new one twice (at least 12 characters).</p>
        <ChangePasswordForm email={actor.email} />
      </section>
    </div>
  );
}
