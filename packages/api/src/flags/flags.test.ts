// Per-clinic feature flags (ADR 0039) against the real database: the owner's switches and who may
// touch them, the operator's overrides and the trigger that keeps the app role off them, the
// public booking page closing, and a change reaching another server process's cache.
import { createDb, withTenant } from "@frontdesk/db";
import { appointments, clinics } from "@frontdesk/db/schema";
import { connectAsApp, connectAsOwner } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { closeClinicCaches } from "../cache/clinic-cache";
import { listenWith } from "../realtime/change-hub";
import { callerFor, createTestDeps } from "../testing";
import { codeOf, createStaffWorld, refusal } from "../testing/staff-world";
import { setOperatorFlag } from "./operator";
import { clinicFlagsFor } from "./read";

const { db, close } = connectAsApp();
const owner = connectAsOwner();
afterAll(async () => {
  await close();
  await owner.close();
});

const valueOf = (answer: { flags: Array<{ name: string; value: boolean; source: string }> }, name: string) => answer.flags.find((flag) => flag.name === name);

describe("clinic.flags", () => {
  it("are read by every staff role; the owner switches owner flags, audited; nobody else may", async () => {
    const { as, audited } = await createStaffWorld(db);
    for (const role of ["owner", "admin", "receptionist", "practitioner"] as const) {
      expect(valueOf(await (await as(role)).clinic.flags.get(), "onlineBooking")).toMatchObject({ value: true, source: "default" });
    }
    const changed = await audited(async () => (await as("owner")).clinic.flags.set({ name: "waitlist", value: false }));
    expect(valueOf(changed.result!, "waitlist")).toMatchObject({ value: false, source: "owner" });
    expect(changed.rows).toHaveLength(1);
    expect(changed.rows[0]).toMatchObject({ action: "set_flag", actorKind: "user", changes: { "flags.waitlist": [true, false] } });
    for (const role of ["admin", "receptionist", "practitioner"] as const) {
      expect(await codeOf((await as(role)).clinic.flags.set({ name: "waitlist", value: true }))).toBe("FORBIDDEN");
    }
    // A rollout flag is the operator's: the owner is told so, and nothing changes.
    const refused = await audited(async () => (await as("owner")).clinic.flags.set({ name: "calendarFeeds", value: true }));
    expect(refused.failure).toBeInstanceOf(TRPCError);
    expect((refused.failure as TRPCError).message).toBe("Calendar feeds (rollout) is set by the platform operator");
    expect(refused.rows).toHaveLength(0);
    // Back to the default.
    expect(valueOf(await (await as("owner")).clinic.flags.set({ name: "waitlist", value: null }), "waitlist")).toMatchObject({ value: true, source: "default" });
  });

  it.each([
    [["name"], { name: "everything", value: true }],
    [["name"], { name: "__proto__", value: true }],
    [["value"], { name: "sms", value: "off" }],
    // An unknown key is the input's fault as a whole, not a field's.
    [[], { name: "sms", value: true, extra: 1 }],
  ])("set refuses bad input %# naming %j", async (fields, input) => {
    const { as } = await createStaffWorld(db);
    // @ts-expect-error -- bad input on purpose
    expect(await refusal((await as("owner")).clinic.flags.set(input))).toEqual({ code: "BAD_REQUEST", fields });
  });

  it("closes online booking: the page says so and a booking is refused with FEATURE_OFF, nothing written", async () => {
    const { as, deps, staffed, inClinic } = await createStaffWorld(db);
    const anyone = () => callerFor(deps).caller;
    const { slug, serviceId } = staffed.clinic;
    const booked = () => inClinic((tx) => tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.clinicId, staffed.clinic.clinicId)));
    const before = (await booked()).length;
    expect((await anyone().public.clinic({ clinicSlug: slug })).features).toEqual({ onlineBooking: true, waitlist: true });
    await (await as("owner")).clinic.flags.set({ name: "onlineBooking", value: false });
    expect((await anyone().public.clinic({ clinicSlug: slug })).features).toEqual({ onlineBooking: false, waitlist: true });
    const error = await anyone()
      .public.book({ clinicSlug: slug, serviceId, start: "2026-11-23T08:00:00Z", patient: { name: "Léa Martin", email: "lea@example.test" }, idempotencyKey: crypto.randomUUID() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("FORBIDDEN");
    expect((error as TRPCError).message).toMatch(/is not taking bookings online at the moment/);
    expect(((error as TRPCError).cause as { reason?: string }).reason).toBe("FEATURE_OFF");
    expect(await booked()).toHaveLength(before);
  });

  it("keeps the operator's overrides out of the app role's reach; the operator's word wins and is audited", async () => {
    const { as, staffed, auditRows } = await createStaffWorld(db);
    const clinicId = staffed.clinic.clinicId;
    const write = withTenant(db, { clinicId, userId: staffed.userIds.owner, role: "owner" }, (tx) =>
      tx.update(clinics).set({ operatorFlags: { calendarFeeds: true } }).where(eq(clinics.id, clinicId)),
    );
    await expect(write).rejects.toMatchObject({ cause: { code: "42501" } });

    await (await as("owner")).clinic.flags.set({ name: "sms", value: true });
    expect(await setOperatorFlag(owner.db, staffed.clinic.slug, "sms", false, new Date())).toEqual({ name: "sms", value: false, source: "operator" });
    expect(await setOperatorFlag(owner.db, staffed.clinic.slug, "calendarFeeds", true, new Date())).toEqual({ name: "calendarFeeds", value: true, source: "operator" });
    expect(await setOperatorFlag(owner.db, "no-such-clinic", "sms", false, new Date())).toBeNull();
    const flags = await (await as("owner")).clinic.flags.get();
    expect(valueOf(flags, "sms")).toMatchObject({ value: false, source: "operator" });
    expect(valueOf(flags, "calendarFeeds")).toMatchObject({ value: true, source: "operator" });
    expect((await auditRows()).filter((row) => row.actorKind === "operator").map((row) => row.changes)).toEqual([{ "flags.sms": [true, false] }, { "flags.calendarFeeds": [false, true] }]);
  });

  it("reach another server process's cached flags as soon as they change", async () => {
    const { as, staffed } = await createStaffWorld(db);
    const own = createDb(inject("database").appUrl, { max: 2 });
    const reader = createTestDeps(own.db, { listen: listenWith(own.client) });
    try {
      const read = () => clinicFlagsFor(reader.deps, staffed.clinic.clinicId);
      expect((await read()).onlineBooking).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await read()).onlineBooking).toBe(true);
      await (await as("owner")).clinic.flags.set({ name: "onlineBooking", value: false });
      const deadline = Date.now() + 5000;
      while ((await read()).onlineBooking && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await read()).onlineBooking).toBe(false);
    } finally {
      await closeClinicCaches(reader.deps.listen!);
      await own.close();
    }
  });
});
