import Link from "next/link";

/** Shown when a signed-in person opens a page their role may not use. */
export function Forbidden({ what }: { what: string }) {
  return (
    <div role="alert" className="card max-w-xl border-red-200 bg-red-50">
      <h1 className="text-lg font-semibold text-red-900">Not allowed</h1>
      <p className="mt-1 text-sm text-red-800">Your role cannot open {what}. Nothing was changed.</p>
      <Link href="/" className="mt-3 inline-block text-sm font-medium text-red-900 underline">Back to home</Link>
    </div>
  );
}
