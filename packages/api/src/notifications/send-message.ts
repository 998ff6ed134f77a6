// Task message.send: hands one message to its channel, once. The steps:
//   1. claim, in a tenant transaction: the row is locked, re-checked (still wanted? opted out?),
//      rendered, marked `sending` with a lease, and a watchdog job is enqueued for when the lease
//      ends, all in one commit: a second worker finds it claimed and leaves it;
//   2. send, outside any transaction (a slow peer holds no lock or connection);
//   3. record: sent (the watchdog removed), or retrying at a later time (exponential backoff), or
//      failed with a reason after a refusal or the last attempt.
// A worker that dies between 1 and 3 leaves a `sending` row whose lease runs out; the watchdog
// then sends it again with the same Message-ID. That window (the peer took it, we did not record
// it) is the one place a message can arrive twice; ADR 0022 explains why no queue can close it.
import { createCapabilityToken } from "@frontdesk/auth";
import { withTenant, type Transaction } from "@frontdesk/db";
import { appointments, bookingTokens, clinics, messages, notificationOptOuts, patients, type AppointmentStatus } from "@frontdesk/db/schema";
import { appointmentCalendarFile, calendarContentType, isOpen, OPEN_STATUSES, type DateFormat, type PatientLanguage } from "@frontdesk/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { loadAppointment } from "../booking/appointments";
import { flagsOfClinic } from "../flags/read";
import { dequeueJob, enqueueJob } from "../jobs/queue";
import { defineTask, type SendPolicy, type WorkerDeps } from "../jobs/task";
import { SendRefusedError, type OutgoingMessage } from "./channels";
import { renderEmailHtml, renderMessage, type MessageVariables, type RenderInput } from "./content";
import { messageDateFormat, messageLanguage, patientPageLink } from "../messages";
import { optedOutReason } from "./plan-messages";
import { SEND_MESSAGE_TASK, sendJobKey, watchJobKey } from "./send-task";
import { clinicTemplate } from "./templates";
import { isWaitlistMessage, waitlistMessageVariables } from "../waitlist/offer-message";

export { SEND_MESSAGE_TASK } from "./send-task";

export const DEFAULT_SEND_POLICY: SendPolicy = { maxAttempts: 6, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000, leaseMs: 2 * 60_000 };

/** The wait before attempt `attempt + 1`: base, 2×base, 4×base … up to the cap. */
export function retryDelayMs(attempt: number, policy: SendPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
}

const MANAGE_LINK_DAYS_AFTER = 30;
type MessageRow = typeof messages.$inferSelect;

type Claim = { kind: "send"; message: MessageRow; outgoing: OutgoingMessage } | { kind: "done" };

async function skip(tx: Transaction, message: MessageRow, reason: string, now: Date): Promise<Claim> {
  await tx.update(messages).set({ status: "skipped", failureReason: reason, leaseUntil: null, nextAttemptAt: null, updatedAt: now }).where(and(eq(messages.clinicId, message.clinicId), eq(messages.id, message.id)));
  return { kind: "done" };
}

/** Why a planned message should no longer go out, if it should not. */
function noLongerWanted(message: MessageRow, appointment: { status: AppointmentStatus; startsAt: Date }, now: Date): string | null {
  if (message.kind === "reminder") {
    if (!isOpen(appointment.status)) return "The appointment is no longer open";
    if (appointment.startsAt.toISOString() !== message.context.start) return "The appointment moved: a new reminder replaces this one";
    if (appointment.startsAt <= now) return "The appointment has already started";
  }
  if ((message.kind === "confirmation" || message.kind === "rescheduled") && !isOpen(appointment.status)) return "The appointment is no longer open";
  // Staff undid the cancellation before it went out (ADR 0034).
  if (message.kind === "cancelled" && isOpen(appointment.status)) return "The cancellation was undone";
  return null;
}

