// The account mails' wording in English, the reference (ADR 0072): the mails about a person's own
// account (address confirmation, "you already have an account", password reset, invitation), in
// the {{variable}} form of the patient messages' catalogues (ADR 0057), filled by the same
// `fillPlaceholders`. Every other language has exactly these keys and placeholders (catalogue.test.ts).
export const en = {
  "signUpCode.subject": "Confirm your e-mail for Frontdesk: {{code}}",
  "signUpCode.text":
    "Someone, hopefully you, is creating a Frontdesk account with this address.\n\n" +
    "To confirm it, enter this code where you signed up: {{code}}\n\n" +
    "It works once, for 10 minutes. If it was not you, ignore this e-mail and do not give the code to anyone: " +
    "without it, nobody can use this address on Frontdesk.\n",

  "accountExists.subject": "You already have a Frontdesk account",
  "accountExists.text":
    "Someone, hopefully you, tried to create a Frontdesk account with this address, which already has one. " +
    "Nothing was changed.\n\n" +
    "Sign in: {{signInUrl}}\n" +
    "Forgot your password? Choose a new one: {{forgotPasswordUrl}}\n\n" +
    "If it was not you, you can ignore this e-mail.\n",

  "passwordReset.subject": "Choose a new Frontdesk password",
  "passwordReset.text":
    "Someone, hopefully you, asked to reset the password of your Frontdesk account.\n\n" +
    "Choose a new password: {{link}}\n\n" +
    "The link works once and expires in 1 hour. Using it signs you out on every device. " +
    "If you did not ask for it, ignore this e-mail: your password stays as it is.\n",

  "invitation.subject": "You are invited to {{clinicName}} on Frontdesk",
  "invitation.text": "You have been invited to join {{clinicName}} as {{role}}.\n\nAccept the invitation: {{link}}\n\nThe link works once and expires in 7 days.\n",

  // The role an invitation offers, as the sentence "as {{role}}" reads it.
  "role.owner": "owner",
  "role.admin": "admin",
  "role.receptionist": "receptionist",
  "role.practitioner": "practitioner",
} as const;

export type AccountMailKey = keyof typeof en;
/** A language's account mails: every key of the English one, nothing else (the compiler checks both). */
export type AccountCatalogue = Record<AccountMailKey, string>;
