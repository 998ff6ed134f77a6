// Shapes of the patient procedures, taken from the router's type (never copied by hand).
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";

export type PatientSearchAnswer = RouterOutputs["patients"]["search"];
export type PatientListItem = PatientSearchAnswer["items"][number];
export type PatientRecordAnswer = RouterOutputs["patients"]["get"];
export type PatientRecord = PatientRecordAnswer["patient"];
export type PatientAppointment = PatientRecordAnswer["appointments"][number];
export type PatientUpdateInput = RouterInputs["patients"]["update"];
