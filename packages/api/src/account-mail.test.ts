// The account mails in the recipient's language (ADR 0072), through a real SMTP server
// (smtp-server) and read back with mailparser: no English clause may be left in a French, German
// or Spanish mail (checked against the English catalogue itself), the links and codes arrive
// untouched, and the language comes from the clinics the person works at, read from PostgreSQL.
import { withTenant } from "@frontdesk/db";
import { memberships } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import type { PatientLanguage } from "@frontdesk/domain";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountExistsMail, accountLanguageOf, invitationMail, passwordResetMail, signUpCodeMail } from "./account-mail";
import { ACCOUNT_CATALOGUES, type AccountMailKey } from "./messages/account";
import { createSmtpMailer } from "./notifications/smtp";
import { createStaffedClinic, setClinicLocale } from "./testing";
import { startSmtpPeer, type SmtpPeer } from "./testing/smtp-peer";

const { db, close } = connectAsApp();
let peer: SmtpPeer;
let mailer: ReturnType<typeof createSmtpMailer>;

beforeAll(async () => {
  peer = await startSmtpPeer();
  mailer = createSmtpMailer({ url: peer.url, from: "Frontdesk <no-reply@frontdesk.test>" });
});
afterAll(async () => {
  mailer.close();
  await peer.stop();
  await close();
});

const address = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.test`;
const PUBLIC_URL = "https://frontdesk.example";

/** The English catalogue's own words for these entries: every clause with a word of four letters or more. */
function englishClauses(keys: AccountMailKey[]): string[] {
  return keys
    .flatMap((key) => ACCOUNT_CATALOGUES.en[key].split(/\{\{[^{}]*\}\}|\n|[.:;?!](?=\s|$)/))
    .map((piece) => piece.trim().replace(/^[\s,.:;()?]+|[\s,.:;()?]+$/g, ""))
    .filter((piece) => /[A-Za-z]{4,}/.test(piece));
}

function expectNoEnglish(mail: ParsedMail, keys: AccountMailKey[]) {
  const clauses = englishClauses(keys);
  expect(clauses.length).toBeGreaterThan(2);
  for (const part of [mail.subject ?? "", mail.text ?? ""]) {
    for (const clause of clauses) expect(part, `"${clause}" is left in English`).not.toContain(clause);
  }
}

async function sendAndRead(message: Parameters<typeof mailer.send>[0]): Promise<ParsedMail> {
  await mailer.send(message);
  return peer.lastTo(message.to);
}

const keysOf = (kind: string): AccountMailKey[] => [`${kind}.subject`, `${kind}.text`] as AccountMailKey[];

describe("account mails in the recipient's language", () => {
  it.each([
    ["fr", "Vous êtes invité à rejoindre Cabinet Lumière sur Frontdesk", "en tant que chargé d’accueil"],
    ["de", "Sie sind zu Cabinet Lumière bei Frontdesk eingeladen", "als Empfangskraft beizutreten"],
    ["es", "Le invitan a Cabinet Lumière en Frontdesk", "como recepcionista"],
  ] as const)("an invitation in %s names the clinic and the role in that language", async (language, subject, role) => {
    const to = address(`invite-${language}`);
    const link = `${PUBLIC_URL}/app/invite/tok_${language}`;
    const mail = await sendAndRead(invitationMail(to, "Cabinet Lumière", "receptionist", link, language));
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(role);
    expect(mail.text).toContain(link);
    expectNoEnglish(mail, [...keysOf("invitation"), "role.receptionist"]);
  });

  it.each(["fr", "de", "es"] as const)("the sign-up code, 'you already have an account' and the password reset in %s keep no English", async (language: PatientLanguage) => {
    const code = "428193";
    const signUp = await sendAndRead(signUpCodeMail(address(`code-${language}`), code, language));
    expect(signUp.subject).toMatch(new RegExp(`Frontdesk ?: ${code}$`));
    expect(signUp.text).toContain(code);
    expectNoEnglish(signUp, keysOf("signUpCode"));

    const exists = await sendAndRead(accountExistsMail(address(`exists-${language}`), PUBLIC_URL, language));
    expect(exists.text).toContain(`${PUBLIC_URL}/app/sign-in\n`);
    expect(exists.text).toContain(`${PUBLIC_URL}/app/forgot-password\n`);
    expectNoEnglish(exists, keysOf("accountExists"));

    const link = `${PUBLIC_URL}/app/reset-password/tok_${language}`;
    const reset = await sendAndRead(passwordResetMail(address(`reset-${language}`), link, language));
    expect(reset.text).toContain(`${link}\n`);
    expectNoEnglish(reset, keysOf("passwordReset"));
  });

  it("reads as before in English, the language of a mail nobody chose one for", async () => {
    const to = address("reset-en");
    const mail = await sendAndRead(passwordResetMail(to, `${PUBLIC_URL}/app/reset-password/tok`));
    expect(mail.subject).toBe("Choose a new Frontdesk password");
    expect(mail.text).toBe(
      "Someone, hopefully you, asked to reset the password of your Frontdesk account.\n\n" +
        `Choose a new password: ${PUBLIC_URL}/app/reset-password/tok\n\n` +
        "The link works once and expires in 1 hour. Using it signs you out on every device. " +
        "If you did not ask for it, ignore this e-mail: your password stays as it is.\n",
    );
    const invitation = await sendAndRead(invitationMail(address("invite-en"), "Clinic One", "admin", `${PUBLIC_URL}/app/invite/t`));
    expect(invitation.text).toContain("You have been invited to join Clinic One as admin.");
  });

  it("fills a clinic's name as plain text: braces in it are not placeholders", async () => {
    const mail = await sendAndRead(invitationMail(address("braces"), "Dr {{link}} & Co", "owner", `${PUBLIC_URL}/app/invite/x`, "fr"));
    expect(mail.subject).toBe("Vous êtes invité à rejoindre Dr {{link}} & Co sur Frontdesk");
    expect(mail.text).toContain("en tant que propriétaire");
  });
});

describe("the language of a person's account mails", () => {
  it("is their clinic's; English at clinics of different languages, and for someone at no clinic", async () => {
    const first = await createStaffedClinic(db);
    await setClinicLocale(db, first.clinic.clinicId, "fr-FR");
    expect(await accountLanguageOf(db, first.userIds.admin)).toBe("fr");
    expect(await accountLanguageOf(db, first.userIds.patient)).toBe("en");

    // The admin also works at a German clinic: we cannot tell which one they read.
    const second = await createTestClinic(db);
    await setClinicLocale(db, second.clinicId, "de-DE");
    await withTenant(db, { clinicId: second.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.insert(memberships).values({ clinicId: second.clinicId, userId: first.userIds.admin, role: "receptionist" }),
    );
    expect(await accountLanguageOf(db, first.userIds.admin)).toBe("en");
    // Until both speak French.
    await setClinicLocale(db, second.clinicId, "fr-CA");
    expect(await accountLanguageOf(db, first.userIds.admin)).toBe("fr");
    // Another clinic's staff are not counted: only this person's memberships.
    expect(await accountLanguageOf(db, second.ownerUserId)).toBe("fr");
    await setClinicLocale(db, first.clinic.clinicId, "es-ES");
    expect(await accountLanguageOf(db, second.ownerUserId)).toBe("fr");
  });
});
