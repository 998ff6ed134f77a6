// The booking page's brand in the settings: checks before sending (type, size, contrast), and
// sends what the member chose.
import { fireEvent, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { server } from "../../test/server";
import { calendarDay } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer, type OutputOf } from "../../test/trpc";
import { renderApp } from "../../test/render";
import { settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";

type Brand = OutputOf<"clinic.brand.get">;

const brand: Brand = {
  logo: null,
  accentColour: null,
  description: null,
  address: "12 rue de la Santé, 75013 Paris",
  mapUrl: "https://www.openstreetmap.org/search?query=12%20rue%20de%20la%20Sant%C3%A9%2C%2075013%20Paris",
  practitioners: [{ id: ids.martin, displayName: "Dr Claire Martin", bio: null, photo: null }],
  services: [{ id: ids.consultation, name: "Consultation", description: null }],
};

const uploaded = { id: "0b8f1c2e-5555-4000-8000-000000000001", url: "/media/x/0b8f1c2e-5555-4000-8000-000000000001.0123456789abcdef.png", width: 120, height: 40, contentType: "image/png" as const };

function open(extra: Parameters<typeof server.use> = []) {
  const updates = callsOf("clinic.brand.update", (input) => ({ ...brand, ...(input.logoImageId ? { logo: uploaded } : {}), accentColour: input.accentColour ?? null, description: input.description ?? null }));
  const uploads = callsOf("clinic.brand.uploadImage", () => uploaded);
  // The test's own answers first: msw takes the first handler that matches.
  server.use(...extra, ...settingsWorld("owner"), procedure("calendar.range", () => calendarDay()), procedure("clinic.brand.get", () => brand), updates.handler, uploads.handler);
  return { updates, uploads, ...renderApp("/app/settings/brand") };
}

const file = (name: string, type: string, bytes: number) => new File([new Uint8Array(bytes).fill(1)], name, { type });

describe("the booking page's brand settings", () => {
  it("save a readable accent and a description, with the map link of the address", async () => {
    const { screen, user, updates } = open();
    await user.type(await screen.findByLabelText("Accent colour"), "#0b5e3a");
    await user.type(screen.getByLabelText("About the clinic"), "Physio and sports medicine.");
    await user.click(screen.getByRole("button", { name: "Save colour and description" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Saved");
    expect(updates.calls).toEqual([{ accentColour: "#0b5e3a", description: "Physio and sports medicine." }]);
    expect(screen.getByRole("link", { name: "See it on the map" })).toHaveAttribute("href", brand.mapUrl);
  });

  it("refuse a low-contrast accent before sending, and offer a darker shade that passes", async () => {
    const { screen, user, updates } = open();
    await user.type(await screen.findByLabelText("Accent colour"), "#ffcc00");
    expect(screen.getByLabelText("Accent colour")).toHaveAccessibleDescription(/This colour is hard to read: 1\.\d:1, and it needs 4\.5:1/);
    await user.click(screen.getByRole("button", { name: "Save colour and description" }));
    expect(updates.calls).toEqual([]);
    await user.click(screen.getByRole("button", { name: /^Use #[0-9a-f]{6}$/ }));
    expect(screen.getByLabelText("Accent colour")).not.toHaveAccessibleDescription(/hard to read/);
    await user.click(screen.getByRole("button", { name: "Save colour and description" }));
    await screen.findByRole("status");
    expect(updates.calls[0]?.accentColour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("refuse an SVG or a file over the logo's cap without uploading, and upload and publish a PNG", async () => {
    const { screen, uploads, updates } = open();
    const input = await screen.findByLabelText("Choose a logo");
    // The picker offers only the accepted types; a file dropped on it anyway is still checked.
    fireEvent.change(input, { target: { files: [file("logo.svg", "image/svg+xml", 100)] } });
    expect(input).toHaveAccessibleDescription(/Choose a PNG, JPEG or WebP image \(SVG and other files are not accepted\)/);
    fireEvent.change(input, { target: { files: [file("huge.png", "image/png", 600 * 1024)] } });
    expect(input).toHaveAccessibleDescription(/This image is larger than 512 kB/);
    expect(uploads.calls).toEqual([]);
    fireEvent.change(input, { target: { files: [file("logo.png", "image/png", 3)] } });
    expect(await screen.findByRole("img", { name: "Your clinic's logo" })).toHaveAttribute("src", uploaded.url);
    expect(uploads.calls).toEqual([{ purpose: "logo", contentBase64: "AQEB" }]);
    expect(updates.calls).toEqual([{ logoImageId: uploaded.id }]);
  });

  it("shows the server's refusal of an image it read as another type", async () => {
    const { screen, user } = open([procedure("clinic.brand.uploadImage", () => new TrpcErrorAnswer("BAD_REQUEST", "Use a PNG, JPG, WEBP image (SVG and other types are not accepted)"))]);
    const input = await screen.findByLabelText("Choose a logo");
    await user.upload(input, file("fake.png", "image/png", 10));
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Use a PNG, JPG, WEBP image/));
  });

  it("save a practitioner's bio and a service's description", async () => {
    const practitioners = callsOf("clinic.brand.setPractitioner", () => brand);
    const services = callsOf("clinic.brand.setService", () => brand);
    const { screen, user } = open([practitioners.handler, services.handler]);
    await user.type(await screen.findByLabelText("About Dr Claire Martin"), "Sports physiotherapist.");
    await user.click(screen.getByRole("button", { name: "Save the bio of Dr Claire Martin" }));
    await user.type(screen.getByLabelText("Description of Consultation"), "A first visit.");
    await user.click(screen.getByRole("button", { name: "Save the description of Consultation" }));
    await screen.findByRole("status");
    expect(practitioners.calls).toEqual([{ practitionerId: ids.martin, bio: "Sports physiotherapist." }]);
    expect(services.calls).toEqual([{ serviceId: ids.consultation, description: "A first visit." }]);
  });
});
