import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { calls, handle } from "../../test/handlers";
import { server } from "../../test/server";
import { signedIn } from "../../test/staff-fixtures";
import { renderApp } from "../../test/render";
import { TrpcErrorAnswer, type InputOf, type OutputOf } from "../../test/trpc";
import { practitionerList } from "../settings/test-fixtures";
import type { StaffRole } from "../types";

type Entry = OutputOf<"waitlist.list">["items"][number];

const entry = (overrides: Partial<Entry> = {}): Entry => ({
  id: "0b8f1c2e-9999-4000-8000-000000000001",
  patientId: "0b8f1c2e-5555-4000-8000-00000000000a",
  patientName: "Jeanne Dupont",
  serviceId: ids.consultation,
  serviceName: "Consultation",
  practitionerId: null,
  practitionerName: null,
  fromDate: "2026-03-09",
  toDate: "2026-03-13",
  timesOfDay: ["morning"],
  status: "waiting",
  source: "online",
  appointmentId: null,
  createdAt: "2026-03-01T09:00:00.000Z",
  offers: [],
  ...overrides,
});

const offered = (outcome: Entry["offers"][number]["outcome"], n: number): Entry["offers"][number] => ({
  id: `0b8f1c2e-aaaa-4000-8000-00000000000${n}`,
  practitionerId: ids.martin,
  practitionerName: "Dr Claire Martin",
  start: `2026-03-1${n}T09:00:00.000Z`,
  expiresAt: `2026-03-0${n}T10:00:00.000Z`,
  outcome,
  decidedAt: outcome === "pending" ? null : "2026-03-02T09:30:00.000Z",
});

/** The waitlist as the server keeps it, by status; `book` and `remove` change it as the server would. */
function serveWaitlist(lists: Partial<Record<"waiting" | "booked" | "removed", Entry[] | TrpcErrorAnswer>>, role: StaffRole = "receptionist") {
  const reads = calls<"waitlist.list">();
  const bookings = calls<"waitlist.book">();
  const removals = calls<"waitlist.remove">();
  let bookAnswer: (input: InputOf<"waitlist.book">) => OutputOf<"waitlist.book"> | TrpcErrorAnswer = (input) => ({
    id: ids.appointment,
    start: input.start,
    end: new Date(Date.parse(input.start) + 30 * 60_000).toISOString(),
    status: "booked",
    source: "staff",
    serviceId: ids.consultation,
    serviceName: "Consultation",
    practitionerId: input.practitionerId,
    practitionerName: "Dr Claire Martin",
    version: 1,
  });
  server.use(
    handle("auth.me", () => signedIn(role)),
    handle("practitioners.list", () => practitionerList),
    handle("waitlist.list", (input) => {
      reads.record(input);
      const list = lists[input.status ?? "waiting"] ?? [];
      return list instanceof TrpcErrorAnswer ? list : { items: list };
    }),
    handle("waitlist.book", (input) => {
      bookings.record(input);
      const answer = bookAnswer(input);
      if (!(answer instanceof TrpcErrorAnswer)) lists.waiting = (lists.waiting as Entry[]).filter((e) => e.id !== input.entryId);
      return answer;
    }),
    handle("waitlist.remove", (input) => {
      removals.record(input);
      const gone = (lists.waiting as Entry[]).find((e) => e.id === input.entryId)!;
      lists.waiting = (lists.waiting as Entry[]).filter((e) => e.id !== input.entryId);
      return { ...gone, status: "removed" };
    }),
  );
  return { reads, bookings, removals, refuseBooking: (answer: TrpcErrorAnswer) => (bookAnswer = () => answer) };
}