async function claim(tx: Transaction, deps: WorkerDeps, policy: SendPolicy, messageId: string, clinicId: string): Promise<Claim> {
  const now = deps.clock.now();
  const [message] = await tx.select().from(messages).where(and(eq(messages.clinicId, clinicId), eq(messages.id, messageId))).for("update");
  if (!message) return { kind: "done" };
  if (message.status === "sent" || message.status === "delivered" || message.status === "failed" || message.status === "skipped") return { kind: "done" };
  // Another worker holds it and may still be sending: its watchdog comes back when the lease ends.
  if (message.status === "sending" && message.leaseUntil && message.leaseUntil > now) return { kind: "done" };
  const dueAt = message.status === "retrying" && message.nextAttemptAt ? message.nextAttemptAt : message.sendAt;
  if (dueAt > now) {
    // Early by our clock (the database's runs ahead): back in the queue for the difference.
    await enqueueJob(tx, { task: SEND_MESSAGE_TASK, payload: { messageId }, delayMs: dueAt.getTime() - now.getTime(), key: sendJobKey(messageId) });
    return { kind: "done" };
  }
  if (!deps.channels[message.channel]) return skip(tx, message, `${message.channel === "email" ? "E-mail" : message.channel === "sms" ? "SMS" : "WhatsApp"} is not set up on this server`, now);

  const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, clinicId));
  if (clinic && isWaitlistMessage(message.kind)) return claimWaitlistMessage(tx, deps, policy, message, clinic, now);
  const row = message.appointmentId ? await loadAppointment(tx, clinicId, message.appointmentId).catch(() => undefined) : undefined;
  if (!clinic || !row) return skip(tx, message, "The appointment no longer exists", now);
  if (message.channel === "sms" && !flagsOfClinic(clinic).sms) return skip(tx, message, "Text messages are switched off for this clinic", now);
  const unwanted = noLongerWanted(message, row.appointment, now);
  if (unwanted) return skip(tx, message, unwanted, now);
  const [patient] = await tx.select({ fullName: patients.fullName }).from(patients).where(and(eq(patients.clinicId, clinicId), eq(patients.id, row.appointment.patientId)));
  if (message.patientId) {
    const [optOut] = await tx
      .select({ channel: notificationOptOuts.channel })
      .from(notificationOptOuts)
      .where(and(eq(notificationOptOuts.clinicId, clinicId), eq(notificationOptOuts.patientId, message.patientId), eq(notificationOptOuts.channel, message.channel)));
    if (optOut) return skip(tx, message, optedOutReason(message.channel), now);
  }

  // Fresh links for this message: the manage link (also the reminder's confirm link) and the opt-out.
  const manage = createCapabilityToken(clinicId);
  const optOut = createCapabilityToken(clinicId);
  const forPatient = message.patientId !== null;
  if (forPatient) {
    await tx.insert(bookingTokens).values({
      clinicId,
      appointmentId: row.appointment.id,
      tokenHash: manage.tokenHash,
      expiresAt: new Date(row.appointment.endsAt.getTime() + MANAGE_LINK_DAYS_AFTER * 86_400_000),
    });
  }
  // The patient's language (the appointment keeps the booking page's), the clinic's for staff (ADR 0057).
  const spoken = messageLanguage(clinic.locale, forPatient ? row.appointment.language : null);
  const template = spoken.clinicLanguage ? await clinicTemplate(tx, clinicId, message.kind, message.channel) : undefined;
  const format = messageDateFormat(clinic, spoken.language, template !== undefined);
  const seriesId = typeof message.context.seriesId === "string" ? message.context.seriesId : null;
  const manageUrl = forPatient ? patientPageLink(`${deps.publicUrl}/booking/${manage.token}`, spoken.language) : `${deps.publicUrl}/staff`;
  const variables: MessageVariables = {
    clinicName: clinic.name,
    clinicAddress: clinic.address ?? "",
    clinicPhone: clinic.phone ?? "",
    patientName: forPatient ? (patient?.fullName ?? "") : "",
    serviceName: row.serviceName,
    practitionerName: row.practitionerName,
    when: seriesId
      ? await seriesWhen(tx, clinicId, seriesId, format)
      : format.appointmentTime(row.appointment.startsAt.toISOString(), row.appointment.endsAt.toISOString()),
    previousWhen: typeof message.context.previousStart === "string" ? format.dateTime(new Date(message.context.previousStart)) : "",
    manageUrl,
    confirmUrl: forPatient ? patientPageLink(`${deps.publicUrl}/confirm/${manage.token}`, spoken.language) : manageUrl,
    optOutUrl: forPatient ? patientPageLink(`${deps.publicUrl}/opt-out/${optOut.token}`, spoken.language) : `${deps.publicUrl}/staff/account`,
    offerUrl: "",
    offerExpires: "",
  };
  const outgoing = outgoingMessage(message, { kind: message.kind, channel: message.channel, variables, language: spoken.language, ...(template ? { template } : {}) });
  // A series' confirmation lists its dates in the text; one calendar file per occurrence is left to the manage links.
  if (!seriesId && message.channel === "email" && (message.kind === "confirmation" || message.kind === "rescheduled" || message.kind === "cancelled")) {
    const method = message.kind === "cancelled" ? "CANCEL" : "PUBLISH";
    const booking = {
      appointment: {
        id: row.appointment.id,
        start: row.appointment.startsAt.toISOString(),
        end: row.appointment.endsAt.toISOString(),
        serviceName: row.serviceName,
        practitionerName: row.practitionerName,
        version: row.appointment.version,
      },
      manageUrl,
    };
    outgoing.attachments = [
      { filename: method === "CANCEL" ? "cancelled.ics" : "appointment.ics", contentType: calendarContentType(method), content: appointmentCalendarFile({ booking, clinic, now, method, language: spoken.language }) },
    ];
  }
  if (message.channel !== "email") outgoing.statusCallbackUrl = `${deps.publicUrl}/hooks/messages/status/${clinicId}/${message.id}`;

  const leaseUntil = new Date(now.getTime() + policy.leaseMs);
  const [claimed] = await tx
    .update(messages)
    .set({ status: "sending", attempts: message.attempts + 1, leaseUntil, nextAttemptAt: null, optOutTokenHash: forPatient ? optOut.tokenHash : null, updatedAt: now })
    .where(and(eq(messages.clinicId, clinicId), eq(messages.id, message.id)))
    .returning();
  await enqueueJob(tx, { task: SEND_MESSAGE_TASK, payload: { messageId: message.id }, delayMs: policy.leaseMs, key: watchJobKey(message.id) });
  return { kind: "send", message: claimed!, outgoing };
}

