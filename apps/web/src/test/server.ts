import { setupServer } from "msw/node";
import { procedure } from "./trpc";

/**
 * The network as the component tests see it: each test installs the handlers it needs. One answer
 * is there by default: a service asks no intake questions and the clinic has no privacy notice
 * (ADR 0037), so a manage link has none to answer either, unless a test says otherwise.
 */
export const server = setupServer(
  procedure("public.intakeForm", () => ({ form: null, privacyNotice: null })),
  procedure("public.booking.intake", () => ({ form: null, canAnswer: false })),
);