describe("the staff waitlist", () => {
  it("lists who waits for what, with each offer and how it ended", async () => {
    serveWaitlist({
      waiting: [
        entry({ offers: [offered("pending", 3), offered("expired", 2), offered("gone", 1)] }),
        entry({ id: "0b8f1c2e-9999-4000-8000-000000000002", patientName: "Paul Martin", practitionerId: ids.haddad, practitionerName: "Dr Yasmine Haddad", timesOfDay: [], source: "staff" }),
      ],
    });
    const { screen } = renderApp("/app/waitlist");
    const list = await screen.findByRole("list", { name: "Waitlist" });
    const [jeanne, paul] = within(list).getAllByRole("listitem").filter((item) => item.parentElement === list);
    expect(jeanne).toHaveTextContent("Jeanne Dupont waits for Consultation");
    expect(jeanne).toHaveTextContent("mornings · joined online");
    const offers = within(jeanne!).getByRole("list", { name: "Offers to Jeanne Dupont" });
    expect(within(offers).getAllByRole("listitem").map((o) => o.textContent?.replace(/^Offered .*?: /, ""))).toEqual([
      expect.stringMatching(/^waiting for an answer \(until /),
      "expired",
      "taken by someone else",
    ]);
    expect(paul).toHaveTextContent("Paul Martin waits for Consultation with Dr Yasmine Haddad");
    expect(paul).toHaveTextContent("any time of day · joined by staff");
    expect(within(paul!).queryByRole("list")).not.toBeInTheDocument();
  });

  it("books a waiting patient into a time and takes another off the list", async () => {
    const other = entry({ id: "0b8f1c2e-9999-4000-8000-000000000002", patientName: "Paul Martin" });
    const world = serveWaitlist({ waiting: [entry(), other] });
    const { screen, user } = renderApp("/app/waitlist");
    const list = await screen.findByRole("list", { name: "Waitlist" });
    const jeanne = within(list).getByText("Jeanne Dupont").closest("li")!;
    await user.click(within(jeanne).getByRole("button", { name: "Book a time" }));
    // Only active practitioners who offer the service.
    const practitioner = within(jeanne).getByLabelText("Practitioner");
    expect(within(practitioner).getAllByRole("option").map((o) => o.textContent)).toEqual(["Dr Claire Martin", "Dr Yasmine Haddad"]);
    await user.selectOptions(practitioner, ids.haddad);
    const time = within(jeanne).getByLabelText("Time");
    await user.clear(time);
    await user.type(time, "10:30");
    await user.click(within(jeanne).getByRole("button", { name: "Book" }));
    expect(await screen.findByText(/^Jeanne Dupont is booked: /)).toBeInTheDocument();
    // 10:30 in Paris on the entry's first day is 09:30 UTC.
    expect(world.bookings.list).toEqual([{ entryId: entry().id, practitionerId: ids.haddad, start: "2026-03-09T09:30:00.000Z" }]);
    expect(screen.queryByText("Jeanne Dupont")).not.toBeInTheDocument();

    const paul = screen.getByText("Paul Martin").closest("li")!;
    await user.click(within(paul).getByRole("button", { name: "Remove" }));
    expect(await screen.findByText("Paul Martin is off the waitlist")).toBeInTheDocument();
    expect(world.removals.list).toEqual([{ entryId: other.id }]);
    expect(await screen.findByText("Nobody here")).toBeInTheDocument();
  });

  it("says why a booking was refused and keeps the patient on the list", async () => {
    const world = serveWaitlist({ waiting: [entry()] });
    world.refuseBooking(new TrpcErrorAnswer("CONFLICT", "10:30 with Dr Claire Martin was just taken", { reason: "SLOT_TAKEN" }));
    const { screen, user } = renderApp("/app/waitlist");
    await user.click(await screen.findByRole("button", { name: "Book a time" }));
    await user.click(screen.getByRole("button", { name: "Book" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("was just taken");
    expect(screen.getByText("Jeanne Dupont")).toBeInTheDocument();
    expect(screen.queryByText(/is booked/)).not.toBeInTheDocument();
  });

  it("shows the booked and removed lists, an empty list and a failed load", async () => {
    const world = serveWaitlist({
      waiting: [],
      booked: [entry({ status: "booked", appointmentId: ids.appointment, offers: [offered("claimed", 4)] })],
      removed: new TrpcErrorAnswer("INTERNAL_SERVER_ERROR", "Something went wrong on our side"),
    });
    const { screen, user } = renderApp("/app/waitlist");
    expect(await screen.findByText("Nobody here")).toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Booked" }));
    const booked = await screen.findByRole("list", { name: "Offers to Jeanne Dupont" });
    expect(booked).toHaveTextContent(/: taken$/);
    // Nothing left to do for a booked entry.
    expect(screen.queryByRole("button", { name: "Book a time" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Removed" }));
    expect(await screen.findByText("The waitlist could not be loaded")).toBeInTheDocument();
    expect(world.reads.list.map((r) => r.status)).toEqual(["waiting", "booked", "removed"]);
  });

  it("lets a practitioner read the list but not book from it or remove", async () => {
    serveWaitlist({ waiting: [entry()] }, "practitioner");
    const { screen } = renderApp("/app/waitlist");
    expect(await screen.findByText("Jeanne Dupont")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Book a time" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove" })).not.toBeInTheDocument();
  });
});
