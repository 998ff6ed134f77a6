// The account mails in German (ADR 0072): the keys and placeholders of en.ts.
import type { AccountCatalogue } from "./en";

export const de: AccountCatalogue = {
  "signUpCode.subject": "Bestätigen Sie Ihre E-Mail-Adresse für Frontdesk: {{code}}",
  "signUpCode.text":
    "Jemand, hoffentlich Sie, legt mit dieser Adresse ein Frontdesk-Konto an.\n\n" +
    "Um sie zu bestätigen, geben Sie diesen Code dort ein, wo Sie sich registriert haben: {{code}}\n\n" +
    "Er gilt einmal, 10 Minuten lang. Waren Sie es nicht, ignorieren Sie diese E-Mail und geben Sie den Code niemandem weiter: " +
    "ohne ihn kann niemand diese Adresse bei Frontdesk verwenden.\n",

  "accountExists.subject": "Sie haben bereits ein Frontdesk-Konto",
  "accountExists.text":
    "Jemand, hoffentlich Sie, wollte mit dieser Adresse ein Frontdesk-Konto anlegen, doch sie hat bereits eines. " +
    "Es wurde nichts geändert.\n\n" +
    "Anmelden: {{signInUrl}}\n" +
    "Passwort vergessen? Wählen Sie ein neues: {{forgotPasswordUrl}}\n\n" +
    "Waren Sie es nicht, können Sie diese E-Mail ignorieren.\n",

  "passwordReset.subject": "Wählen Sie ein neues Frontdesk-Passwort",
  "passwordReset.text":
    "Jemand, hoffentlich Sie, hat verlangt, das Passwort Ihres Frontdesk-Kontos zurückzusetzen.\n\n" +
    "Neues Passwort wählen: {{link}}\n\n" +
    "Der Link gilt einmal und läuft in 1 Stunde ab. Wer ihn verwendet, wird auf allen Geräten abgemeldet. " +
    "Haben Sie das nicht verlangt, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.\n",

  "invitation.subject": "Sie sind zu {{clinicName}} bei Frontdesk eingeladen",
  "invitation.text":
    "Sie wurden eingeladen, {{clinicName}} als {{role}} beizutreten.\n\nEinladung annehmen: {{link}}\n\nDer Link gilt einmal und läuft in 7 Tagen ab.\n",

  "role.owner": "Inhaber",
  "role.admin": "Administrator",
  "role.receptionist": "Empfangskraft",
  "role.practitioner": "Behandler",
};
