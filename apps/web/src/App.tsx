import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { TRPCProvider, type ApiClients } from "./api/trpc";
import { EnvironmentProvider, type Environment } from "./environment";
import type { createAppRouter } from "./router";

export interface AppProps {
  router: ReturnType<typeof createAppRouter>;
  environment: Environment;
  /** The clients the router's loaders use too (createAppRouter). */
  clients: ApiClients;
}

export function App({ router, environment, clients }: AppProps) {
  return (
    <EnvironmentProvider value={environment}>
      <QueryClientProvider client={clients.queryClient}>
        <TRPCProvider trpcClient={clients.trpcClient} queryClient={clients.queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </EnvironmentProvider>
  );
}
