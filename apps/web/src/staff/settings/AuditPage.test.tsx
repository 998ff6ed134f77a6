import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { settingsWorld, staffList } from "./test-fixtures";
import { callsOf, settingsProcedure } from "./test-trpc";
import type { AuditEntry } from "./types";

const LOADED = { timeout: 5000 };
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
      input.cursor ? { items: [entry(1, { action: "create", changes: { displayName: [null, "Dr Claire Martin"] } })], nextCursor: null } : { items: [entry(3), entry(2, { actorName: null, actorKind: "system", action: "seed", entity: "clinic", changes: {} })], nextCursor: 2 },
    );
    server.use(...settingsWorld("admin"), settingsProcedure("clinic.staff.list", () => staffList), lists.handler);
    const { screen, user } = renderApp("/app/settings/audit");

    const log = await screen.findByRole("list", { name: "Audit entries, newest first" }, LOADED);
    const rows = within(log).getAllByRole("listitem").filter((li) => li.parentElement === log);
    expect(rows[0]).toHaveTextContent("Olivier Owner · update · Practitioners");
    // 08:00 UTC is 09:00 in Paris (the tests' browser is in Los Angeles).
    expect(rows[0]).toHaveTextContent("09:00");
    expect(rows[0]).toHaveTextContent("Colour: #2563eb → #16a34a");
    expect(rows[1]).toHaveTextContent("The system · seed · Clinic settings");

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
        entry(5, { entity: "patient", entityId: patientId, entityName: "Ada Lovelace", patientId, changes: { phone: [null, "+33 6 12 34 56 78"] } }),
        entry(4, { entity: "service", entityId: ids.consultation, entityName: "Consultation", changes: { priceCents: [3000, 3500] } }),
      ],
      nextCursor: null,
    }));
    server.use(...settingsWorld("admin"), settingsProcedure("clinic.staff.list", () => staffList), lists.handler);
    const { screen, user } = renderApp("/app/settings/audit");
    const log = await screen.findByRole("list", { name: "Audit entries, newest first" }, LOADED);
    const rows = within(log).getAllByRole("listitem").filter((li) => li.parentElement === log);
    expect(rows[0]).toHaveTextContent("Olivier Owner · update · Patients · Ada Lovelace");
    expect(rows[0]).not.toHaveTextContent(patientId);
    await expect.poll(() => rows[1]!.textContent?.replace(/\s/g, " ")).toContain("Price: 30,00 € → 35,00 €");
    await user.click(within(rows[0]!).getByRole("button", { name: "Only Ada Lovelace" }));
    await expect.poll(() => lists.calls.at(-1)).toMatchObject({ patientId });
    expect(screen.getByRole("status")).toHaveTextContent("Only entries about Ada Lovelace");
    expect(screen.getByRole("button", { name: "Download these entries (CSV)" })).toBeInTheDocument();
  });
});
