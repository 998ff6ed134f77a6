// Staff at the Paris clinic of fixtures.ts, and its calendar as calendar.range would answer. The
// tests run in Los Angeles (vitest.config.ts), nine hours behind Paris in early March.
import type { RouterOutputs } from "@frontdesk/api";
import type { CalendarAppointment, CalendarRange, Me, StaffRole } from "../staff/types";
import { clinic, ids } from "./fixtures";

export const otherClinicId = "0b8f1c2e-1111-4000-8000-000000000002";

export function signedIn(role: StaffRole = "receptionist", clinics: "one" | "two" = "one"): Me {
  const memberships: Me["memberships"] = [
    { clinicId: ids.clinic, clinicName: clinic.name, clinicSlug: clinic.slug, timezone: clinic.timezone, role },
  ];
  if (clinics === "two") {
    memberships.push({ clinicId: otherClinicId, clinicName: "Clinique Lyon Sud", clinicSlug: "lyon-sud", timezone: "Europe/Paris", role: "practitioner" });
  }
  return { user: { id: "0b8f1c2e-5555-4000-8000-000000000001", name: "Léa Accueil", email: "lea@example.com" }, memberships, activeClinicId: ids.clinic };
}

export const signInAnswer: RouterOutputs["auth"]["signIn"] = { status: "signed_in", user: signedIn().user };

export function appointment(overrides: Partial<CalendarAppointment> = {}): CalendarAppointment {
  return {
    id: ids.appointment,
    practitionerId: ids.martin,
    serviceId: ids.consultation,
    serviceName: "Consultation",
    patientId: "0b8f1c2e-6666-4000-8000-000000000001",
    patientName: "Jean Dupont",
    // 09:00 in Paris on Tuesday 3 March; midnight in Los Angeles.
    start: "2026-03-03T08:00:00.000Z",
    end: "2026-03-03T08:30:00.000Z",
    status: "confirmed",
    source: "staff",
    version: 1,
    ...overrides,
  };
}

/** Dr Martin and Dr Haddad, both working 08:00–12:00 and 14:00–18:00 on weekdays (Paris time). */
export function calendarDay(appointments: CalendarAppointment[] = [appointment()]): CalendarRange {
  const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: "08:00", end: "12:00" },
    { weekday, start: "14:00", end: "18:00" },
  ]);
  return {
    timezone: clinic.timezone,
    // The staff screens' own default; the calendar's tests of the clinic's locale set fr-FR.
    locale: "en-GB",
    practitioners: [
      { id: ids.martin, displayName: "Dr Claire Martin", colour: "#2563eb", active: true, workingHours: weekdays, exceptions: [] },
      { id: ids.haddad, displayName: "Dr Yasmine Haddad", colour: "#9333ea", active: true, workingHours: weekdays, exceptions: [] },
    ],
    appointments,
  };
}
