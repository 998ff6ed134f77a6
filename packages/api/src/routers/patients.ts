import { appointments, patients, practitioners, services } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, count, desc, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { createPatientInput, patientInput, searchPatientsInput, updatePatientInput } from "@frontdesk/domain";
import { recordStaffAudit } from "../audit";
import { changedFields } from "../audit-diff";
import { ConflictError, NotFoundError } from "../errors";
import { procedure, type StaffScope } from "../trpc";

const OPEN_STATUSES = ["booked", "confirmed", "arrived"] as const;

async function loadPatient(staff: StaffScope, patientId: string, { lock = false } = {}) {
  const query = staff.tx
    .select()
    .from(patients)
    .where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patientId)));
  const [patient] = lock ? await query.for("update") : await query;
  if (!patient) throw new NotFoundError("Patient");
  return patient;
}

const recordView = (p: typeof patients.$inferSelect) => ({
  id: p.id,
  fullName: p.fullName,
  email: p.email,
  phone: p.phone,
  dateOfBirth: p.dateOfBirth,
  notes: p.notes,
  archivedAt: p.archivedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
  /** Send it back as `expectedUpdatedAt` with an edit to be told when someone changed the record meanwhile. */
  updatedAt: p.updatedAt.toISOString(),
});

/** `%` and `_` in what staff type are text, not wildcards. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One LIKE condition per fragment; all must match. A query made only of phone characters is
 * one fragment of digits ("06 12" finds 06.12.34.56.78); otherwise words are fragments of the
 * name or e-mail. Each fragment is folded by the function that made the stored search text.
 */
function searchConditions(query: string): SQL[] {
  const phoneLike = /^[+\d\s().-]+$/.test(query) && /\d/.test(query);
  const fragments = phoneLike ? [query.replace(/\D/g, "")] : query.split(/\s+/).filter(Boolean);
  return fragments.map((fragment) => sql`${patients.searchText} like '%' || search_normalize(${escapeLike(fragment)}) || '%'`);
}

export const patientsRouter = {
  /** Active patients whose name, e-mail or phone contains every fragment typed; paged, by name. */
  search: procedure("patients.search")
    .input(searchPatientsInput)
    .query(async ({ ctx, input }) => {
      const { tx, clinicId } = ctx.staff;
      const where = and(eq(patients.clinicId, clinicId), isNull(patients.archivedAt), ...searchConditions(input.query));
      const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(patients).where(where);
      const rows = await tx
        .select({ id: patients.id, fullName: patients.fullName, email: patients.email, phone: patients.phone, dateOfBirth: patients.dateOfBirth })
        .from(patients)
        .where(where)
        .orderBy(asc(sql`search_normalize(${patients.fullName})`), asc(patients.fullName), asc(patients.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize);
      return { items: rows, total, page: input.page, pageSize: input.pageSize };
    }),

  /** The record with every appointment (newest first) and the no-show count. Each view is audited. */
  get: procedure("patients.get")
    .input(patientInput)
    .query(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const patient = await loadPatient(staff, input.patientId);
      const history = await staff.tx
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
        .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.patientId, patient.id)))
        .orderBy(desc(appointments.startsAt), desc(appointments.id));
      // Who looked at which patient, when (issue 5): a read of a record is audited like a change.
      await recordStaffAudit(ctx, {
        action: "view",
        entity: "patient",
        entityId: patient.id,
      });
      return {
        patient: recordView(patient),
        appointments: history.map((a) => ({ ...a, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() })),
        noShowCount: history.filter((a) => a.status === "no_show").length,
      };
    }),

  create: procedure("patients.create")
    .input(createPatientInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const values = { fullName: input.fullName, email: input.email ?? null, phone: input.phone ?? null, dateOfBirth: input.dateOfBirth ?? null, notes: input.notes ?? null };
      const [created] = await staff.tx
        .insert(patients)
        .values({ clinicId: staff.clinicId, ...values })
        .returning();
      await recordStaffAudit(ctx, {
        action: "create",
        entity: "patient",
        entityId: created!.id,
        // Which fields were filled in, not their contents: the audit log is not a second patient record.
        changes: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null).map(([field]) => [field, [null, "(set)"]])),
      });
      return recordView(created!);
    }),

  update: procedure("patients.update")
    .input(updatePatientInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const { patientId, expectedUpdatedAt, ...patch } = input;
      // Locked until the transaction ends, so that two edits made from the same version cannot both pass the check.
      const before = await loadPatient(staff, patientId, { lock: true });
      if (expectedUpdatedAt !== undefined && before.updatedAt.getTime() !== Date.parse(expectedUpdatedAt)) {
        throw new ConflictError(`Someone else changed ${before.fullName}'s record while you were editing it`, { reason: "STALE_VERSION", details: { current: recordView(before) } });
      }
      const changes = changedFields(before, patch);
      if (Object.keys(changes).length > 0) {
        await staff.tx
          .update(patients)
          .set({ ...patch, updatedAt: ctx.deps.clock.now() })
          .where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patientId)));
      }
      // Notes are clinical free text: the audit log says they changed, not what they say.
      if (changes.notes) changes.notes = ["(changed)", "(changed)"];
      await recordStaffAudit(ctx, {
        action: "update",
        entity: "patient",
        entityId: patientId,
        changes,
      });
      return recordView(await loadPatient(staff, patientId));
    }),

  /**
   * Soft delete: the record leaves search but keeps its history. Refused while the patient still
   * has upcoming appointments (cancel them first), so nobody turns up for a record nobody can find.
   */
  archive: procedure("patients.archive")
    .input(patientInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const patient = await loadPatient(staff, input.patientId);
      if (patient.archivedAt) throw new ConflictError(`${patient.fullName} is already archived`, { reason: "ALREADY_DONE" });
      const [upcoming] = await staff.tx
        .select({ n: count() })
        .from(appointments)
        .where(
          and(
            eq(appointments.clinicId, staff.clinicId),
            eq(appointments.patientId, patient.id),
            inArray(appointments.status, [...OPEN_STATUSES]),
            gt(appointments.endsAt, ctx.deps.clock.now()),
          ),
        );
      if (upcoming && upcoming.n > 0) {
        throw new ConflictError(`${patient.fullName} has ${upcoming.n} upcoming appointment(s): cancel them before archiving`, { reason: "IN_USE" });
      }
      const now = ctx.deps.clock.now();
      await staff.tx
        .update(patients)
        .set({ archivedAt: now, updatedAt: now })
        .where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patient.id)));
      await recordStaffAudit(ctx, {
        action: "archive",
        entity: "patient",
        entityId: patient.id,
        changes: { archivedAt: [null, now.toISOString()] },
      });
      return recordView({ ...patient, archivedAt: now });
    }),
} satisfies TRPCRouterRecord;
