import { within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, recorder } from "../../test/trpc";
import { answer, appointmentDetails, practitionersList, servicesList } from "./test-fixtures";

function calendarOf(range = calendarDay()) {
  const ranges = recorder<"calendar.range">();
  server.use(
    procedure("auth.me", () => signedIn()),
    procedure("calendar.range", (call) => {
      ranges.record(call);
      return range;
    }),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
    // What the appointment dialog reads when a block opens.
    answer("appointments.get", () => appointmentDetails()),
    procedure("notifications.messages.forAppointment", () => []),
  );
  return ranges;
}

// 09:00–09:15 in Paris: one row of the grid.
const quarter = appointment({ id: "quarter", start: "2026-03-03T08:00:00.000Z", end: "2026-03-03T08:15:00.000Z", status: "arrived", patientName: "Ada Lovelace", serviceName: "Injection" });
const haddads = appointment({ id: "haddad", practitionerId: ids.haddad, start: "2026-03-03T07:30:00.000Z", end: "2026-03-03T08:00:00.000Z", patientName: "Louis Pasteur" });
const thursday = appointment({ id: "thu", start: "2026-03-05T13:00:00.000Z", end: "2026-03-05T14:00:00.000Z", patientName: "Marie Curie" });

describe("the calendar's dense blocks, lists and keys", () => {
  beforeAll(async () => {
    await Promise.all([import("../StaffLayout"), import("./CalendarPage")]);
  });

  it("shows a quarter-hour block's patient, status and service on one line, with the whole in its tooltip", async () => {
    calendarOf(calendarDay([quarter]));
    const { screen } = renderApp("/app/calendar?date=2026-03-03");
    const block = await screen.findByRole("article", { name: "09:00 Ada Lovelace" });
    expect(block).toHaveAttribute("data-short", "true");
    expect(block).toHaveTextContent(/Ada Lovelace.*Arrived.*Injection/);
    expect(within(block).getByRole("button")).toHaveAttribute("title", "09:00–09:15 Ada Lovelace · Injection · Arrived");
  });

  it("walks the appointments with the arrow keys and opens one with Enter", async () => {
    calendarOf(calendarDay([quarter, haddads]));
    const { screen, user, router } = renderApp("/app/calendar?date=2026-03-03");
    const grid = await screen.findByRole("group", { name: "Day calendar" });
    grid.focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toHaveAttribute("data-block-id", "quarter");
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toHaveAttribute("data-block-id", "haddad");
    // The block had the key: the day did not change.
    expect(router.state.location.search).toEqual({ date: "2026-03-03" });
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog")).toBeInTheDocument();
  });

  it("lists the day in time order in the agenda, and keeps a button-free day sheet for printing", async () => {
    calendarOf(calendarDay([quarter, haddads]));
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03&view=agenda");
    const table = await screen.findByRole("table", { name: /^Tuesday,? 3 March 2026$/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "08:30–09:00Dr Yasmine HaddadLouis PasteurConsultationConfirmed",
      "09:00–09:15Dr Claire MartinAda LovelaceInjectionArrived",
    ]);
    const sheet = screen.getByTestId("day-sheet");
    expect(within(sheet).getAllByRole("row")).toHaveLength(3);
    expect(within(sheet).queryAllByRole("button")).toEqual([]);
    await user.click(within(table).getByRole("button", { name: "09:00–09:15 Ada Lovelace · Injection · Arrived" }));
    expect(await screen.findByRole("dialog")).toBeInTheDocument();
  });

  it("shows every practitioner across the week, and opens one practitioner's week from their name", async () => {
    const ranges = calendarOf(calendarDay([quarter, haddads, thursday]));
    const { screen, user, router } = renderApp("/app/calendar?date=2026-03-04&view=resources");
    const region = await screen.findByRole("region", { name: "Every practitioner's week" });
    await expect.poll(() => ranges.calls).toContainEqual({ from: "2026-03-02", to: "2026-03-08" });
    const rows = within(region).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getAllByRole("columnheader")).toHaveLength(8);
    const martin = rows.find((row) => row.textContent?.includes("Dr Claire Martin"))!;
    expect(within(martin).getByRole("button", { name: /Ada Lovelace · Injection · Arrived/ })).toBeInTheDocument();
    expect(within(martin).getByRole("button", { name: /Marie Curie/ })).toBeInTheDocument();
    expect(within(martin).getAllByText("Not working")).toHaveLength(2);
    await user.click(within(martin).getByRole("button", { name: "Dr Claire Martin" }));
    expect(router.state.location.search).toEqual({ date: "2026-03-04", view: "week", practitioner: ids.martin });
  });
});
