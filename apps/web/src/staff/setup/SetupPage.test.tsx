import { within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { signedIn } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";

describe("the setup checklist", () => {
  beforeAll(async () => {
    await Promise.all([import("../StaffLayout"), import("./SetupPage")]);
  });

  it("shows progress, links each step to its screen and keeps the warnings in view", async () => {
    server.use(
      procedure("auth.me", () => signedIn("owner")),
      procedure("clinic.setup.checklist", () => ({
        slug: "demo-paris",
        steps: [
          { step: "services" as const, done: true },
          { step: "practitioners" as const, done: true },
          { step: "hours" as const, done: false },
          { step: "share" as const, done: false },
        ],
        completed: 2,
        total: 4,
        warnings: [
          { kind: "practitioner_without_hours" as const, id: ids.martin, name: "Dr Claire Martin" },
          { kind: "nothing_bookable_online" as const },
        ],
      })),
    );
    const { screen } = renderApp("/app/setup");
    expect(await screen.findByRole("heading", { level: 1, name: "Set up your clinic" })).toBeInTheDocument();
    expect(await screen.findByText("2 of 4 steps done")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Setup progress" })).toHaveAttribute("value", "2");
    const warnings = within(screen.getByRole("region", { name: "What stops patients from booking" })).getAllByRole("listitem");
    expect(warnings.map((w) => w.textContent)).toEqual([
      "Dr Claire Martin offers services but has no working hours: patients see no free times. Open working hours",
      "Your booking page has nothing patients can book online yet. Open services",
    ]);
    // The warning's link opens that practitioner's week, not the first one listed.
    expect(within(warnings[0]!).getByRole("link", { name: "Open working hours" })).toHaveAttribute("href", `/app/settings/hours?practitioner=${ids.martin}`);
    expect(screen.getByRole("link", { name: "Choose the websites that may show it" })).toHaveAttribute("href", "/app/settings/embed");
    expect(screen.getByRole("link", { name: "Open practitioners" })).toHaveAttribute("href", "/app/settings/practitioners");
    expect(screen.getByRole("link", { name: `${window.location.origin}/book/demo-paris` })).toBeInTheDocument();
    const inline = screen.getByLabelText<HTMLTextAreaElement>("The booking page in your page (it takes the height it needs):").value;
    expect(inline).toContain(`data-frontdesk-booking="${window.location.origin}/book/demo-paris"`);
    expect(inline).toContain(`<script src="${window.location.origin}/embed.js" async></script>`);
    expect(screen.getByLabelText<HTMLTextAreaElement>("A button that opens the booking page over your page:").value).toContain(
      `<a href="${window.location.origin}/book/demo-paris" data-frontdesk-dialog>Book an appointment</a>`,
    );
    await expect.poll(() => document.title).toMatch(/^Setup checklist · /);
  });

  it("tells a receptionist it is for owners and admins, without asking the API", async () => {
    server.use(procedure("auth.me", () => signedIn("receptionist")));
    const { screen } = renderApp("/app/setup");
    expect(await screen.findByText("The setup checklist is for the clinic's owners and admins.")).toBeInTheDocument();
  });
});
