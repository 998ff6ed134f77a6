// The booking dialog's free-time finder against msw: what it asks the server, and one click books.
import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import { answer, calls, changedAppointment, PATIENT_ID, patientRow, practitionersList, servicesList } from "./test-fixtures";

function clinicWithFreeTimes() {
  const asked = calls<"appointments.freeTimes">();
  const creates = calls<"appointments.create">();
  server.use(
    procedure("auth.me", () => signedIn()),
    procedure("calendar.range", () => calendarDay([appointment()])),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
    answer("patients.search", () => ({ items: [patientRow()], total: 1, page: 1, pageSize: 8 })),
    answer("appointments.freeTimes", (input) => {
      asked.record(input);
      const slots = input.outsideRules
        ? [{ start: "2026-03-02T08:30:00Z", end: "2026-03-02T09:00:00Z", practitionerIds: [ids.haddad], breaks: ["LEAD_TIME" as const] }]
        : [
            { start: "2026-03-04T13:00:00Z", end: "2026-03-04T13:30:00Z", practitionerIds: [ids.haddad], breaks: [] },
            { start: "2026-03-04T13:30:00Z", end: "2026-03-04T14:00:00Z", practitionerIds: [ids.haddad], breaks: [] },
          ];
      return { timezone: "Europe/Paris", searched: { from: "2026-03-02", to: "2026-05-30" }, slots };
    }),
    answer("appointments.create", (input) => {
      creates.record(input);
      return changedAppointment({ id: "0b8f1c2e-4444-4000-8000-000000000010", practitionerId: input.practitionerId, practitionerName: "Dr Yasmine Haddad", start: input.start, end: "2026-03-04T13:30:00.000Z", status: "booked" });
    }),
  );
  return { asked, creates };
}

describe("the free-time finder", () => {
  it("lists the next free times of the clicked practitioner, filters by part of day, and books one in a click", async () => {
    const { asked, creates } = clinicWithFreeTimes();
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const region = await screen.findByRole("region", { name: "Dr Yasmine Haddad" });
    await user.click(within(region).getByTitle("Book 10:00"));
    const dialog = await screen.findByRole("dialog", { name: "New appointment" });

    const times = await within(dialog).findByRole("list", { name: /Free times/ });
    expect(within(times).getAllByRole("button").map((b) => b.textContent)).toEqual([expect.stringContaining("14:00"), expect.stringContaining("14:30")]);
    expect(asked.inputs.at(-1)).toEqual({ serviceId: ids.consultation, practitionerId: ids.haddad, within: "next", outsideRules: false, limit: 8 });

    await user.selectOptions(within(dialog).getByLabelText("Time of day"), "afternoon");
    await expect.poll(() => asked.inputs.at(-1)?.timeOfDay).toBe("afternoon");
    await user.click(within(dialog).getByRole("button", { name: "This week" }));
    await expect.poll(() => asked.inputs.at(-1)?.within).toBe("week");

    // A time picked before a patient is chosen books nothing and says what is missing.
    await user.click(within(await within(dialog).findByRole("list", { name: /Free times/ })).getAllByRole("button")[0]!);
    expect(creates.inputs).toEqual([]);
    expect(within(dialog).getByText("Choose a patient from the list, or create a new patient")).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/Find a patient/), "Dup");
    await user.click(within(await within(dialog).findByRole("list", { name: "Matching patients" })).getByRole("button", { name: /Jean Dupont/ }));
    await user.click(within(within(dialog).getByRole("list", { name: /Free times/ })).getAllByRole("button")[0]!);
    expect(creates.inputs).toEqual([{ patientId: PATIENT_ID, serviceId: ids.consultation, practitionerId: ids.haddad, start: "2026-03-04T13:00:00Z", notify: true }]);
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
  });

  it("shows which online rule a time breaks when staff look outside the rules", async () => {
    const { asked } = clinicWithFreeTimes();
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const region = await screen.findByRole("region", { name: "Dr Yasmine Haddad" });
    await user.click(within(region).getByTitle("Book 10:00"));
    const dialog = await screen.findByRole("dialog", { name: "New appointment" });
    await user.click(await within(dialog).findByLabelText("Include times outside the online rules"));
    await expect.poll(() => asked.inputs.at(-1)?.outsideRules).toBe(true);
    expect(await within(dialog).findByText(/Outside the online rules: Sooner than the clinic's minimum notice/)).toBeInTheDocument();
  });

  it("writes the times in the clinic's locale and zone, as the calendar does", async () => {
    clinicWithFreeTimes();
    server.use(procedure("calendar.range", () => ({ ...calendarDay([appointment()]), locale: "fr-FR" })));
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const region = await screen.findByRole("region", { name: "Dr Yasmine Haddad" });
    await user.click(within(region).getByTitle("Book 10:00"));
    const dialog = await screen.findByRole("dialog", { name: "New appointment" });
    const times = await within(dialog).findByRole("list", { name: /Free times/ });
    // 13:00 UTC is 14:00 in Paris, whatever the browser's zone (Los Angeles here).
    expect(within(times).getAllByRole("button")[0]).toHaveTextContent("Book mercredi 4 mars 2026 à 14:00");
  });
});
