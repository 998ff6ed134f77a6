// The patient messages' built-in wording in English, the reference catalogue (ADR 0057): every
// other language has exactly these keys with the same {{placeholders}} (catalogue.test.ts). The
// notification kinds' entries are templates in the clinic-editable syntax (ADR 0024), filled by
// the one renderer (notifications/content.ts); the footers are appended by that renderer.
export const en = {
  "confirmation.email.subject": "Booked: {{serviceName}} at {{clinicName}}",
  "confirmation.email.text":
    "Your appointment at {{clinicName}} is booked.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "To cancel or move it: {{manageUrl}}\nKeep this link to yourself: anyone who has it can change the appointment.",
  "confirmation.short.text": "{{clinicName}}: booked {{serviceName}}, {{when}}. Change: {{manageUrl}}",

  "rescheduled.email.subject": "Moved: {{serviceName}} at {{clinicName}}",
  "rescheduled.email.text":
    "Your appointment at {{clinicName}} has moved.\n\nNow: {{when}}\nBefore: {{previousWhen}}\n{{serviceName}} with {{practitionerName}}\n{{clinicAddress}}\n\n" +
    "The attached calendar file updates the event in your calendar.\nTo cancel or move it: {{manageUrl}}",
  "rescheduled.short.text": "{{clinicName}}: your {{serviceName}} moved to {{when}}. Change: {{manageUrl}}",

  "cancelled.email.subject": "Cancelled: {{serviceName}} at {{clinicName}}",
  "cancelled.email.text":
    "Your appointment at {{clinicName}} on {{when}} ({{serviceName}} with {{practitionerName}}) is cancelled.\n\n" +
    "The attached calendar file removes it from your calendar. To book again, call {{clinicName}} {{clinicPhone}} or book online.",
  "cancelled.short.text": "{{clinicName}}: your {{serviceName}} on {{when}} is cancelled.",

  "reminder.email.subject": "Reminder: {{serviceName}} at {{clinicName}}, {{when}}",
  "reminder.email.text":
    "A reminder of your appointment at {{clinicName}}.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Coming? Confirm with one click: {{confirmUrl}}\nCannot make it? Cancel or move it: {{manageUrl}}",
  "reminder.short.text": "{{clinicName}}: reminder, {{serviceName}} {{when}}. Confirm: {{confirmUrl}} Cancel: {{manageUrl}}",

  "staff_new_booking.email.subject": "New online booking: {{serviceName}}, {{when}}",
  "staff_new_booking.email.text": "A patient booked online at {{clinicName}}.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n\nOpen the calendar to see the details.",
  "staff_new_booking.short.text": "{{clinicName}}: new online booking, {{serviceName}} {{when}}.",

  "waitlist_offer.email.subject": "A time is free: {{serviceName}} at {{clinicName}}, {{when}}",
  "waitlist_offer.email.text":
    "You are on the waitlist of {{clinicName}}, and a time has freed up.\n\n{{serviceName}} with {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "To take it, open this link before {{offerExpires}}: {{offerUrl}}\n" +
    "Other patients on the waitlist may be offered the same time: the first to take it gets it. Keep this link to yourself.",
  "waitlist_offer.short.text": "{{clinicName}}: a time is free, {{serviceName}} {{when}}. Take it before {{offerExpires}}: {{offerUrl}}",

  "waitlist_gone.email.subject": "Taken: {{serviceName}} at {{clinicName}}, {{when}}",
  "waitlist_gone.email.text":
    "The time we offered you at {{clinicName}} ({{serviceName}} with {{practitionerName}}, {{when}}) has been taken.\n\n" +
    "You stay on the waitlist: we will write again when another time frees up.",
  "waitlist_gone.short.text": "{{clinicName}}: the time {{when}} has been taken. You stay on the waitlist.",

  "footer.email": "No more e-mails like this: {{optOutUrl}}",
  "footer.short": "Stop: {{optOutUrl}}",

  "signInCode.subject": "Your Frontdesk sign-in code: {{code}}",
  "signInCode.text": "Your sign-in code is {{code}}.\n\nIt works once, for 10 minutes. If you did not ask for it, ignore this e-mail.\n",
} as const;

export type MessageKey = keyof typeof en;
/** A language's catalogue: every key of the English one, nothing else (the compiler checks both). */
export type Catalogue = Record<MessageKey, string>;
