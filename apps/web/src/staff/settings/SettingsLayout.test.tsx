import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import type { StaffRole } from "../types";
import { settingsWorld } from "./test-fixtures";
import { settingsProcedure } from "./test-trpc";

describe("who may open the clinic settings", () => {
  it.each<StaffRole>(["receptionist", "practitioner"])("refuses a %s, says why, and loads none of the settings", async (role) => {
    const asked: string[] = [];
    server.use(
      procedure("auth.me", () => signedIn(role)),
      // Any settings request would be a leak of intent (and is refused by the API anyway): record it.
      settingsProcedure("practitioners.list", () => {
        asked.push("practitioners.list");
        return [];
      }),
      settingsProcedure("schedule.getWeek", (input) => {
        asked.push("schedule.getWeek");
        return { practitionerId: input.practitionerId, intervals: [] };
      }),
    );
    const { screen } = renderApp("/app/settings/hours");
    expect(await screen.findByRole("heading", { level: 1, name: "Clinic settings are for owners and admins" })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`signed in as ${role}`))).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the calendar" })).toHaveAttribute("href", "/app/calendar");
    expect(screen.queryByRole("navigation", { name: "Settings sections" })).not.toBeInTheDocument();
    expect(within(screen.getByRole("navigation", { name: "Staff" })).queryByRole("link", { name: "Clinic settings" })).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });

  it.each<StaffRole>(["owner", "admin"])("opens for an %s, with every section listed", async (role) => {
    server.use(...settingsWorld(role), procedure("calendar.range", () => calendarDay()));
    const { screen } = renderApp("/app/settings/practitioners");
    const sections = await screen.findByRole("navigation", { name: "Settings sections" });
    expect(within(sections).getAllByRole("link").map((link) => link.textContent)).toEqual([
      "Clinic",
      "Practitioners",
      "Services",
      "Hours and time off",
      "Staff",
      "Audit log",
      "Security",
      "Reminders",
      "Message templates",
      "Failed deliveries",
      "Webhooks",
      "API keys",
      "Features",
      "Calendar feeds",
      "Intake and patient data",
      "Booking page",
      "Your website",
    ]);
    expect(within(sections).getByRole("link", { name: "Practitioners" })).toHaveAttribute("aria-current", "page");
  });
});
