// Patients hear from the clinic in the language of the page they booked or joined on (ADR 0057),
// end to end: the booking commits, the worker renders and sends, a real SMTP server receives the
// mail and mailparser reads it back. No English sentence may be left in a French or German mail
// (checked against the English catalogue itself), and dates are the language's own, in the
// clinic's zone.
import { withTenant } from "@frontdesk/db";
import { appointments, clinics, messageTemplates } from "@frontdesk/db/schema";
import { addDays, instantAt, isoWeekday, todayIn, type LocalDate, type PatientLanguage } from "@frontdesk/domain";
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES, type MessageKey } from "../messages";
import { startSmtpWorld, type SmtpWorld } from "../testing/smtp-world";

let world: SmtpWorld["world"];
let peer: SmtpWorld["peer"];
let runJobs: SmtpWorld["runJobs"];
let close: SmtpWorld["close"];

beforeAll(async () => {
  ({ world, peer, runJobs, close } = await startSmtpWorld("notification_languages"));
});
afterAll(() => close());

const TZ = "Europe/Paris";
const address = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.test`;
/** The clinic's calendar day `days` from today, and an instant on it by the clinic's clock. */
const dayIn = (days: number): LocalDate => addDays(todayIn(TZ, world.clock.now()), days);

/** The last mail the SMTP server received for `to`, waiting (with a limit) for it to arrive. */
const mailTo = (to: string): Promise<ParsedMail> => peer.lastTo(to);

// Written out by hand, not with Intl, so the test does not share the code it checks.
const WEEKDAYS: Record<"fr" | "de" | "es", string[]> = {
  fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  de: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
  es: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
};
const MONTHS: Record<"fr" | "de" | "es", string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
};
/** "mardi 12 janvier 2027", "Dienstag, 12. Januar 2027", "martes, 12 de enero de 2027". */
function writtenDate(language: "fr" | "de" | "es", day: LocalDate): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const weekday = WEEKDAYS[language][isoWeekday(day) - 1]!;
  const name = MONTHS[language][month - 1]!;
  if (language === "fr") return `${weekday} ${date} ${name} ${year}`;
  if (language === "de") return `${weekday}, ${date}. ${name} ${year}`;
  return `${weekday}, ${date} de ${name} de ${year}`;
}

/** The English catalogue's own words for these entries: every clause with a word of four letters or more. */
function englishSentences(keys: MessageKey[]): string[] {
  return keys
    // Cut at placeholders, line ends and sentence punctuation: each clause is checked on its own.
    .flatMap((key) => CATALOGUES.en[key].split(/\{\{[^{}]*\}\}|\n|[.:;?!](?=\s|$)/))
    .map((piece) => piece.trim().replace(/^[\s,.:;()?]+|[\s,.:;()?]+$/g, ""))
    .filter((piece) => /[A-Za-z]{4,}/.test(piece));
}

function expectNoEnglish(mail: ParsedMail, keys: MessageKey[]) {
  const sentences = englishSentences(keys);
  expect(sentences.length).toBeGreaterThan(5);
  for (const part of [mail.subject ?? "", mail.text ?? "", String(mail.html)]) {
    for (const sentence of sentences) expect(part, `"${sentence}" is left in English`).not.toContain(sentence);
  }
}

const CONFIRMATION: MessageKey[] = ["confirmation.email.subject", "confirmation.email.text", "footer.email"];

function calendarDescription(mail: ParsedMail): string {
  const attachment = mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!attachment) throw new Error("no calendar attached");
  const event = new ICAL.Component(ICAL.parse(attachment.content.toString("utf8")) as unknown[]).getFirstSubcomponent("vevent")!;
  return String(event.getFirstPropertyValue("description"));
}

function bookOnline(email: string, start: string, language?: string, name = "Léa Martin") {
  return world.anyone().public.book({
    clinicSlug: world.clinic.slug,
    serviceId: world.clinic.serviceId,
    start,
    patient: { name, email },
    idempotencyKey: crypto.randomUUID(),
    // A value outside the list is the schema's to refuse; the cast lets the test send one.
    ...(language ? { language: language as PatientLanguage } : {}),
  });
}

function setClinic(values: Partial<typeof clinics.$inferInsert>) {
  return withTenant(world.db, { clinicId: world.clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set(values).where(eq(clinics.id, world.clinic.clinicId)));
}

describe("the confirmation in the patient's language", () => {
  it.each([
    ["fr", 9, "Rendez-vous réservé : Consultation chez", "Votre rendez-vous chez", "Modifier ou annuler"],
    ["de", 10, "Gebucht: Consultation bei", "Ihr Termin bei", "Ändern oder absagen"],
  ] as const)("a booking made in %s is confirmed in it, its date written that way in the clinic's zone", async (language, days, subject, opening, calendarWords) => {
    const email = address(language);
    const day = dayIn(days);
    // 10:00 by the clinic's (Paris) clock, whatever the offset of the day.
    await bookOnline(email, instantAt(day, "10:00", TZ), language);
    await runJobs();
    const mail = await mailTo(email);
    expect(mail.subject).toContain(subject);
    expect(mail.text).toContain(opening);
    expect(mail.text).toContain(`${writtenDate(language, day)}, 10:00–10:30 (${TZ})`);
    expectNoEnglish(mail, CONFIRMATION);
    // The HTML alternative says the same, and says which language it is in.
    expect(String(mail.html)).toContain(`<html lang="${language}">`);
    expect(String(mail.html)).toContain(opening);
    expect(calendarDescription(mail)).toMatch(new RegExp(`^${calendarWords}: https?://`));
    // Every page the mail links to opens in the same language.
    const links = mail.text?.match(/https?:\/\/\S+/g) ?? [];
    expect(links.filter((link) => /\/(booking|opt-out)\//.test(link)).length).toBeGreaterThanOrEqual(2);
    for (const link of links) expect(new URL(link).searchParams.get("lang"), link).toBe(language);
    expect(calendarDescription(mail)).toMatch(new RegExp(`\\?lang=${language}$`));
  });

  it("without a language, the confirmation speaks the clinic's; a stored language we cannot speak counts as none", async () => {
    await setClinic({ locale: "de-DE" });
    try {
      const email = address("none");
      const unknown = address("unknown");
      await bookOnline(email, instantAt(dayIn(11), "10:00", TZ));
      const booked = await bookOnline(unknown, instantAt(dayIn(11), "11:00", TZ), "es");
      // As if an older release had stored a language without a catalogue today.
      await world.inClinic((tx) => tx.update(appointments).set({ language: "it" }).where(eq(appointments.id, booked.appointment.id)));
      await runJobs();
      for (const to of [email, unknown]) {
        const mail = await mailTo(to);
        expect(mail.subject).toMatch(/^Gebucht: /);
        expectNoEnglish(mail, CONFIRMATION);
      }
      // A language the schema does not list is refused at the field, nothing booked.
      await expect(bookOnline(address("bad"), instantAt(dayIn(11), "12:00", TZ), "xx")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    } finally {
      await setClinic({ locale: "en" });
    }
  });

  it("a clinic in a language without a catalogue writes English, with dates in its region's way", async () => {
    await setClinic({ locale: "ja-JP" });
    try {
      const email = address("ja");
      await bookOnline(email, instantAt(dayIn(12), "10:00", TZ));
      await runJobs();
      const mail = await mailTo(email);
      expect(mail.subject).toMatch(/^Booked: Consultation at /);
      expect(mail.text).toContain("Your appointment at");
    } finally {
      await setClinic({ locale: "en" });
    }
  });
});

