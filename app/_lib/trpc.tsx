"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
}

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** Field errors sent by the server's error formatter, keyed by field name. */
export function fieldErrorsFrom(error: unknown): Record<string, string[] | undefined> {
  const data = (error as { data?: { fieldErrors?: Record<string, string[] | undefined> } } | null)?.data;
  return data?.fieldErrors ?? {};
}

/** A message fit to show: the first field error with its field, else the error's own message. */
export function errorMessage(error: unknown): string {
  const fieldErrors = fieldErrorsFrom(error);
  const first = Object.entries(fieldErrors).find(([, messages]) => messages && messages.length > 0);
  if (first) return `${first[0]}: ${first[1]?.[0] ?? ""}`;
  return error instanceof Error ? error.message : "Something went wrong";
}
