import { describe, expect, it } from "vitest";
import { staffI18n } from "../../i18n/staff/staff-i18n";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { TrpcErrorAnswer } from "../../test/trpc";
import { settingsOf, settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";

describe("the waitlist offer settings", () => {
  it("save the offer mode and expiry, sending only what changed, after checking the minutes", async () => {
    const updates = callsOf("clinic.settings.update", (input) => ({ ...settingsOf, ...input }));
    server.use(...settingsWorld("owner"), updates.handler);
    const { screen, user } = renderApp("/app/settings");
    const inOrder = await screen.findByRole("radio", { name: /^One patient at a time/ });
    expect(inOrder).toBeChecked();
    const minutes = screen.getByLabelText("Offer open for (minutes)");
    expect(minutes).toHaveValue("60");

    await user.click(screen.getByRole("radio", { name: /^Everyone who wants it at once/ }));
    await user.clear(minutes);
    await user.type(minutes, "4");
    await user.click(screen.getByRole("button", { name: "Save waitlist offers" }));
    expect(minutes).toHaveAccessibleDescription(/Enter whole minutes from 5 to 2880/);
    await user.clear(minutes);
    await user.type(minutes, "ninety");
    await user.click(screen.getByRole("button", { name: "Save waitlist offers" }));
    expect(minutes).toHaveAccessibleDescription(/Enter whole minutes from 5 to 2880/);
    expect(updates.calls).toEqual([]);

    await user.clear(minutes);
    await user.type(minutes, "90");
    await user.click(screen.getByRole("button", { name: "Save waitlist offers" }));
    expect(await screen.findByText("Waitlist offers saved.")).toBeInTheDocument();
    expect(updates.calls).toEqual([{ waitlistOfferMode: "all_at_once", waitlistOfferMinutes: 90 }]);
  });

  it("show the server's refusal and keep what was typed", async () => {
    const updates = callsOf("clinic.settings.update", () => new TrpcErrorAnswer("FORBIDDEN", "Only owners and admins change the clinic's settings"));
    server.use(...settingsWorld("admin"), updates.handler);
    const { screen, user } = renderApp("/app/settings");
    await user.click(await screen.findByRole("radio", { name: /^Everyone who wants it at once/ }));
    await user.click(screen.getByRole("button", { name: "Save waitlist offers" }));
    expect(await screen.findByText("The waitlist offers were not saved")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /^Everyone who wants it at once/ })).toBeChecked();
    expect(screen.queryByText("Waitlist offers saved.")).not.toBeInTheDocument();
  });

  it("speak French when the member picked it", async () => {
    server.use(...settingsWorld("owner"));
    await staffI18n.changeLanguage("fr");
    try {
      const { screen } = renderApp("/app/settings");
      expect(await screen.findByRole("button", { name: "Enregistrer les propositions" })).toBeInTheDocument();
      expect(screen.getByRole("radio", { name: /^Un patient à la fois/ })).toBeChecked();
    } finally {
      await staffI18n.changeLanguage("en");
    }
  });
});
