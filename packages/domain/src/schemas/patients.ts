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
