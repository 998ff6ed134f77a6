import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { handle } from "../../test/handlers";
import { TrpcErrorAnswer } from "../../test/trpc";
import { listItem, searchAnswer } from "../../test/patient-fixtures";
import { settingsWorld, staffList } from "./test-fixtures";
import { callsOf, settingsProcedure } from "./test-trpc";
import type { AuditEntry } from "./types";

const owner = staffList.members[0]!;

function entry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: "2026-03-02T08:00:00.000Z",
    actorUserId: owner.userId,
    actorName: owner.name,
    actorKind: "user",
    action: "update",
    entity: "practitioner",
    entityId: ids.martin,
    entityName: null,
    patientId: null,
    changes: { colour: ["#2563eb", "#16a34a"] },
    requestId: null,
    ...overrides,
  };
}

describe("the audit log", () => {
  it("shows who changed what, filters as the API allows, and pages back in time", async () => {
    const lists = callsOf("clinic.audit.list", (input) =>
      input.cursor ? { items: [entry(1, { action: "create", changes: { displayName: [null, "Dr Claire Martin"] } })], nextCursor: null } : {
            items: [
              entry(3),
              entry(2, { actorName: null, actorKind: "system", action: "seed", entity: "clinic", changes: {} }),
              entry(8, { actorUserId: null, actorName: null, actorKind: "operator", action: "set_flag", entity: "clinic", changes: {} }),
            ],
            nextCursor: 2,
          },
    );
    server.use(...settingsWorld("admin"), settingsProcedure("clinic.staff.list", () => staffList), lists.handler);
    const { screen, user } = renderApp("/app/settings/audit");

    const log = await screen.findByRole("list", { name: "Audit entries, newest first" });
    const rows = within(log).getAllByRole("listitem").filter((li) => li.parentElement === log);
    expect(rows[0]).toHaveTextContent("Olivier Owner · update · Practitioners");
    // 08:00 UTC is 09:00 in Paris (the tests' browser is in Los Angeles).
    expect(rows[0]).toHaveTextContent("09:00");
    expect(rows[0]).toHaveTextContent("Colour: #2563eb → #16a34a");
    expect(rows[1]).toHaveTextContent("The system · seed · Clinic settings");
    expect(rows[2]).toHaveTextContent("The service operator · set flag · Clinic settings");

    await user.click(screen.getByRole("button", { name: "Show older entries" }));
    expect(await screen.findByText("Name: — → Dr Claire Martin")).toBeInTheDocument();
    expect(screen.getByText("That is the oldest entry.")).toBeInTheDocument();
    expect(lists.calls[1]).toMatchObject({ cursor: 2 });

    await user.selectOptions(screen.getByLabelText("Kind of record"), "Practitioners");
    await user.selectOptions(screen.getByLabelText("Changed by"), owner.name);
    await user.type(screen.getByLabelText("From (first day)"), "2026-03-02");
    await user.type(screen.getByLabelText("To (last day)"), "2026-03-01");
    await user.click(screen.getByRole("button", { name: "Show entries" }));
    expect(screen.getByLabelText("To (last day)")).toHaveAccessibleDescription("The last day must not be before the first");
    const before = lists.calls.length;
    await user.clear(screen.getByLabelText("To (last day)"));
    await user.type(screen.getByLabelText("To (last day)"), "2026-03-02");
    await user.click(screen.getByRole("button", { name: "Show entries" }));
    await expect.poll(() => lists.calls.slice(before)).toEqual([
      // The clinic's days, in Paris: midnight to the next midnight. (tRPC adds its paging direction.)
      expect.objectContaining({ limit: 25, entity: "practitioner", actorUserId: owner.userId, from: "2026-03-01T23:00:00.000Z", to: "2026-03-02T23:00:00.000Z" }),
    ]);
    expect(lists.calls.at(-1)).not.toHaveProperty("entityId");
  });

  it("names the records, shows money in the clinic's currency, and narrows to one patient from an entry", async () => {
    const patientId = "0b8f1c2e-6666-4000-8000-000000000001";
    const lists = callsOf("clinic.audit.list", () => ({
      items: [
        entry(5, { entity: "patient", entityId: patientId, entityName: "Ada Lovelace", patientId, changes: { phone: ["+33612345678", "+33698765432"] } }),
        entry(4, { entity: "service", entityId: ids.consultation, entityName: "Consultation", changes: { priceCents: [3000, 3500] } }),
      ],
      nextCursor: null,
    }));
    server.use(...settingsWorld("admin"), settingsProcedure("clinic.staff.list", () => staffList), lists.handler);
    const { screen, user } = renderApp("/app/settings/audit");
    const log = await screen.findByRole("list", { name: "Audit entries, newest first" });
    const rows = within(log).getAllByRole("listitem").filter((li) => li.parentElement === log);
    expect(rows[0]).toHaveTextContent("Olivier Owner · update · Patients · Ada Lovelace");
    expect(rows[0]).not.toHaveTextContent(patientId);
    // Phones as the clinic's country writes them (stored as E.164).
    expect(rows[0]).toHaveTextContent("Phone: 06 12 34 56 78 → 06 98 76 54 32");
    await expect.poll(() => rows[1]!.textContent?.replace(/\s/g, " ")).toContain("Price: 30,00 € → 35,00 €");
    await user.click(within(rows[0]!).getByRole("button", { name: "Only Ada Lovelace" }));
    await expect.poll(() => lists.calls.at(-1)).toMatchObject({ patientId });
    expect(screen.getByText(/^Only entries about/)).toHaveTextContent("Only entries about Ada Lovelace");
    // The patient field says who the log is narrowed to.
    expect(screen.getByRole("combobox", { name: "Patient" })).toHaveValue("Ada Lovelace");
    expect(screen.getByRole("button", { name: "Download these entries (CSV)" })).toBeInTheDocument();
  });

  it("finds the patient to filter by as the admin types part of a name, by keyboard, and says what it found", async () => {
    const ada = listItem(1, { fullName: "Ada Lovelace", email: "ada@example.test", phone: "+33612345678" });
    const adele = listItem(2, { fullName: "Adèle Martin" });
    const searches: string[] = [];
    const lists = callsOf("clinic.audit.list", (input) => ({
      items: input.patientId ? [entry(7, { entity: "patient", entityId: ada.id, entityName: "Ada Lovelace", patientId: ada.id })] : [entry(6)],
      nextCursor: null,
    }));
    server.use(
      ...settingsWorld("admin"),
      settingsProcedure("clinic.staff.list", () => staffList),
      lists.handler,
      handle("patients.search", (input) => {
        searches.push(input.query ?? "");
        const matching = [ada, adele].filter((p) => p.fullName.toLowerCase().includes((input.query ?? "").toLowerCase()));
        return searchAnswer(matching, input.page, input.pageSize);
      }),
    );
    const { screen, user } = renderApp("/app/settings/audit");
    await screen.findByRole("list", { name: "Audit entries, newest first" });
    const field = screen.getByRole("combobox", { name: "Patient" });
    expect(field).toHaveAccessibleDescription(/Type part of a name, phone or e-mail/);

    // One letter is not a search; nothing is asked of the server.
    await user.type(field, "a");
    expect(searches).toEqual([]);
    await user.type(field, "d");
    const status = await screen.findByText("2 patients match. Use the arrow keys to choose.");
    expect(status).toHaveAttribute("role", "status");
    // One search per pause in typing, not per key.
    expect(searches).toEqual(["ad"]);
    await user.type(field, "a");
    const listbox = screen.getByRole("listbox", { name: "Matching patients" });
    await expect.poll(() => within(listbox).queryAllByRole("option").map((o) => o.textContent)).toEqual(["Ada Lovelace06 12 34 56 78 · ada@example.test"]);
    expect(field).toHaveAttribute("aria-expanded", "true");
    expect(field).toHaveAttribute("aria-controls", listbox.id);

    // Arrow down highlights the option (announced through aria-activedescendant); Enter chooses it.
    await user.keyboard("{ArrowDown}");
    const option = within(listbox).getByRole("option");
    expect(field).toHaveAttribute("aria-activedescendant", option.id);
    expect(option).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");
    await expect.poll(() => lists.calls.at(-1)).toMatchObject({ patientId: ada.id });
    expect(screen.getByRole("combobox", { name: "Patient" })).toHaveValue("Ada Lovelace");
    expect(screen.getByText(/^Only entries about/)).toHaveTextContent("Only entries about Ada Lovelace");
    expect(within(listbox).queryAllByRole("option")).toEqual([]);
    expect(screen.getByRole("combobox", { name: "Patient" })).toHaveAttribute("aria-expanded", "false");

    // Back to every patient: the field empties and the filter goes.
    await user.click(screen.getByRole("button", { name: "Show every patient" }));
    await expect.poll(() => screen.queryByText(/^Only entries about/)).toBeNull();
    expect(screen.getByRole("list", { name: "Audit entries, newest first" })).toHaveTextContent("Olivier Owner · update · Practitioners");
    expect(screen.getByRole("combobox", { name: "Patient" })).toHaveValue("");
  });

  it("says so when no patient matches, and when the search fails, without filtering", async () => {
    let fail = false;
    const lists = callsOf("clinic.audit.list", () => ({ items: [entry(6)], nextCursor: null }));
    server.use(
      ...settingsWorld("admin"),
      settingsProcedure("clinic.staff.list", () => staffList),
      lists.handler,
      handle("patients.search", (input) => (fail ? new TrpcErrorAnswer("INTERNAL_SERVER_ERROR", "boom") : searchAnswer([], input.page, input.pageSize))),
    );
    const { screen, user } = renderApp("/app/settings/audit");
    await screen.findByRole("list", { name: "Audit entries, newest first" });
    const field = screen.getByRole("combobox", { name: "Patient" });
    await user.type(field, "zz");
    expect(await screen.findByText("No patient matches “zz”.")).toHaveAttribute("role", "status");
    expect(field).toHaveAttribute("aria-expanded", "false");
    fail = true;
    await user.type(field, "q");
    expect(await screen.findByText(/^The search failed: /)).toHaveAttribute("role", "status");
    expect(lists.calls.every((call) => !("patientId" in call))).toBe(true);
  });
});
