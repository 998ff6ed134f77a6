import { proposeClinicRegion } from "@frontdesk/domain";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer } from "../../test/trpc";
import type { Me } from "../types";
import { calls, handle, invalid } from "../../test/handlers";
import { suggestSlug } from "./slug";

const TAKEN = new Set(["demo-paris"]);
const newOwner = { id: "0b8f1c2e-5555-4000-8000-000000000009", name: "Inès Martin", email: "ines@example.com" };

/** A server with no session until sign-up, whose clinics.create makes the caller an owner. */
function serveNewOwner() {
  let me: Me | null = null;
  const signUps = calls<"auth.signUp">();
  const slugChecks = calls<"clinics.slugAvailable">();
  const creates = calls<"clinics.create">();
  server.use(
    procedure("auth.me", () => me),
    handle("auth.signUp", (input) => {
      signUps.record(input);
      if (input.password.length < 10) return invalid({ password: ["Use at least 10 characters."] });
      return { verificationSent: true, email: input.email };
    }),
    handle("auth.verifyEmail", (input) => {
      if (input.code !== "123456") return new TrpcErrorAnswer("UNAUTHORIZED", "That code is not right");
      me = { user: newOwner, memberships: [], activeClinicId: null };
      return { status: "signed_in", user: newOwner };
    }),
    handle("clinics.slugAvailable", (input) => {
      slugChecks.record(input);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug) || input.slug.length < 3) return invalid({ slug: ["Lowercase letters, digits and single hyphens only"] });
      return { slug: input.slug, available: !TAKEN.has(input.slug) };
    }),
    handle("clinics.create", (input) => {
      creates.record(input);
      if (TAKEN.has(input.slug)) return new TrpcErrorAnswer("CONFLICT", `The address "${input.slug}" is taken`);
      me = {
        user: newOwner,
        memberships: [{ clinicId: ids.clinic, clinicName: input.name, clinicSlug: input.slug, timezone: input.timezone, role: "owner" }],
        activeClinicId: ids.clinic,
      };
      // As the server does: what the owner did not choose comes from the zone.
      return { id: ids.clinic as `${string}-${string}-${string}-${string}-${string}`, ...proposeClinicRegion(input.timezone), ...input };
    }),
    procedure("calendar.range", () => ({ ...calendarDay([]), practitioners: [] })),
    procedure("clinic.setup.checklist", () => ({
      slug: "cabinet-medical-d-evry",
      steps: [
        { step: "services" as const, done: false },
        { step: "practitioners" as const, done: false },
        { step: "hours" as const, done: false },
        { step: "share" as const, done: false },
      ],
      completed: 0,
      total: 4,
      warnings: [{ kind: "nothing_bookable_online" as const }],
    })),
  );
  return { signUps, slugChecks, creates };
}

