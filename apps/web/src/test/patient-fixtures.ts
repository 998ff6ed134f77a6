// Patients of the Paris clinic (src/test/fixtures.ts), as patients.search and patients.get answer.
// The clock of the tests is 2026-03-02T08:00Z (09:00 in Paris).
import { ids } from "./fixtures";
import type { PatientAppointment, PatientListItem, PatientRecordAnswer, PatientSearchAnswer } from "../staff/patients/types";

export const patientIds = {
  dupont: "0b8f1c2e-6666-4000-8000-000000000001",
  durand: "0b8f1c2e-6666-4000-8000-000000000002",
};

export function listItem(n: number, overrides: Partial<PatientListItem> = {}): PatientListItem {
  return {
    id: `0b8f1c2e-6666-4000-8000-${String(100 + n).padStart(12, "0")}`,
    fullName: `Patient ${String(n).padStart(2, "0")}`,
    email: `patient${n}@example.com`,
    phone: null,
    dateOfBirth: null,
    ...overrides,
  };
}

export const dupontItem: PatientListItem = {
  id: patientIds.dupont,
  fullName: "Jean Dupont",
  email: "jean.dupont@example.com",
  phone: "06 12 34 56 78",
  dateOfBirth: "1980-05-12",
};

/** One page of a search answer over `all` matches. */
export function searchAnswer(all: PatientListItem[], page = 1, pageSize = 20): PatientSearchAnswer {
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

export function patientAppointment(overrides: Partial<PatientAppointment> = {}): PatientAppointment {
  return {
    id: ids.appointment,
    startsAt: "2026-03-05T09:00:00.000Z",
    endsAt: "2026-03-05T09:30:00.000Z",
    status: "booked",
    source: "staff",
    notes: null,
    cancelReason: null,
    serviceId: ids.consultation,
    serviceName: "Consultation",
    practitionerId: ids.martin,
    practitionerName: "Dr Claire Martin",
    ...overrides,
  };
}

export function dupontRecord(overrides: Partial<PatientRecordAnswer["patient"]> = {}): PatientRecordAnswer {
  return {
    patient: {
      id: patientIds.dupont,
      fullName: "Jean Dupont",
      email: "jean.dupont@example.com",
      phone: "06 12 34 56 78",
      dateOfBirth: "1980-05-12",
      notes: "Prefers mornings.",
      archivedAt: null,
      mergedIntoId: null,
      createdAt: "2025-01-10T10:00:00.000Z",
      updatedAt: "2026-02-20T14:40:00.000Z",
      ...overrides,
    },
    appointments: [
      // Thursday 5 March, 10:00 in Paris: ahead.
      patientAppointment({ id: "0b8f1c2e-4444-4000-8000-000000000011", startsAt: "2026-03-05T09:00:00.000Z", endsAt: "2026-03-05T09:30:00.000Z" }),
      // February: behind, one of them a no-show.
      patientAppointment({
        id: "0b8f1c2e-4444-4000-8000-000000000012",
        startsAt: "2026-02-20T14:00:00.000Z",
        endsAt: "2026-02-20T14:30:00.000Z",
        status: "no_show",
      }),
      patientAppointment({
        id: "0b8f1c2e-4444-4000-8000-000000000013",
        startsAt: "2026-02-02T08:00:00.000Z",
        endsAt: "2026-02-02T08:30:00.000Z",
        status: "completed",
        practitionerName: "Dr Yasmine Haddad",
      }),
    ],
    noShowCount: 1,
  };
}
