import { fireEvent, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer, type OutputOf } from "../../test/trpc";
import type { CalendarAppointment } from "../types";
import { answer, appointmentDetails, calls, changedAppointment, gate, PATIENT_ID, practitionersList, servicesList } from "./test-fixtures";

/**
 * A server that holds one appointment (confirmed, 09:00–09:30 in Paris on 3 March, version 1)
 * and applies or refuses changes as the test says.
 */
type AppointmentMessage = OutputOf<"notifications.messages.forAppointment">[number];

function clinicWith(initial: Partial<CalendarAppointment> = {}, role: Parameters<typeof signedIn>[0] = "receptionist", messages: AppointmentMessage[] = []) {
  let current = appointment(initial);
  const server_ = {
    statuses: calls<"appointments.setStatus">(),
    cancels: calls<"appointments.cancel">(),
    moves: calls<"appointments.reschedule">(),
    /** Set to refuse the next change with this answer. */
    refuse: null as TrpcErrorAnswer | null,
    /** Set to hold the next answer back until opened. */
    hold: null as ReturnType<typeof gate> | null,
    /** Set to hold calendar reads back: what the calendar shows then is the page's own doing. */
    holdReads: null as ReturnType<typeof gate> | null,
  };
  const change = async (patch: Partial<CalendarAppointment>) => {
    if (server_.hold) await server_.hold.opened;
    if (server_.refuse) return server_.refuse;
    current = { ...current, ...patch, version: current.version + 1 };
    return changedAppointment({ ...current, practitionerName: "Dr Claire Martin" });
  };
  server.use(
    procedure("auth.me", () => signedIn(role)),
    procedure("calendar.range", async () => {
      if (server_.holdReads) await server_.holdReads.opened;
      return calendarDay([current]);
    }),
    answer("appointments.get", () => appointmentDetails({ ...current, practitionerName: "Dr Claire Martin" })),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
    answer("notes.list", () => ({ notes: [], canWrite: role === "practitioner" })),
    procedure("notifications.messages.forAppointment", () => messages),
    answer("appointments.setStatus", (input) => {
      server_.statuses.record(input);
      return change({ status: input.status });
    }),
    answer("appointments.cancel", (input) => {
      server_.cancels.record(input);
      return change({ status: "cancelled" });
    }),
    answer("appointments.reschedule", (input) => {
      server_.moves.record(input);
      const length = Date.parse(current.end) - Date.parse(current.start);
      return change({ start: input.start, end: new Date(Date.parse(input.start) + length).toISOString(), practitionerId: input.practitionerId ?? current.practitionerId });
    }),
  );
  return server_;
}

async function openAppointment(name = "09:00 Jean Dupont") {
  const view = renderApp("/app/calendar?date=2026-03-03");
  const block = await view.screen.findByRole("article", { name });
  await view.user.click(within(block).getByRole("button"));
  const dialog = await view.screen.findByRole("dialog", { name: "Appointment" });
  return { ...view, dialog };
}

function message(overrides: Partial<AppointmentMessage>): AppointmentMessage {
  return {
    id: crypto.randomUUID(),
    appointmentId: ids.clinic,
    kind: "confirmation",
    channel: "email",
    recipient: "jean.dupont@example.com",
    status: "sent",
    attempts: 1,
    sendAt: "2026-03-02T08:00:00.000Z",
    nextAttemptAt: null,
    failureReason: null,
    sentAt: "2026-03-02T08:00:05.000Z",
    deliveredAt: null,
    createdAt: "2026-03-02T08:00:00.000Z",
    ...overrides,
  };
}

