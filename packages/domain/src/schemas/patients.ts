// The clinic's patient records (patients.*).
import { z } from "zod";
import { dateOfBirth, phoneNumber } from "./booking";
import { count, email, id, instant, personName, text } from "./fields";

export const PATIENT_PAGE_SIZE_MAX = 100;

/** Staff edit these; null clears a field (unlike online booking, where "" means "not given"). */
export const patientFields = {
  fullName: personName,
  email: email.nullable(),
  phone: phoneNumber.nullable(),
  dateOfBirth: dateOfBirth.nullable(),
  notes: text(5000, "Keep the notes under 5000 characters").nullable(),
};

export const searchPatientsInput = z.object({
  query: text(200, "Type at most 200 characters").default(""),
  page: count(10_000).default(1),
  pageSize: count(PATIENT_PAGE_SIZE_MAX, `At most ${PATIENT_PAGE_SIZE_MAX} per page`).default(20),
});

export const patientInput = z.object({ patientId: id });

export const createPatientInput = z.object({
  fullName: patientFields.fullName,
  email: patientFields.email.optional(),
  phone: patientFields.phone.optional(),
  dateOfBirth: patientFields.dateOfBirth.optional(),
  notes: patientFields.notes.optional(),
});

export const updatePatientInput = z.object({
  patientId: id,
  fullName: patientFields.fullName.optional(),
  email: patientFields.email.optional(),
  phone: patientFields.phone.optional(),
  dateOfBirth: patientFields.dateOfBirth.optional(),
  notes: patientFields.notes.optional(),
  /** The record's `updatedAt` as the editor saw it; optional, so older clients keep last-write-wins. */
  expectedUpdatedAt: instant.optional(),
});

/** patients.duplicates: what the create form has typed so far; any field may be missing. */
export const findDuplicatesInput = z.object({
  fullName: text(120, "Name is too long").optional(),
  email: email.optional(),
  phone: phoneNumber.optional(),
  dateOfBirth: dateOfBirth.optional(),
});

/** patients.merge: `sourceId`'s appointments, messages, waitlist entries and notes move to `targetId`; the source is archived. */
export const mergePatientsInput = z.object({ sourceId: id, targetId: id });
/** patients.unmerge: splits a merged patient back out, from the merge's audit entry. */
export const unmergePatientInput = z.object({ sourceId: id });
