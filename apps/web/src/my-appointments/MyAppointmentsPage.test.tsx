import { within } from "@testing-library/react";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activatePatientLanguage } from "../i18n/patient-i18n";
import { clinic, ids, slotsFor } from "../test/fixtures";
import { renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure, TrpcErrorAnswer, type OutputOf } from "../test/trpc";

// The English catalogue ready before the first render, as the route loader has it in the app.
beforeAll(() => activatePatientLanguage("en"));
beforeEach(() => window.sessionStorage.clear());

const EMAIL = "lea@example.test";
const CODE = "314159";
type List = OutputOf<"myAppointments.list">;
type Item = List["upcoming"][number];

const item = (overrides: Partial<Item>): Item => ({
  id: ids.appointment,
  start: "2026-03-05T09:00:00.000Z",
  end: "2026-03-05T09:30:00.000Z",
  status: "booked",
  source: "online",
  serviceId: ids.consultation,
  serviceName: "Consultation",
  practitionerId: ids.martin,
  practitionerName: "Dr Claire Martin",
  version: 1,
  canChange: true,
  changeableUntil: "2026-03-04T09:00:00.000Z",
  ...overrides,
});

const PAST_ID = "0b8f1c2e-4444-4000-8000-000000000009";
const list = (upcoming: Item[] = [item({})]): List => ({
  patient: { fullName: "Léa Martin", email: EMAIL, phone: "+33612345678" },
  upcoming,
  past: [item({ id: PAST_ID, start: "2026-02-10T09:00:00.000Z", end: "2026-02-10T09:30:00.000Z", status: "completed", canChange: false, changeableUntil: "2026-02-09T09:00:00.000Z" })],
});

/** A patient who signs in with the mailed code; `signedIn` starts true to skip the sign-in. */
function patientWorld(options: { signedIn?: boolean; answer?: () => List } = {}) {
  const state = { signedIn: options.signedIn ?? false, codeRequests: [] as unknown[], links: 0 };
  server.use(
    procedure("public.clinic", () => clinic),
    procedure("auth.me", () => (state.signedIn ? { user: { id: "0b8f1c2e-5555-4000-8000-000000000001", name: "lea", email: EMAIL }, memberships: [], activeClinicId: null } : null)),
    procedure("auth.requestCode", ({ input }) => {
      state.codeRequests.push(input);
      return { sent: true };
    }),
    procedure("auth.verifyCode", ({ input }) => {
      if (input.code !== CODE) return new TrpcErrorAnswer("UNAUTHORIZED", "That code is not right");
      state.signedIn = true;
      return { status: "signed_in" as const, user: { id: "0b8f1c2e-5555-4000-8000-000000000001", name: "lea", email: EMAIL } };
    }),
    procedure("myAppointments.link", () => {
      state.links += 1;
      return { linked: 1 };
    }),
    procedure("myAppointments.list", () => (options.answer ?? list)()),
  );
  return state;
}

