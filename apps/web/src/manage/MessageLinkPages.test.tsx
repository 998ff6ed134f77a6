// The message links' pages speak the patient's language: the clinic's (the confirm link is the
// appointment's manage link), or the one picked with ?lang=; the server's failures in that language too.
import { describe, expect, it } from "vitest";
import { bookAnswer, managedBooking } from "../test/fixtures";
import { renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure, TrpcErrorAnswer } from "../test/trpc";

const TOKEN = "manage-token-0123456789";

describe("the message links' pages", () => {
  it("confirms an appointment in the clinic's language when the link picks none", async () => {
    const confirmed: string[] = [];
    server.use(
      procedure("public.booking.get", () => managedBooking()),
      procedure("public.booking.confirm", ({ input }) => {
        confirmed.push(input.token);
        return bookAnswer("2026-03-05T09:00:00.000Z");
      }),
    );
    const app = renderApp(`/confirm/${TOKEN}`);
    expect(await app.screen.findByRole("heading", { level: 1, name: "Confirmez votre rendez-vous" }, { timeout: 5_000 })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("fr");
    // Opening the page confirms nothing: mail scanners open links too.
    expect(confirmed).toEqual([]);
    expect(app.screen.getByRole("link", { name: "Annuler ou déplacer le rendez-vous" })).toHaveAttribute("href", `/booking/${TOKEN}`);
    await app.user.click(app.screen.getByRole("button", { name: "Je viendrai" }));
    expect(await app.screen.findByText("Merci : votre rendez-vous chez Cabinet Demo Paris est confirmé.")).toBeInTheDocument();
    expect(confirmed).toEqual([TOKEN]);
  });

  it("says in the picked language that a confirm link no longer works", async () => {
    server.use(
      procedure("public.booking.get", () => new TrpcErrorAnswer("NOT_FOUND", "Booking not found")),
      procedure("public.booking.confirm", () => new TrpcErrorAnswer("NOT_FOUND", "Booking not found")),
    );
    const app = renderApp("/confirm/not-a-real-token-000?lang=de");
    await app.user.click(await app.screen.findByRole("button", { name: "Ich komme" }, { timeout: 5_000 }));
    const alert = await app.screen.findByRole("alert");
    expect(alert).toHaveTextContent("Dieser Termin konnte nicht bestätigt werden");
    expect(alert).not.toHaveTextContent("Booking not found");
  });

  it("stops a channel's messages in the picked language, naming the channel in it", async () => {
    server.use(procedure("public.notifications.optOut", () => ({ clinicName: "Cabinet Demo Paris", channel: "whatsapp" as const })));
    const app = renderApp("/opt-out/opt-out-token-0123456789?lang=de");
    expect(await app.screen.findByRole("heading", { level: 1, name: "Diese Nachrichten abbestellen" }, { timeout: 5_000 })).toBeInTheDocument();
    // The frame around the page too.
    expect(app.screen.getByRole("link", { name: "Zum Inhalt springen" })).toHaveAttribute("href", "#main");
    await app.user.click(app.screen.getByRole("button", { name: "Keine solchen Nachrichten mehr senden" }));
    expect(await app.screen.findByText("Cabinet Demo Paris schickt Ihnen keine WhatsApp-Nachrichten mehr.")).toBeInTheDocument();
  });

  it("shows a waitlist offer with its dates in the picked language, and says so when the time went to someone else", async () => {
    server.use(
      procedure("public.waitlist.offer", () => ({
        clinicName: "Cabinet Demo Paris",
        timezone: "Europe/Paris",
        serviceName: "Consultation",
        practitionerName: "Dr Claire Martin",
        start: "2026-03-05T09:00:00.000Z",
        end: "2026-03-05T09:30:00.000Z",
        expiresAt: "2026-03-03T09:00:00.000Z",
        outcome: "pending" as const,
      })),
      procedure("public.waitlist.claim", () => new TrpcErrorAnswer("CONFLICT", "Sorry, this time has been taken", { reason: "OFFER_GONE" })),
    );
    const app = renderApp("/waitlist/offer-token-0123456789?lang=es");
    expect(await app.screen.findByRole("heading", { level: 1, name: "Se ha liberado una hora" }, { timeout: 5_000 })).toBeInTheDocument();
    expect(await app.screen.findByText(/^La oferta está abierta hasta el .*marzo/)).toBeInTheDocument();
    expect(app.screen.getByText(/con Dr Claire Martin en Cabinet Demo Paris/)).toBeInTheDocument();
    await app.user.click(app.screen.getByRole("button", { name: "Reservar esta hora" }));
    const alert = await app.screen.findByRole("alert");
    expect(alert).toHaveTextContent("No se ha podido reservar esta hora");
    expect(alert).toHaveTextContent("Sigue en la lista de espera");
  });
});
