// Message templates per clinic (ADR 0024): the message kinds staff may reword, the fixed list of
// variables each kind offers, and the one substitution that fills them. Templates are plain text:
// a value is inserted as text, and nothing a member types becomes markup (an HTML rendering
// escapes the template and the values alike, see renderTemplateHtml).

export const TEMPLATE_KINDS = ["confirmation", "change", "cancellation", "reminder"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_CHANNELS = ["email", "sms"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

const EVERY_KIND = [
  "patient.firstName",
  "clinic.name",
  "clinic.phone",
  "appointment.start",
  "appointment.date",
  "appointment.time",
  "appointment.service",
  "appointment.practitioner",
  "links.optOut",
] as const;

/** The variables each kind may use; anything else is refused when the template is saved. */
export const TEMPLATE_VARIABLES = {
  confirmation: [...EVERY_KIND, "links.manage"],
  change: [...EVERY_KIND, "appointment.previousStart", "links.manage"],
  cancellation: [...EVERY_KIND, "links.book"],
  reminder: [...EVERY_KIND, "links.manage", "links.confirm"],
} as const satisfies Record<TemplateKind, readonly string[]>;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[TemplateKind][number];

/** Values for every variable of a kind, already formatted (dates in the clinic's zone and locale). */
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** What is wrong with `text` as a template of `kind`, as sentences for the field; empty when it is fine. */
export function templateProblems(kind: TemplateKind, text: string): string[] {
  const allowed: readonly string[] = TEMPLATE_VARIABLES[kind];
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!allowed.includes(name)) unknown.add(name === "" ? "{{}}" : `{{${name}}}`);
  }
  if (unknown.size > 0) {
    problems.push(`Unknown variable${unknown.size > 1 ? "s" : ""} ${[...unknown].join(", ")}: use one of the listed variables`);
  }
  // Braces left over once the placeholders are gone: a typo such as "{{clinic.name}" or "{{{x}}}".
  if (/\{\{\{|\}\}\}/.test(text) || /\{\{|\}\}/.test(text.replace(PLACEHOLDER, ""))) problems.push("Unmatched {{ or }}: write variables as {{name}}");
  return problems;
}

/** The template with each {{variable}} replaced by its value (a missing value reads as empty). */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => values[name as TemplateVariable] ?? "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** For an HTML e-mail part: staff text and values are escaped alike, line breaks kept. */
export function renderTemplateHtml(text: string, values: TemplateValues): string {
  return text
    .split(PLACEHOLDER)
    .map((piece, index) => (index % 2 === 1 ? escapeHtml(values[piece as TemplateVariable] ?? "") : escapeHtml(piece)))
    .join("")
    .replace(/\r?\n/g, "<br>\n");
}

export interface TemplateText {
  subject: string;
  body: string;
}

type Defaults = Record<TemplateKind, Record<TemplateChannel, TemplateText>>;

const ENGLISH: Defaults = {
  confirmation: {
    email: {
      subject: "Your appointment at {{clinic.name}} on {{appointment.date}}",
      body:
        "Hello {{patient.firstName}},\n\nYour appointment is booked: {{appointment.service}} with {{appointment.practitioner}} on {{appointment.start}}.\n\n" +
        "To reschedule or cancel: {{links.manage}}\n\n{{clinic.name}}\n\nStop these e-mails: {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}}: booked {{appointment.start}}. Manage: {{links.manage}} Stop: {{links.optOut}}" },
  },
  change: {
    email: {
      subject: "Your appointment at {{clinic.name}} has moved to {{appointment.date}}",
      body:
        "Hello {{patient.firstName}},\n\nYour appointment ({{appointment.service}} with {{appointment.practitioner}}) moved from {{appointment.previousStart}} to {{appointment.start}}.\n\n" +
        "To reschedule or cancel: {{links.manage}}\n\n{{clinic.name}}\n\nStop these e-mails: {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}}: your appointment moved to {{appointment.start}}. Manage: {{links.manage}} Stop: {{links.optOut}}" },
  },
  cancellation: {
    email: {
      subject: "Your appointment at {{clinic.name}} on {{appointment.date}} is cancelled",
      body:
        "Hello {{patient.firstName}},\n\nYour appointment ({{appointment.service}} with {{appointment.practitioner}}) on {{appointment.start}} is cancelled.\n\n" +
        "Book another time: {{links.book}}\n\n{{clinic.name}}\n\nStop these e-mails: {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}}: your appointment on {{appointment.start}} is cancelled. Stop: {{links.optOut}}" },
  },
  reminder: {
    email: {
      subject: "Reminder: {{appointment.service}} at {{clinic.name}} on {{appointment.date}}",
      body:
        "Hello {{patient.firstName}},\n\nA reminder of your appointment: {{appointment.service}} with {{appointment.practitioner}} on {{appointment.start}}.\n\n" +
        "Confirm you are coming: {{links.confirm}}\nReschedule or cancel: {{links.manage}}\n\n{{clinic.name}}\n\nStop these e-mails: {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}}: reminder, {{appointment.start}}. Confirm: {{links.confirm}} Stop: {{links.optOut}}" },
  },
};

