import { within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { activatePatientLanguage } from "../i18n/patient-i18n";
import { clinic, ids, managedBooking, slotsFor } from "../test/fixtures";
import { renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure, TrpcErrorAnswer } from "../test/trpc";

// The English catalogue ready before the first render, as the route loader has it in the app.
beforeAll(() => activatePatientLanguage("en"));

const TOKEN = "manage-token-0123456789";

function bookingHandler(state = { cancelled: false, start: "2026-03-05T09:00:00.000Z" }) {
  return procedure("public.booking.get", ({ input }) => {
    if (input.token !== TOKEN) return new TrpcErrorAnswer("NOT_FOUND", "Booking not found");
    const booking = managedBooking();
    return {
      ...booking,
      appointment: { ...booking.appointment, start: state.start, status: state.cancelled ? "cancelled" : "booked" },
      canChange: !state.cancelled,
    };
  });
}

describe("manage link page", () => {
  it("shows the appointment on the clinic's clock and the clinic's cancellation rule", async () => {
    server.use(bookingHandler());
    const app = renderApp(`/booking/${TOKEN}?lang=en`);
    expect(await app.screen.findByRole("heading", { level: 1, name: "Your appointment at Cabinet Demo Paris" })).toBeInTheDocument();
    expect(app.screen.getByText(/Thursday, 5 March 2026 at 10:00/)).toBeInTheDocument();
    expect(app.screen.getByText(/Thursday, 5 March 2026 at 01:00 your time/)).toBeInTheDocument();
    expect(app.screen.getByText(/asks for 24 h notice: you can move or cancel online until/)).toHaveTextContent("Wednesday, 4 March 2026 at 10:00");
  });

  it("says when the link does not work", async () => {
    server.use(bookingHandler());
    const app = renderApp("/booking/not-a-real-token-000?lang=en");
    expect(await app.screen.findByRole("heading", { name: "This link does not work" })).toBeInTheDocument();
  });

  it("cancels with an optional reason, then shows the appointment as cancelled", async () => {
    const state = { cancelled: false, start: "2026-03-05T09:00:00.000Z" };
    const sent: Array<{ token: string; reason?: string | undefined }> = [];
    server.use(
      bookingHandler(state),
      procedure("public.booking.cancel", ({ input }) => {
        sent.push(input);
        state.cancelled = true;
        return { appointment: { ...managedBooking().appointment, status: "cancelled" } };
      }),
    );
    const app = renderApp(`/booking/${TOKEN}?lang=en`);
    await app.user.click(await app.screen.findByRole("button", { name: "Cancel appointment" }));
    expect(app.screen.getByRole("heading", { name: "Cancel this appointment?" })).toHaveFocus();
    await app.user.type(app.screen.getByLabelText("Reason (optional)"), "Feeling better");
    await app.user.click(app.screen.getByRole("button", { name: "Yes, cancel it" }));
    expect(await app.screen.findByText("Your appointment is cancelled. The clinic has been told.")).toBeInTheDocument();
    expect(await app.screen.findByText("This appointment is cancelled")).toBeInTheDocument();
    expect(app.screen.queryByRole("button", { name: "Cancel appointment" })).not.toBeInTheDocument();
    expect(sent).toEqual([{ token: TOKEN, reason: "Feeling better" }]);
  });

  it("shows the server's refusal inside the notice window, which says until when changes were possible", async () => {
    server.use(
      bookingHandler(),
      procedure(
        "public.booking.cancel",
        () => new TrpcErrorAnswer("BAD_REQUEST", "Online changes were possible until Wednesday, 4 March 2026 at 10:00. Please call Cabinet Demo Paris."),
      ),
    );
    const app = renderApp(`/booking/${TOKEN}?lang=en`);
    await app.user.click(await app.screen.findByRole("button", { name: "Cancel appointment" }));
    await app.user.click(app.screen.getByRole("button", { name: "Yes, cancel it" }));
    expect(await app.screen.findByRole("alert")).toHaveTextContent("Cabinet Demo Paris asks for 24 h notice: online changes were possible until Wednesday, 4 March 2026 at 10:00. Please call the clinic.");
  });

  it("offers no changes once the notice window has started, and says until when they were possible", async () => {
    server.use(procedure("public.booking.get", () => managedBooking({ canChange: false })));
    const app = renderApp(`/booking/${TOKEN}?lang=en`);
    expect(await app.screen.findByText("This appointment can no longer be changed online")).toBeInTheDocument();
    expect(app.screen.getByText(/online changes were possible until Wednesday, 4 March 2026 at 10:00/)).toBeInTheDocument();
    expect(app.screen.queryByRole("button", { name: "Cancel appointment" })).not.toBeInTheDocument();
    expect(app.screen.queryByRole("button", { name: "Move to another time" })).not.toBeInTheDocument();
    // "Please call the clinic" comes with the number to call.
    expect(app.screen.getByRole("link", { name: "Call Cabinet Demo Paris on +33 1 23 45 67 89" })).toHaveAttribute("href", "tel:+33123456789");
  });

  it("moves the appointment with the booking page's day and time steps", async () => {
    const state = { cancelled: false, start: "2026-03-05T09:00:00.000Z" };
    const sent: Array<{ token: string; start: string; practitionerId?: string | undefined }> = [];
    const slotRequests: Array<string | undefined> = [];
    server.use(
      bookingHandler(state),
      procedure("public.clinic", () => clinic),
      procedure("public.slots", ({ input }) => {
        slotRequests.push(input.practitionerId);
        return slotsFor(input.from, input.to);
      }),
      procedure("public.booking.reschedule", ({ input }) => {
        sent.push(input);
        state.start = input.start;
        return { appointment: { ...managedBooking().appointment, start: input.start } };
      }),
    );
    const app = renderApp(`/booking/${TOKEN}?lang=en`);
    await app.user.click(await app.screen.findByRole("button", { name: "Move to another time" }));
    expect(await app.screen.findByRole("heading", { name: "Choose a day" })).toHaveFocus();
    await app.user.click(await app.screen.findByRole("button", { name: /Tuesday, 3 March 2026, 4 free times/ }));
    await app.user.click(within(app.screen.getByRole("group", { name: "Afternoon" })).getByRole("button", { name: /^14:00/ }));
    expect(await app.screen.findByRole("heading", { name: "Move your appointment?" })).toHaveFocus();
    await app.user.click(app.screen.getByRole("button", { name: "Move appointment" }));
    expect(await app.screen.findByText("Your appointment is moved to Tuesday, 3 March 2026 at 14:00.")).toBeInTheDocument();
    expect(sent).toEqual([{ token: TOKEN, start: "2026-03-03T13:00:00.000Z", practitionerId: ids.martin }]);
    // Same practitioner as booked.
    expect(slotRequests).toEqual([ids.martin]);
  });
});
