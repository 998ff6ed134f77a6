// The patient's manage link from the confirmation e-mail: a capability for one appointment,
// stored hashed, expiring some days after the appointment; and the notice within which it may
// still change the appointment.
import { clinicDateFormat, isOpen } from "@frontdesk/domain";
import { createCapabilityToken, parseCapabilityToken } from "@frontdesk/auth";
import type { Transaction } from "@frontdesk/db";
import { bookingTokens, clinics, type appointments } from "@frontdesk/db/schema";
import { and, eq, gt } from "drizzle-orm";
import { loadAppointment } from "../../booking/appointments";
import type { Context } from "../../context";
import { NotFoundError, RuleError } from "../../errors";
import type { Clinic } from "./scope";

const MANAGE_LINK_DAYS_AFTER = 30;

/** A new manage link for the appointment; its insert is issued before this returns (see recordAudit). */
export function issueManageLink(ctx: Context, tx: Transaction, clinicId: string, appointmentId: string, end: Date) {
  const { link, tokenHash, expiresAt } = newManageLink(ctx, clinicId, end);
  return tx
    .insert(bookingTokens)
    .values({ clinicId, appointmentId, tokenHash, expiresAt })
    .execute()
    .then(() => link);
}

/** A manage link before it is stored: what the patient gets, and the row's hash and expiry (public.book writes it itself). */
export function newManageLink(ctx: Context, clinicId: string, end: Date) {
  const { token, tokenHash } = createCapabilityToken(clinicId);
  const link = { manageToken: token, manageUrl: `${ctx.deps.publicUrl}/booking/${token}` };
  return { link, tokenHash, expiresAt: new Date(end.getTime() + MANAGE_LINK_DAYS_AFTER * 24 * 60 * 60_000) };
}

/** A manage link's appointment and clinic, or NotFound for a malformed, unknown or expired link. */
export async function fromLink(ctx: Context, token: string) {
  const parsed = parseCapabilityToken(token);
  if (!parsed) throw new NotFoundError("Booking");
  const [clinic] = await ctx.deps.db.transaction((tx) => tx.select().from(clinics).where(eq(clinics.id, parsed.clinicId)));
  if (!clinic) throw new NotFoundError("Booking");
  return { clinic, tokenHash: parsed.tokenHash };
}

export async function linkedAppointment(ctx: Context, tx: Transaction, clinic: Clinic, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  const [link] = await tx
    .select({ appointmentId: bookingTokens.appointmentId })
    .from(bookingTokens)
    .where(and(eq(bookingTokens.clinicId, clinic.id), eq(bookingTokens.tokenHash, tokenHash), gt(bookingTokens.expiresAt, ctx.deps.clock.now())));
  if (!link) throw new NotFoundError("Booking");
  return loadAppointment(tx, clinic.id, link.appointmentId, options);
}

/** Patients may change a booking online until the clinic's cancellation notice starts. */
export function changeWindow(clinic: Clinic, start: Date, now: Date) {
  const until = new Date(start.getTime() - clinic.cancellationNoticeMinutes * 60_000);
  return { changeableUntil: until, inWindow: now < until };
}

export function assertChangeable(clinic: Clinic, row: { status: (typeof appointments.$inferSelect)["status"]; startsAt: Date }, now: Date) {
  if (!isOpen(row.status)) throw new RuleError(`This appointment is ${row.status.replace("_", "-")}: it cannot be changed online`, "INVALID_TRANSITION");
  const { changeableUntil, inWindow } = changeWindow(clinic, row.startsAt, now);
  if (!inWindow) {
    const until = clinicDateFormat(clinic).dateTime(changeableUntil);
    throw new RuleError(`Online changes were possible until ${until}. Please call ${clinic.name}.`, "OUTSIDE_NOTICE");
  }
}
