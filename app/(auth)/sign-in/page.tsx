import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getServerCaller } from "@/server/api/server-caller";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const { actor } = await getServerCaller();
  if (actor) redirect("/");
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
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