const FRENCH: Defaults = {
  confirmation: {
    email: {
      subject: "Votre rendez-vous chez {{clinic.name}} le {{appointment.date}}",
      body:
        "Bonjour {{patient.firstName}},\n\nVotre rendez-vous est réservé : {{appointment.service}} avec {{appointment.practitioner}} le {{appointment.start}}.\n\n" +
        "Pour le déplacer ou l'annuler : {{links.manage}}\n\n{{clinic.name}}\n\nNe plus recevoir ces e-mails : {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}} : RDV le {{appointment.start}}. Gérer : {{links.manage}} Stop : {{links.optOut}}" },
  },
  change: {
    email: {
      subject: "Votre rendez-vous chez {{clinic.name}} est déplacé au {{appointment.date}}",
      body:
        "Bonjour {{patient.firstName}},\n\nVotre rendez-vous ({{appointment.service}} avec {{appointment.practitioner}}) passe du {{appointment.previousStart}} au {{appointment.start}}.\n\n" +
        "Pour le déplacer ou l'annuler : {{links.manage}}\n\n{{clinic.name}}\n\nNe plus recevoir ces e-mails : {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}} : RDV déplacé au {{appointment.start}}. Gérer : {{links.manage}} Stop : {{links.optOut}}" },
  },
  cancellation: {
    email: {
      subject: "Votre rendez-vous chez {{clinic.name}} du {{appointment.date}} est annulé",
      body:
        "Bonjour {{patient.firstName}},\n\nVotre rendez-vous ({{appointment.service}} avec {{appointment.practitioner}}) du {{appointment.start}} est annulé.\n\n" +
        "Reprendre rendez-vous : {{links.book}}\n\n{{clinic.name}}\n\nNe plus recevoir ces e-mails : {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}} : RDV du {{appointment.start}} annulé. Stop : {{links.optOut}}" },
  },
  reminder: {
    email: {
      subject: "Rappel : {{appointment.service}} chez {{clinic.name}} le {{appointment.date}}",
      body:
        "Bonjour {{patient.firstName}},\n\nRappel de votre rendez-vous : {{appointment.service}} avec {{appointment.practitioner}} le {{appointment.start}}.\n\n" +
        "Confirmer votre venue : {{links.confirm}}\nDéplacer ou annuler : {{links.manage}}\n\n{{clinic.name}}\n\nNe plus recevoir ces e-mails : {{links.optOut}}",
    },
    sms: { subject: "", body: "{{clinic.name}} : rappel, RDV le {{appointment.start}}. Confirmer : {{links.confirm}} Stop : {{links.optOut}}" },
  },
};

const DEFAULTS: Record<string, Defaults> = { en: ENGLISH, fr: FRENCH };

/** The locale a clinic's templates are kept under: its language ("fr-CA" -> "fr"), English when we ship none. */
export function templateLocale(clinicLocale: string): string {
  const language = clinicLocale.toLowerCase().split(/[-_]/)[0] ?? "en";
  return Object.hasOwn(DEFAULTS, language) ? language : "en";
}

/** The built-in wording of a message, in the clinic's language. */
export function defaultTemplate(kind: TemplateKind, channel: TemplateChannel, clinicLocale: string): TemplateText {
  return DEFAULTS[templateLocale(clinicLocale)]![kind][channel];
}

/** Example values for previews: nobody's real data. */
export const SAMPLE_TEMPLATE_VALUES: Required<TemplateValues> = {
  "patient.firstName": "Alex",
  "clinic.name": "Sample Clinic",
  "clinic.phone": "+1 555 0100",
  "appointment.start": "Tuesday 14 March at 10:30",
  "appointment.date": "Tuesday 14 March",
  "appointment.time": "10:30",
  "appointment.service": "Consultation",
  "appointment.practitioner": "Dr Martin",
  "appointment.previousStart": "Monday 13 March at 09:00",
  "links.manage": "https://example.com/booking/sample",
  "links.optOut": "https://example.com/opt-out/sample",
  "links.book": "https://example.com/book/sample-clinic",
  "links.confirm": "https://example.com/confirm/sample",
};
