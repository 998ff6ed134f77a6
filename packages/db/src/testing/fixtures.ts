import { withIdentity, withTenant } from "../scope";
import type { Database } from "../client";
import {
  apiKeys,
  appointmentEvents,
  calendarFeeds,
  clinicDataKeys,
  clinicImages,
  clinicalNotes,
  appointments,
  appointmentSeries,
  auditLog,
  bookingTokens,
  clinics,
  invitations,
  memberships,
  messageTemplates,
  patients,
  practitionerServices,
  practitioners,
  scheduleExceptions,
  services,
  sessions,
  users,
  webhookDeliveries,
  webhookEndpoints,
  workingHours,
  memberNotificationPreferences,
  messages,
  notificationOptOuts,
  notificationSettings,
  intakeAnswers,
  intakeFormVersions,
  waitlistEntries,
  waitlistOffers,
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
  /** Disabled, so that other tests' bookings queue no deliveries for it. */
  webhookEndpointId: string;
  /** An intake form version with no questions (the form off) on the booked service, answered by its appointment. */
  intakeFormVersionId: string;
  /** The patient waiting for the service, with one expired offer. */
  waitlistEntryId: string;
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
    await tx.insert(appointmentSeries).values({
      clinicId,
      patientId: patient!.id,
      serviceId: service!.id,
      practitionerId: practitioner!.id,
      firstDate: "2030-01-07",
      localTime: "10:00",
      everyWeeks: 1,
      weekdays: [1],
      occurrenceCount: 1,
    });
    await tx.insert(bookingTokens).values({
      clinicId,
      appointmentId: appointment!.id,
      tokenHash: `hash-${crypto.randomUUID()}`,
      expiresAt: new Date("2030-02-01T00:00:00Z"),
    });
    await tx.insert(auditLog).values({ clinicId, actorKind: "system", action: "create", entity: "clinic", entityId: clinicId });
    // An upload not yet published (a one-pixel placeholder, not a real PNG), so every tenant table has a row.
    await tx.insert(clinicImages).values({ clinicId, purpose: "logo", contentType: "image/png", bytes: new Uint8Array([137]), sha256: "0".repeat(64), byteSize: 1, width: 1, height: 1 });
    // A draft note of the fixture's appointment, seen only by its author (its content a placeholder, not ciphertext).
    await tx.insert(clinicalNotes).values({ clinicId, patientId: patient!.id, appointmentId: appointment!.id, authorUserId: owner!.id, content: "fixture" });
    // A retired placeholder, so every tenant table has a row; the API creates the clinic's real, active key on first use.
    await tx.insert(clinicDataKeys).values({ clinicId, wrappedKey: "fixture", masterKeyId: "fixture", retiredAt: new Date("2020-01-01T00:00:00Z") });
    await tx.insert(invitations).values({
      clinicId,
      email: `invitee-${unique()}@${slug}.test`,
      role: "receptionist",
      tokenHash: `invite-${crypto.randomUUID()}`,
      invitedBy: owner!.id,
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    await tx.insert(messages).values({
      clinicId,
      appointmentId: appointment!.id,
      patientId: patient!.id,
      kind: "confirmation",
      channel: "email",
      recipient: "pat@example.test",
      idempotencyKey: `fixture:${appointment!.id}`,
      status: "sent",
      sendAt: new Date("2030-01-01T00:00:00Z"),
    });
    // The defaults, written out: 24 h by e-mail, 2 h by SMS.
    await tx.insert(notificationSettings).values({
      clinicId,
      reminders: [
        { minutesBefore: 1440, channel: "email" },
        { minutesBefore: 120, channel: "sms" },
      ],
    });
    await tx.insert(notificationOptOuts).values({ clinicId, patientId: patient!.id, channel: "whatsapp" });
    await tx.insert(memberNotificationPreferences).values({ clinicId, userId: owner!.id, newOnlineBookingEmail: false });
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({ clinicId, url: "https://hooks.example.test/in", events: ["appointment.booked"], secret: "whsec_dGVzdC1zZWNyZXQ=", enabled: false })
      .returning({ id: webhookEndpoints.id });
    await tx.insert(webhookDeliveries).values({
      clinicId,
      endpointId: endpoint!.id,
      eventId: `msg_${crypto.randomUUID()}`,
      eventType: "appointment.booked",
      payload: {},
      status: "delivered",
    });
    await tx.insert(messageTemplates).values({ clinicId, kind: "reminder", channel: "email", locale: "en", subject: "Soon", text: "See you {{when}}" });
    await tx.insert(apiKeys).values({ clinicId, name: "Test key", hint: "testhint", keyHash: `key-${crypto.randomUUID()}`, scopes: ["calendar:read"], createdBy: owner!.id });
    await tx.insert(calendarFeeds).values({ clinicId, hint: "testhi", secretHash: `feed-${crypto.randomUUID()}`, createdBy: owner!.id });
    const [intakeForm] = await tx
      .insert(intakeFormVersions)
      .values({ clinicId, serviceId: service!.id, version: 1, questions: [] })
      .returning({ id: intakeFormVersions.id });
    await tx.insert(intakeAnswers).values({ clinicId, appointmentId: appointment!.id, formVersionId: intakeForm!.id, answers: "fixture", answeredVia: "booking" });
    const [entry] = await tx
      .insert(waitlistEntries)
      .values({ clinicId, patientId: patient!.id, serviceId: service!.id, fromDate: "2030-01-01", toDate: "2030-02-01", source: "staff" })
      .returning({ id: waitlistEntries.id });
    await tx.insert(waitlistOffers).values({
      clinicId,
      entryId: entry!.id,
      practitionerId: practitioner!.id,
      startsAt: new Date("2030-01-07T09:00:00Z"),
      expiresAt: new Date("2030-01-06T09:00:00Z"),
      outcome: "expired",
    });
    return {
      intakeFormVersionId: intakeForm!.id,
      waitlistEntryId: entry!.id,
      webhookEndpointId: endpoint!.id,
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