describe("a new owner", () => {
  it("signs up, creates a clinic with a checked address in their own time zone, and lands on its setup checklist", async () => {
    const { signUps, slugChecks, creates } = serveNewOwner();
    const { screen, user, router } = renderApp("/app/sign-in", { patientTimeZone: "Europe/Brussels" });
    await user.click(await screen.findByRole("link", { name: "Create an account" }));
    await user.type(await screen.findByLabelText("Your name"), newOwner.name);
    await user.type(screen.getByLabelText("E-mail address"), newOwner.email);
    await user.type(screen.getByLabelText("Password"), "a long enough phrase");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    // Nothing opens before the address is proved: the code from the e-mail comes first.
    expect(await screen.findByRole("heading", { name: "Confirm your e-mail address" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(`We sent a 6-digit code to ${newOwner.email}`);
    await user.type(screen.getByLabelText("Confirmation code"), "000000");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That code is not right");
    await user.clear(screen.getByLabelText("Confirmation code"));
    await user.type(screen.getByLabelText("Confirmation code"), "123456");
    await user.click(screen.getByRole("button", { name: "Confirm" }));

    expect(await screen.findByRole("heading", { name: "Create your clinic" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/new-clinic");
    expect(signUps.list).toEqual([{ name: newOwner.name, email: newOwner.email, password: "a long enough phrase" }]);
    // The browser's zone is the default.
    expect(screen.getByLabelText("Time zone")).toHaveValue("Europe/Brussels");

    await user.type(screen.getByLabelText("Clinic name"), "Cabinet Médical d'Évry");
    expect(screen.getByLabelText("Booking page address")).toHaveValue("cabinet-medical-d-evry");
    expect(await screen.findByText("cabinet-medical-d-evry is available")).toBeInTheDocument();
    // Checked once the typing paused, not once per letter.
    expect(slugChecks.list).toEqual([{ slug: "cabinet-medical-d-evry" }]);

    await user.click(screen.getByRole("button", { name: "Create clinic" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Set up your clinic" })).toBeInTheDocument();
    expect(await screen.findByText("0 of 4 steps done")).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: "Open services" })[0]).toHaveAttribute("href", "/app/settings/services");
    expect(router.state.location.pathname).toBe("/app/setup");
    expect(screen.getByText("Cabinet Médical d'Évry")).toBeInTheDocument();
    const { locale, currency, country } = proposeClinicRegion("Europe/Brussels");
    expect(creates.list).toEqual([{ name: "Cabinet Médical d'Évry", slug: "cabinet-medical-d-evry", timezone: "Europe/Brussels", locale, currency, country }]);
  }, 30_000);

  it("proposes locale, currency and country from the time zone, and keeps what the owner changed", async () => {
    const { creates } = serveNewOwner();
    server.use(procedure("auth.me", () => ({ user: newOwner, memberships: [], activeClinicId: null })));
    const { screen, user } = renderApp("/app/new-clinic", { patientTimeZone: "America/Los_Angeles" });
    await user.type(await screen.findByLabelText("Clinic name"), "Sunset Physio");
    expect(screen.getByLabelText("Locale")).toHaveValue("en-US");
    expect(screen.getByLabelText("Currency")).toHaveValue("USD");
    expect(screen.getByLabelText("Country")).toHaveValue("US");

    // The owner picks the currency; the zone then moves to Toronto: the rest follows the zone.
    await user.clear(screen.getByLabelText("Currency"));
    await user.type(screen.getByLabelText("Currency"), "eur");
    const zone = screen.getByLabelText("Time zone");
    await user.clear(zone);
    await user.type(zone, "America/Toronto");
    expect(screen.getByLabelText("Locale")).toHaveValue(proposeClinicRegion("America/Toronto").locale);
    expect(screen.getByLabelText("Country")).toHaveValue("CA");
    expect(screen.getByLabelText("Currency")).toHaveValue("eur");
    // A zone the table does not know proposes no country, and none is sent.
    await user.clear(zone);
    await user.type(zone, "UTC");
    expect(screen.getByLabelText("Country")).toHaveValue("");
    await user.clear(zone);
    await user.type(zone, "America/Toronto");

    expect(await screen.findByText("sunset-physio is available")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create clinic" }));
    await expect.poll(() => creates.list).toEqual([
      { name: "Sunset Physio", slug: "sunset-physio", timezone: "America/Toronto", locale: proposeClinicRegion("America/Toronto").locale, currency: "EUR", country: "CA" },
    ]);
  }, 30_000);

  it("shows the server's reason beside a region field it refuses, and sends no country when there is none", async () => {
    const { creates } = serveNewOwner();
    server.use(
      procedure("auth.me", () => ({ user: newOwner, memberships: [], activeClinicId: null })),
      handle("clinics.create", (input) => {
        creates.record(input);
        return invalid({ currency: ["Use a currency code such as EUR or USD"] });
      }),
    );
    const { screen, user } = renderApp("/app/new-clinic", { patientTimeZone: "UTC" });
    await user.type(await screen.findByLabelText("Clinic name"), "Nowhere Clinic");
    await user.clear(screen.getByLabelText("Currency"));
    await user.type(screen.getByLabelText("Currency"), "XYZ");
    await user.click(screen.getByRole("button", { name: "Create clinic" }));
    await expect.poll(() => screen.getByLabelText("Currency")).toHaveAccessibleDescription(expect.stringContaining("Use a currency code such as EUR or USD"));
    expect(creates.list).toEqual([{ name: "Nowhere Clinic", slug: "nowhere-clinic", timezone: "UTC", locale: "en", currency: "XYZ" }]);
  });

  it("is told while typing that an address is taken, and cannot submit it", async () => {
    const { creates } = serveNewOwner();
    server.use(procedure("auth.me", () => ({ user: newOwner, memberships: [], activeClinicId: null })));
    const { screen, user } = renderApp("/app/new-clinic");
    await user.type(await screen.findByLabelText("Clinic name"), "Demo");
    const slug = screen.getByLabelText("Booking page address");
    await user.clear(slug);
    await user.type(slug, "demo-paris");
    await expect.poll(() => slug).toHaveAccessibleDescription(expect.stringContaining('The address "demo-paris" is taken. Try another.'));
    expect(slug).toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByRole("button", { name: "Create clinic" }));
    expect(creates.list).toEqual([]);

    await user.type(slug, "-2");
    expect(await screen.findByText("demo-paris-2 is available")).toBeInTheDocument();
    expect(slug).not.toHaveAttribute("aria-invalid");
  });

  it("shows the server's reasons for an address, a name or a time zone it refuses", async () => {
    serveNewOwner();
    server.use(
      procedure("auth.me", () => ({ user: newOwner, memberships: [], activeClinicId: null })),
      handle("clinics.create", () => invalid({ name: ["Enter the clinic's name"], timezone: ["Unknown time zone (use an IANA name such as Europe/Paris)"] })),
    );
    const { screen, user } = renderApp("/app/new-clinic");
    const slug = await screen.findByLabelText("Booking page address");
    await user.type(slug, "Bad Address!");
    await expect.poll(() => slug).toHaveAccessibleDescription(expect.stringContaining("Lowercase letters, digits and single hyphens only"));

    await user.clear(slug);
    await user.type(slug, "fine-address");
    const zone = screen.getByLabelText("Time zone");
    await user.clear(zone);
    await user.type(zone, "Mars/Olympus");
    await user.click(screen.getByRole("button", { name: "Create clinic" }));
    await expect.poll(() => zone).toHaveAccessibleDescription(expect.stringContaining("Unknown time zone"));
    expect(screen.getByLabelText("Clinic name")).toHaveAccessibleDescription("Enter the clinic's name");
  });

  it("hears about a race for the same address when creating", async () => {
    serveNewOwner();
    server.use(
      procedure("auth.me", () => ({ user: newOwner, memberships: [], activeClinicId: null })),
      handle("clinics.create", (input) => new TrpcErrorAnswer("CONFLICT", `The address "${input.slug}" is taken`)),
    );
    const { screen, user } = renderApp("/app/new-clinic");
    await user.type(await screen.findByLabelText("Clinic name"), "Lyon Nord");
    expect(await screen.findByText("lyon-nord is available")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create clinic" }));
    await expect.poll(() => screen.getByLabelText("Booking page address")).toHaveAccessibleDescription(expect.stringContaining('The address "lyon-nord" is taken'));
  });

  it("is asked for a longer password on sign-up, in the server's words", async () => {
    serveNewOwner();
    const { screen, user } = renderApp("/app/sign-up");
    await user.type(await screen.findByLabelText("Your name"), newOwner.name);
    await user.type(screen.getByLabelText("E-mail address"), newOwner.email);
    await user.type(screen.getByLabelText("Password"), "short");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await expect.poll(() => screen.getByLabelText("Password")).toHaveAccessibleDescription(expect.stringContaining("Use at least 10 characters."));
  });

  it("is sent to sign up first when opening a clinic signed out", async () => {
    serveNewOwner();
    const { screen, router } = renderApp("/app/new-clinic");
    expect(await screen.findByRole("heading", { name: "Create your Frontdesk account" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/sign-up");
  });

  it("suggests addresses made of plain letters, digits and single hyphens", () => {
    expect(suggestSlug("  Cabinet  Médical -- d'Évry ")).toBe("cabinet-medical-d-evry");
    expect(suggestSlug("Zahnarztpraxis Müller & Söhne")).toBe("zahnarztpraxis-muller-sohne");
    expect(suggestSlug("x".repeat(70))).toHaveLength(63);
  });
});
