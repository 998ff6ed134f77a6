import { withTenant } from "@frontdesk/db";
import { auditLog, memberships } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { invitationMail } from "../account-mail";
import { callerFor, createStaffedClinic, createTestDeps, sessionFor, setClinicLocale, signUpVerified } from "../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

async function setup() {
  const { deps, mailer, clock } = createTestDeps(db);
  const staffed = await createStaffedClinic(db);
  const as = async (role: keyof typeof staffed.userIds) =>
    callerFor(deps, await sessionFor(deps, staffed.userIds[role], staffed.clinic.clinicId)).caller;
  const membershipOf = async (userId: string) =>
    withTenant(db, { clinicId: staffed.clinic.clinicId, userId: null, role: "owner" }, async (tx) =>
      (await tx.select().from(memberships).where(eq(memberships.userId, userId)))[0],
    );
  const audit = () =>
    withTenant(db, { clinicId: staffed.clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(auditLog).orderBy(auditLog.id));
  return { deps, mailer, clock, staffed, as, membershipOf, audit };
}

describe("clinics.create", () => {
  it("opens a clinic with the caller as owner, makes it active, and refuses a taken address", async () => {
    const { deps } = createTestDeps(db);
    const { staffed } = await setup();
    const session = await sessionFor(deps, staffed.userIds.patient, null);
    const { caller } = callerFor(deps, session);
    const slug = `new-${crypto.randomUUID().slice(0, 8)}`;
    const created = await caller.clinics.create({ name: "Cabinet Neuf", slug, timezone: "Europe/Paris" });
    expect(created.slug).toBe(slug);
    const me = await caller.auth.me();
    expect(me?.activeClinicId).toBe(created.id);
    expect(me?.memberships).toEqual([expect.objectContaining({ clinicId: created.id, role: "owner" })]);
    expect(await caller.clinics.slugAvailable({ slug })).toEqual({ slug, available: false });
    expect(await codeOf(caller.clinics.create({ name: "Copy", slug, timezone: "Europe/Paris" }))).toBe("CONFLICT");
  });

  it("proposes locale, currency and country from the time zone, and keeps what the owner chose", async () => {
    const { deps } = createTestDeps(db);
    const { staffed } = await setup();
    const { caller } = callerFor(deps, await sessionFor(deps, staffed.userIds.patient, null));
    const slug = () => `new-${crypto.randomUUID().slice(0, 8)}`;
    const la = await caller.clinics.create({ name: "LA Clinic", slug: slug(), timezone: "America/Los_Angeles" });
    expect(la).toMatchObject({ locale: "en-US", currency: "USD", country: "US" });
    const owner = callerFor(deps, await sessionFor(deps, staffed.userIds.patient, la.id)).caller;
    expect(await owner.clinic.settings.get()).toMatchObject({ locale: "en-US", currency: "USD", country: "US" });
    const chosen = await caller.clinics.create({ name: "Spanish in LA", slug: slug(), timezone: "America/Los_Angeles", locale: "es-US", country: null });
    expect(chosen).toMatchObject({ locale: "es-US", currency: "USD", country: null });
    // An owner changes them in the settings.
    const updated = await owner.clinic.settings.update({ locale: "fr-CA", currency: "CAD", country: "CA" });
    expect(updated).toMatchObject({ locale: "fr-CA", currency: "CAD", country: "CA" });
    for (const bad of [{ locale: "fr_fr" }, { currency: "usd" }, { currency: "ABC" }, { country: "XX" }, { country: "FRA" }]) {
      expect(await codeOf(owner.clinic.settings.update(bad)), JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await owner.clinic.settings.get()).toMatchObject({ locale: "fr-CA", currency: "CAD", country: "CA" });
  });

  it.each([
    [{ name: "X Clinic", slug: "ok-slug", timezone: "Europe/Paris", currency: "euro" }],
    [{ name: "X Clinic", slug: "ok-slug", timezone: "Europe/Paris", country: "ZZ" }],
    [{ name: "X Clinic", slug: "Bad Slug!", timezone: "Europe/Paris" }],
    [{ name: "X Clinic", slug: "ok-slug", timezone: "Mars/Olympus" }],
    [{ name: "X Clinic", slug: "ok-slug", timezone: "x".repeat(10_000) }],
    [{ name: "", slug: "ok-slug", timezone: "Europe/Paris" }],
    [{ name: 42, slug: "ok-slug", timezone: "Europe/Paris" }],
  ])("refuses %j with BAD_REQUEST", async (input) => {
    const { deps } = createTestDeps(db);
    const { staffed } = await setup();
    const { caller } = callerFor(deps, await sessionFor(deps, staffed.userIds.patient, null));
    expect(await codeOf(caller.clinics.create(input as never))).toBe("BAD_REQUEST");
  });
});

describe("clinic.staff", () => {
  it("invites by e-mail with a one-time link; the invitee accepts and becomes a member", async () => {
    const { deps, mailer, staffed, as, membershipOf, audit } = await setup();
    const admin = await as("admin");
    const inviteeEmail = `new-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await admin.clinic.staff.invite({ email: inviteeEmail, role: "receptionist" });
    const link = /http:\/\/localhost:3000\/app\/invite\/(\S+)/.exec(mailer.lastTo(inviteeEmail).text);
    expect(link).not.toBeNull();
    const token = link![1]!;

    // The invitee signs up, then accepts.
    const { user } = await signUpVerified(deps, { name: "New Hire", email: inviteeEmail, password: "a long enough secret" });
    const invitee = callerFor(deps, await sessionFor(deps, user.id, null)).caller;
    expect(await invitee.clinic.staff.accept({ token })).toEqual({ clinicId: staffed.clinic.clinicId, role: "receptionist" });
    expect((await membershipOf(user.id))?.role).toBe("receptionist");
    expect(await codeOf(invitee.clinic.staff.accept({ token }))).toBe("CONFLICT");
    expect((await audit()).map((a) => a.action)).toEqual(expect.arrayContaining(["invite", "accept_invitation"]));
  });

  it("invites in the inviting clinic's language: a French clinic's invitation arrives in French", async () => {
    const { mailer, staffed, as } = await setup();
    await setClinicLocale(db, staffed.clinic.clinicId, "fr-FR");
    const inviteeEmail = `nouveau-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await (await as("admin")).clinic.staff.invite({ email: inviteeEmail, role: "receptionist" });
    const mail = mailer.lastTo(inviteeEmail);
    const clinicName = `Clinic ${staffed.clinic.slug}`;
    expect(mail.subject).toBe(`Vous êtes invité à rejoindre ${clinicName} sur Frontdesk`);
    expect(mail.text).toContain("en tant que chargé d’accueil");
    const link = /http:\/\/localhost:3000\/app\/invite\/\S+/.exec(mail.text)![0];
    expect(mail).toEqual(invitationMail(inviteeEmail, clinicName, "receptionist", link, "fr"));
  });

  it("refuses an invitation link used by someone it was not sent to, a forged link and an expired one", async () => {
    const { deps, mailer, clock, staffed, as } = await setup();
    const inviteeEmail = `new-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await (await as("owner")).clinic.staff.invite({ email: inviteeEmail, role: "practitioner" });
    const token = /\/app\/invite\/(\S+)/.exec(mailer.lastTo(inviteeEmail).text)![1]!;
    const eavesdropper = callerFor(deps, await sessionFor(deps, staffed.userIds.patient, null)).caller;
    expect(await codeOf(eavesdropper.clinic.staff.accept({ token }))).toBe("FORBIDDEN");
    expect(await codeOf(eavesdropper.clinic.staff.accept({ token: `${token.slice(0, -4)}aaaa` }))).toBe("NOT_FOUND");
    expect(await codeOf(eavesdropper.clinic.staff.accept({ token: "garbage" }))).toBe("NOT_FOUND");
    clock.advance(8 * 24 * 60 * 60_000);
    const { user } = await signUpVerified(deps, { name: "Late", email: inviteeEmail, password: "a long enough secret" });
    const late = callerFor(deps, await sessionFor(deps, user.id, null)).caller;
    expect(await codeOf(late.clinic.staff.accept({ token }))).toBe("BAD_REQUEST");
  });

  it("withdraws a pending invitation: its link stops working, and the withdrawal is audited once", async () => {
    const { deps, mailer, as, audit } = await setup();
    const admin = await as("admin");
    const inviteeEmail = `wrong-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const { invitationId } = await admin.clinic.staff.invite({ email: inviteeEmail, role: "receptionist" });
    const token = /\/app\/invite\/(\S+)/.exec(mailer.lastTo(inviteeEmail).text)![1]!;

    expect(await admin.clinic.staff.withdrawInvitation({ invitationId })).toEqual({ withdrawn: true });
    expect((await admin.clinic.staff.list()).invitations.map((i) => i.id)).not.toContain(invitationId);
    const withdrawals = (await audit()).filter((a) => a.action === "withdraw_invitation");
    expect(withdrawals).toEqual([expect.objectContaining({ entity: "invitation", entityId: invitationId, changes: { role: ["receptionist", null] } })]);

    const { user } = await signUpVerified(deps, { name: "Wrong Person", email: inviteeEmail, password: "a long enough secret" });
    const invitee = callerFor(deps, await sessionFor(deps, user.id, null)).caller;
    expect(await codeOf(invitee.clinic.staff.accept({ token }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.clinic.staff.withdrawInvitation({ invitationId }))).toBe("NOT_FOUND");
  });

  it("leaves an accepted invitation, an owner's invitation (to an admin), and another clinic's alone", async () => {
    const { deps, mailer, as, audit } = await setup();
    const other = await setup();
    const owner = await as("owner");
    const admin = await as("admin");
    const { invitationId: toOwner } = await owner.clinic.staff.invite({ email: `boss-${crypto.randomUUID().slice(0, 8)}@example.test`, role: "owner" });
    const acceptedEmail = `hired-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const { invitationId: accepted } = await owner.clinic.staff.invite({ email: acceptedEmail, role: "practitioner" });
    const token = /\/app\/invite\/(\S+)/.exec(mailer.lastTo(acceptedEmail).text)![1]!;
    const { user } = await signUpVerified(deps, { name: "Hired", email: acceptedEmail, password: "a long enough secret" });
    await callerFor(deps, await sessionFor(deps, user.id, null)).caller.clinic.staff.accept({ token });
    const { invitationId: foreign } = await (await other.as("owner")).clinic.staff.invite({ email: "x@example.test", role: "receptionist" });
    const before = (await audit()).length;

    expect(await codeOf(admin.clinic.staff.withdrawInvitation({ invitationId: toOwner }))).toBe("FORBIDDEN");
    expect(await codeOf(owner.clinic.staff.withdrawInvitation({ invitationId: accepted }))).toBe("CONFLICT");
    expect(await codeOf(owner.clinic.staff.withdrawInvitation({ invitationId: foreign }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.clinic.staff.withdrawInvitation({ invitationId: "not-a-uuid" }))).toBe("BAD_REQUEST");
    expect(await codeOf((await as("receptionist")).clinic.staff.withdrawInvitation({ invitationId: toOwner }))).toBe("FORBIDDEN");
    expect((await audit()).length).toBe(before);
    expect((await owner.clinic.staff.list()).invitations.map((i) => i.id)).toContain(toOwner);
    expect((await (await other.as("owner")).clinic.staff.list()).invitations.map((i) => i.id)).toContain(foreign);
  });

  it("lets only owners grant the owner role", async () => {
    const { staffed, as, membershipOf } = await setup();
    const admin = await as("admin");
    const target = (await membershipOf(staffed.userIds.receptionist))!;
    expect(await codeOf(admin.clinic.staff.setRole({ membershipId: target.id, role: "owner" }))).toBe("FORBIDDEN");
    expect(await codeOf(admin.clinic.staff.invite({ email: "boss@example.test", role: "owner" }))).toBe("FORBIDDEN");
    await (await as("owner")).clinic.staff.setRole({ membershipId: target.id, role: "owner" });
    expect((await membershipOf(staffed.userIds.receptionist))?.role).toBe("owner");
  });

  it("never leaves a clinic without an owner", async () => {
    const { staffed, as, membershipOf } = await setup();
    const owner = await as("owner");
    const self = (await membershipOf(staffed.userIds.owner))!;
    expect(await codeOf(owner.clinic.staff.setRole({ membershipId: self.id, role: "admin" }))).toBe("CONFLICT");
    expect(await codeOf(owner.clinic.staff.remove({ membershipId: self.id }))).toBe("CONFLICT");
    expect((await membershipOf(staffed.userIds.owner))?.role).toBe("owner");
  });

  it("removes a member, who then loses access at once", async () => {
    const { staffed, as, membershipOf, deps } = await setup();
    const removedSession = await sessionFor(deps, staffed.userIds.admin, staffed.clinic.clinicId);
    const target = (await membershipOf(staffed.userIds.admin))!;
    await (await as("owner")).clinic.staff.remove({ membershipId: target.id });
    expect(await codeOf(callerFor(deps, removedSession).caller.clinic.staff.list())).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND for another clinic's membership id, and changes nothing there", async () => {
    const { as } = await setup();
    const other = await setup();
    const foreign = (await other.membershipOf(other.staffed.userIds.receptionist))!;
    const owner = await as("owner");
    expect(await codeOf(owner.clinic.staff.setRole({ membershipId: foreign.id, role: "admin" }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.clinic.staff.remove({ membershipId: foreign.id }))).toBe("NOT_FOUND");
    expect((await other.membershipOf(other.staffed.userIds.receptionist))?.role).toBe("receptionist");
  });

  it("writes no audit row when a change fails", async () => {
    const { staffed, as, membershipOf, audit } = await setup();
    const before = (await audit()).length;
    const self = (await membershipOf(staffed.userIds.owner))!;
    await codeOf((await as("owner")).clinic.staff.remove({ membershipId: self.id }));
    expect((await audit()).length).toBe(before);
  });

  it("lists members with their roles for admins", async () => {
    const { as } = await setup();
    const { members } = await (await as("admin")).clinic.staff.list();
    expect(members.map((m) => m.role).sort()).toEqual(["admin", "owner", "practitioner", "receptionist"]);
  });
});
