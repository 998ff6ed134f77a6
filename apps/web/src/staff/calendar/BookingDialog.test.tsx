import { within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { preloadPage, renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer } from "../../test/trpc";
import { answer, calls, changedAppointment, PATIENT_ID, patientRow, practitionersList, servicesList, type OutputOf } from "./test-fixtures";

const booked = appointment({ id: "0b8f1c2e-4444-4000-8000-000000000009", practitionerId: ids.haddad, start: "2026-03-03T09:00:00.000Z", end: "2026-03-03T09:30:00.000Z", status: "booked", patientName: "Jean Dupont" });

/** The calendar of 3 March with one appointment; after a booking, the booked one too. */
function calendarWithBooking(create: (input: Parameters<Parameters<typeof answer<"appointments.create">>[1]>[0]) => OutputOf<"appointments.create"> | TrpcErrorAnswer) {
  let bookedYet = false;
  const searches = calls<"patients.search">();
  const creates = calls<"appointments.create">();
  server.use(
    procedure("auth.me", () => signedIn()),
    procedure("calendar.range", () => calendarDay(bookedYet ? [appointment(), booked] : [appointment()])),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
    answer("patients.search", (input) => {
      searches.record(input);
      const items = /dup/i.test(input.query ?? "") ? [patientRow()] : [];
      return { items, total: items.length, page: 1, pageSize: 8 };
    }),
    // The dialog's free-time finder (its own tests: FreeTimeFinder.test.tsx).
    answer("appointments.freeTimes", () => ({ timezone: "Europe/Paris", searched: { from: "2026-03-02", to: "2026-05-30" }, slots: [] })),
    answer("appointments.create", (input) => {
      creates.record(input);
      const result = create(input);
      if (!(result instanceof TrpcErrorAnswer)) bookedYet = true;
      return result;
    }),
  );
  return { searches, creates };
}

const createdAnswer = () => changedAppointment({ id: booked.id, practitionerId: ids.haddad, practitionerName: "Dr Yasmine Haddad", start: booked.start, end: booked.end, status: "booked" });

async function clickEmptyTime(screen: ReturnType<typeof renderApp>["screen"], user: ReturnType<typeof renderApp>["user"], column: string, time: string) {
  const region = await screen.findByRole("region", { name: column });
  await user.click(within(region).getByTitle(`Book ${time}`));
  return screen.findByRole("dialog", { name: "New appointment" });
}

// The calendar is a lazy chunk: compiled here, not inside the first test's waits.
beforeAll(() => preloadPage("/app/calendar"));

describe("booking from the calendar", () => {
  it("books a patient found by typing, with the practitioner and the clinic's time of the clicked cell, and the block appears", async () => {
    const { searches, creates } = calendarWithBooking(() => createdAnswer());
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const dialog = await clickEmptyTime(screen, user, "Dr Yasmine Haddad", "10:00");

    // Prefilled from the click: the column's practitioner, the row's time on the clinic's clock.
    expect(await within(dialog).findByLabelText("Practitioner")).toHaveValue(ids.haddad);
    expect(within(dialog).getByLabelText("Date")).toHaveValue("2026-03-03");
    expect(within(dialog).getByLabelText(/^Start/)).toHaveValue("10:00");
    expect(within(dialog).getByLabelText("Service")).toHaveValue(ids.consultation);
    expect(within(dialog).getByLabelText(/Find a patient/)).toHaveFocus();

    await user.type(within(dialog).getByLabelText(/Find a patient/), "Dup");
    const results = await within(dialog).findByRole("list", { name: "Matching patients" });
    // Debounced: one search for what was typed, not one per key.
    expect(searches.inputs.map((input) => input.query)).toEqual(["Dup"]);
    expect(within(dialog).getByRole("status")).toHaveTextContent("1 patient matches");
    await user.click(within(results).getByRole("button", { name: /Jean Dupont/ }));
    expect(within(dialog).getByText("06 12 34 56 78 · jean.dupont@example.com · born 1980-04-12")).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    // 10:00 in Paris is 09:00 UTC (and 01:00 in Los Angeles, where the test runs).
    // "Notify the patient" is ticked unless the desk unticks it.
    expect(creates.inputs).toEqual([{ patientId: PATIENT_ID, serviceId: ids.consultation, practitionerId: ids.haddad, start: "2026-03-03T09:00:00.000Z", notify: true }]);
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    const haddad = screen.getByRole("region", { name: "Dr Yasmine Haddad" });
    expect(await within(haddad).findByRole("article", { name: "10:00 Jean Dupont" })).toBeInTheDocument();
  });

  it("creates a new patient with the booking, after checking the name and phone in place", async () => {
    const { creates } = calendarWithBooking(() => createdAnswer());
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const dialog = await clickEmptyTime(screen, user, "Dr Claire Martin", "14:15");
    await user.type(await within(dialog).findByLabelText(/Find a patient/), "Zoé Nouvelle");
    expect(await within(dialog).findByText("No patient matches “Zoé Nouvelle”.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "New patient" }));
    // What was typed becomes the new patient's name.
    expect(within(dialog).getByLabelText("Full name")).toHaveValue("Zoé Nouvelle");
    expect(within(dialog).getByLabelText("Full name")).toHaveFocus();

    await user.clear(within(dialog).getByLabelText("Full name"));
    await user.type(within(dialog).getByLabelText("Phone"), "call me");
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    expect(within(dialog).getByLabelText("Full name")).toHaveAccessibleDescription("Enter your name");
    expect(within(dialog).getByLabelText("Phone")).toHaveAccessibleDescription(/digits only/);
    expect(creates.inputs).toEqual([]);

    await user.type(within(dialog).getByLabelText("Full name"), "Zoé Nouvelle");
    await user.clear(within(dialog).getByLabelText("Phone"));
    await user.type(within(dialog).getByLabelText("Phone"), "06 98 76 54 32");
    await user.click(within(dialog).getByRole("checkbox", { name: /Notify the patient/ }));
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    expect(creates.inputs).toEqual([
      { newPatient: { name: "Zoé Nouvelle", phone: "06 98 76 54 32" }, serviceId: ids.consultation, practitionerId: ids.martin, start: "2026-03-03T13:15:00.000Z", notify: false },
    ]);
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
  });

  it("asks for a patient before sending anything", async () => {
    const { creates } = calendarWithBooking(() => createdAnswer());
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const dialog = await clickEmptyTime(screen, user, "Dr Claire Martin", "11:00");
    await user.click(await within(dialog).findByRole("button", { name: "Book appointment" }));
    expect(within(dialog).getByLabelText(/Find a patient/)).toHaveAccessibleDescription(/Choose a patient from the list, or create a new patient/);
    await user.clear(within(dialog).getByLabelText(/^Start/));
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    expect(within(dialog).getByLabelText(/^Start/)).toHaveAccessibleDescription(/Enter a time such as 09:30/);
    expect(creates.inputs).toEqual([]);
  });

  it("shows the server's CONFLICT in the dialog, keeping everything typed, and books once another time is chosen", async () => {
    const { creates } = calendarWithBooking((input) =>
      input.start === "2026-03-03T08:00:00.000Z" ? new TrpcErrorAnswer("CONFLICT", "That time was just taken") : createdAnswer(),
    );
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const dialog = await clickEmptyTime(screen, user, "Dr Yasmine Haddad", "09:00");
    await user.type(await within(dialog).findByLabelText(/Find a patient/), "dupont");
    await user.click(await within(dialog).findByRole("button", { name: /Jean Dupont/ }));
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));

    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("That time is not free");
    expect(alert).toHaveTextContent("That time was just taken");
    expect(screen.getByRole("dialog", { name: "New appointment" })).toBeInTheDocument();
    expect(within(dialog).getByText("Jean Dupont")).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText(/^Start/));
    await user.type(within(dialog).getByLabelText(/^Start/), "10:00");
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    expect(creates.inputs.map((input) => input.start)).toEqual(["2026-03-03T08:00:00.000Z", "2026-03-03T09:00:00.000Z"]);
  });

  it("shows other refusals in place too, with the server's reasons", async () => {
    calendarWithBooking(() => new TrpcErrorAnswer("BAD_REQUEST", "This practitioner does not offer this service"));
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const dialog = await clickEmptyTime(screen, user, "Dr Claire Martin", "11:00");
    await user.type(await within(dialog).findByLabelText(/Find a patient/), "dupont");
    await user.click(await within(dialog).findByRole("button", { name: /Jean Dupont/ }));
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("The appointment was not booked");
    expect(alert).toHaveTextContent("This practitioner does not offer this service");
  });
});
