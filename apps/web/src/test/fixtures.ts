// A small clinic in Paris and its free times, as the API would answer. The patient is in
// Los Angeles (nine hours behind in March), so every time shows on two clocks.
import type { BookAnswer, ManagedBooking, PublicClinic, Slot, SlotsAnswer } from "../api/types";
import type { Environment } from "../environment";

export const NOW = new Date("2026-03-02T08:00:00Z");
export const PATIENT_ZONE = "America/Los_Angeles";

export const ids = {
  clinic: "0b8f1c2e-1111-4000-8000-000000000001",
  consultation: "0b8f1c2e-2222-4000-8000-000000000001",
  physio: "0b8f1c2e-2222-4000-8000-000000000002",
  martin: "0b8f1c2e-3333-4000-8000-000000000001",
  haddad: "0b8f1c2e-3333-4000-8000-000000000002",
  arnaud: "0b8f1c2e-3333-4000-8000-000000000003",
  appointment: "0b8f1c2e-4444-4000-8000-000000000001",
};

export const clinic: PublicClinic = {
  id: ids.clinic,
  slug: "demo-paris",
  name: "Cabinet Demo Paris",
  timezone: "Europe/Paris",
  locale: "fr-FR",
  currency: "EUR",
  address: "12 rue de la Santé, 75013 Paris",
  phone: "+33 1 23 45 67 89",
  policy: { minNoticeMinutes: 120, horizonDays: 60, slotStepMinutes: 15, cancellationNoticeMinutes: 1440 },
  services: [
    { id: ids.consultation, name: "Consultation", durationMinutes: 30, priceCents: 3000 },
    { id: ids.physio, name: "Kinésithérapie", durationMinutes: 60, priceCents: null },
  ],
  practitioners: [
    { id: ids.martin, displayName: "Dr Claire Martin", colour: "#2563eb", serviceIds: [ids.consultation] },
    { id: ids.haddad, displayName: "Dr Yasmine Haddad", colour: "#9333ea", serviceIds: [ids.consultation] },
    { id: ids.arnaud, displayName: "Sophie Arnaud (kiné)", colour: "#d97706", serviceIds: [ids.physio] },
  ],
  features: { onlineBooking: true, waitlist: true },
  brand: { logo: null, accentColour: null, description: null, mapUrl: null, services: {}, practitioners: {} },
  embedOrigins: [],
};

export function slot(start: string, minutes = 30): Slot {
  return { start, end: new Date(Date.parse(start) + minutes * 60_000).toISOString() };
}

/** Free times in March 2026 (Paris is UTC+1 until the 29th): two days, the 3rd and the 5th. */
export const marchSlots: Record<string, Slot[]> = {
  "2026-03-03": [
    slot("2026-03-03T08:00:00.000Z"), // 09:00 Paris, morning
    slot("2026-03-03T08:30:00.000Z"), // 09:30
    slot("2026-03-03T13:00:00.000Z"), // 14:00, afternoon
    slot("2026-03-03T16:30:00.000Z"), // 17:30, evening
  ],
  "2026-03-05": [slot("2026-03-05T09:00:00.000Z")],
};

/** The API's answer for a range: every date in it, with the free times the fixture has. */
export function slotsFor(from: string, to: string, byDay: Record<string, Slot[]> = marchSlots): SlotsAnswer {
  const days: SlotsAnswer["days"] = [];
  for (let date = from; date <= to; date = nextDay(date)) days.push({ date, starts: (byDay[date] ?? []).map((s) => s.start) });
  return { timezone: "Europe/Paris", durationMinutes: 30, days };
}

function nextDay(date: string): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + 1);
  return value.toISOString().slice(0, 10);
}

export function bookAnswer(start: string, practitionerName = "Dr Claire Martin"): BookAnswer {
  return {
    appointment: {
      id: ids.appointment,
      start,
      end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
      status: "booked",
      source: "online",
      serviceId: ids.consultation,
      serviceName: "Consultation",
      practitionerId: ids.martin,
      practitionerName,
      version: 1,
      clinicName: clinic.name,
      timezone: clinic.timezone,
    },
    manageToken: "manage-token-0123456789",
    manageUrl: "http://localhost:3000/booking/manage-token-0123456789",
  };
}

export function managedBooking(overrides: Partial<ManagedBooking> = {}): ManagedBooking {
  const { appointment } = bookAnswer("2026-03-05T09:00:00.000Z");
  return {
    appointment,
    clinic: {
      slug: clinic.slug,
      name: clinic.name,
      timezone: clinic.timezone,
      locale: clinic.locale,
      address: clinic.address,
      phone: clinic.phone,
      cancellationNoticeMinutes: 1440,
    },
    canChange: true,
    changeableUntil: "2026-03-04T09:00:00.000Z",
    when: "jeudi 5 mars 2026, 10:00–10:30",
    ...overrides,
  };
}

export function testEnvironment(overrides: Partial<Environment> = {}): Environment {
  let key = 0;
  return {
    patientTimeZone: PATIENT_ZONE,
    now: () => NOW,
    newKey: () => `00000000-0000-4000-8000-${String(++key).padStart(12, "0")}`,
    ...overrides,
  };
}
