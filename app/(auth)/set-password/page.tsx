import type { Metadata } from "next";
import { getServerCaller } from "@/server/api/server-caller";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password" };
export const dynamic = "force-dynamic";

/**
 * The public page a one-time set-password link opens (`/set-password?token=…`). An unknown, used
 * or expired link gets the one message the server gives for all of them.
 */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const { caller } = await getServerCaller();
  const link = await caller.accounts.describePasswordLink({ token }).then(
    (found) => ({ ok: true as const, ...found }),
    (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : "This link is not valid." }),
  );
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-amber-50 via-white to-sky-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl font-bold tracking-tight text-slate-900">
            <span aria-hidden="true" className="text-amber-500">☀</span> Sunshift
          </p>
        </div>
        <div className="card">
          <h1 className="mb-4 text-lg font-semibold">Set your password</h1>
          {link.ok ? (
            <SetPasswordForm token={token} name={link.name} email={link.email} />
          ) : (
            <div className="space-y-3">
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{link.message}</p>
              <a href="/sign-in" className="text-sm font-medium text-amber-800 underline">Go to sign-in</a>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
