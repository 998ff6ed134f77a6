import { createMemoryHistory } from "@tanstack/react-router";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import type { Environment } from "../environment";
import { createAppRouter } from "../router";
import { testEnvironment } from "./fixtures";

/** The whole app at `path`, talking to msw over the network, with a pinned clock and zone. */
export function renderApp(path: string, environment: Partial<Environment> = {}) {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  const user = userEvent.setup();
  const view = render(<App router={router} environment={testEnvironment(environment)} api={{ batch: false, retry: false }} />);
  return { ...view, user, router, screen };
}
