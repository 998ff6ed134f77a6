import { createMemoryHistory } from "@tanstack/react-router";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createApiClients } from "../api/trpc";
import { App } from "../App";
import type { Environment } from "../environment";
import { createAppRouter } from "../router";
import { testEnvironment } from "./fixtures";

/** The whole app at `path`, talking to msw over the network, with a pinned clock and zone. */
export function renderApp(path: string, environment: Partial<Environment> = {}) {
  const clients = createApiClients({ batch: false, retry: false });
  const router = createAppRouter(clients, createMemoryHistory({ initialEntries: [path] }));
  const user = userEvent.setup();
  const view = render(<App router={router} environment={testEnvironment(environment)} clients={clients} />);
  return { ...view, user, router, screen };
}

/**
 * Loads the code of every route `path` shows, so the file's first render waits on its answers
 * only. The first import of a lazy page compiles its chunk, which takes seconds on a loaded
 * machine; call this in beforeAll (its limit is vitest's hookTimeout) rather than stretching a test's waits.
 */
export async function preloadPage(path: string) {
  const router = createAppRouter(createApiClients({ batch: false, retry: false }), createMemoryHistory({ initialEntries: [path] }));
  const [routes] = router.getMatchedRoutes(new URL(path, "http://localhost").pathname);
  await Promise.all(routes.map((route) => Promise.resolve(router.loadRouteChunk(route))));
}
