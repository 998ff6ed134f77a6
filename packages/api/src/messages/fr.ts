// The patient messages in French (ADR 0057). Keys and placeholders: en.ts.
import type { Catalogue } from "./en";

export const fr: Catalogue = {
  "confirmation.email.subject": "Rendez-vous réservé : {{serviceName}} chez {{clinicName}}",
  "confirmation.email.text":
    "Votre rendez-vous chez {{clinicName}} est réservé.\n\n{{serviceName}} avec {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Pour l'annuler ou le déplacer : {{manageUrl}}\nGardez ce lien pour vous : toute personne qui l'a peut modifier le rendez-vous.",
  "confirmation.short.text": "{{clinicName}} : {{serviceName}} réservé, {{when}}. Modifier : {{manageUrl}}",

  "rescheduled.email.subject": "Rendez-vous déplacé : {{serviceName}} chez {{clinicName}}",
  "rescheduled.email.text":
    "Votre rendez-vous chez {{clinicName}} a été déplacé.\n\nNouvelle date : {{when}}\nAncienne date : {{previousWhen}}\n{{serviceName}} avec {{practitionerName}}\n{{clinicAddress}}\n\n" +
    "Le fichier de calendrier joint met à jour l'événement dans votre agenda.\nPour l'annuler ou le déplacer : {{manageUrl}}",
  "rescheduled.short.text": "{{clinicName}} : {{serviceName}} déplacé, désormais {{when}}. Modifier : {{manageUrl}}",

  "cancelled.email.subject": "Rendez-vous annulé : {{serviceName}} chez {{clinicName}}",
  "cancelled.email.text":
    "Votre rendez-vous chez {{clinicName}} du {{when}} ({{serviceName}} avec {{practitionerName}}) est annulé.\n\n" +
    "Le fichier de calendrier joint le retire de votre agenda. Pour reprendre rendez-vous, appelez {{clinicName}} {{clinicPhone}} ou réservez en ligne.",
  "cancelled.short.text": "{{clinicName}} : votre rendez-vous {{serviceName}} du {{when}} est annulé.",

  "reminder.email.subject": "Rappel : {{serviceName}} chez {{clinicName}}, {{when}}",
  "reminder.email.text":
    "Un rappel de votre rendez-vous chez {{clinicName}}.\n\n{{serviceName}} avec {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Vous venez ? Confirmez en un clic : {{confirmUrl}}\nVous êtes empêché ? Annulez ou déplacez le rendez-vous : {{manageUrl}}",
  "reminder.short.text": "{{clinicName}} : rappel, {{serviceName}} {{when}}. Confirmer : {{confirmUrl}} Annuler : {{manageUrl}}",

  "staff_new_booking.email.subject": "Nouvelle réservation en ligne : {{serviceName}}, {{when}}",
  "staff_new_booking.email.text": "Un patient a réservé en ligne chez {{clinicName}}.\n\n{{serviceName}} avec {{practitionerName}}\n{{when}}\n\nOuvrez le calendrier pour voir les détails.",
  "staff_new_booking.short.text": "{{clinicName}} : nouvelle réservation en ligne, {{serviceName}} {{when}}.",

  "waitlist_offer.email.subject": "Un créneau s'est libéré : {{serviceName}} chez {{clinicName}}, {{when}}",
  "waitlist_offer.email.text":
    "Vous êtes sur la liste d'attente de {{clinicName}}, et un créneau s'est libéré.\n\n{{serviceName}} avec {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Pour le prendre, ouvrez ce lien avant le {{offerExpires}} : {{offerUrl}}\n" +
    "Le même créneau peut être proposé à d'autres patients de la liste d'attente : le premier qui le prend l'obtient. Gardez ce lien pour vous.",
  "waitlist_offer.short.text": "{{clinicName}} : un créneau est libre, {{serviceName}} {{when}}. À prendre avant le {{offerExpires}} : {{offerUrl}}",

  "waitlist_gone.email.subject": "Créneau déjà pris : {{serviceName}} chez {{clinicName}}, {{when}}",
  "waitlist_gone.email.text":
    "Le créneau que nous vous avions proposé chez {{clinicName}} ({{serviceName}} avec {{practitionerName}}, {{when}}) a été pris.\n\n" +
    "Vous restez sur la liste d'attente : nous vous écrirons quand un autre créneau se libérera.",
  "waitlist_gone.short.text": "{{clinicName}} : le créneau {{when}} a été pris. Vous restez sur la liste d'attente.",

  "footer.email": "Ne plus recevoir ces e-mails : {{optOutUrl}}",
  "footer.short": "Désabonnement : {{optOutUrl}}",

  "signInCode.subject": "Votre code de connexion Frontdesk : {{code}}",
  "signInCode.text": "Votre code de connexion est {{code}}.\n\nIl ne sert qu'une fois, pendant 10 minutes. Si vous ne l'avez pas demandé, ignorez cet e-mail.\n",
};
