// How long an appointment may keep a practitioner busy: the buffers are at most 4 hours on each
// side (the service schema's SERVICE_BUFFER_MAX_MINUTES), so the slot search can bound its index
// read (ADR 0066). These checks hold it for rows written by any path, not only the API's.
import { SERVICE_BUFFER_MAX_MINUTES } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode } from "./errors";
import { withTenant } from "./scope";
import { appointments, services } from "./schema";
import { connectAsApp, createTestClinic, type TestClinic } from "./testing";

const { db, close } = connectAsApp();
let clinic: TestClinic;
beforeAll(async () => {
  clinic = await createTestClinic(db);
});
afterAll(() => close());

const asOwner = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
/** The constraint a refused write names, or "ok". */
const refusal = (write: Promise<unknown>) =>
  write.then(
    () => "ok",
    (error: unknown) => `${postgresErrorCode(error)} ${String((error as { cause?: { constraint_name?: string } }).cause?.constraint_name)}`,
  );
const HOUR = 60 * 60_000;

describe("blocked time", () => {
  it("keeps services' buffers at the schema's limit", async () => {
    expect(SERVICE_BUFFER_MAX_MINUTES).toBe(240);
    const setBuffers = (before: number, after: number) =>
      asOwner((tx) => tx.update(services).set({ bufferBeforeMinutes: before, bufferAfterMinutes: after }).where(and(eq(services.clinicId, clinic.clinicId), eq(services.id, clinic.serviceId))));
    expect(await refusal(setBuffers(240, 240))).toBe("ok");
    expect(await refusal(setBuffers(241, 0))).toBe("23514 services_buffers_at_most_4_hours");
    expect(await refusal(setBuffers(0, 241))).toBe("23514 services_buffers_at_most_4_hours");
  });

  it("refuses an appointment blocked for more than 4 hours before its start or after its end", async () => {
    const start = new Date("2030-02-04T09:00:00Z");
    const end = new Date(start.getTime() + 24 * HOUR);
    const insert = (blockedFrom: Date, blockedTo: Date) =>
      asOwner((tx) =>
        tx.insert(appointments).values({ clinicId: clinic.clinicId, practitionerId: clinic.practitionerId, serviceId: clinic.serviceId, patientId: clinic.patientId, startsAt: start, endsAt: end, blockedFrom, blockedTo, source: "staff" }),
      );
    expect(await refusal(insert(new Date(start.getTime() - 4 * HOUR - 1000), end))).toBe("23514 appointments_blocked_at_most_4_hours_around");
    expect(await refusal(insert(start, new Date(end.getTime() + 4 * HOUR + 1000)))).toBe("23514 appointments_blocked_at_most_4_hours_around");
    // The longest there is: a day with both buffers at their limit.
    expect(await refusal(insert(new Date(start.getTime() - 4 * HOUR), new Date(end.getTime() + 4 * HOUR)))).toBe("ok");
  });
});
