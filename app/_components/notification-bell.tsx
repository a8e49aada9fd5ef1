"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";

const POLL_MS = 30_000;

/** Header bell: unread count as a badge, a list of the newest notifications, mark as read. */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 20 }), refetchInterval: POLL_MS, staleTime: 5_000 });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }) }));
  const unread = list.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onClick = (e: MouseEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={wrapper} className="relative">
      <button
        type="button"
        className="btn-secondary relative"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        onClick={() => {
          setOpen((o) => !o);
          void list.refetch();
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span aria-hidden="true" data-testid="notification-count" className="absolute -top-2 -right-2 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-bold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label="Notifications" className="absolute right-0 z-20 mt-2 w-96 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="text-sm font-semibold">Notifications</span>
            <button type="button" className="text-xs font-medium text-amber-800 underline disabled:opacity-50" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({})}>
              Mark all read
            </button>
          </div>
          <ul className="max-h-96 overflow-y-auto">
            {(list.data?.items ?? []).length === 0 ? <li className="px-3 py-4 text-sm text-slate-500">Nothing yet.</li> : null}
            {list.data?.items.map((n) => (
              <li key={n.id} className={`border-b border-slate-100 px-3 py-2 text-sm ${n.read ? "text-slate-500" : "bg-amber-50 text-slate-900"}`}>
                <div className="flex items-start gap-2">
                  <div className="flex-1">
                    {n.link ? (
                      <Link
                        href={n.link}
                        className="hover:underline"
                        onClick={() => {
                          if (!n.read) markRead.mutate({ ids: [n.id] });
                          setOpen(false);
                        }}
                      >
                        {n.message}
                      </Link>
                    ) : (
                      n.message
                    )}
                    <div className="text-xs text-slate-500">{DateTime.fromISO(n.createdAt).toRelative() ?? ""}</div>
                  </div>
                  {!n.read ? (
                    <button type="button" className="text-xs text-slate-600 underline" aria-label={`Mark "${n.message}" as read`} onClick={() => markRead.mutate({ ids: [n.id] })}>
                      Read
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
