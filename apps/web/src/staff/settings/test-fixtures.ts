// The Paris clinic of src/test/fixtures.ts as the settings API would describe it.
import { clinic, ids } from "../../test/fixtures";
import { signedIn } from "../../test/staff-fixtures";
import type { StaffRole } from "../types";
import type { ClinicSettings, SettingsPractitioner, SettingsService, StaffList, WeeklyInterval } from "./types";
import { settingsProcedure } from "./test-trpc";

export const settingsOf: ClinicSettings = {
  id: ids.clinic,
  slug: clinic.slug,
  name: clinic.name,
  timezone: clinic.timezone,
  locale: clinic.locale,
  currency: clinic.currency,
  country: "FR",
  minNoticeMinutes: 120,
  horizonDays: 60,
  slotStepMinutes: 15,
  cancellationNoticeMinutes: 1440,
  email: "hello@demo-paris.frontdesk.test",
  phone: null,
  address: clinic.address,
  waitlistOfferMode: "in_order",
  waitlistOfferMinutes: 60,
};

export const practitionerList: SettingsPractitioner[] = [
  { id: ids.martin, displayName: "Dr Claire Martin", colour: "#2563eb", active: true, userId: null, serviceIds: [ids.consultation] },
  { id: ids.haddad, displayName: "Dr Yasmine Haddad", colour: "#9333ea", active: true, userId: null, serviceIds: [ids.consultation] },
  { id: ids.arnaud, displayName: "Sophie Arnaud (kiné)", colour: "#d97706", active: false, userId: null, serviceIds: [ids.physio] },
];

export const serviceList: SettingsService[] = [
  {
    id: ids.consultation,
    name: "Consultation",
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    priceCents: 3000,
    bookableOnline: true,
    active: true,
    noteSections: [],
    practitionerIds: [ids.martin, ids.haddad],
  },
  {
    id: ids.physio,
    name: "Kinésithérapie",
    durationMinutes: 60,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    priceCents: null,
    bookableOnline: false,
    active: true,
    noteSections: [],
    practitionerIds: [ids.arnaud],
  },
];

/** Monday to Friday 09:00–12:30 and 13:30–18:00, like the demo clinic. */
export const demoWeek: WeeklyInterval[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "12:30" },
  { weekday, start: "13:30", end: "18:00" },
]);

export const staffList: StaffList = {
  members: [
    { membershipId: "0b8f1c2e-7777-4000-8000-000000000001", userId: "0b8f1c2e-5555-4000-8000-000000000002", name: "Olivier Owner", email: "owner@example.com", role: "owner" },
    { membershipId: "0b8f1c2e-7777-4000-8000-000000000002", userId: "0b8f1c2e-5555-4000-8000-000000000001", name: "Léa Accueil", email: "lea@example.com", role: "receptionist" },
  ],
  invitations: [{ id: "0b8f1c2e-8888-4000-8000-000000000001", email: "new.admin@example.com", role: "admin", expiresAt: "2026-03-09T08:00:00.000Z" }],
};

/** A signed-in member with `role`, and the lists the settings screens read. */
export function settingsWorld(role: StaffRole = "admin") {
  return [
    settingsProcedure("auth.me", () => signedIn(role)),
    settingsProcedure("clinic.settings.get", () => settingsOf),
    settingsProcedure("practitioners.list", () => practitionerList),
    settingsProcedure("services.list", () => serviceList),
    settingsProcedure("clinic.staff.list", () => staffList),
  ];
}
