import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { TrpcErrorAnswer } from "../../test/trpc";
import { serviceList, settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";

function openServices() {
  const creates = callsOf("services.create", (input) => ({
    id: "0b8f1c2e-2222-4000-8000-000000000009",
    name: input.name,
    durationMinutes: input.durationMinutes,
    bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
    priceCents: input.priceCents ?? null,
    bookableOnline: input.bookableOnline ?? true,
    noteSections: input.noteSections ?? [],
    active: true,
    practitionerIds: [],
  }));
  const updates = callsOf("services.update", (input) => ({ ...serviceList.find((s) => s.id === input.serviceId)!, ...input }));
  const removals = callsOf("services.remove", () => new TrpcErrorAnswer("CONFLICT", "Consultation has been booked before: deactivate it instead of deleting"));
  server.use(...settingsWorld("admin"), creates.handler, updates.handler, removals.handler);
  const app = renderApp("/app/settings/services");
  return { ...app, creates: creates.calls, updates: updates.calls, removals: removals.calls };
}

describe("the services screen", () => {
  it("describes each service: duration, buffers, price and online booking", async () => {
    const app = openServices();
    const rows = within(await app.screen.findByRole("list", { name: "Services" })).getAllByRole("listitem");
    expect(rows[0]).toHaveTextContent("Consultation30 min · €30.00 · bookable online");
    expect(rows[1]).toHaveTextContent("1 h · buffers 10 min before, 10 min after · price on request · staff booking only");
  });

  it("checks the numbers like the server before adding a service", async () => {
    const app = openServices();
    await app.user.click(await app.screen.findByRole("button", { name: "Add service" }));
    const dialog = app.screen.getByRole("dialog", { name: "Add service" });
    const duration = within(dialog).getByLabelText("Duration (minutes)");
    const price = within(dialog).getByLabelText("Price (EUR)");
    const before = within(dialog).getByLabelText("Buffer before (minutes)");
    await app.user.type(within(dialog).getByLabelText("Name"), "Bilan");
    await app.user.clear(duration);
    await app.user.type(duration, "0");
    await app.user.type(price, "12.345");
    await app.user.clear(before);
    await app.user.type(before, "300");
    await app.user.click(within(dialog).getByRole("button", { name: "Add service" }));
    expect(duration).toHaveAccessibleDescription("Duration must be at least 1 minute");
    expect(price).toHaveAccessibleDescription("Enter a price such as 30 or 30.50, or leave it blank Blank: price on request");
    expect(before).toHaveAccessibleDescription("Buffer before is at most 240 minutes Kept free before each appointment");
    expect(app.creates).toEqual([]);

    await app.user.clear(duration);
    await app.user.type(duration, "45");
    await app.user.clear(price);
    await app.user.type(price, "55,50");
    await app.user.clear(before);
    await app.user.type(before, "5");
    await app.user.click(within(dialog).getByLabelText("Patients can book it online"));
    await app.user.click(within(dialog).getByRole("button", { name: "Add service" }));
    await expect.poll(() => app.creates).toEqual([
      { name: "Bilan", durationMinutes: 45, bufferBeforeMinutes: 5, bufferAfterMinutes: 0, priceCents: 5550, bookableOnline: false },
    ]);
  });

  it("edits a service's price alone, and shows why a booked service cannot be removed", async () => {
    const app = openServices();
    await app.user.click(await app.screen.findByRole("button", { name: "Edit Consultation" }));
    const dialog = app.screen.getByRole("dialog", { name: "Edit Consultation" });
    const price = within(dialog).getByLabelText("Price (EUR)");
    expect(price).toHaveValue("30.00");
    await app.user.clear(price);
    await app.user.type(price, "35");
    await app.user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await expect.poll(() => app.updates).toEqual([{ serviceId: ids.consultation, priceCents: 3500 }]);
    await expect.poll(() => app.screen.queryByRole("dialog")).toBeNull();

    await app.user.click(app.screen.getByRole("button", { name: "Remove Consultation" }));
    const confirm = app.screen.getByRole("dialog", { name: "Remove Consultation?" });
    await app.user.click(within(confirm).getByRole("button", { name: "Remove" }));
    expect(await within(confirm).findByRole("alert")).toHaveTextContent("has been booked before: deactivate it instead of deleting");
  });
});
