import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { settingsOf, settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";

describe("the clinic profile and booking policy", () => {
  it("links to the public booking page and saves only what changed, after checking it", async () => {
    const updates = callsOf("clinic.settings.update", (input) => ({ ...settingsOf, ...input }));
    server.use(...settingsWorld("owner"), updates.handler);
    const { screen, user } = renderApp("/app/settings");
    expect(await screen.findByRole("link", { name: /\/book\/demo-paris$/ })).toHaveAttribute("href", "/book/demo-paris");

    const name = screen.getByLabelText("Clinic name");
    const step = screen.getByLabelText("Slot step (minutes)");
    expect(step).toHaveValue("15");
    await user.clear(step);
    await user.type(step, "2");
    await user.click(screen.getByRole("button", { name: "Save clinic settings" }));
    expect(step).toHaveAccessibleDescription(/^Slot step is at least 5/);
    expect(updates.calls).toEqual([]);

    await user.clear(step);
    await user.type(step, "20");
    await user.clear(name);
    await user.type(name, "Cabinet Santé Paris");
    await user.click(screen.getByRole("button", { name: "Save clinic settings" }));
    expect(await screen.findByText("Clinic settings saved.")).toBeInTheDocument();
    expect(updates.calls).toEqual([{ name: "Cabinet Santé Paris", slotStepMinutes: 20 }]);
  });
});
