// The patient messages in German (ADR 0057). Keys and placeholders: en.ts.
import type { Catalogue } from "./en";

export const de: Catalogue = {
  "confirmation.email.subject": "Gebucht: {{serviceName}} bei {{clinicName}}",
  "confirmation.email.text":
    "Ihr Termin bei {{clinicName}} ist gebucht.\n\n{{serviceName}} mit {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Absagen oder verschieben: {{manageUrl}}\nGeben Sie diesen Link nicht weiter: Wer ihn hat, kann den Termin ändern.",
  "confirmation.short.text": "{{clinicName}}: {{serviceName}} gebucht, {{when}}. Ändern: {{manageUrl}}",

  "rescheduled.email.subject": "Verschoben: {{serviceName}} bei {{clinicName}}",
  "rescheduled.email.text":
    "Ihr Termin bei {{clinicName}} wurde verschoben.\n\nNeu: {{when}}\nVorher: {{previousWhen}}\n{{serviceName}} mit {{practitionerName}}\n{{clinicAddress}}\n\n" +
    "Die angehängte Kalenderdatei aktualisiert den Termin in Ihrem Kalender.\nAbsagen oder verschieben: {{manageUrl}}",
  "rescheduled.short.text": "{{clinicName}}: Ihr Termin {{serviceName}} ist jetzt am {{when}}. Ändern: {{manageUrl}}",

  "cancelled.email.subject": "Abgesagt: {{serviceName}} bei {{clinicName}}",
  "cancelled.email.text":
    "Ihr Termin bei {{clinicName}} am {{when}} ({{serviceName}} mit {{practitionerName}}) ist abgesagt.\n\n" +
    "Die angehängte Kalenderdatei entfernt ihn aus Ihrem Kalender. Für einen neuen Termin rufen Sie {{clinicName}} an ({{clinicPhone}}) oder buchen Sie online.",
  "cancelled.short.text": "{{clinicName}}: Ihr Termin {{serviceName}} am {{when}} ist abgesagt.",

  "reminder.email.subject": "Erinnerung: {{serviceName}} bei {{clinicName}}, {{when}}",
  "reminder.email.text":
    "Eine Erinnerung an Ihren Termin bei {{clinicName}}.\n\n{{serviceName}} mit {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Sie kommen? Bestätigen Sie mit einem Klick: {{confirmUrl}}\nSie können nicht? Absagen oder verschieben: {{manageUrl}}",
  "reminder.short.text": "{{clinicName}}: Erinnerung, {{serviceName}} {{when}}. Bestätigen: {{confirmUrl}} Absagen: {{manageUrl}}",

  "staff_new_booking.email.subject": "Neue Online-Buchung: {{serviceName}}, {{when}}",
  "staff_new_booking.email.text": "Ein Patient hat bei {{clinicName}} online gebucht.\n\n{{serviceName}} mit {{practitionerName}}\n{{when}}\n\nÖffnen Sie den Kalender für die Einzelheiten.",
  "staff_new_booking.short.text": "{{clinicName}}: neue Online-Buchung, {{serviceName}} {{when}}.",

  "waitlist_offer.email.subject": "Ein Termin ist frei geworden: {{serviceName}} bei {{clinicName}}, {{when}}",
  "waitlist_offer.email.text":
    "Sie stehen auf der Warteliste von {{clinicName}}, und ein Termin ist frei geworden.\n\n{{serviceName}} mit {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Um ihn zu nehmen, öffnen Sie diesen Link vor {{offerExpires}}: {{offerUrl}}\n" +
    "Derselbe Termin kann auch anderen Patienten auf der Warteliste angeboten werden: Wer ihn zuerst nimmt, bekommt ihn. Geben Sie diesen Link nicht weiter.",
  "waitlist_offer.short.text": "{{clinicName}}: ein Termin ist frei, {{serviceName}} {{when}}. Buchbar bis {{offerExpires}}: {{offerUrl}}",

  "waitlist_gone.email.subject": "Vergeben: {{serviceName}} bei {{clinicName}}, {{when}}",
  "waitlist_gone.email.text":
    "Der Termin, den wir Ihnen bei {{clinicName}} angeboten haben ({{serviceName}} mit {{practitionerName}}, {{when}}), ist vergeben.\n\n" +
    "Sie bleiben auf der Warteliste: Wir schreiben Ihnen wieder, sobald ein anderer Termin frei wird.",
  "waitlist_gone.short.text": "{{clinicName}}: Der Termin {{when}} ist vergeben. Sie bleiben auf der Warteliste.",

  "footer.email": "Diese E-Mails abbestellen: {{optOutUrl}}",
  "footer.short": "Abmelden: {{optOutUrl}}",

  "signInCode.subject": "Ihr Frontdesk-Anmeldecode: {{code}}",
  "signInCode.text": "Ihr Anmeldecode lautet {{code}}.\n\nEr gilt einmal und 10 Minuten lang. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.\n",
};
