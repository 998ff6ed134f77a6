// Message templates per clinic (ADR 0024): the messages staff may reword, and the fixed list of
// variables each one offers. The wording is plain text with {{variable}} placeholders, filled by
// the one renderer of the notifications (packages/api notifications/content.ts); nothing a member
// types becomes markup or code. The form and the server check a template with the same rules.

/** The patient messages with editable wording (the notifications' message kinds). */
export const TEMPLATE_KINDS = ["confirmation", "rescheduled", "cancelled", "reminder"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** "sms" is the short form, used for SMS and WhatsApp alike; e-mail has a subject too. */
export const TEMPLATE_CHANNELS = ["email", "sms"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

const EVERY_KIND = ["clinicName", "clinicAddress", "clinicPhone", "patientName", "serviceName", "practitionerName", "when", "optOutUrl"] as const;

/** The variables each kind may use; anything else is refused when the template is saved. */
export const TEMPLATE_VARIABLES = {
  confirmation: [...EVERY_KIND, "manageUrl"],
  rescheduled: [...EVERY_KIND, "previousWhen", "manageUrl"],
  cancelled: [...EVERY_KIND],
  reminder: [...EVERY_KIND, "manageUrl", "confirmUrl"],
} as const satisfies Record<TemplateKind, readonly string[]>;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[TemplateKind][number];

/** What each variable stands for, for the editor's list. */
export const TEMPLATE_VARIABLE_HINTS: Record<TemplateVariable, string> = {
  clinicName: "the clinic's name",
  clinicAddress: "the clinic's address",
  clinicPhone: "the clinic's phone number",
  patientName: "the patient's name",
  serviceName: "the service booked",
  practitionerName: "the practitioner",
  when: "date and time of the appointment, in the clinic's time zone",
  previousWhen: "the time before the move",
  manageUrl: "link to cancel or move the appointment",
  confirmUrl: "link that confirms the patient is coming",
  optOutUrl: "link to stop these messages",
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** What is wrong with `text` as a template of `kind`, as sentences for the field; empty when it is fine. */
export function templateProblems(kind: TemplateKind, text: string): string[] {
  const allowed: readonly string[] = TEMPLATE_VARIABLES[kind];
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!allowed.includes(name)) unknown.add(`{{${name}}}`);
  }
  if (unknown.size > 0) {
    problems.push(`Unknown variable${unknown.size > 1 ? "s" : ""} ${[...unknown].join(", ")}: use one of the listed variables`);
  }
  // Braces left over once the placeholders are gone: a typo such as "{{clinicName}" or "{{{x}}}".
  if (/\{\{\{|\}\}\}/.test(text) || /\{\{|\}\}/.test(text.replace(PLACEHOLDER, ""))) problems.push("Unmatched {{ or }}: write variables as {{name}}");
  return problems;
}

/** The language a clinic's templates are kept under: "fr-CA" -> "fr". */
export function templateLocale(clinicLocale: string): string {
  const language = clinicLocale.toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2,3}$/.test(language) ? language : "en";
}
