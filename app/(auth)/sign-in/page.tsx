import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getServerCaller } from "@/server/api/server-caller";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, caller } = await getServerCaller();
  if (actor) redirect("/");
  // A fresh install has nobody to sign in: offer the first-run set-up (it asks for the printed link).
  if ((await caller.setup.status()).needed) redirect("/setup");
  const params = await searchParams;
  const createdEmail = params.setup === "done" && typeof params.email === "string" ? params.email : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-amber-50 via-white to-sky-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl font-bold tracking-tight text-slate-900">
            <span aria-hidden="true" className="text-amber-500">☀</span> Sunshift
          </p>
          <p className="mt-1 text-sm text-slate-600">Follow-the-sun workforce planning</p>
        </div>
        <div className="card">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          {createdEmail !== undefined ? (
            <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              Organisation created. Sign in as its manager.
            </p>
          ) : null}
          <SignInForm initialEmail={createdEmail} />
        </div>
      </div>
    </main>
  );
}
