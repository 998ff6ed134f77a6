import { withTenant } from "@frontdesk/db";
import { clinics, messageTemplates } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { defaultTemplate, firstMessages } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { afterAll, describe, expect, it } from "vitest";
import { clinicTemplate } from "../../templates/clinic-templates";
import { createStaffWorld, codeOf } from "../../testing/staff-world";

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
  it("list every kind and channel with the default wording until the clinic saves its own", async () => {
    const { as } = await createStaffWorld(db);
    const admin = await as("admin");
    const listed = await admin.clinic.templates.list();
    expect(listed.map((t) => `${t.kind}/${t.channel}`)).toEqual([
      "confirmation/email", "confirmation/sms", "change/email", "change/sms", "cancellation/email", "cancellation/sms", "reminder/email", "reminder/sms",
    ]);
    // (The test clinic comes with its own reminder e-mail, see createTestClinic.)
    expect(listed.find((t) => t.kind === "reminder" && t.channel === "email")).toMatchObject({ custom: true, subject: "Soon" });
    const confirmation = listed.find((t) => t.kind === "confirmation" && t.channel === "email")!;
    expect(confirmation).toMatchObject({ custom: false, locale: "en", ...defaultTemplate("confirmation", "email", "en") });
    expect(listed.find((t) => t.kind === "reminder")!.variables).toContain("links.confirm");
    expect(listed.find((t) => t.kind === "confirmation")!.variables).not.toContain("links.confirm");
  });

  it("save the clinic's wording, used by the messages from then on, and reset it to the default", async () => {
    const { as, clinicId, inClinic } = await createStaffWorld(db);
    const admin = await as("admin");
    const saved = await admin.clinic.templates.save({ kind: "reminder", channel: "sms", subject: "", body: "See you {{appointment.start}} at {{clinic.name}}" });
    expect(saved).toMatchObject({ custom: true, locale: "en" });
    expect((await admin.clinic.templates.list()).find((t) => t.kind === "reminder" && t.channel === "sms")).toMatchObject({ custom: true, body: "See you {{appointment.start}} at {{clinic.name}}" });
    const used = await inClinic((tx) => clinicTemplate(tx, { id: clinicId, locale: "en-GB" }, "reminder", "sms"));
    expect(used).toEqual({ subject: "", body: "See you {{appointment.start}} at {{clinic.name}}", custom: true });
    // Saving again replaces it.
    await admin.clinic.templates.save({ kind: "reminder", channel: "sms", subject: "", body: "Tomorrow: {{appointment.time}}" });
    expect(await inClinic((tx) => tx.select().from(messageTemplates).where(eq(messageTemplates.kind, "reminder")))).toHaveLength(2);
    expect(await admin.clinic.templates.reset({ kind: "reminder", channel: "sms" })).toMatchObject({ custom: false, ...defaultTemplate("reminder", "sms", "en") });
    expect(await inClinic((tx) => clinicTemplate(tx, { id: clinicId, locale: "en" }, "reminder", "sms"))).toMatchObject({ custom: false });
  });

  it("refuse unknown variables and stray braces with a message on the field, and save nothing", async () => {
    const { as } = await createStaffWorld(db);
    const admin = await as("admin");
    const before = await admin.clinic.templates.list();
    expect(await fieldMessages(admin.clinic.templates.save({ kind: "confirmation", channel: "email", subject: "Hi {{patient.email}}", body: "{{links.confirm}}" }))).toEqual({
      subject: "Unknown variable {{patient.email}}: use one of the listed variables",
      body: "Unknown variable {{links.confirm}}: use one of the listed variables",
    });
    expect(await fieldMessages(admin.clinic.templates.save({ kind: "confirmation", channel: "email", subject: "Hi", body: "{{patient.firstName}" }))).toEqual({
      body: "Unmatched {{ or }}: write variables as {{name}}",
    });
    expect(await codeOf(admin.clinic.templates.save({ kind: "receipt" as never, channel: "email", subject: "a", body: "b" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.clinic.templates.save({ kind: "reminder", channel: "email", subject: "a", body: "x".repeat(5001) }))).toBe("BAD_REQUEST");
    expect(await admin.clinic.templates.list()).toEqual(before);
  });

  it("preview with sample values and the clinic's name, escaping markup in the HTML part", async () => {
    const { as, staffed } = await createStaffWorld(db);
    const admin = await as("admin");
    const shown = await admin.clinic.templates.preview({ kind: "confirmation", channel: "email", subject: "{{clinic.name}}: {{appointment.date}}", body: "<b>Hi</b> {{patient.firstName}}\n{{links.manage}}" });
    expect(shown).toEqual({
      subject: `Clinic ${staffed.clinic.slug}: Tuesday 14 March`,
      body: "<b>Hi</b> Alex\nhttps://example.com/booking/sample",
      html: "&lt;b&gt;Hi&lt;/b&gt; Alex<br>\nhttps://example.com/booking/sample",
    });
  });

  it("follow the clinic's language", async () => {
    const { as, clinicId } = await createStaffWorld(db);
    await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set({ locale: "fr" }).where(eq(clinics.id, clinicId)));
    const listed = await (await as("owner")).clinic.templates.list();
    expect(listed.find((t) => t.kind === "change" && t.channel === "email")).toMatchObject({ locale: "fr", subject: defaultTemplate("change", "email", "fr").subject });
  });

  it("are for admins only", async () => {
    const { as } = await createStaffWorld(db);
    for (const role of ["receptionist", "practitioner"] as const) {
      const caller = await as(role);
      expect(await codeOf(caller.clinic.templates.list())).toBe("FORBIDDEN");
      expect(await codeOf(caller.clinic.templates.save({ kind: "reminder", channel: "sms", subject: "", body: "x" }))).toBe("FORBIDDEN");
    }
  });
});
