// Checks the patient's details with the same zod schemas the server validates with.
import { bookingNote, bookingPatient } from "@frontdesk/domain";
import { detailsErrorKey, FIELDS, type DetailsValues, type FieldErrors } from "./DetailsStep";

/**
 * The first problem per field, as a catalogue key (the patient page words it in the patient's
 * language); empty when the details would pass the server's checks.
 */
export function validateDetails(values: DetailsValues): FieldErrors {
  const errors: FieldErrors = {};
  const patient = bookingPatient.safeParse({ name: values.name, email: values.email, phone: values.phone });
  const note = bookingNote.safeParse(values.note);
  const issues = [
    ...(patient.success ? [] : patient.error.issues.map((issue) => ({ field: issue.path[0], tooLong: issue.code === "too_big" }))),
    ...(note.success ? [] : note.error.issues.map((issue) => ({ field: "note", tooLong: issue.code === "too_big" }))),
  ];
  for (const { field, tooLong } of issues) {
    if (typeof field !== "string") continue;
    const known = FIELDS.find((name) => name === field);
    if (known && !errors[known]) errors[known] = detailsErrorKey(known, tooLong);
  }
  return errors;
}