describe("an appointment's messages", () => {
  it("are listed with their state: sent, failed with the reason, retrying at a time, queued", async () => {
    clinicWith({}, "receptionist", [
      message({ kind: "confirmation" }),
      message({ kind: "reminder", channel: "sms", status: "failed", failureReason: "The SMS provider refused the number", sentAt: null }),
      message({ kind: "reminder", channel: "email", status: "retrying", nextAttemptAt: "2026-03-02T09:30:00.000Z", failureReason: "The mail server did not answer", sentAt: null }),
      message({ kind: "reminder", channel: "email", status: "queued", sendAt: "2026-03-02T08:00:00.000Z", sentAt: null }),
    ]);
    const { dialog } = await openAppointment();
    const list = await within(dialog).findByRole("list", { name: "Messages to the patient" });
    const lines = within(list).getAllByRole("listitem").map((item) => item.textContent);
    expect(lines[0]).toMatch(/^Confirmation by e-mail · Sent Monday,? 2 March 2026 at 09:00$/);
    expect(lines[1]).toBe("Reminder by SMS · Failed: The SMS provider refused the number");
    expect(lines[2]).toMatch(/^Reminder by e-mail · Retrying at Monday,? 2 March 2026 at 10:30: The mail server did not answer$/);
    expect(lines[3]).toMatch(/^Reminder by e-mail · Queued, sends Monday,? 2 March 2026 at 09:00$/);
  });

  it("say so when there are none", async () => {
    clinicWith();
    const { dialog } = await openAppointment();
    expect(await within(dialog).findByText("No messages for this appointment.")).toBeInTheDocument();
  });
});

