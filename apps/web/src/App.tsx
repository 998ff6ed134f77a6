import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { createApiClients, TRPCProvider, type ApiClientOptions } from "./api/trpc";
import { EnvironmentProvider, type Environment } from "./environment";
import type { createAppRouter } from "./router";

export interface AppProps {
  router: ReturnType<typeof createAppRouter>;
  environment: Environment;
  api?: ApiClientOptions;
}

export function App({ router, environment, api }: AppProps) {
  const [clients] = useState(() => createApiClients(api));
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
