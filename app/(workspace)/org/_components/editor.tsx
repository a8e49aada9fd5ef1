"use client";
/**
 * The shape every organisation page shares: a heading with a "New …" button and a status
 * line, a form card opened for a new or an existing row, and a table below it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTRPC } from "@/app/_lib/trpc";

export type Editing<T> = null | { mode: "new" } | { mode: "edit"; row: T };

/** Which row (if any) the form is open for, and the last "… saved" message. */
export function useEditor<T>() {
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [status, setStatus] = useState<string | null>(null);
  return {
    editing,
    status,
    openNew: () => {
      setStatus(null);
      setEditing({ mode: "new" });
    },
    openEdit: (row: T) => {
      setStatus(null);
      setEditing({ mode: "edit", row });
    },
    close: () => setEditing(null),
    saved: (message: string) => {
      setEditing(null);
      setStatus(message);
    },
  };
}

/**
 * After a write: re-render the server component (fresh table rows) and drop cached
 * organisation queries other pages may hold.
 */
export function useRefreshOrg() {
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    router.refresh();
    void queryClient.invalidateQueries(trpc.org.pathFilter());
  };
}

export function OrgPageHeader({
  title,
  intro,
  newLabel,
  onNew,
  status,
}: {
  title: string;
  intro: ReactNode;
  newLabel: string;
  onNew: () => void;
  status: string | null;
}) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          <p className="text-sm text-slate-600">{intro}</p>
        </div>
        <button type="button" className="btn-primary" onClick={onNew}>
          {newLabel}
        </button>
      </div>
      {/* Always in the page so screen readers announce the message when it appears. */}
      <p role="status" className={status ? "rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800" : "sr-only"}>
        {status ? `✓ ${status}` : ""}
      </p>
    </div>
  );
}

/** The form's card: takes focus when it opens so keyboard users land on it. */
export function EditorCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <section aria-labelledby={`${id}-heading`} className="card border-amber-200">
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="mb-4 text-lg font-semibold outline-none">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function TableCard({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`} className="mb-1 text-lg font-semibold">{title}</h2>
      {description ? <p className="mb-3 text-sm text-slate-600">{description}</p> : <div className="mb-2" />}
      <div className="overflow-x-auto">{children}</div>
    </section>
  );
}

export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" className="btn-secondary" onClick={onClick}>
      Edit<span className="sr-only"> {name}</span>
    </button>
  );
}