/** claim() for a waitlist offer or its "gone" notice: no appointment, so no manage link and no calendar file. */
async function claimWaitlistMessage(tx: Transaction, deps: WorkerDeps, policy: SendPolicy, message: MessageRow, clinic: typeof clinics.$inferSelect, now: Date): Promise<Claim> {
  if (message.patientId) {
    const [optOut] = await tx
      .select({ channel: notificationOptOuts.channel })
      .from(notificationOptOuts)
      .where(and(eq(notificationOptOuts.clinicId, clinic.id), eq(notificationOptOuts.patientId, message.patientId), eq(notificationOptOuts.channel, message.channel)));
    if (optOut) return skip(tx, message, optedOutReason(message.channel), now);
  }
  const optOut = createCapabilityToken(clinic.id);
  const filled = await waitlistMessageVariables(tx, { clinic, message, publicUrl: deps.publicUrl, optOutUrl: `${deps.publicUrl}/opt-out/${optOut.token}`, now });
  if ("skip" in filled) return skip(tx, message, filled.skip, now);
  const outgoing = outgoingMessage(message, { kind: message.kind, channel: message.channel, variables: filled.variables, language: filled.language });
  if (message.channel !== "email") outgoing.statusCallbackUrl = `${deps.publicUrl}/hooks/messages/status/${clinic.id}/${message.id}`;
  const [claimed] = await tx
    .update(messages)
    .set({ status: "sending", attempts: message.attempts + 1, leaseUntil: new Date(now.getTime() + policy.leaseMs), nextAttemptAt: null, optOutTokenHash: optOut.tokenHash, updatedAt: now })
    .where(and(eq(messages.clinicId, clinic.id), eq(messages.id, message.id)))
    .returning();
  await enqueueJob(tx, { task: SEND_MESSAGE_TASK, payload: { messageId: message.id }, delayMs: policy.leaseMs, key: watchJobKey(message.id) });
  return { kind: "send", message: claimed!, outgoing };
}

