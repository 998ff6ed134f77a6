import { fireEvent, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { TrpcErrorAnswer } from "../../test/trpc";
import { practitionerList, settingsWorld, staffList } from "./test-fixtures";
import { callsOf, settingsProcedure } from "./test-trpc";

const newId = "0b8f1c2e-3333-4000-8000-000000000009";

function openPractitioners() {
  const creates = callsOf("practitioners.create", (input) => ({
    id: newId,
    displayName: input.displayName,
    colour: input.colour ?? "#2563eb",
    active: true,
    userId: null,
    serviceIds: [],
  }));
  const updates = callsOf("practitioners.update", (input) => ({ ...practitionerList.find((p) => p.id === input.practitionerId)!, ...input }));
  const serviceSets = callsOf("practitioners.setServices", (input) => input);
  const removals = callsOf("practitioners.remove", (input) =>
    input.practitionerId === ids.martin ? new TrpcErrorAnswer("CONFLICT", "Dr Claire Martin has appointments on record: deactivate instead of deleting") : { removed: true },
  );
  server.use(...settingsWorld("owner"), settingsProcedure("clinic.staff.list", () => staffList), creates.handler, updates.handler, serviceSets.handler, removals.handler);
  const app = renderApp("/app/settings/practitioners");
  return { ...app, creates: creates.calls, updates: updates.calls, serviceSets: serviceSets.calls, removals: removals.calls };
}

describe("the practitioners screen", () => {
  it("lists every practitioner, inactive ones marked, with the services each offers", async () => {
    const app = openPractitioners();
    const list = await app.screen.findByRole("list", { name: "Practitioners" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("Dr Claire Martin");
    expect(rows[0]).toHaveTextContent("Consultation");
    expect(rows[2]).toHaveTextContent("Sophie Arnaud (kiné) (inactive: takes no bookings)");
    expect(within(rows[1]!).getByRole("link", { name: "Hours of Dr Yasmine Haddad" })).toHaveAttribute("href", `/app/settings/hours?practitioner=${ids.haddad}`);
  });

  it("adds a practitioner with a colour and the services they offer, after checking the name", async () => {
    const app = openPractitioners();
    await app.user.click(await app.screen.findByRole("button", { name: "Add practitioner" }));
    const dialog = app.screen.getByRole("dialog", { name: "Add practitioner" });
    await app.user.click(within(dialog).getByRole("button", { name: "Add practitioner" }));
    expect(within(dialog).getByLabelText("Name")).toHaveAccessibleDescription("Enter a name");
    expect(app.creates).toEqual([]);

    await app.user.type(within(dialog).getByLabelText("Name"), "Dr Paul Nouveau");
    fireEvent.change(within(dialog).getByLabelText("Calendar colour"), { target: { value: "#16a34a" } });
    await app.user.click(within(dialog).getByLabelText("Kinésithérapie"));
    await app.user.click(within(dialog).getByRole("button", { name: "Add practitioner" }));
    await expect.poll(() => app.serviceSets).toEqual([{ practitionerId: newId, serviceIds: [ids.physio] }]);
    expect(app.creates).toEqual([{ displayName: "Dr Paul Nouveau", colour: "#16a34a" }]);
    await expect.poll(() => app.screen.queryByRole("dialog")).toBeNull();
  });

  it("deactivates a practitioner and links their staff sign-in, sending only what changed", async () => {
    const app = openPractitioners();
    await app.user.click(await app.screen.findByRole("button", { name: "Edit Dr Yasmine Haddad" }));
    const dialog = app.screen.getByRole("dialog", { name: "Edit Dr Yasmine Haddad" });
    expect(within(dialog).getByLabelText("Consultation")).toBeChecked();
    await app.user.click(within(dialog).getByLabelText(/^Active/));
    const member = staffList.members[1]!;
    await app.user.selectOptions(within(dialog).getByLabelText("Staff sign-in"), `${member.name} (${member.email})`);
    await app.user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await expect.poll(() => app.updates).toEqual([{ practitionerId: ids.haddad, active: false, userId: member.userId }]);
    expect(app.serviceSets).toEqual([]);
  });

  it("shows the server's refusal to remove a practitioner with appointments", async () => {
    const app = openPractitioners();
    await app.user.click(await app.screen.findByRole("button", { name: "Remove Dr Claire Martin" }));
    const dialog = app.screen.getByRole("dialog", { name: "Remove Dr Claire Martin?" });
    await app.user.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("has appointments on record: deactivate instead of deleting");
    expect(app.removals).toEqual([{ practitionerId: ids.martin }]);
  });

  it("removes a practitioner who never had an appointment, says so and keeps the keyboard on the page", async () => {
    const app = openPractitioners();
    await app.user.click(await app.screen.findByRole("button", { name: "Remove Sophie Arnaud (kiné)" }));
    await app.user.click(within(app.screen.getByRole("dialog", { name: "Remove Sophie Arnaud (kiné)?" })).getByRole("button", { name: "Remove" }));
    expect(await app.screen.findByRole("status")).toHaveTextContent("Sophie Arnaud (kiné) was removed.");
    expect(app.screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(app.screen.getByRole("heading", { name: "Practitioners" })).toHaveFocus();
    expect(app.removals).toEqual([{ practitionerId: ids.arnaud }]);
  });
});
