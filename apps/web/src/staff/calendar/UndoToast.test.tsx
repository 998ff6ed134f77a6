// The undo toast against msw: a status change and a move are undone through the normal
// procedures with the version the change answered, by button or by keyboard.
import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import type { CalendarAppointment } from "../types";
import { answer, appointmentDetails, calls, changedAppointment, practitionersList, servicesList } from "./test-fixtures";

function clinic() {
  let current: CalendarAppointment = appointment({ status: "booked" });
  const statuses = calls<"appointments.setStatus">();
  const reverts = calls<"appointments.revertStatus">();
  const change = (patch: Partial<CalendarAppointment>) => {
    current = { ...current, ...patch, version: current.version + 1 };
    return changedAppointment({ ...current, practitionerName: "Dr Claire Martin" });
  };
  server.use(
    procedure("auth.me", () => signedIn("receptionist")),
    procedure("calendar.range", () => calendarDay([current])),
    answer("appointments.get", () => appointmentDetails({ ...current, practitionerName: "Dr Claire Martin" })),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
    answer("notes.list", () => ({ notes: [], canWrite: false })),
    procedure("notifications.messages.forAppointment", () => []),
    answer("appointments.setStatus", (input) => {
      statuses.record(input);
      return change({ status: input.status });
    }),
    answer("appointments.revertStatus", (input) => {
      reverts.record(input);
      return change({ status: input.status });
    }),
  );
  return { statuses, reverts, now: () => current };
}

describe("the undo toast", () => {
  it("undoes a status change with the version the change answered, from the keyboard", async () => {
    const server_ = clinic();
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const block = await screen.findByRole("article", { name: "09:00 Jean Dupont" });
    await user.click(within(block).getByRole("button"));
    const dialog = await screen.findByRole("dialog", { name: "Appointment" });
    await user.click(within(dialog).getByRole("button", { name: "Confirm" }));
    await user.click(within(dialog).getByRole("button", { name: "Close" }));

    const toast = await screen.findByText("Marked Jean Dupont confirmed.");
    const undo = within(toast.parentElement!).getByRole("button", { name: "Undo" });
    undo.focus();
    await user.keyboard("{Enter}");
    await expect.poll(() => server_.reverts.inputs).toEqual([{ id: server_.now().id, version: 2, status: "booked" }]);
    await expect.poll(() => screen.getByRole("article", { name: "09:00 Jean Dupont" }).getAttribute("data-status")).toBe("booked");
    await expect.poll(() => screen.queryByText("Marked Jean Dupont confirmed.")).toBeNull();
  });
});
