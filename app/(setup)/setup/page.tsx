import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getServerCaller } from "@/server/api/server-caller";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Sunshift" };
export const dynamic = "force-dynamic";

/**
 * The first-run page: offered while the database has no organisation, and only to someone
 * holding the one-time link the server printed when it started (no open sign-up).
 */
export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : undefined;
  const { caller } = await getServerCaller();
  const status = await caller.setup.status({ token });
  if (!status.needed) redirect("/sign-in");
  const timeZones = status.tokenAccepted ? await caller.setup.timeZones() : [];
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-amber-50 via-white to-sky-50 px-4 py-10">
      <div className="w-full max-w-lg">
        <div className="mb-6 text-center">
          <p className="text-3xl font-bold tracking-tight text-slate-900">
            <span aria-hidden="true" className="text-amber-500">☀</span> Sunshift
          </p>
          <p className="mt-1 text-sm text-slate-600">Follow-the-sun workforce planning</p>
        </div>
        <div className="card">
          <h1 className="mb-2 text-lg font-semibold">Set up your organisation</h1>
          {status.tokenAccepted && token ? (
            <>
              <p className="mb-4 text-sm text-slate-600">
                Name the organisation and its planning zone, and create the first manager. Sunshift adds a “Head office” region in that
                zone, the voice, chat, email and social channels with standard targets, and two shift templates; change any of them later.
              </p>
              <SetupForm token={token} timeZones={timeZones} />
            </>
          ) : (
            <div className="space-y-2 text-sm text-slate-700">
              <p className="font-medium text-red-800">
                {token ? "This set-up link is not valid or was used already." : "Set-up needs the one-time link the server printed."}
              </p>
              <p>
                This Sunshift has no organisation yet. When the server starts on an empty database it prints a line
                <code className="mx-1 rounded bg-slate-100 px-1">Sunshift set-up: open …/setup?token=…</code>; open that link (restarting
                the server prints a new one).
              </p>
              <p>
                Or, on the server, run <code className="rounded bg-slate-100 px-1">npm run -s setup -- --org … --zone … --manager-email … --manager-name …</code> with
                the password in <code className="rounded bg-slate-100 px-1">SUNSHIFT_MANAGER_PASSWORD</code>.
              </p>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
