import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../../../errors";
import { offeringPractitioners, serviceIfBookable } from "../offering";
import { chooseTime } from "./choose-time";
import { at, bookingWorld, rejection } from "./testing";

const { db, close } = connectAsApp();
afterAll(() => close());

async function world(options: Parameters<typeof bookingWorld>[1] = {}) {
  const w = await bookingWorld(db, options);
  const now = w.clock.now();
  const choose = (start: string, practitionerId?: string) =>
    w.inPublic(async (tx) => {
      const [service, offering] = await Promise.all([serviceIfBookable(tx, w.clinic.id, w.made.serviceId), offeringPractitioners(tx, w.clinic.id, w.made.serviceId)]);
      return chooseTime(tx, { clinic: w.clinic, service, offering, practitionerId, start: new Date(start), now });
    });
  return { ...w, choose };
}

describe("public.book, step 2: choose the time", () => {
  it("gives the time the engine offers to the practitioner asked for", async () => {
    const { choose, made } = await world();
    const chosen = await choose(at("10:00"), made.practitionerIds[1]);
    expect(chosen.practitionerId).toBe(made.practitionerIds[1]);
    expect(chosen.service.id).toBe(made.serviceId);
  });

  it("gives 'first available' to the least-booked practitioner of the clinic's local day", async () => {
    const { choose, made, book, input } = await world();
    const [a, b] = made.practitionerIds;
    // B was busy the evening before (still within 36 hours): that does not count for this day.
    await book(input(at("16:00", "2026-11-30"), { practitionerId: b }));
    await book(input(at("09:00"), { practitionerId: a }));
    expect((await choose(at("11:00"))).practitionerId).toBe(b);
  });

  it("prefers the first by name when the practitioners are equally booked", async () => {
    const { choose, made } = await world();
    expect((await choose(at("11:00"))).practitionerId).toBe(made.practitionerIds[0]);
  });

  it("refuses a time the engine does not offer with CONFLICT and that day's free times", async () => {
    const { choose, book, input } = await world({ practitioners: 1 });
    await book(input(at("10:00")));
    const taken = await rejection(choose(at("10:00")));
    expect(taken).toBeInstanceOf(ConflictError);
    const next = (taken as ConflictError).details?.nextSlots as Array<{ start: string; end: string }>;
    expect(next.map((s) => s.start)).toEqual(["2026-12-01T09:30:00Z", "2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z", "2026-12-01T11:00:00Z", "2026-12-01T11:30:00Z", "2026-12-01T12:00:00Z"]);
    // Before opening hours: the day's first free times; who is free stays on the server.
    const early = (await rejection(choose(at("07:00")))) as ConflictError;
    expect((early.details?.nextSlots as Array<Record<string, string>>)[0]).toEqual({ start: "2026-12-01T08:00:00Z", end: "2026-12-01T08:30:00Z" });
  });

  it("answers NOT_FOUND for a service not bookable online and a practitioner who does not offer it", async () => {
    const { choose, inPublic, clinic, clock } = await world();
    expect(await rejection(choose(at("10:00"), crypto.randomUUID()))).toBeInstanceOf(NotFoundError);
    const noService = await rejection(inPublic((tx) => chooseTime(tx, { clinic, service: undefined, offering: [], practitionerId: undefined, start: new Date(at("10:00")), now: clock.now() })));
    expect(noService).toBeInstanceOf(NotFoundError);
  });
});
