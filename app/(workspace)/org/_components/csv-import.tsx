"use client";
/**
 * The CSV import card of the People and Regions pages: a labelled file input, a sample file to
 * start from, and the outcome: the one-line summary, or every refused row with its column (the
 * whole file is refused and nothing is written).
 */
import { useMutation } from "@tanstack/react-query";
import { useState, type ChangeEvent, type ReactNode } from "react";
import { fieldErrorsFrom, useTRPC } from "@/app/_lib/trpc";
import { useRefreshOrg } from "./editor";

export type ImportKind = "people" | "regions";

export function CsvImportCard({ kind, title, columns, children }: { kind: ImportKind; title: string; columns: readonly string[]; children?: ReactNode }) {
  const trpc = useTRPC();
  const refresh = useRefreshOrg();
  const [fileName, setFileName] = useState<string | null>(null);
  const options = { onSuccess: refresh };
  const people = useMutation(trpc.imports.people.mutationOptions(options));
  const regions = useMutation(trpc.imports.regions.mutationOptions(options));
  const mutation = kind === "people" ? people : regions;
  const inputId = `${kind}-import-file`;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    mutation.mutate({ csv: await file.text() });
    // Choosing the same (fixed) file again must fire a change event.
    event.target.value = "";
  }

  return (
    <section aria-labelledby={`${kind}-import-heading`} className="card">
      <h2 id={`${kind}-import-heading`} className="text-lg font-semibold">{title}</h2>
      <p className="mb-3 text-sm text-slate-600">
        CSV with the columns {columns.map((c, i) => <span key={c}>{i > 0 ? ", " : ""}<code>{c}</code></span>)}. {children} Any bad row refuses the whole
        file, naming its row (the header is row 1) and column.{" "}
        <a className="font-medium text-amber-800 underline" href={`/samples/${kind}-sample.csv`}>Download the sample {kind} CSV</a>.
      </p>
      <label htmlFor={inputId} className="field-label">{kind === "people" ? "People CSV file" : "Regions CSV file"}</label>
      <input id={inputId} type="file" accept=".csv,text/csv" className="mt-1 text-sm" onChange={(e) => void onFile(e)} />
      {mutation.isPending ? <p role="status" className="mt-2 text-sm">Importing {fileName}…</p> : null}
      {mutation.data && !mutation.isPending ? (
        <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800">
          ✓ {mutation.data.summary} (from {fileName}).
        </p>
      ) : null}
      {mutation.error && !mutation.isPending ? (
        <pre role="alert" className="mt-2 whitespace-pre-wrap rounded bg-red-50 p-2 font-sans text-sm text-red-800">
          Nothing was imported from {fileName}. {fieldErrorsFrom(mutation.error).csv?.[0] ?? mutation.error.message}
        </pre>
      ) : null}
    </section>
  );
}