describe("my appointments page", () => {
  it("signs in with the e-mailed code, refusing a wrong one, then lists upcoming and past appointments", async () => {
    const state = patientWorld();
    const app = renderApp("/book/demo-paris/my?lang=en");
    expect(await app.screen.findByRole("heading", { level: 1, name: "My appointments at Cabinet Demo Paris" })).toBeInTheDocument();
    await app.user.type(await app.screen.findByLabelText("E-mail"), EMAIL);
    await app.user.click(app.screen.getByRole("button", { name: "Send me a code" }));
    expect(await app.screen.findByText(`We sent a 6-digit code to ${EMAIL}. It is valid for 10 minutes.`)).toBeInTheDocument();
    // The mail speaks the page's language.
    expect(state.codeRequests).toEqual([{ email: EMAIL, language: "en" }]);

    await app.user.type(app.screen.getByLabelText("Code"), "000000");
    await app.user.click(app.screen.getByRole("button", { name: "Sign in" }));
    expect(await app.screen.findByRole("alert")).toHaveTextContent("That code is not right or no longer valid. Check it, or ask for a new one.");
    expect(state.links).toBe(0);

    await app.user.clear(app.screen.getByLabelText("Code"));
    await app.user.type(app.screen.getByLabelText("Code"), CODE);
    await app.user.click(app.screen.getByRole("button", { name: "Sign in" }));
    expect(await app.screen.findByText(`Signed in as ${EMAIL}.`, { exact: false })).toBeInTheDocument();
    const upcoming = within(await app.screen.findByRole("region", { name: "Upcoming" }));
    expect(upcoming.getByText("Thursday, 5 March 2026 at 10:00")).toBeInTheDocument();
    expect(upcoming.getByText("Consultation with Dr Claire Martin")).toBeInTheDocument();
    expect(upcoming.getByText(/Can be moved or cancelled online until Wednesday, 4 March 2026 at 10:00/)).toBeInTheDocument();
    const past = within(app.screen.getByRole("region", { name: "Past" }));
    expect(past.getByText("Status: Completed")).toBeInTheDocument();
    expect(past.queryByRole("button", { name: "Cancel appointment" })).not.toBeInTheDocument();
    expect(state.links).toBeGreaterThan(0);
  });

  it("cancels an upcoming appointment and shows it cancelled", async () => {
    let cancelled = false;
    const sent: unknown[] = [];
    patientWorld({ signedIn: true, answer: () => list([item(cancelled ? { status: "cancelled", canChange: false } : {})]) });
    server.use(
      procedure("myAppointments.cancel", ({ input }) => {
        sent.push(input);
        cancelled = true;
        return { appointment: { ...item({ status: "cancelled" }), clinicName: clinic.name, timezone: clinic.timezone } };
      }),
    );
    const app = renderApp("/book/demo-paris/my?lang=en");
    const upcoming = within(await app.screen.findByRole("region", { name: "Upcoming" }));
    await app.user.click(upcoming.getByRole("button", { name: "Cancel appointment" }));
    await app.user.type(app.screen.getByLabelText("Reason (optional)"), "Feeling better");
    await app.user.click(app.screen.getByRole("button", { name: "Yes, cancel it" }));
    expect(await app.screen.findByText("Your appointment is cancelled. The clinic has been told.")).toBeInTheDocument();
    expect(await upcoming.findByText("Status: Cancelled")).toBeInTheDocument();
    expect(upcoming.queryByRole("button", { name: "Cancel appointment" })).not.toBeInTheDocument();
    expect(sent).toEqual([{ clinicSlug: "demo-paris", appointmentId: ids.appointment, reason: "Feeling better" }]);
  });

  it("shows the server's refusal inside the notice in the page's own words", async () => {
    patientWorld({ signedIn: true });
    server.use(procedure("myAppointments.cancel", () => new TrpcErrorAnswer("BAD_REQUEST", "Online changes were possible until Wednesday, 4 March 2026 at 10:00. Please call Cabinet Demo Paris.")));
    const app = renderApp("/book/demo-paris/my?lang=en");
    const upcoming = within(await app.screen.findByRole("region", { name: "Upcoming" }));
    await app.user.click(upcoming.getByRole("button", { name: "Cancel appointment" }));
    await app.user.click(app.screen.getByRole("button", { name: "Yes, cancel it" }));
    expect(await app.screen.findByRole("alert")).toHaveTextContent(
      "Cabinet Demo Paris asks for 24 h notice: online changes were possible until Wednesday, 4 March 2026 at 10:00. Please call the clinic.",
    );
  });

  it("books again at the same service and practitioner with the patient's details filled in", async () => {
    patientWorld({ signedIn: true });
    server.use(procedure("public.slots", ({ input }) => slotsFor(input.from, input.to)));
    const app = renderApp("/book/demo-paris/my?lang=en");
    const past = within(await app.screen.findByRole("region", { name: "Past" }));
    await app.user.click(past.getByRole("button", { name: "Book again" }));
    expect(await app.screen.findByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeInTheDocument();
    expect(app.router.state.location.search).toMatchObject({ step: "time", service: ids.consultation, practitioner: ids.martin, lang: "en" });
    const draft = JSON.parse(window.sessionStorage.getItem("frontdesk.booking.demo-paris") ?? "{}") as { details?: unknown };
    expect(draft.details).toEqual({ name: "Léa Martin", email: EMAIL, phone: "+33612345678", note: "" });
  });

  it("says so when the address was never proved, and links nothing", async () => {
    patientWorld({ signedIn: true });
    server.use(procedure("myAppointments.link", () => new TrpcErrorAnswer("FORBIDDEN", "Confirm your e-mail address first: sign in with a code sent to it")));
    const app = renderApp("/book/demo-paris/my?lang=en");
    expect(await app.screen.findByRole("alert")).toHaveTextContent("Confirm your e-mail address first: sign out, then sign in with a code sent to it.");
    expect(app.screen.queryByRole("region", { name: "Upcoming" })).not.toBeInTheDocument();
  });
});
