import { beforeAll, describe, expect, it } from "vitest";
import { activatePatientLanguage } from "../i18n/patient-i18n";
import { clinic } from "../test/fixtures";
import { preloadPage, renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure } from "../test/trpc";

// The catalogue and the page's code ready before the render: the test waits on the page only.
beforeAll(async () => {
  await Promise.all([activatePatientLanguage("en"), preloadPage("/book/demo-paris")]);
});

describe("booking page: online booking switched off", () => {
  it("says booking is closed and offers no service to choose", async () => {
    server.use(procedure("public.clinic", () => ({ ...clinic, features: { onlineBooking: false, waitlist: true } })));
    const app = renderApp("/book/demo-paris?lang=en");
    expect(await app.screen.findByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeInTheDocument();
    expect(app.screen.getByText("Online booking is closed")).toBeInTheDocument();
    expect(app.screen.getByText("Cabinet Demo Paris is not taking bookings online at the moment. Please call the clinic to book.")).toBeInTheDocument();
    expect(app.screen.queryByRole("button", { name: /Consultation/ })).not.toBeInTheDocument();
  });
});
