// Issue 14, defect 7: an idempotent replay of public.book answers the booking (and a manage link)
// only to the patient who booked it, not to whoever repeats the key, service and start.
import { withTenant } from "@frontdesk/db";
import { appointments, bookingTokens } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createBookableClinic, createTestDeps } from "../../../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

const START = "2026-12-01T11:00:00.000Z"; // the test clock says 2026-11-22
const patient = (label: string) => ({ name: `Patient ${label}`, email: `${label}-${crypto.randomUUID().slice(0, 8)}@example.test` });

describe("public.book replayed with the same idempotency key", () => {
  it("answers the booking to the same patient e-mail, and refuses anyone else without a manage link", async () => {
    const clinic = await createBookableClinic(db);
    const { deps } = createTestDeps(db);
    const book = (who: ReturnType<typeof patient>, idempotencyKey: string) =>
      callerFor(deps).caller.public.book({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, start: START, patient: who, idempotencyKey });
    const key = crypto.randomUUID();
    const lea = patient("lea");
    const first = await book(lea, key);

    const again = await book({ ...lea, email: lea.email.toUpperCase() }, key);
    expect(again.appointment.id).toBe(first.appointment.id);

    const stranger = await book(patient("stranger"), key).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(stranger).toBeInstanceOf(TRPCError);
    expect((stranger as TRPCError).code).toBe("CONFLICT");
    expect(JSON.stringify(stranger)).not.toContain(first.appointment.id);
    // Two links: the booking's and the same patient's replay; none for the stranger.
    const links = await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(bookingTokens));
    expect(links).toHaveLength(2);
    expect(await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(appointments))).toHaveLength(1);
  });
});
