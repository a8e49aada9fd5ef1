"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import { useRefreshOrg } from "../_components/editor";

/**
 * After a channel write: what useRefreshOrg refreshes, plus the cached staffing weeks and
 * roster lists, since a target change restaffs the requirement and marks drafts stale.
 */
export function useRefreshPlans() {
  const refreshOrg = useRefreshOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    refreshOrg();
    void queryClient.invalidateQueries(trpc.staffing.pathFilter());
    void queryClient.invalidateQueries(trpc.rosters.pathFilter());
  };
}
