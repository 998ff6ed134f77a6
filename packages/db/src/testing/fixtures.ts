import { withIdentity, withTenant } from "../scope";
import type { Database } from "../client";
import {
  apiKeys,
  appointmentEvents,
  appointments,
  auditLog,
  bookingTokens,
  clinics,
  invitations,
  memberships,
  patients,
  practitionerServices,
  practitioners,
  scheduleExceptions,
  services,
  sessions,
  users,
  workingHours,
} from "../schema";

export interface TestClinic {
  clinicId: string;
  slug: string;
  ownerUserId: string;
  sessionId: string;
  practitionerId: string;
  serviceId: string;
  /** A second service that no practitioner offers yet. */
  otherServiceId: string;
  patientId: string;
  appointmentId: string;
}

const unique = () => crypto.randomUUID().slice(0, 8);

/**
 * A clinic with one row in every table, written through the app role as the server would.
 * Unique slug and e-mails, so test files can share one database.
 */
export async function createTestClinic(
  db: Database,
  options: { timezone?: string; service?: { durationMinutes: number; bufferBeforeMinutes?: number; bufferAfterMinutes?: number } } = {},
): Promise<TestClinic> {
  const clinicId = crypto.randomUUID();
  const slug = `test-${unique()}`;
  const ids = await withTenant(db, { clinicId, userId: null, role: "owner" }, async (tx) => {
    await tx.insert(clinics).values({ id: clinicId, slug, name: `Clinic ${slug}`, timezone: options.timezone ?? "Europe/Paris" });
    const [owner] = await tx
      .insert(users)
      .values({ email: `owner-${unique()}@${slug}.test`, name: "Owner" })
      .returning({ id: users.id });
    await tx.insert(memberships).values({ clinicId, userId: owner!.id, role: "owner" });
    const [practitioner] = await tx
      .insert(practitioners)
      .values({ clinicId, displayName: "Dr Test" })
      .returning({ id: practitioners.id });
    const [service] = await tx
      .insert(services)
      .values({ clinicId, name: "Consultation", durationMinutes: 30, ...options.service })
      .returning({ id: services.id });
    const [otherService] = await tx
      .insert(services)
      .values({ clinicId, name: "Follow-up", durationMinutes: 15 })
      .returning({ id: services.id });
    await tx.insert(practitionerServices).values({ clinicId, practitionerId: practitioner!.id, serviceId: service!.id });
    await tx.insert(workingHours).values({ clinicId, practitionerId: practitioner!.id, weekday: 1, startTime: "09:00", endTime: "17:00" });
    await tx.insert(scheduleExceptions).values({
      clinicId,
      practitionerId: practitioner!.id,
      kind: "unavailable",
      startsAt: new Date("2030-01-01T00:00:00Z"),
      endsAt: new Date("2030-01-02T00:00:00Z"),
    });
    const [patient] = await tx
      .insert(patients)
      .values({ clinicId, fullName: "Pat Test", email: `pat-${unique()}@example.test` })
      .returning({ id: patients.id });
    const [appointment] = await tx
      .insert(appointments)
      .values({
        clinicId,
        practitionerId: practitioner!.id,
        serviceId: service!.id,
        patientId: patient!.id,
        startsAt: new Date("2030-01-07T09:00:00Z"),
        endsAt: new Date("2030-01-07T09:30:00Z"),
        blockedFrom: new Date("2030-01-07T09:00:00Z"),
        blockedTo: new Date("2030-01-07T09:30:00Z"),
        source: "staff",
      })
      .returning({ id: appointments.id });
    await tx.insert(appointmentEvents).values({ clinicId, appointmentId: appointment!.id, practitionerId: practitioner!.id, kind: "created" });
    await tx.insert(bookingTokens).values({
      clinicId,
      appointmentId: appointment!.id,
      tokenHash: `hash-${crypto.randomUUID()}`,
      expiresAt: new Date("2030-02-01T00:00:00Z"),
    });
    await tx.insert(auditLog).values({ clinicId, actorKind: "system", action: "create", entity: "clinic", entityId: clinicId });
    await tx.insert(invitations).values({
      clinicId,
      email: `invitee-${unique()}@${slug}.test`,
      role: "receptionist",
      tokenHash: `invite-${crypto.randomUUID()}`,
      invitedBy: owner!.id,
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    await tx.insert(apiKeys).values({ clinicId, name: "Test key", hint: "testhint", keyHash: `key-${crypto.randomUUID()}`, scopes: ["calendar:read"], createdBy: owner!.id });
    return {
      ownerUserId: owner!.id,
      practitionerId: practitioner!.id,
      serviceId: service!.id,
      otherServiceId: otherService!.id,
      patientId: patient!.id,
      appointmentId: appointment!.id,
    };
  });
  const sessionId = `s-${crypto.randomUUID()}`;
  await withIdentity(db, { userId: ids.ownerUserId }, async (tx) => {
    await tx.insert(sessions).values({
      id: sessionId,
      secretHash: "x",
      userId: ids.ownerUserId,
      activeClinicId: clinicId,
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
  });
  return { clinicId, slug, sessionId, ...ids };
}
