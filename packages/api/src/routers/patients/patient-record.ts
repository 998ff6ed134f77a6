// A patient record as staff see and edit it: its fields and their rules, loading it, and the
// search conditions.
import { appointments, patients, practitioners, services } from "@frontdesk/db/schema";
import { phoneSearchDigits } from "@frontdesk/domain";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { ENCRYPTED } from "../../encryption/fields";
import { NotFoundError } from "../../errors";
import type { StaffScope } from "../../trpc";

/** The patient with their notes decrypted. */
export async function loadPatient(staff: StaffScope, patientId: string, { lock = false } = {}) {
  const query = staff.tx
    .select()
    .from(patients)
    .where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patientId)));
  const [patient] = lock ? await query.for("update") : await query;
  if (!patient) throw new NotFoundError("Patient");
  return { ...patient, notes: await staff.cipher.open(ENCRYPTED.patientNotes, patient.id, patient.notes) };
}

/**
 * Every appointment of the patient with its service and practitioner, notes decrypted, instants as
 * ISO strings: patients.get shows it newest first, patients.export oldest first.
 */
export async function patientAppointments(staff: StaffScope, patientId: string, order: "newest first" | "oldest first") {
  const direction = order === "newest first" ? desc : asc;
  const rows = await staff.tx
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      source: appointments.source,
      notes: appointments.notes,
      cancelReason: appointments.cancelReason,
      serviceId: appointments.serviceId,
      serviceName: services.name,
      practitionerId: appointments.practitionerId,
      practitionerName: practitioners.displayName,
    })
    .from(appointments)
    .innerJoin(services, and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)))
    .innerJoin(practitioners, and(eq(practitioners.clinicId, appointments.clinicId), eq(practitioners.id, appointments.practitionerId)))
    .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.patientId, patientId)))
    .orderBy(direction(appointments.startsAt), direction(appointments.id));
  return Promise.all(
    rows.map(async (a) => ({
      ...a,
      notes: await staff.cipher.open(ENCRYPTED.appointmentNotes, a.id, a.notes),
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
    })),
  );
}

export const recordView = (p: typeof patients.$inferSelect) => ({
  id: p.id,
  fullName: p.fullName,
  email: p.email,
  phone: p.phone,
  dateOfBirth: p.dateOfBirth,
  notes: p.notes,
  archivedAt: p.archivedAt?.toISOString() ?? null,
  mergedIntoId: p.mergedIntoId,
  createdAt: p.createdAt.toISOString(),
  /** Send it back as `expectedUpdatedAt` with an edit to be told when someone changed the record meanwhile. */
  updatedAt: p.updatedAt.toISOString(),
});

/** `%` and `_` in what staff type are text, not wildcards. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A query made only of phone characters, with a digit: searched as a phone number. */
export const isPhoneQuery = (query: string) => /^[+\d\s().-]+$/.test(query) && /\d/.test(query);

/**
 * One LIKE condition per fragment; all must match. A phone query is one fragment of digits, the
 * digits the stored E.164 number holds (`phoneSearchDigits`, ADR 0036: "06 05 55 57 54" in a
 * French clinic finds +33605555754); otherwise words are fragments of the name or e-mail. Each
 * fragment is folded by the function that made the stored search text.
 */
export function searchConditions(query: string, phoneCountry: string | null = null): SQL[] {
  const fragments = isPhoneQuery(query) ? [phoneSearchDigits(query, phoneCountry)] : query.split(/\s+/).filter(Boolean);
  // The pattern is a scalar subquery, computed once per statement: written inline, a prepared
  // statement's generic plan folded accents again for every row it read (ADR 0031).
  return fragments.map((fragment) => sql`${patients.searchText} like (select '%' || search_normalize(${escapeLike(fragment)}) || '%')`);
}
