import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer } from "../../test/trpc";
import { settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";

describe("the security settings", () => {
  it("save the MFA rule", async () => {
    let state = { requireMfa: false };
    const updates = callsOf("clinic.security.update", (input) => {
      state = { requireMfa: input.requireMfa ?? state.requireMfa };
      return state;
    });
    server.use(...settingsWorld("owner"), procedure("calendar.range", () => calendarDay()), procedure("clinic.security.get", () => state), updates.handler);
    const { screen, user } = renderApp("/app/settings/security");
    await user.click(await screen.findByRole("checkbox", { name: "Staff must use two-step verification" }));
    await user.click(screen.getByRole("button", { name: "Save security settings" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Security settings saved");
    expect(updates.calls).toEqual([{ requireMfa: true }]);
  });

  it("shows the server's refusal: MFA must be on for the admin's own account first", async () => {
    server.use(
      ...settingsWorld("admin"),
      procedure("calendar.range", () => calendarDay()),
      procedure("clinic.security.get", () => ({ requireMfa: false })),
      procedure("clinic.security.update", () => new TrpcErrorAnswer("BAD_REQUEST", "Turn on two-step verification for your own account first")),
    );
    const { screen, user } = renderApp("/app/settings/security");
    await user.click(await screen.findByRole("checkbox", { name: "Staff must use two-step verification" }));
    await user.click(screen.getByRole("button", { name: "Save security settings" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Turn on two-step verification for your own account first");
  });
});