describe("an appointment opened from the calendar", () => {
  it("shows when, who and how to reach them, a link to the patient's record, and only the moves its status allows", async () => {
    clinicWith();
    const { dialog } = await openAppointment();
    // The clinic's clock: 09:00 in Paris, although the browser is in Los Angeles (midnight there).
    expect(dialog).toHaveTextContent(/Tuesday,? 3 March 2026 at 09:00–09:30/);
    expect(await within(dialog).findByRole("link", { name: "Jean Dupont" })).toHaveAttribute("href", `/app/patients/${PATIENT_ID}`);
    expect(within(dialog).getByRole("link", { name: "06 12 34 56 78" })).toHaveAttribute("href", "tel:0612345678");
    expect(within(dialog).getByRole("link", { name: "jean.dupont@example.com" })).toHaveAttribute("href", "mailto:jean.dupont@example.com");
    const actions = within(within(dialog).getByRole("group", { name: "Actions" })).getAllByRole("button");
    // Confirmed: it can be marked arrived or no-show, moved or cancelled; not confirmed again or completed.
    expect(actions.map((button) => button.textContent)).toEqual(["Mark arrived", "Mark no-show", "Reschedule…", "Cancel appointment…"]);
  });

  it("opens from the keyboard with Enter on the block", async () => {
    clinicWith({ status: "arrived" });
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const block = await screen.findByRole("article", { name: "09:00 Jean Dupont" });
    within(block).getByRole("button").focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Appointment" });
    // Arrived: only completing is left, and it can no longer be moved or cancelled.
    expect(within(within(dialog).getByRole("group", { name: "Actions" })).getAllByRole("button").map((b) => b.textContent)).toEqual(["Mark completed"]);
  });

  it("marks it arrived on the calendar at once, and keeps it once the server agrees, carrying the version", async () => {
    const clinic = clinicWith();
    clinic.hold = gate();
    const { screen, user, dialog } = await openAppointment();
    await user.click(within(dialog).getByRole("button", { name: "Mark arrived" }));
    // Drawn before the server has answered.
    await expect.poll(() => screen.getByRole("article", { name: "09:00 Jean Dupont" }).getAttribute("data-status")).toBe("arrived");
    expect(within(dialog).getByText("Arrived", { selector: "dd" })).toBeInTheDocument();
    clinic.hold.open();
    expect(await within(dialog).findByRole("status")).toHaveTextContent("Marked arrived.");
    expect(clinic.statuses.inputs).toEqual([{ id: ids.appointment, version: 1, status: "arrived" }]);
    expect(screen.getByRole("article", { name: "09:00 Jean Dupont" })).toHaveAttribute("data-status", "arrived");

    // The next change carries the server's new version.
    await user.click(within(dialog).getByRole("button", { name: "Mark completed" }));
    await expect.poll(() => clinic.statuses.inputs).toHaveLength(2);
    expect(clinic.statuses.inputs[1]).toEqual({ id: ids.appointment, version: 2, status: "completed" });
  });

  it("puts it back as it was, and says why, when the server refuses the change", async () => {
    const clinic = clinicWith();
    clinic.refuse = new TrpcErrorAnswer("CONFLICT", "This appointment was changed by someone else in the meantime. Reload it and try again.");
    clinic.hold = gate();
    const { screen, user, dialog } = await openAppointment();
    await user.click(within(dialog).getByRole("button", { name: "Mark no-show" }));
    await expect.poll(() => screen.getByRole("article", { name: "09:00 Jean Dupont" }).getAttribute("data-status")).toBe("no_show");
    // No fresh read comes to the rescue: putting it back is the page's own doing.
    clinic.holdReads = gate();
    clinic.hold.open();

    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("The change was not saved: This appointment was changed by someone else in the meantime.");
    expect(alert).toHaveTextContent("The calendar shows the appointment as it was.");
    expect(screen.getByRole("article", { name: "09:00 Jean Dupont" })).toHaveAttribute("data-status", "confirmed");
    expect(within(dialog).getByRole("button", { name: "Mark arrived" })).toBeEnabled();
    clinic.holdReads.open();
  });

  it("cancels with a reason, and asks for one first", async () => {
    const clinic = clinicWith();
    const { screen, user, dialog } = await openAppointment();
    await user.click(within(dialog).getByRole("button", { name: "Cancel appointment…" }));
    const cancelling = screen.getByRole("dialog", { name: "Cancel appointment" });
    // The button pressed is gone: the focus goes to what comes next.
    expect(within(cancelling).getByLabelText("Reason")).toHaveFocus();
    await user.click(within(cancelling).getByRole("button", { name: "Cancel the appointment" }));
    expect(within(cancelling).getByLabelText("Reason")).toHaveAccessibleDescription(/Say why/);
    expect(clinic.cancels.inputs).toEqual([]);

    await user.type(within(cancelling).getByLabelText("Reason"), "Patient called: has the flu");
    await user.click(within(cancelling).getByRole("button", { name: "Cancel the appointment" }));
    const after = await screen.findByRole("dialog", { name: "Appointment" });
    expect(await within(after).findByRole("status")).toHaveTextContent("The appointment is cancelled.");
    expect(after).toHaveTextContent("This appointment is cancelled: nothing more to do.");
    await expect.poll(() => clinic.cancels.inputs).toEqual([{ id: ids.appointment, version: 1, reason: "Patient called: has the flu" }]);
    await expect.poll(() => screen.getByRole("article", { name: "09:00 Jean Dupont" }).getAttribute("data-status")).toBe("cancelled");
  });

  it("reschedules by the dialog to a time on the clinic's clock, moving the block at once", async () => {
    const clinic = clinicWith();
    clinic.hold = gate();
    const { screen, user, dialog } = await openAppointment();
    await user.click(within(dialog).getByRole("button", { name: "Reschedule…" }));
    const moving = screen.getByRole("dialog", { name: "Reschedule appointment" });
    expect(within(moving).getByLabelText("New date")).toHaveValue("2026-03-03");
    expect(within(moving).getByLabelText(/^New start/)).toHaveValue("09:00");
    await user.clear(within(moving).getByLabelText(/^New start/));
    await user.type(within(moving).getByLabelText(/^New start/), "11:30");
    await user.selectOptions(await within(moving).findByLabelText("Practitioner"), "Dr Yasmine Haddad");
    await user.click(within(moving).getByRole("button", { name: "Move the appointment" }));

    const haddad = screen.getByRole("region", { name: "Dr Yasmine Haddad" });
    expect(await within(haddad).findByRole("article", { name: "11:30 Jean Dupont" })).toBeInTheDocument();
    clinic.hold.open();
    // 11:30 in Paris is 10:30 UTC.
    await expect.poll(() => clinic.moves.inputs).toEqual([{ id: ids.appointment, version: 1, start: "2026-03-03T10:30:00.000Z", practitionerId: ids.haddad }]);
  });
});

describe("what a practitioner may do", () => {
  it("sets statuses but is not offered booking, moving or cancelling (the API refuses them)", async () => {
    clinicWith({}, "practitioner");
    const { screen, dialog } = await openAppointment();
    expect(within(within(dialog).getByRole("group", { name: "Actions" })).getAllByRole("button").map((b) => b.textContent)).toEqual(["Mark arrived", "Mark no-show"]);
    expect(screen.queryByRole("button", { name: "New appointment" })).toBeNull();
    expect(screen.queryByTitle("Book 10:00")).toBeNull();
  });
});

