// What each message says: one function from a kind, a channel, a language and safe variables to
// the subject, the text and (e-mail) an HTML alternative. The built-in wording comes from the
// catalogues (messages/, ADR 0057); a clinic's own wording (ADR 0024) comes in as `template` in
// the same {{variable}} form and is filled by the same code, so staff text can use these values
// and nothing else (no HTML, no expressions).
import type { MessageChannel, MessageKind } from "@frontdesk/db/schema";
import { escapeHtml, type PatientLanguage } from "@frontdesk/domain";
import { messageText } from "../messages";

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

/** Kinds whose short form (SMS, WhatsApp) carries no opt-out: the staff notice goes to staff. */
const NO_SHORT_FOOTER: readonly MessageKind[] = ["staff_new_booking"];

/**
 * The built-in wording of a kind on a channel in a language (the catalogues, messages/*.ts),
 * footer included: e-mail, or the short form every other channel (and the "sms" template) uses.
 */
export function defaultTemplate(kind: MessageKind, channel: MessageChannel | "sms", language: PatientLanguage = "en"): MessageTemplate {
  if (channel === "email") {
    return {
      subject: messageText(language, `${kind}.email.subject`),
      text: `${messageText(language, `${kind}.email.text`)}\n\n${messageText(language, "footer.email")}`,
    };
  }
  const text = messageText(language, `${kind}.short.text`);
  return { subject: "", text: NO_SHORT_FOOTER.includes(kind) ? text : `${text} ${messageText(language, "footer.short")}` };
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Fills {{name}} with the value of `name` in `values`; a name it lacks is left out (never evaluated). */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => (Object.hasOwn(values, name) ? values[name]! : ""));
}

/** Fills {{name}} with the variable's value; an unknown name is left out (never evaluated). */
export function fillTemplate(template: string, variables: MessageVariables): string {
  return fillPlaceholders(template, pick(variables));
}

// Only the listed names: a template cannot reach anything else that happens to be on the object.
const pick = (variables: MessageVariables): Record<string, string> => Object.fromEntries(MESSAGE_VARIABLES.map((name) => [name, variables[name]]));

// An empty optional value (no address) leaves no blank line behind.
const tidyText = (text: string) => text.replace(/\n{3,}/g, "\n\n");
const oneLine = (subject: string) => subject.replace(/[\r\n]+/g, " ").trim();

export interface RenderInput {
  kind: MessageKind;
  channel: MessageChannel;
  variables: MessageVariables;
  /** The language of the built-in wording (English when absent). */
  language?: PatientLanguage;
  /** The clinic's own wording for this kind and channel, if any. */
  template?: MessageTemplate;
}

function templateOf(input: RenderInput): MessageTemplate {
  return input.template ?? defaultTemplate(input.kind, input.channel, input.language);
}

/** The wording of one message: the clinic's template when it has one, the built-in one otherwise. */
export function renderMessage(input: RenderInput): RenderedMessage {
  const template = templateOf(input);
  return { subject: oneLine(fillTemplate(template.subject, input.variables)), text: tidyText(fillTemplate(template.text, input.variables)) };
}

/** The variables that hold our own links: the only text the HTML part turns into links. */
const LINK_VARIABLES: ReadonlySet<string> = new Set(["manageUrl", "confirmUrl", "optOutUrl", "offerUrl"] satisfies (keyof MessageVariables)[]);

/**
 * The e-mail's HTML alternative: the same template with every piece escaped, the template's own
 * text as much as the values (a patient's name, a clinic's address), and only our own links made
 * clickable. `lang` tells screen readers which voice to read it with.
 */
export function renderEmailHtml(input: RenderInput & { language: PatientLanguage; subject: string }): string {
  const template = templateOf(input);
  const values = pick(input.variables);
  const pieces = template.text.split(PLACEHOLDER);
  // split() with a capture group alternates literal text and placeholder names.
  const body = tidyText(
    pieces
      .map((piece, index) => {
        if (index % 2 === 0) return escapeHtml(piece);
        const value = Object.hasOwn(values, piece) ? values[piece]! : "";
        return LINK_VARIABLES.has(piece) && /^https?:\/\//.test(value) ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>` : escapeHtml(value);
      })
      .join(""),
  );
  const paragraphs = body
    .trim()
    .split("\n\n")
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
  return `<!doctype html>\n<html lang="${input.language}">\n<head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>\n<body>\n${paragraphs}\n</body>\n</html>\n`;
}
