// Inside one clinic's transaction, another clinic's rows are invisible and untouchable, table by
// table, even for queries that forget to filter by clinic.
import { sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode } from "./errors";
import {
  apiKeys,
  appointmentEvents,
  calendarFeeds,
  appointments,
  appointmentSeries,
  auditLog,
  bookingTokens,
  clinicDataKeys,
  clinicImages,
  clinicalNotes,
  intakeAnswers,
  intakeFormVersions,
  invitations,
  jobOutbox,
  memberNotificationPreferences,
  memberships,
  messages,
  notificationOptOuts,
  notificationSettings,
  messageTemplates,
  patientFirstVisits,
  patients,
  practitionerServices,
  practitioners,
  scheduleExceptions,
  services,
  users,
  waitlistEntries,
  waitlistOffers,
  webhookDeliveries,
  webhookEndpoints,
  workingHours,
} from "./schema";
import { withTenant } from "./scope";
import { connectAsApp, connectAsOwner, createTestClinic, type TestClinic } from "./testing";

const { db, close } = connectAsApp();
let a: TestClinic;
let b: TestClinic;
/** A user with no membership anywhere, so that membership rows can be tried in both clinics. */
let strangerId: string;

beforeAll(async () => {
  a = await createTestClinic(db);
  b = await createTestClinic(db);
  const [stranger] = await db.transaction((tx) =>
    tx.insert(users).values({ email: `stranger-${crypto.randomUUID()}@example.test`, name: "Stranger" }).returning({ id: users.id }),
  );
  strangerId = stranger!.id;
  // A job waiting in each clinic's outbox, as a booking leaves one until the worker drains it.
  for (const clinic of [a, b]) {
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "system" }, (tx) => tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb)`));
  }
});

class Rollback extends Error {}

/**
 * Tables with one row per clinic (or per member) already hold the fixture's: it makes way first,
 * in the same rolled-back transaction, so that the insert below meets only row-level security.
 */
const makeWay: Record<string, SQL> = {
  notification_settings: sql`delete from notification_settings`,
  patient_first_visits: sql`delete from patient_first_visits`,
  member_notification_preferences: sql`delete from member_notification_preferences`,
};

/**
 * Tables only the database writes (triggers, ADR 0064): the app role may read them and nothing
 * else, so inserts into them are tried as the owner, whom row-level security binds too (FORCE).
 */
const writtenByTheDatabase = new Set(["patient_first_visits"]);
const owners = connectAsOwner();
/** Who tries inserts into `table`: the app role, or the owner for the tables only the database writes. */
const writerOf = (table: PgTable) => (writtenByTheDatabase.has(getTableConfig(table).name) ? owners.db : db);

/** Whether `row` can be inserted in `clinic`'s scope; the transaction is rolled back either way. */
async function insertsInOwnClinic(clinic: TestClinic, table: PgTable, row: Record<string, unknown>): Promise<true> {
  try {
    await withTenant(writerOf(table), { clinicId: clinic.clinicId, userId: clinic.ownerUserId, role: "owner" }, async (tx) => {
      const clear = makeWay[getTableConfig(table).name];
      if (clear) await tx.execute(clear);
      await tx.insert(table).values(row as never);
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return true;
    throw error;
  }
  throw new Error("unreachable");
}
afterAll(async () => {
  await close();
  await owners.close();
});

/** A new row for `table` that belongs to clinic `owner` and points at `refs`' rows. */
const newRow: Record<string, (owner: string, refs: TestClinic) => Record<string, unknown>> = {
  memberships: (clinicId) => ({ clinicId, userId: strangerId, role: "admin" }),
  practitioners: (clinicId) => ({ clinicId, displayName: "Intruder" }),
  services: (clinicId) => ({ clinicId, name: "Intrusion", durationMinutes: 10 }),
  practitioner_services: (clinicId, refs) => ({ clinicId, practitionerId: refs.practitionerId, serviceId: refs.otherServiceId }),
  working_hours: (clinicId, refs) => ({ clinicId, practitionerId: refs.practitionerId, weekday: 2, startTime: "08:00", endTime: "09:00" }),
  schedule_exceptions: (clinicId, refs) => ({
    clinicId,
    practitionerId: refs.practitionerId,
    kind: "available",
    startsAt: new Date("2031-01-01T08:00:00Z"),
    endsAt: new Date("2031-01-01T09:00:00Z"),
  }),
  patients: (clinicId) => ({ clinicId, fullName: "Intruder" }),
  appointments: (clinicId, refs) => ({
    clinicId,
    practitionerId: refs.practitionerId,
    serviceId: refs.serviceId,
    patientId: refs.patientId,
    startsAt: new Date("2031-01-06T10:00:00Z"),
    endsAt: new Date("2031-01-06T10:30:00Z"),
    blockedFrom: new Date("2031-01-06T10:00:00Z"),
    blockedTo: new Date("2031-01-06T10:30:00Z"),
    source: "staff",
  }),
  appointment_series: (clinicId, refs) => ({
    clinicId,
    patientId: refs.patientId,
    serviceId: refs.serviceId,
    practitionerId: refs.practitionerId,
    firstDate: "2031-01-06",
    localTime: "10:00",
    everyWeeks: 1,
    weekdays: [1],
    occurrenceCount: 4,
  }),
  booking_tokens: (clinicId, refs) => ({
    clinicId,
    appointmentId: refs.appointmentId,
    tokenHash: `intruder-${crypto.randomUUID()}`,
    expiresAt: new Date("2031-01-01T00:00:00Z"),
  }),
  api_keys: (clinicId) => ({ clinicId, name: "Intruder", hint: "intruder", keyHash: `intruder-${crypto.randomUUID()}`, scopes: ["calendar:read"] }),
  calendar_feeds: (clinicId, refs) => ({ clinicId, practitionerId: refs.practitionerId, hint: "intruder", secretHash: `intruder-${crypto.randomUUID()}` }),
  audit_log: (clinicId) => ({ clinicId, actorKind: "system", action: "forge", entity: "clinic" }),
  appointment_events: (clinicId, refs) => ({ clinicId, appointmentId: refs.appointmentId, practitionerId: refs.practitionerId, kind: "created" }),
  clinical_notes: (clinicId, refs) => ({ clinicId, patientId: refs.patientId, appointmentId: refs.appointmentId, authorUserId: refs.ownerUserId, content: "intruder" }),
  intake_form_versions: (clinicId, refs) => ({ clinicId, serviceId: refs.serviceId, version: 1000 + Math.floor(Math.random() * 1e6), questions: [] }),
  intake_answers: (clinicId, refs) => ({ clinicId, appointmentId: refs.appointmentId, formVersionId: refs.intakeFormVersionId, answers: "intruder", answeredVia: "booking" }),
  clinic_data_keys: (clinicId) => ({ clinicId, wrappedKey: "intruder", masterKeyId: "intruder" }),
  invitations: (clinicId) => ({
    clinicId,
    email: "invitee@example.test",
    role: "receptionist",
    tokenHash: `invite-${crypto.randomUUID()}`,
    expiresAt: new Date("2031-01-01T00:00:00Z"),
  }),
  messages: (clinicId, refs) => ({
    clinicId,
    appointmentId: refs.appointmentId,
    patientId: refs.patientId,
    kind: "reminder",
    channel: "sms",
    recipient: "+33600000000",
    idempotencyKey: `intruder-${crypto.randomUUID()}`,
    sendAt: new Date("2031-01-01T00:00:00Z"),
  }),
  notification_settings: (clinicId) => ({ clinicId, reminders: [] }),
  notification_opt_outs: (clinicId, refs) => ({ clinicId, patientId: refs.patientId, channel: "sms" }),
  member_notification_preferences: (clinicId, refs) => ({ clinicId, userId: refs.ownerUserId, newOnlineBookingEmail: true }),
  webhook_endpoints: (clinicId) => ({ clinicId, url: "https://intruder.example/hooks", events: ["appointment.booked"], secret: "whsec_aW50cnVkZXI=" }),
  webhook_deliveries: (clinicId, refs) => ({
    clinicId,
    endpointId: refs.webhookEndpointId,
    eventId: `msg_${crypto.randomUUID()}`,
    eventType: "appointment.booked",
    payload: {},
  }),
  waitlist_entries: (clinicId, refs) => ({ clinicId, patientId: refs.patientId, serviceId: refs.serviceId, fromDate: "2031-01-01", toDate: "2031-01-31", source: "online" }),
  waitlist_offers: (clinicId, refs) => ({
    clinicId,
    entryId: refs.waitlistEntryId,
    practitionerId: refs.practitionerId,
    startsAt: new Date("2031-01-06T10:00:00Z"),
    expiresAt: new Date("2031-01-06T09:00:00Z"),
  }),
  clinic_images: (clinicId) => ({
    clinicId,
    purpose: "logo",
    contentType: "image/png",
    bytes: new Uint8Array([137]),
    sha256: "0".repeat(64),
    byteSize: 1,
    width: 1,
    height: 1,
  }),
  job_outbox: (clinicId) => ({ clinicId, task: "test.task", payload: {} }),
  patient_first_visits: (clinicId, refs) => ({ clinicId, patientId: refs.patientId, appointmentId: refs.appointmentId, startsAt: new Date("2030-01-07T09:00:00Z") }),
  message_templates: (clinicId) => ({ clinicId, kind: "reminder", channel: "sms", locale: `x-${crypto.randomUUID()}`, text: "Intruder" }),
};

const tenantTables: PgTable[] = [
  memberships,
  practitioners,
  services,
  practitionerServices,
  workingHours,
  scheduleExceptions,
  patients,
  appointments,
  appointmentSeries,
  bookingTokens,
  auditLog,
  invitations,
  appointmentEvents,
  messages,
  notificationSettings,
  notificationOptOuts,
  memberNotificationPreferences,
  webhookEndpoints,
  webhookDeliveries,
  messageTemplates,
  clinicDataKeys,
  clinicalNotes,
  apiKeys,
  calendarFeeds,
  intakeFormVersions,
  intakeAnswers,
  waitlistEntries,
  waitlistOffers,
  clinicImages,
  jobOutbox,
  patientFirstVisits,
];

async function rejection(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    return postgresErrorCode(error) ?? String(error);
  }
  return undefined;
}

describe("the isolation suite covers", () => {
  it("every table with a clinic_id column in the database", async () => {
    const owner = connectAsOwner();
    try {
      const rows = await owner.db.execute<{ table: string }>(sql`
        select distinct c.relname as table from pg_attribute a
        join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where a.attname = 'clinic_id' and n.nspname = 'public' and c.relkind = 'r' order by 1`);
      const covered = tenantTables.map((t) => getTableConfig(t).name).sort();
      expect(rows.map((r) => r.table)).toEqual(covered);
    } finally {
      await owner.close();
    }
  });
});

describe.each(tenantTables.map((table) => [getTableConfig(table).name, table] as const))("%s", (name, table) => {
  const clinicIdOf = (clinic: TestClinic): SQL => sql`${clinic.clinicId}::uuid`;
  const asA = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: a.clinicId, userId: a.ownerUserId, role: "owner" }, work);

  it("shows clinic A only A's rows, even with no filter", async () => {
    const rows = await asA((tx) => tx.execute<{ clinic_id: string }>(sql`select clinic_id from ${table}`));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.clinic_id))).toEqual(new Set([a.clinicId]));
  });

  it("changes 0 of B's rows on UPDATE and DELETE", async () => {
    const update = () => asA((tx) => tx.execute(sql`update ${table} set clinic_id = clinic_id where clinic_id = ${clinicIdOf(b)}`));
    const remove = () => asA((tx) => tx.execute(sql`delete from ${table} where clinic_id = ${clinicIdOf(b)}`));
    if (name === "audit_log" || name === "appointment_events" || name === "notification_opt_outs" || name === "intake_form_versions" || name === "job_outbox" || writtenByTheDatabase.has(name)) {
      // Append-only: the app role may not update or delete these rows at all, its own clinic's included
      // (an opt-out is the patient's word; an intake form's version is what answers were given to;
      // only the worker's drain removes a waiting job; first visits are the triggers' alone).
      expect([await rejection(update()), await rejection(remove())]).toEqual(["42501", "42501"]);
    } else if (name === "intake_answers") {
      // Answers are appended, never changed; erasure deletes them (ADR 0037, 0038).
      expect([await rejection(update()), (await remove()).count]).toEqual(["42501", 0]);
    } else if (name === "messages") {
      // What was sent stays on record: updated as it travels, never deleted by the app.
      expect([(await update()).count, await rejection(remove())]).toEqual([0, "42501"]);
    } else {
      expect([(await update()).count, (await remove()).count]).toEqual([0, 0]);
    }
    const owner = connectAsOwner();
    try {
      const still = await withTenant(owner.db, { clinicId: b.clinicId, userId: null, role: "owner" }, (tx) =>
        tx.execute(sql`select 1 from ${table}`),
      );
      expect(still.length).toBeGreaterThan(0);
    } finally {
      await owner.close();
    }
  });

  it("rejects an INSERT with B's clinic_id", async () => {
    const row = newRow[name]!(b.clinicId, b);
    expect(await rejection(asA((tx) => tx.insert(table).values(row as never)))).toBe("42501");
    if (writtenByTheDatabase.has(name)) {
      // The app role may not insert at all; the owner in A's scope is refused by row-level security.
      const asOwnerOfA = withTenant(owners.db, { clinicId: a.clinicId, userId: null, role: "owner" }, (tx) => tx.insert(table).values(row as never));
      expect(await rejection(asOwnerOfA)).toBe("42501");
    }
  });

  it("accepts the same INSERT for A's own clinic (so the rejection above is RLS, not a bad row)", async () => {
    expect(await insertsInOwnClinic(a, table, newRow[name]!(a.clinicId, a))).toBe(true);
  });

  it("shows nothing and accepts nothing when no clinic is set", async () => {
    const rows = await db.transaction((tx) => tx.execute(sql`select 1 from ${table}`));
    expect(rows.length).toBe(0);
    const row = newRow[name]!(a.clinicId, a);
    expect(await rejection(db.transaction((tx) => tx.insert(table).values(row as never)))).toBe("42501");
  });
});

describe("references between tenant rows", () => {
  const asA = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: a.clinicId, userId: a.ownerUserId, role: "owner" }, work);
  const appointmentOfA = (override: Partial<Record<"practitionerId" | "serviceId" | "patientId", string>>) => ({
    ...newRow.appointments!(a.clinicId, a),
    startsAt: new Date("2032-03-01T10:00:00Z"),
    endsAt: new Date("2032-03-01T10:30:00Z"),
    blockedFrom: new Date("2032-03-01T10:00:00Z"),
    blockedTo: new Date("2032-03-01T10:30:00Z"),
    ...override,
  });

  it.each([
    ["practitioner", () => ({ practitionerId: b.practitionerId })],
    ["service", () => ({ serviceId: b.serviceId })],
    ["patient", () => ({ patientId: b.patientId })],
  ])("cannot point an appointment of clinic A at clinic B's %s", async (_what, override) => {
    const code = await rejection(asA((tx) => tx.insert(appointments).values(appointmentOfA(override()) as never)));
    expect(code).toBe("23503");
  });

  it("cannot offer clinic B's service through clinic A's practitioner", async () => {
    const code = await rejection(
      asA((tx) => tx.insert(practitionerServices).values({ clinicId: a.clinicId, practitionerId: a.practitionerId, serviceId: b.serviceId })),
    );
    expect(code).toBe("23503");
  });

  it("cannot issue a manage link of clinic A for clinic B's appointment", async () => {
    const code = await rejection(
      asA((tx) => tx.insert(bookingTokens).values(newRow.booking_tokens!(a.clinicId, b) as never)),
    );
    expect(code).toBe("23503");
  });
});
