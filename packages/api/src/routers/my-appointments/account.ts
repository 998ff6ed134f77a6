// How a signed-in patient reaches their own appointments at one clinic (ADR 0050): the clinic from
// the page's slug, the account from the session, and the records from account_patients()
// (migration 0034), which keeps to records linked to the account that still carry its proved
// e-mail. A record at another clinic with the same address is another tenant's row: never here.
import type { Transaction } from "@frontdesk/db";
import { sql } from "drizzle-orm";
import { loadAppointment } from "../../booking/appointments";
import type { Context } from "../../context";
import { NotFoundError } from "../../errors";
import { manageLimit } from "../../rate-limit/public-limits";
import type { PatientScope } from "../public/patient-changes";
import { clinicBySlug, type Clinic } from "../public/scope";

export interface AccountRecord {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
}

export interface PatientAccount {
  clinic: Clinic;
  userId: string;
}

/** The clinic of the page and the signed-in account, within the manage pages' rate. */
export async function patientAccount(ctx: Context & { session: { userId: string } }, clinicSlug: string): Promise<PatientAccount> {
  await manageLimit(ctx);
  return { clinic: await clinicBySlug(ctx, clinicSlug), userId: ctx.session.userId };
}

/** The account's records at the clinic in scope, newest first (none before myAppointments.link). */
export async function accountRecords(tx: Transaction): Promise<AccountRecord[]> {
  return [...(await tx.execute<AccountRecord & Record<string, unknown>>(sql`select id, full_name, email, phone from account_patients()`))];
}

/** The change scope of one of the account's appointments: any other answers NotFound, as an unknown id does. */
export function accountAppointment(account: PatientAccount, appointmentId: string): PatientScope {
  return {
    clinic: account.clinic,
    actor: { kind: "patient_account", userId: account.userId },
    find: async (tx) => {
      const records = await accountRecords(tx);
      const row = await loadAppointment(tx, account.clinic.id, appointmentId, { forUpdate: true });
      if (!records.some((record) => record.id === row.appointment.patientId)) throw new NotFoundError("Appointment");
      return row;
    },
  };
}
