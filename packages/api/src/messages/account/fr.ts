// The account mails in French (ADR 0072): the keys and placeholders of en.ts.
import type { AccountCatalogue } from "./en";

export const fr: AccountCatalogue = {
  "signUpCode.subject": "Confirmez votre adresse e-mail pour Frontdesk : {{code}}",
  "signUpCode.text":
    "Quelqu’un, vous sans doute, crée un compte Frontdesk avec cette adresse.\n\n" +
    "Pour la confirmer, saisissez ce code là où vous vous êtes inscrit : {{code}}\n\n" +
    "Il ne sert qu’une fois, pendant 10 minutes. Si ce n’était pas vous, ignorez cet e-mail et ne donnez ce code à personne : " +
    "sans lui, personne ne peut utiliser cette adresse sur Frontdesk.\n",

  "accountExists.subject": "Vous avez déjà un compte Frontdesk",
  "accountExists.text":
    "Quelqu’un, vous sans doute, a essayé de créer un compte Frontdesk avec cette adresse, qui en a déjà un. " +
    "Rien n’a été modifié.\n\n" +
    "Se connecter : {{signInUrl}}\n" +
    "Mot de passe oublié ? Choisissez-en un nouveau : {{forgotPasswordUrl}}\n\n" +
    "Si ce n’était pas vous, vous pouvez ignorer cet e-mail.\n",

  "passwordReset.subject": "Choisissez un nouveau mot de passe Frontdesk",
  "passwordReset.text":
    "Quelqu’un, vous sans doute, a demandé à réinitialiser le mot de passe de votre compte Frontdesk.\n\n" +
    "Choisir un nouveau mot de passe : {{link}}\n\n" +
    "Le lien ne sert qu’une fois et expire dans 1 heure. L’utiliser vous déconnecte sur tous vos appareils. " +
    "Si vous ne l’avez pas demandé, ignorez cet e-mail : votre mot de passe reste le même.\n",

  "invitation.subject": "Vous êtes invité à rejoindre {{clinicName}} sur Frontdesk",
  "invitation.text":
    "Vous avez été invité à rejoindre {{clinicName}} en tant que {{role}}.\n\nAccepter l’invitation : {{link}}\n\nLe lien ne sert qu’une fois et expire dans 7 jours.\n",

  "role.owner": "propriétaire",
  "role.admin": "administrateur",
  "role.receptionist": "chargé d’accueil",
  "role.practitioner": "praticien",
};
