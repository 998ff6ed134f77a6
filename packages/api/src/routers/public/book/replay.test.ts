import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError } from "../../../errors";
import { callerFor } from "../../../testing";
import { previousBookingId, replay, replayOf } from "./replay";
import { at, bookingWorld, rejection } from "./testing";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("public.book, step 1: replay", () => {
  it("answers nothing when no booking used the idempotency key", async () => {
    const { clinic, ctx, input, inPublic } = await bookingWorld(db);
    expect(await inPublic((tx) => replay(ctx, tx, clinic, input(at("10:00"))))).toBeUndefined();
  });

  it("answers the appointment booked with the key, with a fresh manage link that works", async () => {
    const { clinic, ctx, input, book, inPublic, deps } = await bookingWorld(db);
    const request = input(at("10:00"));
    const first = await book(request);
    const again = await inPublic((tx) => replay(ctx, tx, clinic, request));
    expect(again?.appointment).toEqual(first.appointment);
    expect(again?.manageToken).not.toBe(first.manageToken);
    expect(again?.manageUrl).toBe(`${deps.publicUrl}/booking/${again?.manageToken}`);
    expect((await callerFor(deps).caller.public.booking.get({ token: again!.manageToken })).appointment.id).toBe(first.appointment.id);
  });

  it("refuses with CONFLICT a key already used for another time or another service", async () => {
    const { clinic, ctx, input, book, inPublic, made } = await bookingWorld(db);
    const request = input(at("10:00"));
    await book(request);
    const previousId = await inPublic((tx) => previousBookingId(tx, clinic.id, request.idempotencyKey));
    expect(previousId).toBeDefined();
    const otherTime = await rejection(inPublic((tx) => replayOf(ctx, tx, clinic, { ...request, start: at("11:00") }, previousId!)));
    expect(otherTime).toBeInstanceOf(ConflictError);
    expect((otherTime as Error).message).toMatch(/already used for another time/);
    const otherService = await rejection(inPublic((tx) => replayOf(ctx, tx, clinic, { ...request, serviceId: crypto.randomUUID() }, previousId!)));
    expect(otherService).toBeInstanceOf(ConflictError);
    expect(made.serviceId).not.toBe("");
  });
});
