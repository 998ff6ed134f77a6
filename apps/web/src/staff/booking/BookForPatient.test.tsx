// "Book" on a patient's page: the booking dialog opens with the patient chosen and the free-time
// finder already listing times; one click books for this patient, and the page says so.
import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { handle } from "../../test/handlers";
import { dupontRecord, patientIds } from "../../test/patient-fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { signedIn } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import { answer, calls, changedAppointment, practitionersList, servicesList } from "../calendar/test-fixtures";

function patientWithFreeTimes(role: Parameters<typeof signedIn>[0] = "receptionist") {
  const asked = calls<"appointments.freeTimes">();
  const creates = calls<"appointments.create">();
  server.use(
    procedure("auth.me", () => signedIn(role)),
    handle("patients.get", () => dupontRecord()),
    handle("notes.list", () => ({ notes: [], canWrite: false })),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
    answer("appointments.freeTimes", (input) => {
      asked.record(input);
      return { timezone: "Europe/Paris", searched: { from: "2026-03-02", to: "2026-05-30" }, slots: [{ start: "2026-03-04T13:00:00Z", end: "2026-03-04T13:30:00Z", practitionerIds: [ids.haddad], breaks: [] }] };
    }),
    answer("appointments.create", (input) => {
      creates.record(input);
      return changedAppointment({ id: "0b8f1c2e-4444-4000-8000-000000000051", practitionerId: input.practitionerId, practitionerName: "Dr Yasmine Haddad", start: input.start, end: "2026-03-04T13:30:00.000Z", status: "booked" });
    }),
  );
  return { asked, creates };
}

describe("booking from a patient's page", () => {
  it("opens the dialog with the patient chosen and the free times ready, and books one in a click", async () => {
    const { asked, creates } = patientWithFreeTimes();
    const { screen, user } = renderApp(`/app/patients/${patientIds.dupont}`);
    await user.click(await screen.findByRole("button", { name: "Book" }));
    const dialog = await screen.findByRole("dialog", { name: "New appointment" });
    expect(within(dialog).queryByLabelText(/Find a patient/)).toBeNull();
    expect(within(dialog).getByText("Jean Dupont")).toBeInTheDocument();

    const times = await within(dialog).findByRole("list", { name: /Free times/ });
    // Anyone who offers the first service: no practitioner was clicked.
    expect(asked.inputs.at(-1)).toEqual({ serviceId: ids.consultation, within: "next", outsideRules: false, limit: 8 });
    await user.click(within(times).getByRole("button", { name: /14:00 with Dr Yasmine Haddad/ }));
    expect(creates.inputs).toEqual([{ patientId: patientIds.dupont, serviceId: ids.consultation, practitionerId: ids.haddad, start: "2026-03-04T13:00:00Z", notify: true }]);
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    expect(await screen.findByText(/^Booked: Consultation with Dr Yasmine Haddad, .*14:00\.$/)).toBeInTheDocument();
  });

  it("is not offered to a practitioner, who may not book", async () => {
    patientWithFreeTimes("practitioner");
    const { screen } = renderApp(`/app/patients/${patientIds.dupont}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Jean Dupont" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Book" })).toBeNull();
  });
});
