import { appointmentCalendarFile } from "@frontdesk/domain";
import { act, waitFor, within } from "@testing-library/react";
import { HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { activatePatientLanguage } from "../i18n/patient-i18n";
import { NETWORK_MESSAGE, RATE_LIMIT_MESSAGE } from "../api/failure";
import type { BookInput } from "../api/types";
import { bookAnswer, clinic, ids, NOW, slot, slotsFor } from "../test/fixtures";
import { gate } from "../test/gate";
import { preloadPage, renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure, TrpcErrorAnswer } from "../test/trpc";

// The English catalogue ready before the first render, as the route loader has it in the app,
// and the page's code with its lazy steps, so no test's waits include compiling them.
beforeAll(async () => {
  await Promise.all([
    activatePatientLanguage("en"),
    preloadPage("/book/demo-paris"),
    import("./IntakeStep"),
    import("./ConfirmStep"),
    import("./DoneStep"),
    import("./validate-details"),
  ]);
});

const clinicHandler = procedure("public.clinic", ({ input }) =>
  input.clinicSlug === clinic.slug ? clinic : new TrpcErrorAnswer("NOT_FOUND", "Clinic not found"),
);
const slotsHandler = procedure("public.slots", ({ input }) => slotsFor(input.from, input.to));

type App = ReturnType<typeof renderApp>;

async function chooseService(app: App, name = /^Consultation/) {
  await app.user.click(await app.screen.findByRole("button", { name }));
}

async function chooseDayAndTime(app: App, day = /Tuesday, 3 March 2026, 4 free times/, time = /^09:00/) {
  await app.user.click(await app.screen.findByRole("button", { name: day }));
  await app.user.click(await app.screen.findByRole("button", { name: time }));
}

async function fillDetails(app: App, details = { name: "Alice Patient", email: "alice@example.test", phone: "" }) {
  await app.user.type(await app.screen.findByLabelText("Full name"), details.name);
  await app.user.type(app.screen.getByLabelText("E-mail"), details.email);
  if (details.phone) await app.user.type(app.screen.getByLabelText(/Phone/), details.phone);
  await app.user.click(app.screen.getByRole("button", { name: "Continue" }));
  await app.screen.findByRole("heading", { name: "Confirm your appointment" });
}

/** Through every step up to "Confirm", with Dr Martin at 09:00 on Tuesday 3 March. */
async function reachConfirm(app: App) {
  await chooseService(app);
  await app.user.click(await app.screen.findByRole("button", { name: /Dr Claire Martin/ }));
  await chooseDayAndTime(app);
  await fillDetails(app);
}

describe("booking page: clinic and service", () => {
  it("shows a skeleton while the clinic loads, then its name, address, zone and services with duration and price", async () => {
    const clinicAnswer = gate();
    server.use(
      procedure("public.clinic", async () => {
        await clinicAnswer.opened;
        return clinic;
      }),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    expect(await app.screen.findByRole("status")).toHaveTextContent("Loading the clinic's page…");
    clinicAnswer.open();
    expect(await app.screen.findByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeInTheDocument();
    expect(app.screen.getByText(/12 rue de la Santé, 75013 Paris · Times in Europe\/Paris/)).toBeInTheDocument();
    expect(app.screen.getByRole("link", { name: "Call Cabinet Demo Paris on +33 1 23 45 67 89" })).toHaveAttribute("href", "tel:+33123456789");
    expect(app.screen.getByRole("button", { name: /Consultation/ })).toHaveTextContent("30 min · €30.00");
    // A service without a published price shows none.
    expect(app.screen.getByRole("button", { name: /Kinésithérapie/ })).toHaveTextContent(/^Kinésithérapie 1 h$/);
  });

  it("says so when no clinic has this address", async () => {
    server.use(clinicHandler);
    const app = renderApp("/book/no-such-clinic?lang=en");
    expect(await app.screen.findByRole("heading", { name: "Clinic not found" })).toBeInTheDocument();
  });

  it("shows a server error in words, and a retry that loads the page", async () => {
    let calls = 0;
    server.use(
      procedure("public.clinic", () =>
        ++calls === 1 ? new TrpcErrorAnswer("INTERNAL_SERVER_ERROR", "Something went wrong on our side. If it persists, quote request r-42.") : clinic,
      ),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    const alert = await app.screen.findByRole("alert");
    expect(alert).toHaveTextContent("The clinic's page could not be loaded");
    expect(alert).toHaveTextContent("quote request r-42");
    await app.user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await app.screen.findByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it("tells the patient to check their connection when the network fails", async () => {
    server.use(procedure("public.clinic", () => HttpResponse.error()));
    const app = renderApp("/book/demo-paris?lang=en");
    expect(await app.screen.findByRole("alert")).toHaveTextContent(NETWORK_MESSAGE);
  });

  it("offers only the practitioners who give the chosen service, and 'first available', with focus on the step's heading", async () => {
    server.use(clinicHandler);
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    const heading = await app.screen.findByRole("heading", { name: "Choose a practitioner" });
    expect(heading).toHaveFocus();
    const options = app.screen.getAllByRole("button", { name: /First available|Dr |kiné/ }).map((b) => b.textContent);
    expect(options).toEqual([expect.stringContaining("First available"), "Dr Claire Martin", "Dr Yasmine Haddad"]);
    expect(app.screen.getByRole("complementary", { name: "Your appointment" })).toHaveTextContent("Consultation");
  });
});

describe("booking page: day and time", () => {
  it("asks for the visible month once and marks the days with free times", async () => {
    const requests: Array<{ from: string; to: string; practitionerId?: string | undefined }> = [];
    server.use(
      clinicHandler,
      procedure("public.slots", ({ input }) => {
        requests.push({ from: input.from, to: input.to, practitionerId: input.practitionerId });
        return slotsFor(input.from, input.to);
      }),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    expect(await app.screen.findByRole("heading", { name: "Choose a day" })).toHaveFocus();
    expect(await app.screen.findByText("2 days with free times in March 2026.")).toHaveAttribute("role", "status");
    // From today in Paris to the end of the month, for anyone (no practitioner sent).
    expect(requests).toEqual([{ from: "2026-03-02", to: "2026-03-31", practitionerId: undefined }]);
    expect(app.screen.getByRole("button", { name: "Tuesday, 3 March 2026, 4 free times" })).toHaveAttribute("aria-disabled", "false");
    expect(app.screen.getByRole("button", { name: "Thursday, 5 March 2026, 1 free time" })).toHaveAttribute("aria-disabled", "false");
    expect(app.screen.getByRole("button", { name: "Wednesday, 4 March 2026, no free times" })).toHaveAttribute("aria-disabled", "true");

    await app.user.click(app.screen.getByRole("button", { name: "Next month" }));
    expect(await app.screen.findByText("No free times in April 2026.")).toBeInTheDocument();
    expect(requests).toEqual([
      { from: "2026-03-02", to: "2026-03-31", practitionerId: undefined },
      { from: "2026-04-01", to: "2026-04-30", practitionerId: undefined },
    ]);
  });

  it("announces loading and marks the calendar busy until the month's times arrive", async () => {
    // Held until the patient has picked a practitioner: the page asks ahead once a service is chosen.
    const slotsAnswer = gate();
    server.use(
      clinicHandler,
      procedure("public.slots", async ({ input }) => {
        await slotsAnswer.opened;
        return slotsFor(input.from, input.to);
      }),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    expect(await app.screen.findByText("Loading free times for March 2026…")).toBeInTheDocument();
    expect(app.screen.getByRole("grid")).toHaveAttribute("aria-busy", "true");
    slotsAnswer.open();
    expect(await app.screen.findByText("2 days with free times in March 2026.")).toBeInTheDocument();
    expect(app.screen.getByRole("grid")).not.toHaveAttribute("aria-busy");
  });

  it("shows an empty month with a way to the next one", async () => {
    server.use(clinicHandler, procedure("public.slots", ({ input }) => slotsFor(input.from, input.to, input.from.startsWith("2026-04") ? { "2026-04-02": [slot("2026-04-02T07:00:00.000Z")] } : {})));
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    expect(await app.screen.findByText("No free times in March 2026")).toBeInTheDocument();
    await app.user.click(app.screen.getByRole("button", { name: "Show April 2026" }));
    expect(await app.screen.findByRole("button", { name: "Thursday, 2 April 2026, 1 free time" })).toBeInTheDocument();
  });

  it("shows a failed month in words with a retry", async () => {
    let failing = true;
    server.use(
      clinicHandler,
      procedure("public.slots", ({ input }) => (failing ? new TrpcErrorAnswer("INTERNAL_SERVER_ERROR", "Something went wrong on our side. If it persists, quote request r-7.") : slotsFor(input.from, input.to))),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    const alert = await app.screen.findByRole("alert");
    expect(alert).toHaveTextContent("Free times could not be loaded");
    expect(alert).toHaveTextContent("quote request r-7");
    failing = false;
    await app.user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await app.screen.findByText("2 days with free times in March 2026.")).toBeInTheDocument();
  });

  it("moves through the days with the arrow keys, one tab stop for the whole month", async () => {
    server.use(clinicHandler, slotsHandler);
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    await app.screen.findByText("2 days with free times in March 2026.");
    const days = app.screen.getAllByRole("button", { name: /March 2026/ });
    expect(days.filter((day) => day.tabIndex === 0).map((day) => day.getAttribute("aria-label"))).toEqual(["Tuesday, 3 March 2026, 4 free times"]);

    app.screen.getByRole("button", { name: /Tuesday, 3 March 2026/ }).focus();
    await app.user.keyboard("{ArrowRight}");
    expect(app.screen.getByRole("button", { name: /Wednesday, 4 March 2026/ })).toHaveFocus();
    await app.user.keyboard("{ArrowRight}{Enter}");
    expect(await app.screen.findByRole("heading", { name: "Choose a time on Thursday, 5 March 2026" })).toHaveFocus();
    await app.user.click(app.screen.getByRole("button", { name: /Thursday, 5 March 2026/ }));
    await app.user.keyboard("{ArrowDown}");
    expect(app.screen.getByRole("button", { name: /Thursday, 12 March 2026/ })).toHaveFocus();
    await app.user.keyboard("{PageDown}");
    expect(await app.screen.findByRole("heading", { name: "April 2026" })).toBeInTheDocument();
    await waitFor(() => expect(app.screen.getByRole("button", { name: /Sunday, 12 April 2026/ })).toHaveFocus());
  });

  it("groups a day's times into morning, afternoon and evening on the clinic's clock, with the patient's own time beside", async () => {
    server.use(clinicHandler, slotsHandler);
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    await app.user.click(await app.screen.findByRole("button", { name: /Tuesday, 3 March 2026, 4 free times/ }));
    expect(await app.screen.findByRole("heading", { name: "Choose a time on Tuesday, 3 March 2026" })).toHaveFocus();
    expect(app.screen.getByText(/Times are in the clinic's time zone \(Europe\/Paris\)\. Your own time \(America\/Los_Angeles\)/)).toBeInTheDocument();
    const names = (group: string) => within(app.screen.getByRole("group", { name: group })).getAllByRole("button").map((b) => b.textContent);
    expect(names("Morning")).toEqual(["09:00 00:00 your time", "09:30 00:30 your time"]);
    expect(names("Afternoon")).toEqual(["14:00 05:00 your time"]);
    expect(names("Evening")).toEqual(["17:30 08:30 your time"]);
  });

  it("says so when the patient's own clock is on another day", async () => {
    // 08:00 and 08:30 in Paris are still the evening before in Los Angeles; in Tokyo 17:30 is already tomorrow.
    const early = { "2026-03-03": [slot("2026-03-03T07:00:00.000Z"), slot("2026-03-03T16:30:00.000Z")] };
    server.use(clinicHandler, procedure("public.slots", ({ input }) => slotsFor(input.from, input.to, early)));
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    await app.user.click(await app.screen.findByRole("button", { name: /Tuesday, 3 March 2026, 2 free times/ }));
    await app.screen.findByRole("heading", { name: "Choose a time on Tuesday, 3 March 2026" });
    const names = (group: string, screen = app.screen) => within(screen.getByRole("group", { name: group })).getAllByRole("button").map((b) => b.textContent);
    expect(names("Morning")).toEqual(["08:00 23:00 your time, the day before"]);
    expect(names("Evening")).toEqual(["17:30 08:30 your time"]);
    app.unmount();

    const tokyo = renderApp("/book/demo-paris?lang=en", { patientTimeZone: "Asia/Tokyo" });
    await chooseService(tokyo);
    await tokyo.user.click(await tokyo.screen.findByRole("button", { name: /First available/ }));
    await tokyo.user.click(await tokyo.screen.findByRole("button", { name: /Tuesday, 3 March 2026, 2 free times/ }));
    await tokyo.screen.findByRole("heading", { name: "Choose a time on Tuesday, 3 March 2026" });
    expect(names("Evening", tokyo.screen)).toEqual(["17:30 01:30 your time, the next day"]);
  });

  it("notes no second clock for a patient in the clinic's zone", async () => {
    server.use(clinicHandler, slotsHandler);
    const app = renderApp("/book/demo-paris?lang=en", { patientTimeZone: "Europe/Paris" });
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    await app.user.click(await app.screen.findByRole("button", { name: /Tuesday, 3 March 2026, 4 free times/ }));
    expect(await app.screen.findByRole("button", { name: "09:00" })).toBeInTheDocument();
    expect(app.screen.queryByText(/your time/)).not.toBeInTheDocument();
  });
});

describe("booking page: details", () => {
  it("checks the details with the server's schema and shows each error next to its field", async () => {
    server.use(clinicHandler, slotsHandler);
    const app = renderApp("/book/demo-paris?lang=en");
    await chooseService(app);
    await app.user.click(await app.screen.findByRole("button", { name: /First available/ }));
    await chooseDayAndTime(app);
    expect(await app.screen.findByRole("heading", { name: "Your details" })).toHaveFocus();
    await app.user.type(app.screen.getByLabelText(/Phone/), "call me");
    await app.user.click(app.screen.getByRole("button", { name: "Continue" }));

    const name = app.screen.getByLabelText("Full name");
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Enter your name");
    expect(app.screen.getByLabelText("E-mail")).toHaveAccessibleDescription("Enter a valid e-mail address");
    expect(app.screen.getByLabelText(/Phone/)).toHaveAccessibleDescription(expect.stringContaining("Enter a phone number with digits only"));
    expect(app.screen.queryByRole("heading", { name: "Confirm your appointment" })).not.toBeInTheDocument();
  });
});

describe("booking page: confirm", () => {
  it("books with one click: one request with the attempt's key, however often the button is pressed", async () => {
    const sent: BookInput[] = [];
    // The booking's answer waits until every press is made: each one lands while the first is in flight.
    const bookingAnswer = gate();
    server.use(
      clinicHandler,
      slotsHandler,
      procedure("public.book", async ({ input }) => {
        sent.push(input);
        await bookingAnswer.opened;
        return bookAnswer(input.start);
      }),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    expect(within(app.screen.getByRole("complementary")).getByText("Tuesday, 3 March 2026 at 09:00")).toBeInTheDocument();
    expect(within(app.screen.getByRole("group", { name: "Appointment to confirm" })).getByText(/^Tuesday, 3 March 2026 at 09:00/)).toHaveTextContent(
      "Tuesday, 3 March 2026 at 09:00Tuesday, 3 March 2026 at 00:00 your time (America/Los_Angeles)",
    );

    const confirm = app.screen.getByRole("button", { name: "Confirm booking" });
    await app.user.dblClick(confirm);
    await app.user.click(confirm);
    bookingAnswer.open();
    expect(await app.screen.findByRole("heading", { name: "You're booked" })).toHaveFocus();
    expect(sent).toHaveLength(1);
    const { idempotencyKey, ...booking } = sent[0]!;
    expect(booking).toEqual({
      clinicSlug: "demo-paris",
      serviceId: ids.consultation,
      practitionerId: ids.martin,
      start: "2026-03-03T08:00:00.000Z",
      patient: { name: "Alice Patient", email: "alice@example.test" },
      // The page's language: the confirmation and reminders will speak it (ADR 0057).
      language: "en",
    });
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("disables the button and says so while the booking is sent", async () => {
    let release: () => void = () => undefined;
    server.use(
      clinicHandler,
      slotsHandler,
      procedure("public.book", async ({ input }) => {
        await new Promise<void>((resolve) => (release = resolve));
        return bookAnswer(input.start);
      }),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    expect(await app.screen.findByRole("button", { name: "Booking…" })).toBeDisabled();
    act(() => release());
    expect(await app.screen.findByRole("heading", { name: "You're booked" })).toBeInTheDocument();
  });

  it("ends with a summary, an .ics for the calendar and the manage link", async () => {
    server.use(clinicHandler, slotsHandler, procedure("public.book", ({ input }) => bookAnswer(input.start)));
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    await app.screen.findByRole("heading", { name: "You're booked" });
    expect(app.screen.getByText("Consultation with Dr Claire Martin")).toBeInTheDocument();
    const ics = app.screen.getByRole("link", { name: "Add to calendar" });
    expect(ics).toHaveAttribute("download", "appointment-2026-03-03.ics");
    const file = decodeURIComponent(ics.getAttribute("href")!.split(",")[1]!);
    expect(file).toContain("DTSTART:20260303T080000Z");
    expect(file).toContain(`UID:${ids.appointment}@frontdesk`);
    // The very file the confirmation e-mail attaches: the domain's, from the booking answer (see
    // packages/api booking/confirmation.test.ts for the e-mail's side).
    expect(file).toBe(appointmentCalendarFile({ booking: bookAnswer("2026-03-03T08:00:00.000Z"), clinic, now: NOW }));
    expect(app.screen.getByRole("link", { name: "Change or cancel" })).toHaveAttribute("href", "/booking/manage-token-0123456789?lang=en");
    expect(app.screen.getByRole("link", { name: "http://localhost:3000/booking/manage-token-0123456789" })).toBeInTheDocument();
  });

  it("when the time was just taken, says so and offers that day's next free times, keeping what was typed", async () => {
    const sent: BookInput[] = [];
    server.use(
      clinicHandler,
      slotsHandler,
      procedure("public.book", ({ input }) => {
        sent.push(input);
        if (sent.length === 1) {
          return new TrpcErrorAnswer("CONFLICT", "Sorry, that time was just taken. Here are the next free times that day.", {
            details: { nextSlots: [slot("2026-03-03T08:30:00.000Z"), slot("2026-03-03T13:00:00.000Z")] },
          });
        }
        return bookAnswer(input.start);
      }),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    const alert = await app.screen.findByRole("alert");
    expect(alert).toHaveTextContent("Sorry, 09:00 was just taken.");
    expect(within(alert).getAllByRole("button", { name: /your time/ }).map((b) => b.textContent)).toEqual(["09:30 00:30 your time", "14:00 05:00 your time"]);

    await app.user.click(within(alert).getByRole("button", { name: /^09:30/ }));
    expect(await app.screen.findByRole("heading", { name: "Confirm your appointment" })).toHaveFocus();
    expect(within(app.screen.getByRole("complementary")).getByText("Tuesday, 3 March 2026 at 09:30")).toBeInTheDocument();
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    await app.screen.findByRole("heading", { name: "You're booked" });

    expect(sent.map((s) => s.start)).toEqual(["2026-03-03T08:00:00.000Z", "2026-03-03T08:30:00.000Z"]);
    expect(sent[1]!.patient).toEqual(sent[0]!.patient);
    expect(sent[1]!.idempotencyKey).not.toBe(sent[0]!.idempotencyKey);
  });

  it("offers another day when nothing else is free that day", async () => {
    server.use(
      clinicHandler,
      slotsHandler,
      procedure("public.book", () => new TrpcErrorAnswer("CONFLICT", "Sorry, that time was just taken.", { details: { nextSlots: [] } })),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    expect(await app.screen.findByRole("alert")).toHaveTextContent("There are no other free times that day.");
    await app.user.click(app.screen.getByRole("button", { name: "Choose another day" }));
    expect(await app.screen.findByRole("heading", { name: "Choose a day" })).toHaveFocus();
  });

  it("after a server error, retries the same attempt with the same key", async () => {
    const keys: string[] = [];
    server.use(
      clinicHandler,
      slotsHandler,
      procedure("public.book", ({ input }) => {
        keys.push(input.idempotencyKey);
        return keys.length === 1 ? new TrpcErrorAnswer("INTERNAL_SERVER_ERROR", "Something went wrong on our side. If it persists, quote request r-9.") : bookAnswer(input.start);
      }),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    const alert = await app.screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your booking could not be made");
    expect(alert).toHaveTextContent("quote request r-9");
    await app.user.click(app.screen.getByRole("button", { name: "Try again" }));
    await app.screen.findByRole("heading", { name: "You're booked" });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it("when the network fails, says the booking was not sent", async () => {
    server.use(clinicHandler, slotsHandler, procedure("public.book", () => HttpResponse.error()));
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    const alert = await app.screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your booking was not sent");
    expect(alert).toHaveTextContent(NETWORK_MESSAGE);
  });

  it("asks the patient to wait when rate-limited", async () => {
    server.use(clinicHandler, slotsHandler, procedure("public.book", () => new TrpcErrorAnswer("TOO_MANY_REQUESTS", "Too many requests")));
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    expect(await app.screen.findByRole("alert")).toHaveTextContent(RATE_LIMIT_MESSAGE);
  });

  it("puts the server's field errors next to the fields, with the typed values kept", async () => {
    server.use(
      clinicHandler,
      slotsHandler,
      procedure("public.book", () => new TrpcErrorAnswer("BAD_REQUEST", "Invalid input", { fieldErrors: { "patient.email": ["This e-mail domain does not receive mail"] } })),
    );
    const app = renderApp("/book/demo-paris?lang=en");
    await reachConfirm(app);
    await app.user.click(app.screen.getByRole("button", { name: "Confirm booking" }));
    expect(await app.screen.findByRole("heading", { name: "Your details" })).toHaveFocus();
    expect(app.screen.getByLabelText("E-mail")).toHaveAccessibleDescription("Enter a valid e-mail address");
    expect(app.screen.getByLabelText("E-mail")).toHaveValue("alice@example.test");
    expect(app.screen.getByLabelText("Full name")).toHaveValue("Alice Patient");
  });
});
