import { withTenant } from "@frontdesk/db";
import { clinics, messageTemplates } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { firstMessages, TEMPLATE_KINDS, TEMPLATE_VARIABLES } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { afterAll, describe, expect, it } from "vitest";
import { defaultTemplate, MESSAGE_VARIABLES } from "../../notifications/content";
import { templateFor } from "../../templates/clinic-templates";
import { callerFor, sessionFor } from "../../testing";
import { createNotificationWorld } from "../../testing/notifications";
import { codeOf, createStaffWorld } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

async function fieldMessages(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof z.ZodError) {
      return firstMessages(Object.fromEntries(error.cause.issues.map((i) => [i.path.join("."), [i.message]])));
    }
    throw error;
  }
  return {};
}

describe("clinic.templates", () => {
  it("offer only variables the notifications fill", () => {
    for (const kind of TEMPLATE_KINDS) for (const name of TEMPLATE_VARIABLES[kind]) expect(MESSAGE_VARIABLES).toContain(name);
  });

  it("list every kind and channel with the default wording until the clinic saves its own", async () => {
    const { as } = await createStaffWorld(db);
    const listed = await (await as("admin")).clinic.templates.list();
    expect(listed.map((t) => `${t.kind}/${t.channel}`)).toEqual([
      "confirmation/email", "confirmation/sms", "rescheduled/email", "rescheduled/sms", "cancelled/email", "cancelled/sms", "reminder/email", "reminder/sms",
    ]);
    // (The test clinic comes with its own reminder e-mail, see createTestClinic.)
    expect(listed.find((t) => t.kind === "reminder" && t.channel === "email")).toMatchObject({ custom: true, subject: "Soon", default: defaultTemplate("reminder", "email") });
    expect(listed.find((t) => t.kind === "confirmation" && t.channel === "sms")).toMatchObject({ custom: false, locale: "en", ...defaultTemplate("confirmation", "sms") });
    expect(listed.find((t) => t.kind === "reminder")!.variables).toContain("confirmUrl");
    expect(listed.find((t) => t.kind === "confirmation")!.variables).not.toContain("confirmUrl");
  });

  it("save the clinic's wording, which the messages use from then on (SMS and WhatsApp alike), and reset it", async () => {
    const { as, clinicId, inClinic } = await createStaffWorld(db);
    const admin = await as("admin");
    expect(await inClinic((tx) => templateFor(tx, clinicId, "confirmation", "sms"))).toBeUndefined();
    const saved = await admin.clinic.templates.save({ kind: "confirmation", channel: "sms", subject: "", text: "See you {{when}} at {{clinicName}}" });
    expect(saved).toMatchObject({ custom: true, locale: "en" });
    expect((await admin.clinic.templates.list()).find((t) => t.kind === "confirmation" && t.channel === "sms")).toMatchObject({ custom: true, text: "See you {{when}} at {{clinicName}}" });
    for (const channel of ["sms", "whatsapp"] as const) {
      expect(await inClinic((tx) => templateFor(tx, clinicId, "confirmation", channel))).toEqual({ subject: "", text: "See you {{when}} at {{clinicName}}" });
    }
    expect(await inClinic((tx) => templateFor(tx, clinicId, "confirmation", "email"))).toBeUndefined();
    expect(await inClinic((tx) => templateFor(tx, clinicId, "staff_new_booking", "email"))).toBeUndefined();
    // Saving again replaces it.
    await admin.clinic.templates.save({ kind: "confirmation", channel: "sms", subject: "", text: "Booked: {{when}}" });
    expect(await inClinic((tx) => tx.select().from(messageTemplates).where(eq(messageTemplates.kind, "confirmation")))).toHaveLength(1);
    expect(await admin.clinic.templates.reset({ kind: "confirmation", channel: "sms" })).toMatchObject({ custom: false, ...defaultTemplate("confirmation", "sms") });
    expect(await inClinic((tx) => templateFor(tx, clinicId, "confirmation", "sms"))).toBeUndefined();
  });

  it("refuse unknown variables and stray braces with a message on the field, and save nothing", async () => {
    const { as } = await createStaffWorld(db);
    const admin = await as("admin");
    const before = await admin.clinic.templates.list();
    expect(await fieldMessages(admin.clinic.templates.save({ kind: "confirmation", channel: "email", subject: "Hi {{patientEmail}}", text: "{{confirmUrl}}" }))).toEqual({
      subject: "Unknown variable {{patientEmail}}: use one of the listed variables",
      text: "Unknown variable {{confirmUrl}}: use one of the listed variables",
    });
    expect(await fieldMessages(admin.clinic.templates.save({ kind: "confirmation", channel: "email", subject: "Hi", text: "{{patientName}" }))).toEqual({
      text: "Unmatched {{ or }}: write variables as {{name}}",
    });
    expect(await codeOf(admin.clinic.templates.save({ kind: "staff_new_booking" as never, channel: "email", subject: "a", text: "b" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.clinic.templates.save({ kind: "reminder", channel: "email", subject: "a", text: "x".repeat(5001) }))).toBe("BAD_REQUEST");
    expect(await admin.clinic.templates.list()).toEqual(before);
  });

  it("preview with sample values and the clinic's name, through the messages' own renderer", async () => {
    const { as, staffed } = await createStaffWorld(db);
    const shown = await (await as("admin")).clinic.templates.preview({ kind: "reminder", channel: "email", subject: "{{clinicName}}: {{when}}", text: "<b>Hi</b> {{patientName}}\n{{confirmUrl}}" });
    // The test clock's today is Sunday 22 November 2026: the sample is a week later, in the clinic's zone.
    expect(shown.subject).toMatch(new RegExp(`^Clinic ${staffed.clinic.slug}: Sunday, November 29, 2026, 10:30\\sAM–11:00\\sAM \\(Europe/Paris\\)$`));
    expect(shown.text).toBe("<b>Hi</b> Alex Sample\nhttps://example.com/confirm/sample-link");
  });

  it("preview writes the sample's dates in the clinic's locale, as its own wording's messages do", async () => {
    const { as, clinicId } = await createStaffWorld(db);
    const text = "{{when}} | {{previousWhen}}";
    const preview = async () => (await (await as("admin")).clinic.templates.preview({ kind: "rescheduled", channel: "sms", subject: "", text })).text;
    const setLocale = (locale: string) => withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set({ locale }).where(eq(clinics.id, clinicId)));
    // Written out by hand, not with Intl, so the test does not share the code it checks.
    await setLocale("fr-FR");
    expect(await preview()).toBe("dimanche 29 novembre 2026, 10:30–11:00 (Europe/Paris) | samedi 28 novembre 2026 à 09:00");
    await setLocale("de-DE");
    expect(await preview()).toBe("Sonntag, 29. November 2026, 10:30–11:00 (Europe/Paris) | Samstag, 28. November 2026 um 09:00");
    expect(await preview()).not.toMatch(/Sunday|November 29|AM/);
  });

  it("are kept per language: another language starts from the defaults", async () => {
    const { as, clinicId } = await createStaffWorld(db);
    await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set({ locale: "fr" }).where(eq(clinics.id, clinicId)));
    const listed = await (await as("owner")).clinic.templates.list();
    expect(listed.find((t) => t.kind === "reminder" && t.channel === "email")).toMatchObject({ locale: "fr", custom: false });
  });

  it("are for admins only", async () => {
    const { as } = await createStaffWorld(db);
    for (const role of ["receptionist", "practitioner"] as const) {
      const caller = await as(role);
      expect(await codeOf(caller.clinic.templates.list())).toBe("FORBIDDEN");
      expect(await codeOf(caller.clinic.templates.save({ kind: "reminder", channel: "sms", subject: "", text: "x" }))).toBe("FORBIDDEN");
    }
  });
});

describe("a saved template", () => {
  it("is what the patient receives, filled with the appointment's values", async () => {
    const world = await createNotificationWorld("templates_sent");
    try {
      const owner = callerFor(world.deps, await sessionFor(world.deps, world.clinic.ownerUserId, world.clinic.clinicId)).caller;
      await owner.clinic.templates.save({ kind: "confirmation", channel: "email", subject: "Hello from {{clinicName}}", text: "Dear {{patientName}}, see you {{when}}. <b>not bold</b>" });
      const day = new Date(world.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
      await world.book(`${day}T09:00:00Z`, { email: "templated@example.test" });
      await world.runJobs();
      const mail = world.mailer.lastTo("templated@example.test");
      expect(mail.subject).toBe(`Hello from Clinic ${world.clinic.slug}`);
      expect(mail.text).toMatch(/^Dear Léa Martin, see you .+\. <b>not bold<\/b>$/);
      expect(mail.html ?? "").not.toContain("<b>");
    } finally {
      await world.close();
    }
  });
});
