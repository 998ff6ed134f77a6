// The messages the API sends. Plain text first: it reads well everywhere, screen readers included.
import type { MailMessage } from "../ports";

export function loginCodeMail(to: string, code: string): MailMessage {
  return {
    to,
    subject: `Your Frontdesk sign-in code: ${code}`,
    text: `Your sign-in code is ${code}.\n\nIt works once, for 10 minutes. If you did not ask for it, ignore this e-mail.\n`,
  };
}

export function invitationMail(to: string, clinicName: string, role: string, link: string): MailMessage {
  return {
    to,
    subject: `You are invited to ${clinicName} on Frontdesk`,
    text: `You have been invited to join ${clinicName} as ${role}.\n\nAccept the invitation: ${link}\n\nThe link works once and expires in 7 days.\n`,
  };
}
