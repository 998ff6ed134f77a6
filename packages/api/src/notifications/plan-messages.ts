// Task appointment.notify: after an appointment changed, decides who hears what, on which
// channel, and when; writes one `messages` row per message and enqueues its send. Runs again
// safely: each message has an idempotency key (event + channel + recipient), so a second plan of
// the same change adds nothing. Reminders are planned here too, from the appointment as it is
// now: a move re-plans them, a cancellation skips them and removes their jobs.
import { withTenant, type Transaction } from "@frontdesk/db";
import { clinics, memberNotificationPreferences, memberships, messages, notificationOptOuts, patients, users, type MessageChannel, type MessageKind } from "@frontdesk/db/schema";
import { isOpen } from "@frontdesk/domain";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { loadAppointment } from "../booking/appointments";
import { dequeueJob, enqueueJob } from "../jobs/queue";
import { defineTask, type WorkerDeps } from "../jobs/task";
import { PLAN_MESSAGES_TASK } from "./events";
import { isShortChannel, reminderInstant } from "./reminders";
import { SEND_MESSAGE_TASK, sendJobKey } from "./send-task";
import { notificationRules } from "./settings";

const payload = z.object({
  clinicId: z.uuid(),
  appointmentId: z.uuid(),
  event: z.enum(["booked", "rescheduled", "cancelled"]),
  version: z.number().int().positive(),
  previousStart: z.iso.datetime().nullable(),
  notifyPatient: z.boolean(),
  by: z.enum(["patient", "staff"]),
  /** A series' one confirmation (ADR 0033): keyed by the series, it lists every occurrence. */
  seriesId: z.uuid().optional(),
});

/** A number SMS can reach: E.164 ("+33 6 12 34 56 78" gives "+33612345678"); without a country code we cannot tell. */
export function mobileNumberOf(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[\s().-]/g, "");
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : null;
}

export interface PlannedMessage {
  clinicId: string;
  /** Null for waitlist offers and their "gone" notices: no appointment yet. */
  appointmentId: string | null;
  patientId: string | null;
  kind: MessageKind;
  channel: MessageChannel;
  recipient: string;
  idempotencyKey: string;
  sendAt: Date;
  context: Record<string, string | number | boolean | null>;
  /** Known at planning: e.g. the patient opted out. The message is recorded as skipped. */
  skipReason?: string;
}

/** Writes the message unless its key exists, and enqueues its send; answers whether it was new. */
export async function queueMessage(tx: Transaction, planned: PlannedMessage, now: Date): Promise<boolean> {
  const { skipReason, ...values } = planned;
  const [row] = await tx
    .insert(messages)
    .values({ ...values, status: skipReason ? "skipped" : "queued", failureReason: skipReason ?? null })
    .onConflictDoNothing({ target: [messages.clinicId, messages.idempotencyKey] })
    .returning({ id: messages.id });
  if (!row) return false;
  if (!skipReason) {
    await enqueueJob(tx, { task: SEND_MESSAGE_TASK, payload: { messageId: row.id }, delayMs: planned.sendAt.getTime() - now.getTime(), key: sendJobKey(row.id) });
  }
  return true;
}

const NOTICE_KIND = { booked: "confirmation", rescheduled: "rescheduled", cancelled: "cancelled" } as const satisfies Record<string, MessageKind>;

const CHANNEL_NAMES: Record<MessageChannel, string> = { email: "e-mail", sms: "SMS", whatsapp: "WhatsApp" };
export const optedOutReason = (channel: MessageChannel) => `The patient opted out of ${CHANNEL_NAMES[channel]} messages`;

