import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "../../../context";
import { createTestDeps } from "../../../testing";
import { offeringPractitioners, serviceIfBookable } from "../offering";
import { sendConfirmation } from "./notify";
import { at, bookingWorld } from "./testing";
import { writeBooking } from "./write";

const { db, close } = connectAsApp();
afterAll(() => close());

async function written() {
  const w = await bookingWorld(db, { practitioners: 1 });
  const request = w.input(at("10:00"));
  const booked = await w.inPublic(async (tx) => {
    const [service, offering] = await Promise.all([serviceIfBookable(tx, w.clinic.id, w.made.serviceId), offeringPractitioners(tx, w.clinic.id, w.made.serviceId)]);
    return writeBooking(w.ctx, tx, { clinic: w.clinic, input: request, start: new Date(request.start), service: service!, practitionerId: w.made.practitionerIds[0]!, offering, knownPatientId: undefined });
  });
  return { ...w, request, booked };
}

describe("public.book, step 5: notify", () => {
  it("e-mails the patient the time, the manage link and an .ics of the appointment", async () => {
    const { ctx, clinic, request, booked, mailer, clock } = await written();
    await sendConfirmation(ctx, clinic, request.patient.email, booked.answer, clock.now());
    const mail = mailer.lastTo(request.patient.email);
    expect(mail.subject).toBe(`Booked: Consultation at ${clinic.name}`);
    expect(mail.text).toContain(booked.answer.manageUrl);
    expect(mail.text).toContain("A Practitioner");
    expect(mail.attachments?.[0]?.content).toContain("DTSTART:20261201T090000Z");
  });

  it("keeps the booking when the mail fails, and logs the failure without patient data", async () => {
    const { clinic, request, booked, clock } = await written();
    const test = createTestDeps(db, { mailer: { send: () => Promise.reject(new TypeError(`cannot reach the mail server for ${request.patient.email}`)) } });
    const ctx = createContext({ deps: test.deps, requestId: "request-1234" });
    await expect(sendConfirmation(ctx, clinic, request.patient.email, booked.answer, clock.now())).resolves.toBeUndefined();
    expect(test.logger.lines).toEqual([{ level: "error", message: "confirmation mail failed", fields: { requestId: "request-1234", kind: "TypeError" } }]);
    expect(JSON.stringify(test.logger.lines)).not.toContain(request.patient.email);
  });
});
