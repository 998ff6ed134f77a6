import { setupServer } from "msw/node";

/** The network as the component tests see it: each test installs the handlers it needs. */
export const server = setupServer();
