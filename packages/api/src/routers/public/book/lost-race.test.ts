import { PG, postgresErrorCode } from "@frontdesk/db";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError } from "../../../errors";
import { offeringPractitioners, serviceIfBookable, TAKEN } from "../offering";
import { recoverFromLostRace } from "./lost-race";
import { at, bookingWorld, rejection } from "./testing";
import { writeBooking } from "./write";

const { db, close } = connectAsApp();
afterAll(() => close());

async function world() {
  const w = await bookingWorld(db, { practitioners: 1 });
  /** The real error of a booking that lost the race: written straight onto a taken time. */
  const losingWrite = (request: ReturnType<typeof w.input>) =>
    rejection(
      w.inPublic(async (tx) => {
        const [service, offering] = await Promise.all([serviceIfBookable(tx, w.clinic.id, w.made.serviceId), offeringPractitioners(tx, w.clinic.id, w.made.serviceId)]);
        return writeBooking(w.ctx, tx, { clinic: w.clinic, input: request, start: new Date(request.start), service: service!, practitionerId: w.made.practitionerIds[0]!, offering, knownPatientId: undefined });
      }),
    );
  const recover = (request: ReturnType<typeof w.input>, error: unknown) => recoverFromLostRace(w.ctx, w.clinic, request, new Date(request.start), error);
  return { ...w, losingWrite, recover };
}

describe("public.book, step 4: recover from a lost race", () => {
  it("answers with the winner's appointment when the winner had the same idempotency key", async () => {
    const { book, input, losingWrite, recover } = await world();
    const request = input(at("10:00"));
    const winner = await book(request);
    const error = await losingWrite({ ...request, idempotencyKey: crypto.randomUUID() });
    expect(postgresErrorCode(error)).toBe(PG.exclusionViolation);
    const answer = await recover(request, error);
    expect(answer.appointment.id).toBe(winner.appointment.id);
    expect(answer.manageToken).not.toBe(winner.manageToken);
  });

  it("answers CONFLICT 'just taken' with the next free times when another patient won", async () => {
    const { book, input, losingWrite, recover } = await world();
    await book(input(at("10:00")));
    const mine = input(at("10:00"));
    const refused = await rejection(recover(mine, await losingWrite(mine)));
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).message).toBe(TAKEN);
    const next = (refused as ConflictError).details?.nextSlots as Array<{ start: string }>;
    expect(next.map((s) => s.start).slice(0, 2)).toEqual(["2026-12-01T09:30:00Z", "2026-12-01T10:00:00Z"]);
  });

  it("passes on the engine's CONFLICT (a time not offered) when no request with our key won", async () => {
    const { input, recover } = await world();
    const notOffered = new ConflictError("Sorry, that time is not available. Here are the free times that day.", { reason: "SLOT_UNAVAILABLE" });
    expect(await rejection(recover(input(at("07:00")), notOffered))).toBe(notOffered);
  });

  it("rethrows any other failure unchanged", async () => {
    const { input, recover } = await world();
    const broken = new Error("connection reset");
    expect(await rejection(recover(input(at("10:00")), broken))).toBe(broken);
  });
});
