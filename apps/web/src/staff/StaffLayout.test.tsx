import { within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { ids } from "../test/fixtures";
import { preloadPage, renderApp } from "../test/render";
import { server } from "../test/server";
import { calendarDay, otherClinicId, signedIn } from "../test/staff-fixtures";
import { procedure, recorder } from "../test/trpc";
import type { StaffRole } from "./types";

describe("the staff area", () => {
  // The layout and sign-in are lazy chunks: compiled once here, so the first test times the page, not the compiler.
  beforeAll(async () => {
    await Promise.all([preloadPage("/app/calendar"), preloadPage("/app/sign-in")]);
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    server.use(procedure("auth.me", () => null));
    const { screen, router } = renderApp("/app/calendar?date=2026-03-03");
    expect(await screen.findByRole("heading", { name: "Sign in to Frontdesk" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/sign-in");
  });

  it.each<[StaffRole, string[]]>([
    ["owner", ["Calendar", "Patients", "Waitlist", "Clinic settings", "Setup checklist", "Reports"]],
    ["admin", ["Calendar", "Patients", "Waitlist", "Clinic settings", "Setup checklist", "Reports"]],
    ["receptionist", ["Calendar", "Patients", "Waitlist"]],
    ["practitioner", ["Calendar", "Patients", "Waitlist", "Calendar feeds"]],
  ])("shows a %s only the screens their role may open", async (role, links) => {
    server.use(
      procedure("auth.me", () => signedIn(role)),
      procedure("calendar.range", () => calendarDay()),
    );
    const { screen } = renderApp("/app/calendar?date=2026-03-03");
    const nav = await screen.findByRole("navigation", { name: "Staff" });
    expect(within(nav).getAllByRole("link").map((link) => link.textContent)).toEqual(links);
  });

  it("shows the clinic's name and lets someone at two clinics switch", async () => {
    const switches = recorder<"auth.switchClinic">();
    server.use(
      procedure("auth.me", () => signedIn("owner", "two")),
      procedure("calendar.range", () => calendarDay()),
      procedure("auth.switchClinic", (call) => {
        switches.record(call);
        return { activeClinicId: otherClinicId, role: "practitioner" as const };
      }),
    );
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const switcher = await screen.findByRole("combobox", { name: "Clinic" });
    expect(switcher).toHaveValue(ids.clinic);
    await user.selectOptions(switcher, "Clinique Lyon Sud");
    await expect.poll(() => switches.calls).toEqual([{ clinicId: otherClinicId }]);
  });

  it("signs out and returns to the sign-in page", async () => {
    let session: ReturnType<typeof signedIn> | null = signedIn();
    server.use(
      procedure("auth.me", () => session),
      procedure("calendar.range", () => calendarDay()),
      procedure("auth.signOut", () => {
        session = null;
        return { signedOut: true };
      }),
    );
    const { screen, user, router } = renderApp("/app/calendar?date=2026-03-03");
    await user.click(await screen.findByRole("button", { name: "Sign out" }));
    expect(await screen.findByRole("heading", { name: "Sign in to Frontdesk" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/sign-in");
  });

  it("offers someone with no clinic yet to create one, and everyone a link to their account", async () => {
    server.use(procedure("auth.me", () => ({ ...signedIn(), memberships: [], activeClinicId: null })));
    const { screen } = renderApp("/app/calendar");
    expect(await screen.findByRole("heading", { name: "No clinic chosen" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create a clinic" })).toHaveAttribute("href", "/app/new-clinic");
    expect(screen.getByRole("link", { name: "Your account" })).toHaveAttribute("href", "/app/account");
  });
});
