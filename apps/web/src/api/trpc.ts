// The one way the web app talks to the server: tRPC over HTTP, typed from the router's type alone.
import type { AppRouter } from "@frontdesk/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Client errors (4xx) are answers, not hiccups: only network failures and 5xx are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    return status === undefined || status >= 500;
  }
  return true;
}

export interface ApiClientOptions {
  /** Where the API lives; the page's own origin by default. */
  baseUrl?: string;
  /** Batching in the app; one request per call in tests, so msw handlers stay simple. */
  batch?: boolean;
  /** Retries of failed queries (off in tests, where a failure is what is being tested). */
  retry?: boolean;
}

export function createApiClients({ baseUrl = window.location.origin, batch = true, retry = true }: ApiClientOptions = {}) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: retry ? shouldRetry : false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  const url = `${baseUrl}/trpc`;
  const trpcClient = createTRPCClient<AppRouter>({ links: [batch ? httpBatchLink({ url }) : httpLink({ url })] });
  // The same query options outside React, for the routes' loaders (router.tsx, routes/base.ts).
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  return { queryClient, trpcClient, trpc };
}

export type ApiClients = ReturnType<typeof createApiClients>;
