// public.book, step 1, replay: a request sent again with the same idempotency key (a double
// click, a retry after a lost answer) gets the appointment it booked the first time.
import type { bookInput } from "@frontdesk/domain";
import { fixedStatement, type Transaction } from "@frontdesk/db";
import type { z } from "zod";
import { loadAppointment, presentAppointment } from "../../../booking/appointments";
import type { Context } from "../../../context";
import { ConflictError } from "../../../errors";
import { issueManageLink } from "../manage-link";
import type { Clinic } from "../scope";
import { patientIdByEmail } from "./write";

export type BookInput = z.output<typeof bookInput>;

// A fixed statement (ADR 0067): every booking asks it.
const bookedWithKey = fixedStatement<{ id: string }>("select id from appointments where clinic_id = $1 and idempotency_key = $2");

export async function previousBookingId(tx: Transaction, clinicId: string, idempotencyKey: string): Promise<string | undefined> {
  const [previous] = await bookedWithKey(tx, [clinicId, idempotencyKey]);
  return previous?.id;
}

/** The appointment booked earlier with this idempotency key, with a fresh manage link; undefined if none. */
export async function replay(ctx: Context, tx: Transaction, clinic: Clinic, input: BookInput) {
  const previousId = await previousBookingId(tx, clinic.id, input.idempotencyKey);
  return previousId === undefined ? undefined : replayOf(ctx, tx, clinic, input, previousId);
}

export async function replayOf(ctx: Context, tx: Transaction, clinic: Clinic, input: BookInput, previousId: string) {
  const row = await loadAppointment(tx, clinic.id, previousId);
  // The key alone is no proof: the booking (and a manage link) goes back only to the same patient.
  const samePatient = row.appointment.patientId === (await patientIdByEmail(tx, clinic.id, input.patient.email));
  if (!samePatient || row.appointment.serviceId !== input.serviceId || row.appointment.startsAt.getTime() !== Date.parse(input.start)) {
    throw new ConflictError("This booking attempt was already used for another time. Please start again.", { reason: "IDEMPOTENCY_KEY_REUSED" });
  }
  const link = await issueManageLink(ctx, tx, clinic.id, row.appointment.id, row.appointment.endsAt);
  return { appointment: { ...presentAppointment(row.appointment, row), clinicName: clinic.name, timezone: clinic.timezone }, ...link };
}
