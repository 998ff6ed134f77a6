import { within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { pickStaffLanguage } from "../i18n/staff/staff-i18n";
import { renderApp } from "../test/render";
import { server } from "../test/server";
import { calendarDay, signedIn } from "../test/staff-fixtures";
import { procedure } from "../test/trpc";

describe("the staff shell", () => {
  beforeAll(async () => {
    await Promise.all([import("../staff/StaffLayout"), import("../staff/calendar/CalendarPage")]);
  });
  afterEach(async () => {
    localStorage.clear();
    await pickStaffLanguage("en");
  });

  const signedInAtCalendar = () => {
    server.use(
      procedure("auth.me", () => signedIn("owner")),
      procedure("calendar.range", () => calendarDay()),
    );
    return renderApp("/app/calendar?date=2026-03-03");
  };

  it("has one header with the clinic and the member, and titles the tab after the screen and the clinic", async () => {
    const { screen } = signedInAtCalendar();
    await screen.findByRole("navigation", { name: "Staff" });
    expect(screen.getAllByRole("banner")).toHaveLength(1);
    expect(screen.getAllByRole("main")).toHaveLength(1);
    const session = screen.getByRole("group", { name: "Your session" });
    expect(within(session).getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    await expect.poll(() => document.title).toBe(`Calendar · ${signedIn("owner").memberships[0]!.clinicName}`);
  });

  it("folds the navigation away and keeps that choice", async () => {
    const { screen, user } = signedInAtCalendar();
    const toggle = await screen.findByRole("button", { name: "Navigation" });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("navigation", { name: "Staff" })).not.toBeInTheDocument();
    expect(localStorage.getItem("frontdesk.staffNavOpen")).toBe("false");
  });

  it("speaks French when the member picks it", async () => {
    const { screen, user } = signedInAtCalendar();
    await user.selectOptions(await screen.findByRole("combobox", { name: "Language" }), "Français");
    const nav = await screen.findByRole("navigation", { name: "Équipe" });
    expect(within(nav).getAllByRole("link").map((link) => link.textContent)).toEqual(["Agenda", "Patients", "Liste d’attente", "Réglages du cabinet", "Mise en route", "Rapports"]);
    expect(screen.getByRole("button", { name: "Se déconnecter" })).toBeInTheDocument();
    await expect.poll(() => document.title).toMatch(/^Agenda · /);
  });
});