/** The message as its channel takes it: subject and text, and for e-mail the escaped HTML alternative in the same words. */
function outgoingMessage(message: MessageRow, render: RenderInput & { language: PatientLanguage }): OutgoingMessage {
  const content = renderMessage(render);
  const outgoing: OutgoingMessage = { messageId: message.id, to: message.recipient, subject: content.subject, text: content.text };
  if (message.channel === "email") outgoing.html = renderEmailHtml({ ...render, subject: content.subject });
  return outgoing;
}

/** Every open occurrence of a series, one per line, for its one confirmation (ADR 0033). */
async function seriesWhen(tx: Transaction, clinicId: string, seriesId: string, format: DateFormat): Promise<string> {
  const rows = await tx
    .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.seriesId, seriesId), inArray(appointments.status, [...OPEN_STATUSES])))
    .orderBy(asc(appointments.startsAt));
  return rows.map((r) => format.appointmentTime(r.startsAt.toISOString(), r.endsAt.toISOString())).join("\n");
}

async function record(deps: WorkerDeps, policy: SendPolicy, message: MessageRow, outcome: { providerMessageId?: string } | { error: unknown }): Promise<void> {
  await withTenant(deps.db, { clinicId: message.clinicId, userId: null, role: "system" }, async (tx) => {
    const now = deps.clock.now();
    const where = and(eq(messages.clinicId, message.clinicId), eq(messages.id, message.id), eq(messages.status, "sending"));
    await dequeueJob(tx, watchJobKey(message.id));
    if (!("error" in outcome)) {
      await tx.update(messages).set({ status: "sent", sentAt: now, leaseUntil: null, failureReason: null, providerMessageId: outcome.providerMessageId ?? null, updatedAt: now }).where(where);
      return;
    }
    const reason = outcome.error instanceof Error && "reason" in outcome.error ? String(outcome.error.reason) : "The message could not be sent";
    const final = outcome.error instanceof SendRefusedError || message.attempts >= policy.maxAttempts;
    deps.logger.warn({ component: "notifications", clinicId: message.clinicId, messageId: message.id, channel: message.channel, attempt: message.attempts, final }, "message send failed");
    if (final) {
      await tx.update(messages).set({ status: "failed", failureReason: reason, leaseUntil: null, nextAttemptAt: null, updatedAt: now }).where(where);
      return;
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(message.attempts, policy));
    await tx.update(messages).set({ status: "retrying", failureReason: reason, leaseUntil: null, nextAttemptAt, updatedAt: now }).where(where);
    await enqueueJob(tx, { task: SEND_MESSAGE_TASK, payload: { messageId: message.id }, delayMs: nextAttemptAt.getTime() - now.getTime(), key: sendJobKey(message.id) });
  });
}

export async function sendMessage(deps: WorkerDeps, clinicId: string, messageId: string): Promise<void> {
  const policy = { ...DEFAULT_SEND_POLICY, ...deps.sending };
  const claimed = await withTenant(deps.db, { clinicId, userId: null, role: "system" }, (tx) => claim(tx, deps, policy, messageId, clinicId));
  if (claimed.kind === "done") return;
  const channel = deps.channels[claimed.message.channel]!;
  let outcome: { providerMessageId?: string } | { error: unknown };
  try {
    outcome = await channel.send(claimed.outgoing);
  } catch (error) {
    outcome = { error };
  }
  await record(deps, policy, claimed.message, outcome);
}

export const sendMessageTask = defineTask({
  name: SEND_MESSAGE_TASK,
  payload: z.object({ clinicId: z.uuid(), messageId: z.uuid() }),
  run: (job, deps) => sendMessage(deps, job.clinicId, job.messageId),
});
