// The one call every appointment change makes, inside its own transaction: it enqueues the
// planning job (plan-messages.ts), which decides in the worker who hears what. Nothing here
// reads patient data, so the public scope (which cannot see patients) calls it the same way.
import type { Transaction } from "@frontdesk/db";
import { enqueueJob } from "../jobs/queue";
import { WAITLIST_FREED_TASK } from "../waitlist/task-names";

export type AppointmentEvent = "booked" | "rescheduled" | "cancelled";

export const PLAN_MESSAGES_TASK = "appointment.notify";

export interface AppointmentChange {
  clinicId: string;
  appointmentId: string;
  event: AppointmentEvent;
  /** The appointment's version after the change: the notice of an older version is not sent. */
  version: number;
  /** Rescheduled: where it was, for the notice's "before". */
  previousStart?: Date;
  /** Rescheduled to another practitioner: whose time it freed (the waitlist offers it). */
  previousPractitionerId?: string;
  /** Staff unticked "notify": the patient hears nothing of this change (reminders still follow the appointment). */
  notifyPatient?: boolean;
  /** Who made it: a patient online booking also tells the members who asked for it. */
  by: "patient" | "staff";
  /** A series' one confirmation (ADR 0033): the notice lists every occurrence of the series. */
  seriesId?: string;
}

/**
 * Enqueues the change's notifications in the caller's transaction: a rollback sends nothing. A
 * cancellation or a move also frees a time, which the waitlist offers (waitlist/offer-task.ts):
 * every change of an appointment passes here, so this is the one place that notices.
 */
export async function notifyAppointmentChange(tx: Transaction, change: AppointmentChange): Promise<void> {
  if (change.event !== "booked") {
    await enqueueJob(tx, {
      task: WAITLIST_FREED_TASK,
      payload: {
        appointmentId: change.appointmentId,
        event: change.event,
        previousStart: change.previousStart?.toISOString() ?? null,
        previousPractitionerId: change.previousPractitionerId ?? null,
      },
      key: `waitlist-freed:${change.appointmentId}:${change.version}`,
    });
  }
  return enqueueJob(tx, planningJob(change));
}

/**
 * The planning job of a change. public.book enqueues it inside its one write statement
 * (book/write.ts) instead of through notifyAppointmentChange: a booking frees no time.
 */
export function planningJob(change: AppointmentChange) {
  return {
    task: PLAN_MESSAGES_TASK,
    payload: {
      appointmentId: change.appointmentId,
      event: change.event,
      version: change.version,
      previousStart: change.previousStart?.toISOString() ?? null,
      notifyPatient: change.notifyPatient ?? true,
      by: change.by,
      ...(change.seriesId ? { seriesId: change.seriesId } : {}),
    },
    // One plan per version of the appointment: a retried request plans once.
    key: `plan:${change.appointmentId}:${change.version}`,
  };
}
