// Two appointments that occupy one practitioner's calendar can never overlap, however many
// transactions race for the same time: the exclusion constraint has the last word.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode } from "./errors";
import { appointments, patients, services } from "./schema";
import type { AppointmentStatus } from "./schema";
import { withTenant } from "./scope";
import { connectAsApp, createTestClinic, type TestClinic } from "./testing";

const CONCURRENT = 50;
const pool = connectAsApp({ max: CONCURRENT });
const { db } = pool;
afterAll(() => pool.close());

let clinic: TestClinic;
beforeAll(async () => {
  clinic = await createTestClinic(db);
});

const minutes = (n: number) => n * 60_000;

/** Books `service` for clinic's practitioner at `start` (UTC ISO), with its buffers blocked around it. */
function book(
  start: string,
  options: { durationMinutes?: number; before?: number; after?: number; status?: AppointmentStatus; serviceId?: string } = {},
) {
  const { durationMinutes = 30, before = 0, after = 0, status = "booked" } = options;
  const startsAt = new Date(start);
  const endsAt = new Date(startsAt.getTime() + minutes(durationMinutes));
  return {
    clinicId: clinic.clinicId,
    practitionerId: clinic.practitionerId,
    serviceId: options.serviceId ?? clinic.serviceId,
    patientId: clinic.patientId,
    startsAt,
    endsAt,
    blockedFrom: new Date(startsAt.getTime() - minutes(before)),
    blockedTo: new Date(endsAt.getTime() + minutes(after)),
    status,
    source: "online" as const,
  };
}

const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "public" }, work);

async function insert(row: ReturnType<typeof book>): Promise<string> {
  try {
    await inClinic((tx) => tx.insert(appointments).values(row));
    return "ok";
  } catch (error) {
    return postgresErrorCode(error) ?? String(error);
  }
}

describe("double booking", () => {
  it(`lets exactly one of ${CONCURRENT} concurrent overlapping bookings commit`, async () => {
    // Every transaction opens and sets its scope first; only when all are open do they insert.
    let arrive!: () => void;
    const allOpen = new Promise<void>((resolve) => (arrive = resolve));
    let open = 0;
    const attempts = Array.from({ length: CONCURRENT }, (_, i) =>
      inClinic(async (tx) => {
        if (++open === CONCURRENT) arrive();
        await allOpen;
        // Different lengths and offsets, all overlapping 10:00-10:15.
        await tx.insert(appointments).values(book(`2031-05-05T09:${String(50 + (i % 10)).padStart(2, "0")}:00Z`, { durationMinutes: 25 + (i % 7) }));
      }).then(
        () => "ok",
        (error: unknown) => postgresErrorCode(error) ?? String(error),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(open).toBe(CONCURRENT);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "23P01")).toHaveLength(CONCURRENT - 1);
    const stored = await inClinic((tx) => tx.select().from(appointments));
    expect(stored.filter((row) => row.startsAt.toISOString().startsWith("2031-05-05"))).toHaveLength(1);
  });

  it("accepts back-to-back appointments: touching is not overlapping", async () => {
    expect(await insert(book("2031-05-06T09:00:00Z"))).toBe("ok");
    expect(await insert(book("2031-05-06T09:30:00Z"))).toBe("ok");
    expect(await insert(book("2031-05-06T08:30:00Z"))).toBe("ok");
  });

  it("rejects an appointment that starts inside another one", async () => {
    expect(await insert(book("2031-05-07T09:00:00Z"))).toBe("ok");
    expect(await insert(book("2031-05-07T09:29:00Z"))).toBe("23P01");
  });

  it("frees the time of cancelled and no-show appointments", async () => {
    expect(await insert(book("2031-05-08T09:00:00Z", { status: "cancelled" }))).toBe("ok");
    expect(await insert(book("2031-05-08T09:00:00Z", { status: "no_show" }))).toBe("ok");
    expect(await insert(book("2031-05-08T09:00:00Z"))).toBe("ok");
    expect(await insert(book("2031-05-08T09:00:00Z", { status: "completed" }))).toBe("23P01");
  });

  it("frees the time when an appointment is cancelled later", async () => {
    const first = book("2031-05-09T09:00:00Z");
    const [row] = await inClinic((tx) => tx.insert(appointments).values(first).returning({ id: appointments.id }));
    expect(await insert(book("2031-05-09T09:00:00Z"))).toBe("23P01");
    await inClinic(async (tx) => {
      await tx.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, row!.id));
    });
    expect(await insert(book("2031-05-09T09:00:00Z"))).toBe("ok");
  });

  it("counts buffers: an appointment cannot start inside another's buffer after", async () => {
    expect(await insert(book("2031-05-12T09:00:00Z", { after: 15 }))).toBe("ok");
    expect(await insert(book("2031-05-12T09:40:00Z"))).toBe("23P01");
    expect(await insert(book("2031-05-12T09:45:00Z"))).toBe("ok");
  });

  it("counts buffers: an appointment's buffer before cannot reach into the previous one", async () => {
    expect(await insert(book("2031-05-13T09:00:00Z"))).toBe("ok");
    expect(await insert(book("2031-05-13T09:35:00Z", { before: 10 }))).toBe("23P01");
    expect(await insert(book("2031-05-13T09:40:00Z", { before: 10 }))).toBe("ok");
  });

  it("keeps practitioners independent: another practitioner may take the same time", async () => {
    const other = await createTestClinic(db);
    const row = { ...book("2031-05-14T09:00:00Z"), clinicId: other.clinicId, practitionerId: other.practitionerId, serviceId: other.serviceId, patientId: other.patientId };
    expect(await insert(book("2031-05-14T09:00:00Z"))).toBe("ok");
    const outcome = await withTenant(db, { clinicId: other.clinicId, userId: null, role: "public" }, (tx) => tx.insert(appointments).values(row)).then(() => "ok");
    expect(outcome).toBe("ok");
  });

  it("stores patients and services untouched by a failed booking (nothing half-written)", async () => {
    // Counted by the clinic's staff: the public scope booking here sees no patient at all.
    const count = () =>
      withTenant(db, { clinicId: clinic.clinicId, userId: clinic.ownerUserId, role: "owner" }, async (tx) => [
        (await tx.select().from(patients)).length,
        (await tx.select().from(services)).length,
      ]);
    const before = await count();
    expect(before[0]).toBeGreaterThan(0);
    const outcome = await inClinic(async (tx) => {
      await tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Half Written" });
      await tx.insert(appointments).values(book("2031-05-07T09:10:00Z"));
    }).then(() => "ok", (error: unknown) => postgresErrorCode(error));
    expect(outcome).toBe("23P01");
    expect(await count()).toEqual(before);
  });
});