describe("the clinic's own wording and hostile values", () => {
  it("the clinic's template speaks for its own language only, and every value is escaped in the HTML part", async () => {
    const hostile = `<script>alert("x")</script> & "Ô'Brien"`;
    await setClinic({ locale: "fr-FR", address: `<img src=x onerror=alert(1)> 3 rue du Parc` });
    await world.inClinic((tx) =>
      tx.insert(messageTemplates).values({ clinicId: world.clinic.clinicId, kind: "confirmation", channel: "email", locale: "fr", subject: "Bienvenue {{patientName}}", text: "Bonjour {{patientName}},\n{{when}}\n{{clinicAddress}}\nLien : {{manageUrl}}" }),
    );
    try {
      const french = address("own-fr");
      const german = address("own-de");
      await bookOnline(french, instantAt(dayIn(13), "10:00", TZ), "fr", hostile);
      await bookOnline(german, instantAt(dayIn(13), "11:00", TZ), "de", hostile);
      await runJobs();

      const own = await mailTo(french);
      expect(own.subject).toBe(`Bienvenue ${hostile}`);
      expect(own.text).toContain(`Bonjour ${hostile},`);
      expect(own.text).toContain(`${writtenDate("fr", dayIn(13))}, 10:00–10:30`);
      const html = String(own.html);
      expect(html).not.toContain("<script");
      expect(html).not.toContain("<img");
      expect(html).toContain("Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Ô&#39;Brien&quot;,");
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; 3 rue du Parc");
      expect(html).toContain(`<title>Bienvenue &lt;script&gt;`);
      // Our own link, and only it, is a link.
      expect(html.match(/<a href="/g)).toHaveLength(1);
      expect(html).toMatch(/<a href="https?:\/\/[^"]+\/booking\/[^"]+">/);

      // A German patient of the same clinic gets the built-in German, not the clinic's French.
      const builtIn = await mailTo(german);
      expect(builtIn.subject).toMatch(/^Gebucht: Consultation bei /);
      expect(String(builtIn.html)).not.toContain("<img");
    } finally {
      await world.inClinic((tx) => tx.delete(messageTemplates).where(and(eq(messageTemplates.clinicId, world.clinic.clinicId), eq(messageTemplates.locale, "fr"))));
      await setClinic({ locale: "en", address: null });
    }
  });
});

describe("the sign-in code", () => {
  it("is written in the language of the page that asked for it, English without one", async () => {
    const email = address("code");
    await world.anyone().auth.requestCode({ email, language: "es" });
    expect(world.mailer.lastTo(email)).toMatchObject({ subject: expect.stringMatching(/^Su código de acceso a Frontdesk: \d{6}$/) as string, text: expect.stringContaining("Sirve una sola vez") as string });
    await world.anyone().auth.requestCode({ email });
    expect(world.mailer.lastTo(email).subject).toMatch(/^Your Frontdesk sign-in code: \d{6}$/);
  });
});

describe("later messages keep the language of the booking or the waitlist entry", () => {
  it("a waitlist offer is written in the language the patient joined in", async () => {
    const day = dayIn(15);
    const start = instantAt(day, "10:00", TZ);
    const booked = await world.book(start);
    const waiting = address("waiting");
    await world.anyone().public.waitlist.join({
      clinicSlug: world.clinic.slug,
      serviceId: world.clinic.serviceId,
      fromDate: addDays(day, -1),
      toDate: addDays(day, 1),
      timesOfDay: ["morning"],
      patient: { name: "Waiting Patient", email: waiting },
      language: "es",
    });
    await world.staff.appointments.cancel({ id: booked.id, version: booked.version, reason: "Patient called" });
    await runJobs();
    const offer = await mailTo(waiting);
    expect(offer.subject).toBe(`Hay una hora libre: Consultation en Clinic ${world.clinic.slug}, ${writtenDate("es", day)}, 10:00–10:30 (${TZ})`);
    expect(offer.text).toContain("Está en la lista de espera de");
    expect(offer.text).toMatch(/Para tomarla, abra este enlace antes del [a-záéíóúñ]+, \d+ de [a-z]+ de \d{4}, \d{1,2}:\d{2}: https?:\/\/\S+\/waitlist\//);
    const links = offer.text?.match(/https?:\/\/\S+/g) ?? [];
    expect(links.some((link) => link.includes("/waitlist/"))).toBe(true);
    for (const link of links) expect(new URL(link).searchParams.get("lang"), link).toBe("es");
    expectNoEnglish(offer, ["waitlist_offer.email.subject", "waitlist_offer.email.text", "footer.email"]);
  });

  // Last: it moves the clock weeks ahead.
  it("a reminder, due weeks after a Spanish booking, is in Spanish", async () => {
    const email = address("reminder");
    const day = dayIn(20);
    const booked = await bookOnline(email, instantAt(day, "10:00", TZ), "es");
    await runJobs();
    const confirmation = await mailTo(email);
    expect(confirmation.subject).toMatch(/^Cita reservada: /);
    // The e-mail reminder goes 24 h before: travel to just after it.
    const due = Date.parse(booked.appointment.start) - 24 * 3_600_000;
    await world.travel(due - world.clock.now().getTime() + 60_000);
    await runJobs();
    const reminder = await mailTo(email);
    expect(reminder.subject).toBe(`Recordatorio: Consultation en Clinic ${world.clinic.slug}, ${writtenDate("es", day)}, 10:00–10:30 (${TZ})`);
    expect(reminder.text).toContain("Le recordamos su cita en");
    expect(reminder.text).toMatch(/¿Viene\? Confírmelo con un clic: https?:\/\/\S+\/confirm\//);
    expectNoEnglish(reminder, ["reminder.email.subject", "reminder.email.text", "footer.email"]);
  });
});
