// The messages about a person's own account: address confirmation, "you already have an
// account", password reset. Plain text, like the other mails (mail.ts).
import type { MailMessage } from "./ports";

export function signUpCodeMail(to: string, code: string): MailMessage {
  return {
    to,
    subject: `Confirm your e-mail for Frontdesk: ${code}`,
    text:
      `Someone, hopefully you, is creating a Frontdesk account with this address.\n\n` +
      `To confirm it, enter this code where you signed up: ${code}\n\n` +
      `It works once, for 10 minutes. If it was not you, ignore this e-mail and do not give the code to anyone: ` +
      `without it, nobody can use this address on Frontdesk.\n`,
  };
}

export function accountExistsMail(to: string, publicUrl: string): MailMessage {
  return {
    to,
    subject: "You already have a Frontdesk account",
    text:
      `Someone, hopefully you, tried to create a Frontdesk account with this address, which already has one. ` +
      `Nothing was changed.\n\n` +
      `Sign in: ${publicUrl}/app/sign-in\n` +
      `Forgot your password? Choose a new one: ${publicUrl}/app/forgot-password\n\n` +
      `If it was not you, you can ignore this e-mail.\n`,
  };
}

export function passwordResetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: "Choose a new Frontdesk password",
    text:
      `Someone, hopefully you, asked to reset the password of your Frontdesk account.\n\n` +
      `Choose a new password: ${link}\n\n` +
      `The link works once and expires in 1 hour. Using it signs you out on every device. ` +
      `If you did not ask for it, ignore this e-mail: your password stays as it is.\n`,
  };
}
