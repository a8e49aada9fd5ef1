"use client";
/**
 * The history CSV upload: the whole file is refused, naming the row and column, on any bad row.
 * A file far from the planning weeks is not written until the person confirms it belongs to
 * this organisation's timeline (the same file is sent again with `confirmFarHistory`).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";

export function ImportHistory() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const importHistory = useMutation(
    trpc.staffing.importHistory.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.staffing.week.pathKey() }) }),
  );
  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    const text = await file.text();
    setCsv(text);
    importHistory.mutate({ csv: text });
  }
  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading" className="text-lg font-semibold">Import contact history</h2>
      <p className="mb-3 text-sm text-slate-600">
        CSV with columns <code>interval_start</code> (ISO instant with offset), <code>channel</code>, <code>contacts</code>, and optionally{" "}
        <code>aht_seconds</code>, <code>abandoned</code> (contacts that hung up first) and <code>wait_seconds</code> (mean wait of all contacts, from which
        callers&apos; patience is estimated). Any bad row rejects the whole file; re-importing an interval replaces it.{" "}
        <a className="font-medium text-amber-800 underline" href="/samples/history-sample.csv">Download the sample CSV</a>.
      </p>
      <label htmlFor="history-file" className="field-label">History CSV file</label>
      <input id="history-file" type="file" accept=".csv,text/csv" className="mt-1 text-sm" onChange={(e) => void onFile(e)} />
      {importHistory.isPending ? <p role="status" className="mt-2 text-sm">Importing {fileName}…</p> : null}
      {importHistory.data?.needsConfirmation ? (
        <div role="alert" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
          <p>{importHistory.data.message}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" className="btn-primary" disabled={!csv} onClick={() => csv && importHistory.mutate({ csv, confirmFarHistory: true })}>
              Yes, import {importHistory.data.rows.toLocaleString("en")} rows
            </button>
            <button type="button" className="btn-secondary" onClick={() => importHistory.reset()}>No, leave it out</button>
          </div>
        </div>
      ) : null}
      {importHistory.data && !importHistory.data.needsConfirmation ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          Imported {importHistory.data.rows} rows ({importHistory.data.channels.join(", ")}) from {fileName}. Re-forecast to use them.
        </p>
      ) : null}
      {importHistory.error ? (
        <pre role="alert" className="mt-2 whitespace-pre-wrap rounded bg-red-50 p-2 text-sm text-red-800">Nothing was imported. {importHistory.error.message}</pre>
      ) : null}
    </section>
  );
}
