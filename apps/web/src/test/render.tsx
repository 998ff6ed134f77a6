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
