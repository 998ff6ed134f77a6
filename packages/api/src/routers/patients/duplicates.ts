// patients.duplicates: before a record is added, the clinic's active patients who may be the same
// person: the same e-mail, the same phone (E.164, ADR 0036), or the same name and date of birth.
// Each lookup is an equality on an indexed column (leakproof, so it stays index-served under RLS).
import { patients } from "@frontdesk/db/schema";
import { findDuplicatesInput, patientDuplicatesView, toE164 } from "@frontdesk/domain";
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { procedure } from "../../trpc";
import { clinicPhoneCountry } from "./phone";

type MatchedOn = "email" | "phone" | "nameAndBirth";

export const duplicates = procedure("patients.duplicates")
  .meta({ openapi: { method: "GET", path: "/patient-duplicates", tags: ["Patients"], protect: true, summary: "Active patients who may be the same person: same e-mail, phone, or name and date of birth" } })
  .output(patientDuplicatesView)
  .input(findDuplicatesInput)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const phone = input.phone ? toE164(input.phone, await clinicPhoneCountry(staff.tx, staff.clinicId)) : null;
    const name = input.fullName?.trim() || null;
    const conditions: SQL[] = [];
    if (input.email) conditions.push(eq(patients.emailKey, input.email.toLowerCase()));
    if (phone) conditions.push(eq(patients.phone, phone));
    // The name folded once per statement, as the search does (ADR 0031).
    if (name && input.dateOfBirth) conditions.push(and(eq(patients.dateOfBirth, input.dateOfBirth), sql`${patients.nameKey} = (select search_normalize(${name}))`)!);
    if (conditions.length === 0) return { items: [] };
    const rows = await staff.tx
      .select({
        id: patients.id,
        fullName: patients.fullName,
        email: patients.email,
        phone: patients.phone,
        dateOfBirth: patients.dateOfBirth,
        sameName: sql<boolean>`${patients.nameKey} = (select search_normalize(${name ?? ""}))`,
      })
      .from(patients)
      .where(and(eq(patients.clinicId, staff.clinicId), isNull(patients.archivedAt), or(...conditions)))
      .orderBy(patients.nameKey, patients.id)
      .limit(10);
    return {
      items: rows.map(({ sameName, ...p }) => {
        const matchedOn: MatchedOn[] = [];
        if (input.email && p.email?.toLowerCase() === input.email.toLowerCase()) matchedOn.push("email");
        if (phone && p.phone === phone) matchedOn.push("phone");
        if (sameName && input.dateOfBirth && p.dateOfBirth === input.dateOfBirth) matchedOn.push("nameAndBirth");
        return { ...p, matchedOn };
      }),
    };
  });
