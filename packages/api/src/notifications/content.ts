// What each message says: one function from a kind, a channel and safe variables to the subject
// and text. English defaults; a clinic's own wording (issue 16, templates) comes in as
// `templates` in the same {{variable}} form and is filled by the same code, so staff text can
// use these values and nothing else (no HTML, no expressions).
import type { MessageChannel, MessageKind } from "@frontdesk/db/schema";

/** Every value a template may use. All plain text; links are absolute URLs. */
export interface MessageVariables {
  clinicName: string;
  clinicAddress: string;
  clinicPhone: string;
  patientName: string;
  serviceName: string;
  practitionerName: string;
  /** The appointment's date and time in the clinic's zone and locale ("Tuesday 3 March, 14:30–15:00"). */
  when: string;
  /** Before a move: the old time (change notices only). */
  previousWhen: string;
  manageUrl: string;
  /** Reminders: one click sets the appointment to confirmed. */
  confirmUrl: string;
  optOutUrl: string;
  /** Waitlist offers: the link that books the freed time, and until when it does. */
  offerUrl: string;
  offerExpires: string;
}

export const MESSAGE_VARIABLES = [
  "clinicName",
  "clinicAddress",
  "clinicPhone",
  "patientName",
  "serviceName",
  "practitionerName",
  "when",
  "previousWhen",
  "manageUrl",
  "confirmUrl",
  "optOutUrl",
  "offerUrl",
  "offerExpires",
] as const satisfies readonly (keyof MessageVariables)[];

/** A message's wording: `subject` is used by e-mail only; `text` is the body on every channel. */
export interface MessageTemplate {
  subject: string;
  text: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

const footer = "\n\nNo more e-mails like this: {{optOutUrl}}";
const shortFooter = " Stop: {{optOutUrl}}";

/** Defaults per kind: e-mail, and the short form for SMS and WhatsApp. */
export const DEFAULT_TEMPLATES: Record<MessageKind, { email: MessageTemplate; short: MessageTemplate }> = {
  confirmation: {
    email: {
      subject: "Booked: {{serviceName}} at {{clinicName}}",
      text:
        "Your appointment at {{clinicName}} is booked.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
        "To cancel or move it: {{manageUrl}}\nKeep this link to yourself: anyone who has it can change the appointment." +
        footer,
    },
    short: { subject: "", text: "{{clinicName}}: booked {{serviceName}}, {{when}}. Change: {{manageUrl}}" + shortFooter },
  },
  rescheduled: {
    email: {
      subject: "Moved: {{serviceName}} at {{clinicName}}",
      text:
        "Your appointment at {{clinicName}} has moved.\n\nNow: {{when}}\nBefore: {{previousWhen}}\n{{serviceName}} with {{practitionerName}}\n{{clinicAddress}}\n\n" +
        "The attached calendar file updates the event in your calendar.\nTo cancel or move it: {{manageUrl}}" +
        footer,
    },
    short: { subject: "", text: "{{clinicName}}: your {{serviceName}} moved to {{when}}. Change: {{manageUrl}}" + shortFooter },
  },
  cancelled: {
    email: {
      subject: "Cancelled: {{serviceName}} at {{clinicName}}",
      text:
        "Your appointment at {{clinicName}} on {{when}} ({{serviceName}} with {{practitionerName}}) is cancelled.\n\n" +
        "The attached calendar file removes it from your calendar. To book again, call {{clinicName}} {{clinicPhone}} or book online." +
        footer,
    },
    short: { subject: "", text: "{{clinicName}}: your {{serviceName}} on {{when}} is cancelled." + shortFooter },
  },
  reminder: {
    email: {
      subject: "Reminder: {{serviceName}} at {{clinicName}}, {{when}}",
      text:
        "A reminder of your appointment at {{clinicName}}.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
        "Coming? Confirm with one click: {{confirmUrl}}\nCannot make it? Cancel or move it: {{manageUrl}}" +
        footer,
    },
    short: { subject: "", text: "{{clinicName}}: reminder, {{serviceName}} {{when}}. Confirm: {{confirmUrl}} Cancel: {{manageUrl}}" + shortFooter },
  },
  staff_new_booking: {
    email: {
      subject: "New online booking: {{serviceName}}, {{when}}",
      text: "A patient booked online at {{clinicName}}.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n\nOpen the calendar to see the details." + footer,
    },
    short: { subject: "", text: "{{clinicName}}: new online booking, {{serviceName}} {{when}}." },
  },
  waitlist_offer: {
    email: {
      subject: "A time is free: {{serviceName}} at {{clinicName}}, {{when}}",
      text:
        "You are on the waitlist of {{clinicName}}, and a time has freed up.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
        "To take it, open this link before {{offerExpires}}: {{offerUrl}}\n" +
        "Other patients on the waitlist may be offered the same time: the first to take it gets it. Keep this link to yourself." +
        footer,
    },
    short: { subject: "", text: "{{clinicName}}: a time is free, {{serviceName}} {{when}}. Take it before {{offerExpires}}: {{offerUrl}}" + shortFooter },
  },
  waitlist_gone: {
    email: {
      subject: "Taken: {{serviceName}} at {{clinicName}}, {{when}}",
      text:
        "The time we offered you at {{clinicName}} ({{serviceName}} with {{practitionerName}}, {{when}}) has been taken.\n\n" +
        "You stay on the waitlist: we will write again when another time frees up." +
        footer,
    },
    short: { subject: "", text: "{{clinicName}}: the time {{when}} has been taken. You stay on the waitlist." + shortFooter },
  },
};

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Fills {{name}} with the variable's value; an unknown name is left out (never evaluated). */
export function fillTemplate(template: string, variables: MessageVariables): string {
  return template.replace(PLACEHOLDER, (_match, name: string) =>
    (MESSAGE_VARIABLES as readonly string[]).includes(name) ? variables[name as keyof MessageVariables] : "",
  );
}

/** The wording of one message: the clinic's template when it has one, the default otherwise. */
export function renderMessage(input: {
  kind: MessageKind;
  channel: MessageChannel;
  variables: MessageVariables;
  /** The clinic's own wording for this kind and channel, if any. */
  template?: MessageTemplate;
}): RenderedMessage {
  const defaults = DEFAULT_TEMPLATES[input.kind];
  const template = input.template ?? (input.channel === "email" ? defaults.email : defaults.short);
  const text = fillTemplate(template.text, input.variables)
    // An empty optional value (no address) leaves no blank line behind.
    .replace(/\n{3,}/g, "\n\n");
  return { subject: fillTemplate(template.subject, input.variables).replace(/[\r\n]+/g, " ").trim(), text };
}