describe("dragging an appointment", () => {
  afterEach(() => {
    // elementsFromPoint is stubbed on the document (jsdom has no layout to ask).
    delete (document as Partial<Document> & { elementsFromPoint?: unknown }).elementsFromPoint;
  });

  it("moves it to the quarter of an hour and column it is dropped on, and undoes the move with a message if refused", async () => {
    const clinic = clinicWith();
    const { screen } = renderApp("/app/calendar?date=2026-03-03");
    const block = within(await screen.findByRole("article", { name: "09:00 Jean Dupont" })).getByRole("button");
    const cell = (column: string, time: string) => within(screen.getByRole("region", { name: column })).getByTitle(`Book ${time}`);
    // What lies under the pointer: the grabbed block's own row, then the drop target.
    let under = cell("Dr Claire Martin", "09:00");
    document.elementsFromPoint = vi.fn(() => [block, under]);

    fireEvent.pointerDown(block, { pointerId: 1, button: 0, clientX: 100, clientY: 100 });
    under = cell("Dr Yasmine Haddad", "10:45");
    fireEvent.pointerMove(block, { pointerId: 1, clientX: 300, clientY: 200 });
    fireEvent.pointerUp(block, { pointerId: 1, clientX: 300, clientY: 200 });
    fireEvent.click(block);

    // Moved, not opened.
    expect(screen.queryByRole("dialog")).toBeNull();
    await expect.poll(() => clinic.moves.inputs).toEqual([{ id: ids.appointment, version: 1, start: "2026-03-03T09:45:00.000Z", practitionerId: ids.haddad }]);
    expect(await within(screen.getByRole("region", { name: "Dr Yasmine Haddad" })).findByRole("article", { name: "10:45 Jean Dupont" })).toBeInTheDocument();

    // A second drag, refused (the time was taken meanwhile): back where it was, and the page says so.
    clinic.refuse = new TrpcErrorAnswer("CONFLICT", "That time was just taken");
    const moved = within(screen.getByRole("article", { name: "10:45 Jean Dupont" })).getByRole("button");
    under = cell("Dr Yasmine Haddad", "10:45");
    document.elementsFromPoint = vi.fn(() => [moved, under]);
    fireEvent.pointerDown(moved, { pointerId: 2, button: 0, clientX: 300, clientY: 200 });
    under = cell("Dr Yasmine Haddad", "15:00");
    fireEvent.pointerMove(moved, { pointerId: 2, clientX: 300, clientY: 500 });
    fireEvent.pointerUp(moved, { pointerId: 2, clientX: 300, clientY: 500 });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The change was not saved: That time was just taken. The calendar shows the appointment as it was.");
    expect(within(screen.getByRole("region", { name: "Dr Yasmine Haddad" })).getByRole("article", { name: "10:45 Jean Dupont" })).toBeInTheDocument();
    expect(clinic.moves.inputs[1]).toEqual({ id: ids.appointment, version: 2, start: "2026-03-03T14:00:00.000Z", practitionerId: ids.haddad });
  });

  it("leaves a finger's swipe to scrolling: nothing moves, and a tap opens the appointment", async () => {
    const clinic = clinicWith();
    const { screen } = renderApp("/app/calendar?date=2026-03-03");
    const block = within(await screen.findByRole("article", { name: "09:00 Jean Dupont" })).getByRole("button");
    const cell = (column: string, time: string) => within(screen.getByRole("region", { name: column })).getByTitle(`Book ${time}`);
    let under = cell("Dr Claire Martin", "09:00");
    document.elementsFromPoint = vi.fn(() => [block, under]);

    fireEvent.pointerDown(block, { pointerId: 3, pointerType: "touch", button: 0, clientX: 100, clientY: 100 });
    under = cell("Dr Yasmine Haddad", "10:45");
    fireEvent.pointerMove(block, { pointerId: 3, pointerType: "touch", clientX: 300, clientY: 200 });
    fireEvent.pointerUp(block, { pointerId: 3, pointerType: "touch", clientX: 300, clientY: 200 });
    fireEvent.click(block);

    expect(await screen.findByRole("dialog")).toBeInTheDocument();
    expect(clinic.moves.inputs).toEqual([]);
  });
});
