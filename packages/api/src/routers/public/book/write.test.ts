import { PG, postgresErrorCode } from "@frontdesk/db";
import { appointmentEvents, appointments, auditLog, bookingTokens, patients } from "@frontdesk/db/schema";
import { connectAsApp, connectAsOwner } from "@frontdesk/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { offeringPractitioners, serviceIfBookable } from "../offering";
import { at, bookingWorld, rejection } from "./testing";
import { patientIdByEmail, writeBooking } from "./write";

const { db, close } = connectAsApp();
afterAll(() => close());

async function world() {
  const w = await bookingWorld(db, { practitioners: 1 });
  /** Writes a booking for the clinic's only practitioner at `start`, without asking the engine. */
  const write = (request: ReturnType<typeof w.input>, knownPatientId?: string) =>
    w.inPublic(async (tx) => {
      const [service, offering] = await Promise.all([serviceIfBookable(tx, w.clinic.id, w.made.serviceId), offeringPractitioners(tx, w.clinic.id, w.made.serviceId)]);
      return writeBooking(w.ctx, tx, { clinic: w.clinic, input: request, start: new Date(request.start), service: service!, practitionerId: w.made.practitionerIds[0]!, offering, knownPatientId });
    });
  return { ...w, write };
}

describe("public.book, step 3: write", () => {
  it("writes the patient, the online appointment, its manage link, its notifications job, the event and the audit entry", async () => {
    const { write, input, inClinic, clinic } = await world();
    const request = input(at("10:00"), { note: "First visit" });
    const { answer } = await write(request);
    expect(answer.appointment).toMatchObject({ start: "2026-12-01T09:00:00.000Z", status: "booked", source: "online", clinicName: clinic.name, timezone: "Europe/Paris" });
    expect(answer.manageUrl).toContain(answer.manageToken);
    const owner = connectAsOwner();
    let jobs;
    try {
      // Committed with the booking in the job outbox, where the worker's drain finds it (ADR 0055).
      jobs = await owner.db.execute<{ task: string; clinicId: string; payload: Record<string, unknown> }>(
        sql`select task, clinic_id as "clinicId", payload from job_outbox where payload->>'appointmentId' = ${answer.appointment.id}`,
      );
    } finally {
      await owner.close();
    }
    expect(jobs).toEqual([{ task: "appointment.notify", clinicId: clinic.id, payload: expect.objectContaining({ event: "booked", version: 1, by: "patient" }) as unknown }]);
    expect(answer.appointment).toMatchObject({ serviceName: "Consultation", practitionerName: "A Practitioner" });
    const id = answer.appointment.id;
    const [rows, people, links, events, audit] = await inClinic((tx) =>
      Promise.all([
        tx.select().from(appointments).where(eq(appointments.id, id)),
        tx.select().from(patients),
        tx.select().from(bookingTokens).where(eq(bookingTokens.appointmentId, id)),
        tx.select().from(appointmentEvents).where(eq(appointmentEvents.appointmentId, id)),
        tx.select().from(auditLog).where(eq(auditLog.entityId, id)),
      ]),
    );
    // The note is stored encrypted (ADR 0025): ciphertext in the row, never the text.
    expect(rows[0]!.notes).toMatch(/^fdx1\./);
    expect(rows[0]).toMatchObject({ idempotencyKey: request.idempotencyKey, patientId: people[0]!.id });
    expect(people.map((p) => [p.fullName, p.email])).toEqual([["Léa Martin", request.patient.email]]);
    expect(links).toHaveLength(1);
    expect(events.map((e) => e.kind)).toEqual(["created"]);
    expect(audit.map((a) => [a.actorKind, a.action])).toEqual([["online_booking", "create"]]);
    expect(JSON.stringify(audit)).not.toContain(request.patient.email);
  });

  it("finds a known patient by e-mail (nobody for a stranger) and links the booking to that record", async () => {
    const { write, input, inPublic, inClinic, clinic } = await world();
    const first = input(at("10:00"));
    await write(first);
    const knownId = await inPublic((tx) => patientIdByEmail(tx, clinic.id, first.patient.email));
    expect(knownId).toBeDefined();
    expect(await inPublic((tx) => patientIdByEmail(tx, clinic.id, "stranger@example.test"))).toBeUndefined();
    const second = input(at("11:00"), { patient: { ...first.patient, name: "Someone Else" } });
    const { answer } = await write(second, knownId);
    const people = await inClinic((tx) => tx.select().from(patients));
    expect(people.map((p) => p.fullName)).toEqual(["Léa Martin"]);
    const [row] = await inClinic((tx) => tx.select().from(appointments).where(eq(appointments.id, answer.appointment.id)));
    expect(row!.patientId).toBe(knownId);
  });

  it("writes nothing when the time was taken meanwhile: the exclusion constraint fails it whole", async () => {
    const { write, input, inClinic } = await world();
    await write(input(at("10:00")));
    const loser = input(at("10:15"));
    const error = await rejection(write(loser));
    expect(postgresErrorCode(error)).toBe(PG.exclusionViolation);
    const [rows, people, links] = await inClinic((tx) => Promise.all([tx.select().from(appointments), tx.select().from(patients), tx.select().from(bookingTokens)]));
    expect(rows).toHaveLength(1);
    expect(people.map((p) => p.email)).not.toContain(loser.patient.email);
    expect(links).toHaveLength(1);
  });
});
