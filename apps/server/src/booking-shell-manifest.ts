// What the web build tells the server about the booking page's first screen (booking-shell.ts):
// the build writes it (apps/web/scripts/booking-shell.ts), the server reads it. Type imports only, so the
// build's configuration can load it.
import type { PatientLanguage } from "@frontdesk/domain";

/** Written by the web build (apps/web/scripts/booking-shell.ts) as dist/booking-shell.json. */
export interface BookingShellManifest {
  /** Each language's catalogue chunk, e.g. { fr: "/assets/fr-CBB6OvqF.js" }. */
  catalogues: Record<PatientLanguage, string>;
  /** The catalogue entries the first screen needs, per language. */
  text: Record<PatientLanguage, Record<ShellTextKey, string>>;
  /** The plural entries, per language and plural category (`Intl.PluralRules`), as i18next keys them: "slots.dayFree" → { one, other }. */
  plurals: Record<PatientLanguage, Record<ShellPluralKey, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>>;
  /** The CSS modules' class names the first screen uses (they are hashed by the build). */
  classes: Record<ShellClass, string>;
}

export const SHELL_TEXT_KEYS = [
  "shell.skipToContent",
  "shell.footer",
  "language.label",
  "booking.title",
  "booking.timesIn",
  "booking.steps",
  "booking.step.service",
  "booking.step.practitioner",
  "booking.step.time",
  "booking.step.details",
  "booking.step.intake",
  "booking.step.confirm",
  "booking.service.heading",
  "duration.minutes",
  "duration.hours",
  "duration.hoursMinutes",
  "common.phone",
  "common.callClinicAt",
  "brand.logoAlt",
  "brand.map",
  "my.link",
  // The practitioner and time steps (ADR 0063).
  "booking.practitioner.heading",
  "booking.practitioner.anyone",
  "common.firstAvailable",
  "booking.summary.heading",
  "booking.summary.practitioner",
  "booking.summary.changeService",
  "booking.summary.changePractitioner",
  "common.service",
  "common.change",
  "brand.photoAlt",
  "slots.heading",
  "slots.previousMonth",
  "slots.nextMonth",
  "slots.dayNone",
  "waitlist.open",
] as const;
export type ShellTextKey = (typeof SHELL_TEXT_KEYS)[number];

/** Entries with a count: i18next's `key_one`, `key_other`, … in the catalogue. */
export const SHELL_PLURAL_KEYS = ["slots.dayFree", "slots.daysInMonth"] as const;
export type ShellPluralKey = (typeof SHELL_PLURAL_KEYS)[number];

/** `module.class` for each class the first screen uses, e.g. "booking.choice". */
export const SHELL_CLASSES = [
  "shell.skipLink",
  "shell.header",
  "shell.headerInner",
  "shell.brand",
  "shell.main",
  "shell.footer",
  "shell.footerInner",
  "booking.clinicHeader",
  "booking.languageSwitcher",
  "booking.clinicMeta",
  "booking.progress",
  "booking.layout",
  "booking.panel",
  "booking.choices",
  "booking.choice",
  "booking.choiceName",
  "booking.choiceMeta",
  "ui.stepHeading",
  "brand.logo",
  "brand.about",
  "brand.meta",
  // The practitioner and time steps (ADR 0063).
  "booking.summary",
  "booking.swatch",
  "brand.person",
  "brand.photo",
  "ui.button",
  "ui.secondary",
  "ui.link",
  "ui.actions",
  "slots.monthNav",
  "slots.navButton",
  "slots.monthTitle",
  "slots.grid",
  "slots.day",
  "slots.available",
  "slots.today",
  "slots.status",
] as const;
export type ShellClass = (typeof SHELL_CLASSES)[number];

