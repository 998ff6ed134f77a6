import { searchPatientsInput } from "@frontdesk/domain";
import { patientSearchView } from "@frontdesk/domain";
import { patients } from "@frontdesk/db/schema";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { procedure } from "../../trpc";
import { isPhoneQuery, searchConditions } from "./patient-record";
import { clinicPhoneCountry } from "./phone";

export type PatientSearchRow = {
  total: number;
  /** Null on the one row of a page past the last match: the total still comes back. */
  id: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
};

/**
 * One statement: the matches are read once from patients_search_idx (index only, ADR 0031),
 * counted, and only the page's records fetched by key.
 */
export function patientSearchQuery(clinicId: string, input: z.output<typeof searchPatientsInput>, phoneCountry: string | null = null) {
  const where = and(eq(patients.clinicId, clinicId), isNull(patients.archivedAt), ...searchConditions(input.query, phoneCountry));
  return sql`
    with hits as materialized (
      select ${patients.id} as id, ${patients.nameKey} as name_key, ${patients.fullName} as full_name from ${patients} where ${where}
    )
    select t.total, p.id, p.full_name as "fullName", p.email, p.phone, p.date_of_birth::text as "dateOfBirth"
      from (select count(*)::int as total from hits) t
      left join lateral (
        select id, name_key, full_name from hits order by name_key, full_name, id
         limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}
      ) page on true
      left join ${patients} p on p.clinic_id = ${clinicId} and p.id = page.id
     order by page.name_key, page.full_name, page.id`;
}

/** Active patients whose name, e-mail or phone contains every fragment typed; paged, by name. */
export const search = procedure("patients.search")
    .meta({ openapi: { method: "GET", path: "/patients", tags: ["Patients"], protect: true, summary: "Active patients whose name, e-mail or phone contains every fragment typed" } })
    .output(patientSearchView)
  .input(searchPatientsInput)
  .query(async ({ ctx, input }) => {
    const phoneCountry = isPhoneQuery(input.query) ? await clinicPhoneCountry(ctx.staff.tx, ctx.staff.clinicId) : null;
    const rows = await ctx.staff.tx.execute<PatientSearchRow>(patientSearchQuery(ctx.staff.clinicId, input, phoneCountry));
    const items = rows.flatMap(({ id, fullName, email, phone, dateOfBirth }) => (id ? [{ id, fullName, email, phone, dateOfBirth }] : []));
    return { items, total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
  });
