// Booking under concurrency, over real HTTP: however many people click at once, one time is
// booked once, and a retried request never books twice.
import { withTenant } from "@frontdesk/db";
import { appointments } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createBookableClinic, createTestDeps } from "../../testing";
import { httpClient, listen } from "../../testing/http";

const { db, close } = connectAsApp({ max: 20 });
afterAll(() => close());

const CLIENTS = 50;

async function setup(options: Parameters<typeof createBookableClinic>[1]) {
  const clinic = await createBookableClinic(db, options);
  const { deps } = createTestDeps(db);
  const server = await listen(deps);
  const book = (start: string, idempotencyKey: string = crypto.randomUUID(), email?: string) =>
    httpClient(server.base).mutate("public.book", {
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      start,
      patient: { name: "Racing Patient", email: email ?? `race-${crypto.randomUUID().slice(0, 8)}@example.test` },
      idempotencyKey,
    });
  const stored = () => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(appointments));
  return { clinic, server, book, stored };
}

describe(`${CLIENTS} concurrent bookings`, () => {
  it("of the same time: exactly one succeeds, the others get CONFLICT with other times, and no 5xx", async () => {
    const { server, book, stored } = await setup({ practitioners: 1 });
    const responses = await Promise.all(Array.from({ length: CLIENTS }, () => book("2026-12-01T09:00:00Z")));
    await server.close();
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CLIENTS - 1);
    const conflict = (await responses.find((r) => r.status === 409)!.json()) as { error: { data: { details: { nextSlots: unknown[] } } } };
    expect(conflict.error.data.details.nextSlots.length).toBeGreaterThan(0);
    expect(await stored()).toHaveLength(1);
  });

  it("of different times: all succeed", async () => {
    const { server, book, stored } = await setup({ practitioners: 1, hours: { start: "08:00", end: "21:00" }, service: { durationMinutes: 15 }, policy: { slotStepMinutes: 15 } });
    // 08:00 Paris = 07:00Z; 50 quarter hours from there.
    const starts = Array.from({ length: CLIENTS }, (_, i) => new Date(Date.parse("2026-12-01T07:00:00Z") + i * 15 * 60_000).toISOString());
    const responses = await Promise.all(starts.map((start) => book(start)));
    await server.close();
    expect(responses.map((r) => r.status)).toEqual(starts.map(() => 200));
    expect(await stored()).toHaveLength(CLIENTS);
  });

  it("with the same idempotency key sent 10 times at once: one appointment, and every answer names it", async () => {
    const { server, book, stored } = await setup({ practitioners: 1 });
    const key = crypto.randomUUID();
    // The same person retrying: the same e-mail on every request.
    const email = `retrying-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const responses = await Promise.all(Array.from({ length: 10 }, () => book("2026-12-01T10:00:00Z", key, email)));
    await server.close();
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { result: { data: { appointment: { id: string } } } }).result.data.appointment.id)));
    expect(ids.size).toBe(1);
    expect(await stored()).toHaveLength(1);
  });
});