async function plan(tx: Transaction, deps: WorkerDeps, job: z.infer<typeof payload>): Promise<void> {
  const { clinicId, appointmentId } = job;
  const row = await loadAppointment(tx, clinicId, appointmentId).catch(() => undefined);
  if (!row) return;
  const appointment = row.appointment;
  const [patient] = await tx
    .select({ id: patients.id, email: patients.email, phone: patients.phone })
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), eq(patients.id, appointment.patientId)));
  const optedOut = new Set(
    (await tx.select({ channel: notificationOptOuts.channel }).from(notificationOptOuts).where(and(eq(notificationOptOuts.clinicId, clinicId), eq(notificationOptOuts.patientId, appointment.patientId)))).map(
      (o) => o.channel,
    ),
  );
  const now = deps.clock.now();
  const base = { clinicId, appointmentId, patientId: appointment.patientId };

  // The notice of this change, unless a later change superseded it (that one sends its own).
  const current = appointment.version === job.version && (job.event === "cancelled" || isOpen(appointment.status));
  if (job.notifyPatient && current && patient?.email) {
    const kind = NOTICE_KIND[job.event];
    await queueMessage(tx, {
      ...base,
      kind,
      channel: "email",
      recipient: patient.email,
      idempotencyKey: job.seriesId
        ? `${kind}:series:${job.seriesId}:email:${patient.email.toLowerCase()}`
        : `${kind}:${appointmentId}:v${job.version}:email:${patient.email.toLowerCase()}`,
      sendAt: now,
      context: { version: job.version, previousStart: job.previousStart, seriesId: job.seriesId ?? null },
      ...(optedOut.has("email") ? { skipReason: optedOutReason("email") } : {}),
    }, now);
  }

  // Members who asked to hear of new online bookings.
  if (job.event === "booked" && job.by === "patient") {
    const members = await tx
      .select({ userId: memberNotificationPreferences.userId, email: users.email })
      .from(memberNotificationPreferences)
      .innerJoin(memberships, and(eq(memberships.clinicId, memberNotificationPreferences.clinicId), eq(memberships.userId, memberNotificationPreferences.userId)))
      .innerJoin(users, eq(users.id, memberNotificationPreferences.userId))
      .where(and(eq(memberNotificationPreferences.clinicId, clinicId), eq(memberNotificationPreferences.newOnlineBookingEmail, true)));
    for (const member of members) {
      await queueMessage(tx, {
        ...base,
        patientId: null,
        kind: "staff_new_booking",
        channel: "email",
        recipient: member.email,
        idempotencyKey: `staff_new_booking:${appointmentId}:email:${member.userId}`,
        sendAt: now,
        context: { userId: member.userId },
      }, now);
    }
  }

  await planReminders(tx, deps, { ...base, appointment, patient, optedOut, now });
}

async function planReminders(
  tx: Transaction,
  deps: WorkerDeps,
  input: {
    clinicId: string;
    appointmentId: string;
    patientId: string;
    appointment: Awaited<ReturnType<typeof loadAppointment>>["appointment"];
    patient: { email: string | null; phone: string | null } | undefined;
    optedOut: Set<MessageChannel>;
    now: Date;
  },
): Promise<void> {
  const { clinicId, appointmentId, appointment } = input;
  const wanted = new Set<string>();
  if (isOpen(appointment.status) && appointment.startsAt > input.now) {
    const rules = await notificationRules(tx, clinicId);
    const clinic = await clinicZone(tx, clinicId);
    const start = appointment.startsAt.toISOString();
    for (const rule of rules.reminders) {
      const recipient = isShortChannel(rule.channel) ? mobileNumberOf(input.patient?.phone ?? null) : (input.patient?.email ?? null);
      if (!recipient) continue;
      const sendAt = reminderInstant({ start: appointment.startsAt, rule, timeZone: clinic.timezone, quietHours: rules.quietHours });
      if (sendAt <= input.now) continue;
      // The start is part of the key: a moved appointment gets new reminders, the old ones are skipped below.
      const idempotencyKey = `reminder:${appointmentId}:${start}:${rule.minutesBefore}:${rule.channel}:${recipient.toLowerCase()}`;
      wanted.add(idempotencyKey);
      await queueMessage(tx, {
        clinicId,
        appointmentId,
        patientId: input.patientId,
        kind: "reminder",
        channel: rule.channel,
        recipient,
        idempotencyKey,
        sendAt,
        context: { start, minutesBefore: rule.minutesBefore },
        ...(input.optedOut.has(rule.channel) ? { skipReason: optedOutReason(rule.channel) } : {}),
      }, input.now);
    }
  }
  // Reminders planned before that no longer fit (moved, cancelled, rules changed): skipped, jobs removed.
  const pending = await tx
    .select({ id: messages.id, key: messages.idempotencyKey })
    .from(messages)
    .where(and(eq(messages.clinicId, clinicId), eq(messages.appointmentId, appointmentId), eq(messages.kind, "reminder"), inArray(messages.status, ["queued", "retrying"])))
    .for("update");
  const stale = pending.filter((m) => !wanted.has(m.key));
  if (stale.length === 0) return;
  const reason = isOpen(appointment.status) ? "The appointment moved: a new reminder replaces this one" : "The appointment is no longer open";
  await tx
    .update(messages)
    .set({ status: "skipped", failureReason: reason, nextAttemptAt: null, updatedAt: input.now })
    .where(and(eq(messages.clinicId, clinicId), inArray(messages.id, stale.map((m) => m.id))));
  for (const message of stale) await dequeueJob(tx, sendJobKey(message.id));
  deps.logger.info({ component: "notifications", clinicId, appointmentId, skipped: stale.length }, "reminders withdrawn");
}

async function clinicZone(tx: Transaction, clinicId: string) {
  const [clinic] = await tx.select({ timezone: clinics.timezone }).from(clinics).where(eq(clinics.id, clinicId));
  return clinic!;
}

export const planMessagesTask = defineTask({
  name: PLAN_MESSAGES_TASK,
  payload,
  run: (job, deps) => withTenant(deps.db, { clinicId: job.clinicId, userId: null, role: "system" }, (tx) => plan(tx, deps, job)),
});
