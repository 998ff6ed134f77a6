// Recurring series and follow-ups in the staff dialogs against msw (ADR 0033): the repeat form
// refuses what cannot be a series before asking the server, the preview marks clashes and sends
// the alternatives picked, and a change to an appointment of a series asks which ones it reaches.
import { fireEvent, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { preloadPage, renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer, type OutputOf } from "../../test/trpc";
import { answer, appointmentDetails, calls, changedAppointment, PATIENT_ID, patientRow, practitionersList, servicesList } from "./test-fixtures";

const SERIES_ID = "0b8f1c2e-7777-4000-8000-000000000001";
// Tuesdays at 10:00 in Paris (09:00 UTC in March); the second one is taken at 10:00.
const occurrences: OutputOf<"appointments.series.preview">["occurrences"] = [
  { index: 0, start: "2026-03-03T09:00:00.000Z", end: "2026-03-03T09:30:00.000Z", practitionerId: ids.haddad, status: "free", alternatives: [] },
  {
    index: 1,
    start: "2026-03-10T09:00:00.000Z",
    end: "2026-03-10T09:30:00.000Z",
    practitionerId: ids.haddad,
    status: "taken",
    alternatives: [
      { start: "2026-03-10T09:30:00.000Z", end: "2026-03-10T10:00:00.000Z", practitionerId: ids.haddad },
      { start: "2026-03-10T09:00:00.000Z", end: "2026-03-10T09:30:00.000Z", practitionerId: ids.martin },
    ],
  },
  { index: 2, start: "2026-03-17T09:00:00.000Z", end: "2026-03-17T09:30:00.000Z", practitionerId: ids.haddad, status: "free", alternatives: [] },
];

function clinicBookingSeries() {
  const previews = calls<"appointments.series.preview">();
  const books = calls<"appointments.series.book">();
  server.use(
    procedure("auth.me", () => signedIn()),
    procedure("calendar.range", () => calendarDay([appointment()])),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
    answer("patients.search", () => ({ items: [patientRow()], total: 1, page: 1, pageSize: 8 })),
    answer("appointments.freeTimes", () => ({ timezone: "Europe/Paris", searched: { from: "2026-03-02", to: "2026-05-30" }, slots: [] })),
    answer("patients.duplicates", () => ({ items: [] })),
    answer("appointments.series.preview", (input) => {
      previews.record(input);
      return { timezone: "Europe/Paris", localTime: "10:00", occurrences };
    }),
    answer("appointments.series.book", (input) => {
      books.record(input);
      const kept = occurrences.filter((o) => o.status === "free" || input.replacements?.some((r) => r.index === o.index));
      return {
        seriesId: SERIES_ID,
        appointments: kept.map((o, i) => changedAppointment({ id: `0b8f1c2e-4444-4000-8000-00000000002${i}`, start: o.start, end: o.end, practitionerId: ids.haddad, practitionerName: "Dr Yasmine Haddad", status: "booked" })),
        skipped: input.mode === "free" ? occurrences.filter((o) => !kept.includes(o)).map((o) => o.index) : [],
      };
    }),
  );
  return { previews, books };
}

/** Opens the booking dialog on Dr Haddad at 10:00 on 3 March, with Jean Dupont chosen and "Repeat" ticked. */
async function repeatingDialog() {
  const view = renderApp("/app/calendar?date=2026-03-03");
  const region = await view.screen.findByRole("region", { name: "Dr Yasmine Haddad" });
  await view.user.click(within(region).getByTitle("Book 10:00"));
  const dialog = await view.screen.findByRole("dialog", { name: "New appointment" });
  await view.user.type(within(dialog).getByLabelText(/Find a patient/), "Dup");
  await view.user.click(within(await within(dialog).findByRole("list", { name: "Matching patients" })).getByRole("button", { name: /Jean Dupont/ }));
  await view.user.click(within(dialog).getByLabelText("Repeat (a series of appointments)"));
  return { ...view, dialog };
}

/** The booking dialog with "Repeat" ticked and no patient chosen: the repeat section's mistakes show with the rest of the form's. */
async function repeatSection() {
  const view = renderApp("/app/calendar?date=2026-03-03");
  const region = await view.screen.findByRole("region", { name: "Dr Yasmine Haddad" });
  await view.user.click(within(region).getByTitle("Book 10:00"));
  const dialog = await view.screen.findByRole("dialog", { name: "New appointment" });
  await view.user.click(within(dialog).getByLabelText("Repeat (a series of appointments)"));
  return { ...view, dialog };
}

// The calendar is a lazy chunk: compiled here, not inside the first test's waits.
beforeAll(() => preloadPage("/app/calendar"));

describe("booking a series", () => {
  it("refuses a count of 0 and an end before the start, in place, without asking the server", async () => {
    const { previews } = clinicBookingSeries();
    const { dialog, user } = await repeatSection();
    const check = () => user.click(within(dialog).getByRole("button", { name: "Check the series" }));

    await user.clear(within(dialog).getByLabelText("Number of appointments"));
    await user.type(within(dialog).getByLabelText("Number of appointments"), "0");
    await check();
    expect(within(dialog).getByLabelText("Number of appointments")).toHaveAccessibleDescription("Enter a number of appointments from 1 to 52");

    await user.click(within(dialog).getByLabelText("On a date"));
    // Date inputs take a value in one go (as a browser's date picker sets it).
    fireEvent.change(within(dialog).getByLabelText("Last date"), { target: { value: "2026-03-02" } });
    await check();
    expect(within(dialog).getByLabelText("Last date")).toHaveAccessibleDescription("The last date is before the first appointment");
    expect(previews.inputs).toEqual([]);
  });

  it("refuses chosen weekdays with none ticked and an empty number of weeks, without asking the server", async () => {
    const { previews } = clinicBookingSeries();
    const { dialog, user } = await repeatSection();
    await user.click(within(dialog).getByLabelText("Chosen weekdays"));
    await user.clear(within(dialog).getByLabelText("Every how many weeks"));
    await user.click(within(dialog).getByRole("button", { name: "Check the series" }));
    expect(within(dialog).getByRole("group", { name: "Weekdays" })).toHaveAccessibleDescription("Choose at least one weekday");
    expect(within(dialog).getByLabelText("Every how many weeks")).toHaveAccessibleDescription("Enter a whole number of weeks from 1 to 12");
    expect(previews.inputs).toEqual([]);
  });

  it("asks for a patient on record: a new patient's series is refused before the server is asked", async () => {
    const { previews } = clinicBookingSeries();
    const view = renderApp("/app/calendar?date=2026-03-03");
    const region = await view.screen.findByRole("region", { name: "Dr Yasmine Haddad" });
    await view.user.click(within(region).getByTitle("Book 10:00"));
    const dialog = await view.screen.findByRole("dialog", { name: "New appointment" });
    await view.user.type(within(dialog).getByLabelText(/Find a patient/), "Zoé Nouvelle");
    await view.user.click(within(dialog).getByRole("button", { name: "New patient" }));
    await view.user.type(within(dialog).getByLabelText("Phone"), "0612345678");
    await view.user.click(within(dialog).getByLabelText("Repeat (a series of appointments)"));
    await view.user.click(within(dialog).getByRole("button", { name: "Check the series" }));
    expect(within(dialog).getByText(/A series is booked for a patient on record/)).toBeInTheDocument();
    expect(previews.inputs).toEqual([]);
  });

  it("lists every occurrence with the clash marked, books all with the alternative picked, and refuses 'all' while a clash is unresolved", async () => {
    const { previews, books } = clinicBookingSeries();
    const { dialog, user, screen } = await repeatingDialog();
    await user.click(within(dialog).getByLabelText("Chosen weekdays"));
    await user.click(within(dialog).getByLabelText("Tuesday"));
    await user.clear(within(dialog).getByLabelText("Number of appointments"));
    await user.type(within(dialog).getByLabelText("Number of appointments"), "3");
    await user.click(within(dialog).getByRole("button", { name: "Check the series" }));

    const list = await within(dialog).findByRole("list", { name: "Appointments of the series" });
    expect(previews.inputs).toEqual([{ serviceId: ids.consultation, practitionerId: ids.haddad, patientId: PATIENT_ID, start: "2026-03-03T09:00:00.000Z", pattern: { everyWeeks: 1, weekdays: [2], count: 3 } }]);
    const items = within(list).getAllByRole("listitem");
    expect(items.map((item) => item.querySelector("span")?.textContent)).toEqual([expect.stringMatching(/10:00 · Free$/), expect.stringMatching(/10:00 · Taken by another appointment$/), expect.stringMatching(/10:00 · Free$/)]);
    expect(within(dialog).getByRole("status")).toHaveTextContent("1 of 3 appointments are not free");

    // Nothing picked for the clash: "all" is refused here, nothing is sent.
    await user.click(within(dialog).getByRole("button", { name: "Book all 3" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Appointments 2 still clash");
    expect(books.inputs).toEqual([]);

    const clash = within(items[1]!).getByRole("group", { name: "Instead of appointment 2" });
    expect(within(clash).getAllByRole("radio").map((radio) => radio.parentElement?.textContent?.trim())).toEqual(["10:30 with Dr Yasmine Haddad", "10:00 with Dr Claire Martin", "Skip this one"]);
    await user.click(within(clash).getByLabelText("10:00 with Dr Claire Martin"));
    await user.click(within(dialog).getByRole("button", { name: "Book all 3" }));
    expect(books.inputs).toEqual([
      {
        serviceId: ids.consultation,
        practitionerId: ids.haddad,
        patientId: PATIENT_ID,
        start: "2026-03-03T09:00:00.000Z",
        pattern: { everyWeeks: 1, weekdays: [2], count: 3 },
        mode: "all",
        replacements: [{ index: 1, start: "2026-03-10T09:00:00.000Z", practitionerId: ids.martin }],
        notify: true,
      },
    ]);
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
  });

  it("books only the free ones when the clash is skipped, and shows a refusal from the server with the series checked again", async () => {
    const { previews, books } = clinicBookingSeries();
    const { dialog, user } = await repeatingDialog();
    await user.click(within(dialog).getByRole("button", { name: "Check the series" }));
    await within(dialog).findByRole("list", { name: "Appointments of the series" });
    // A colleague takes one of the free times meanwhile: the server refuses and writes nothing.
    server.use(answer("appointments.series.book", () => new TrpcErrorAnswer("CONFLICT", "Occurrences 3 is not free: nothing was changed. Pick an alternative or book the free ones.", { reason: "SERIES_CLASH" })));
    await user.click(within(dialog).getByRole("button", { name: "Book only the free ones (2)" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("nothing was changed");
    await expect.poll(() => previews.inputs.length).toBe(2);
    expect(books.inputs).toEqual([]);
  });
});

describe("changing an appointment of a series", () => {
  function clinicWithSeriesAppointment() {
    let current = appointment({ seriesId: SERIES_ID });
    const moves = calls<"appointments.series.move">();
    const cancels = calls<"appointments.series.cancel">();
    const singleMoves = calls<"appointments.reschedule">();
    const followUps = calls<"appointments.followUp">();
    server.use(
      procedure("auth.me", () => signedIn()),
      procedure("calendar.range", () => calendarDay([current])),
      answer("appointments.get", () => appointmentDetails({ ...current, seriesId: SERIES_ID })),
      answer("practitioners.list", () => practitionersList()),
      answer("services.list", () => servicesList()),
      answer("notes.list", () => ({ notes: [], canWrite: false })),
      procedure("notifications.messages.forAppointment", () => []),
      answer("appointments.series.move", (input) => {
        moves.record(input);
        current = { ...current, start: input.start, end: new Date(Date.parse(input.start) + 30 * 60_000).toISOString(), version: current.version + 1 };
        return { appointments: [changedAppointment(current), changedAppointment({ ...current, id: "0b8f1c2e-4444-4000-8000-000000000031" })] };
      }),
      answer("appointments.series.cancel", (input) => {
        cancels.record(input);
        return new TrpcErrorAnswer("CONFLICT", "This appointment was changed by someone else", { reason: "STALE_VERSION" });
      }),
      answer("appointments.reschedule", (input) => {
        singleMoves.record(input);
        current = { ...current, start: input.start, end: new Date(Date.parse(input.start) + 30 * 60_000).toISOString(), version: current.version + 1 };
        return changedAppointment(current);
      }),
      answer("appointments.followUp", (input) => {
        followUps.record(input);
        if (!input.start) {
          return new TrpcErrorAnswer("CONFLICT", "That time is taken: pick one of the free times that day", {
            reason: "SLOT_TAKEN",
            details: { nextSlots: [{ start: "2026-03-31T08:30:00.000Z", end: "2026-03-31T09:00:00.000Z", practitionerId: ids.martin }] },
          });
        }
        return changedAppointment({ id: "0b8f1c2e-4444-4000-8000-000000000041", start: input.start, end: "2026-03-31T09:00:00.000Z" });
      }),
    );
    return { moves, cancels, singleMoves, followUps };
  }

  async function openIt() {
    const view = renderApp("/app/calendar?date=2026-03-03");
    const block = await view.screen.findByRole("article", { name: "09:00 Jean Dupont" });
    await view.user.click(within(block).getByRole("button"));
    const dialog = await view.screen.findByRole("dialog", { name: "Appointment" });
    // The series is known from appointments.get.
    await within(dialog).findByRole("link", { name: "Jean Dupont" });
    return { ...view, dialog };
  }

  it("asks which ones a move reaches: 'this and following' goes to the series, 'this one' is the plain move", async () => {
    const { moves, singleMoves } = clinicWithSeriesAppointment();
    const { dialog, user, screen } = await openIt();
    await user.click(within(dialog).getByRole("button", { name: "Reschedule…" }));
    await user.clear(within(dialog).getByLabelText(/^New start/));
    await user.type(within(dialog).getByLabelText(/^New start/), "11:00");
    await user.click(within(dialog).getByRole("button", { name: "Move the appointment" }));

    const chooser = await screen.findByRole("dialog", { name: "Move which appointments?" });
    const group = within(chooser).getByRole("radiogroup", { name: "This appointment is part of a series" });
    expect(within(group).getByLabelText("This one")).toBeChecked();
    await user.click(within(group).getByLabelText("This one and the following ones"));
    await user.click(within(chooser).getByRole("button", { name: "Move" }));
    expect(moves.inputs).toEqual([{ id: ids.appointment, version: 1, scope: "following", start: "2026-03-03T10:00:00.000Z", practitionerId: ids.martin }]);
    expect(singleMoves.inputs).toEqual([]);
    expect(await within(dialog).findByText("2 appointments are moved.")).toBeInTheDocument();

    // Again, "this one": the ordinary reschedule (undoable from the toast).
    await user.click(within(dialog).getByRole("button", { name: "Reschedule…" }));
    await user.clear(within(dialog).getByLabelText(/^New start/));
    await user.type(within(dialog).getByLabelText(/^New start/), "12:00");
    await user.click(within(dialog).getByRole("button", { name: "Move the appointment" }));
    await user.click(within(await screen.findByRole("dialog", { name: "Move which appointments?" })).getByRole("button", { name: "Move" }));
    await expect.poll(() => singleMoves.inputs).toEqual([{ id: ids.appointment, version: 2, start: "2026-03-03T11:00:00.000Z", practitionerId: ids.martin }]);
    expect(moves.inputs).toHaveLength(1);
  });

  it("cancels 'all' through the series and shows the server's refusal, nothing changed", async () => {
    const { cancels } = clinicWithSeriesAppointment();
    const { dialog, user, screen } = await openIt();
    await user.click(within(dialog).getByRole("button", { name: "Cancel appointment…" }));
    await user.type(within(dialog).getByLabelText(/^Reason/), "Course stopped");
    await user.click(within(dialog).getByRole("button", { name: "Cancel the appointment" }));
    const chooser = await screen.findByRole("dialog", { name: "Cancel which appointments?" });
    await user.click(within(chooser).getByLabelText("All the open ones of the series"));
    await user.click(within(chooser).getByRole("button", { name: "Cancel them" }));
    expect(cancels.inputs).toEqual([{ id: ids.appointment, version: 1, scope: "all", reason: "Course stopped" }]);
    expect(await within(dialog).findByText("The series was not changed: This appointment was changed by someone else")).toBeInTheDocument();
    // Back out of the chooser leaves everything as it was.
    await user.click(within(dialog).getByRole("button", { name: "Cancel the appointment" }));
    await user.click(within(await screen.findByRole("dialog", { name: "Cancel which appointments?" })).getByRole("button", { name: "Back" }));
    expect(cancels.inputs).toHaveLength(1);
  });

  it("books a follow-up in N weeks, refuses 0 weeks, and offers that day's free times when the time is taken", async () => {
    const { followUps } = clinicWithSeriesAppointment();
    const { dialog, user } = await openIt();
    await user.click(within(dialog).getByRole("button", { name: "Book a follow-up…" }));
    const weeks = within(dialog).getByLabelText(/^In how many weeks/);
    await user.clear(weeks);
    await user.type(weeks, "0");
    await user.click(within(dialog).getByRole("button", { name: "Book the follow-up" }));
    expect(weeks).toHaveAccessibleDescription(/Enter a whole number of weeks from 1 to 52/);
    expect(followUps.inputs).toEqual([]);

    await user.clear(weeks);
    await user.type(weeks, "4");
    await user.click(within(dialog).getByRole("button", { name: "Book the follow-up" }));
    const refusal = await within(dialog).findByRole("alert");
    expect(refusal).toHaveTextContent("That time is taken");
    await user.click(within(refusal).getByRole("button", { name: /^Book .*10:30 instead$/ }));
    expect(followUps.inputs).toEqual([
      { id: ids.appointment, weeks: 4, notify: true },
      { id: ids.appointment, weeks: 4, notify: true, start: "2026-03-31T08:30:00.000Z" },
    ]);
    expect(await within(dialog).findByText(/^Follow-up booked: .*10:30\.$/)).toBeInTheDocument();
  });
});
