import { searchPatientsInput } from "@frontdesk/domain";
import { patientSearchView } from "@frontdesk/domain";
import { patients } from "@frontdesk/db/schema";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { procedure } from "../../trpc";
import { searchConditions } from "./patient-record";

/** Active patients whose name, e-mail or phone contains every fragment typed; paged, by name. */
export const search = procedure("patients.search")
    .meta({ openapi: { method: "GET", path: "/patients", tags: ["Patients"], protect: true, summary: "Active patients whose name, e-mail or phone contains every fragment typed" } })
    .output(patientSearchView)
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
  });
