// The REST API as another program sees it: a client generated from the OpenAPI document alone
// (openapi-typescript + openapi-fetch, no tRPC types) books, moves and cancels with an API key,
// and is refused outside the key's scopes and clinic.
import SwaggerParser from "@apidevtools/swagger-parser";
import { withTenant } from "@frontdesk/db";
import type { ApiKeyScope } from "@frontdesk/domain";
import { appointments, auditLog } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { and, eq } from "drizzle-orm";
import createClient from "openapi-fetch";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "../../openapi/schema";
import { generatedClientTypes } from "../../openapi/types";
import { callerFor, createBookableClinic, createTestDeps, sessionFor, type BookableClinic } from "../testing";
import { listen } from "../testing/http";

const { db, close } = connectAsApp();
const { deps } = createTestDeps(db, {
  rateLimits: { slotsPerIpPerMinute: 1000, bookPerIpPerHour: 1000, bookPerEmailPerHour: 1000, managePerIpPerHour: 1000, apiKeyPerMinute: 1000 },
});
let server: Awaited<ReturnType<typeof listen>>;
let a: BookableClinic;
let b: BookableClinic;
/** Appointment of clinic B, which A's keys must not find. */
let appointmentOfB: string;

async function keyFor(clinic: BookableClinic, scopes: ApiKeyScope[]) {
  const owner = callerFor(deps, await sessionFor(deps, clinic.ownerUserId, clinic.clinicId)).caller;
  return owner.clinic.apiKeys.create({ name: `key ${scopes.join(" ")}`, scopes });
}

const clientWith = (key?: string) => createClient<paths>({ baseUrl: `${server.base}/api/v1`, headers: key ? { Authorization: `Bearer ${key}` } : {} });

beforeAll(async () => {
  server = await listen(deps);
  a = await createBookableClinic(db);
  b = await createBookableClinic(db);
  const bKey = await keyFor(b, ["appointments:write"]);
  const created = await clientWith(bKey.key).POST("/appointments", {
    body: { serviceId: b.serviceId, practitionerId: b.practitionerIds[0]!, start: "2026-12-02T09:00:00Z", newPatient: { name: "Patient Of B" } },
  });
  appointmentOfB = created.data!.id;
});
afterAll(async () => {
  await server.close();
  await close();
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, served at /api/openapi.json", async () => {
    const response = await fetch(`${server.base}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/appointments", "/appointments/{id}/reschedule", "/clinics/{clinicSlug}/bookings", "/patients/{patientId}"]));
  });

  it("gives the committed client types (pnpm --filter @frontdesk/api openapi regenerates them)", async () => {
    const committed = await readFile(new URL("../../openapi/schema.d.ts", import.meta.url), "utf8");
    expect(committed).toBe(await generatedClientTypes());
  });
});

describe("a client generated from the document, with an API key", () => {
  it("books, reschedules and cancels an appointment, audited as the key", async () => {
    const key = await keyFor(a, ["calendar:read", "appointments:write"]);
    const api = clientWith(key.key);
    const practitioners = await api.GET("/practitioners", { params: { query: {} } });
    expect(practitioners.response.status).toBe(200);
    const practitionerId = practitioners.data![0]!.id;

    const booked = await api.POST("/appointments", {
      body: { serviceId: a.serviceId, practitionerId, start: "2026-12-01T09:00:00Z", newPatient: { name: "Rest Patient", email: "rest@example.test" } },
    });
    expect(booked.response.status).toBe(200);
    expect(booked.data).toMatchObject({ start: "2026-12-01T09:00:00.000Z", status: "booked", source: "staff", version: 1 });
    const id = booked.data!.id;

    const moved = await api.POST("/appointments/{id}/reschedule", { params: { path: { id } }, body: { version: 1, start: "2026-12-01T10:00:00Z" } });
    expect(moved.response.status).toBe(200);
    expect(moved.data).toMatchObject({ start: "2026-12-01T10:00:00.000Z", version: 2 });

    const stale = await api.POST("/appointments/{id}/cancel", { params: { path: { id } }, body: { version: 1, reason: "Patient called" } });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.error).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });

    const cancelled = await api.POST("/appointments/{id}/cancel", { params: { path: { id } }, body: { version: 2, reason: "Patient called" } });
    expect(cancelled.response.status).toBe(200);
    expect(cancelled.data?.status).toBe("cancelled");

    const calendar = await api.GET("/calendar", { params: { query: { from: "2026-12-01", to: "2026-12-01" } } });
    expect(calendar.data?.appointments.find((x) => x.id === id)?.status).toBe("cancelled");

    const audit = await withTenant(db, { clinicId: a.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.clinicId, a.clinicId), eq(auditLog.entity, "appointment"), eq(auditLog.entityId, id))),
    );
    expect(audit.map((row) => row.action).sort()).toEqual(["cancel", "create", "reschedule"]);
    expect(audit.every((row) => row.actorKind === "api_key" && row.actorApiKeyId === key.id && row.actorUserId === null)).toBe(true);
  });

  it("is refused what its scopes do not cover, with the scope named", async () => {
    const readOnly = clientWith((await keyFor(a, ["calendar:read"])).key);
    const refused = await readOnly.POST("/appointments", {
      body: { serviceId: a.serviceId, practitionerId: a.practitionerIds[0]!, start: "2026-12-03T09:00:00Z", newPatient: { name: "Nobody" } },
    });
    expect(refused.response.status).toBe(403);
    expect(refused.error?.error).toMatchObject({ code: "FORBIDDEN", reason: "API_KEY_SCOPE", message: "This API key lacks the appointments:write scope" });
    const patients = await readOnly.GET("/patients", { params: { query: {} } });
    expect(patients.response.status).toBe(403);
    expect(await withTenant(db, { clinicId: a.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(appointments).where(eq(appointments.startsAt, new Date("2026-12-03T09:00:00Z"))))).toEqual([]);
  });

  it("finds nothing of another clinic, and cannot book there", async () => {
    const api = clientWith((await keyFor(a, ["calendar:read", "appointments:write", "patients:read"])).key);
    const other = await api.GET("/appointments/{id}", { params: { path: { id: appointmentOfB } } });
    expect(other.response.status).toBe(404);
    expect(other.error?.error.reason).toBe("NOT_FOUND");
    const cancel = await api.POST("/appointments/{id}/cancel", { params: { path: { id: appointmentOfB } }, body: { version: 1, reason: "Not mine" } });
    expect(cancel.response.status).toBe(404);
    const intoB = await api.POST("/appointments", {
      body: { serviceId: b.serviceId, practitionerId: b.practitionerIds[0]!, start: "2026-12-04T09:00:00Z", newPatient: { name: "Crossing Over" } },
    });
    expect(intoB.response.status).toBe(404);
    const [stillThere] = await withTenant(db, { clinicId: b.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(appointments).where(eq(appointments.id, appointmentOfB)));
    expect(stillThere?.status).toBe("booked");
  });

  it("stops working once revoked, and a made-up or relabelled key never works", async () => {
    const key = await keyFor(a, ["calendar:read"]);
    const api = clientWith(key.key);
    expect((await api.GET("/services", { params: { query: {} } })).response.status).toBe(200);
    const owner = callerFor(deps, await sessionFor(deps, a.ownerUserId, a.clinicId)).caller;
    await owner.clinic.apiKeys.revoke({ id: key.id });
    const relabelled = key.key.replace(a.clinicId, b.clinicId);
    for (const attempt of [key.key, relabelled, "fdk_nonsense", `fdk_${a.clinicId}_${"a".repeat(32)}`]) {
      const refused = await clientWith(attempt).GET("/services", { params: { query: {} } });
      expect(refused.response.status).toBe(401);
      expect(refused.error?.error.reason).toBe("API_KEY_INVALID");
    }
  });

  it("never opens a session-only procedure, and the request's cookies do not count", async () => {
    const key = await keyFor(a, ["calendar:read", "appointments:write", "patients:read", "setup:manage"]);
    const session = await sessionFor(deps, a.ownerUserId, a.clinicId);
    const response = await fetch(`${server.base}/trpc/clinic.apiKeys.list`, { headers: { Authorization: `Bearer ${key.key}` } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { data: { reason: string } } }).error.data.reason).toBe("SESSION_ONLY");
    // With the owner's cookie too, the call is still the key's (and a key has no account).
    const me = await fetch(`${server.base}/trpc/auth.me`, { headers: { Authorization: `Bearer ${key.key}`, Cookie: `frontdesk_session=${session.id}` } });
    expect(me.status).toBe(403);
  });

  it("answers bad input with the documented error shape, field by field", async () => {
    const api = clientWith((await keyFor(a, ["appointments:write"])).key);
    const bad = await api.POST("/appointments", { body: { serviceId: "nope", practitionerId: a.practitionerIds[0]!, start: "tomorrow", patientId: a.practitionerIds[0]! } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.error).toMatchObject({ code: "BAD_REQUEST", reason: "INVALID_INPUT", message: "Some fields need attention" });
    expect(Object.keys(bad.error!.error.fieldErrors!).sort()).toEqual(["serviceId", "start"]);
    expect(bad.error?.error.requestId).toBe(bad.response.headers.get("x-request-id"));
    const notJson = await fetch(`${server.base}/api/v1/appointments`, { method: "POST", body: "x", headers: { Authorization: `Bearer ${(await keyFor(a, ["appointments:write"])).key}` } });
    expect(notJson.status).toBe(415);
    expect(((await notJson.json()) as { error: { reason: string } }).error.reason).toBe("INVALID_INPUT");
    const unknown = await fetch(`${server.base}/api/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { reason: string } }).error.reason).toBe("NOT_FOUND");
  });
});

describe("issue 17's routes (ADR 0048)", () => {
  it("find free times, book a follow-up, undo a cancellation, read the waitlist and possible duplicates; a merge needs its own scope", async () => {
    const api = clientWith((await keyFor(a, ["calendar:read", "appointments:write", "patients:read", "setup:manage"])).key);
    const found = await api.POST("/appointments/free-times", { body: { serviceId: a.serviceId, from: "2026-12-14", within: "today", limit: 2 } });
    expect(found.response.status).toBe(200);
    expect(found.data!.slots.map((s) => s.start)).toEqual(["2026-12-14T08:00:00Z", "2026-12-14T08:30:00Z"]);

    const email = `rest-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const booked = await api.POST("/appointments", { body: { serviceId: a.serviceId, practitionerId: a.practitionerIds[0]!, start: "2026-12-14T08:00:00Z", newPatient: { name: "Rest Follow", email } } });
    const id = booked.data!.id;
    const followUp = await api.POST("/appointments/{id}/follow-up", { params: { path: { id } }, body: { weeks: 1 } });
    expect(followUp.response.status).toBe(200);
    expect(followUp.data!.start).toBe("2026-12-21T08:00:00.000Z");
    const cancelled = await api.POST("/appointments/{id}/cancel", { params: { path: { id } }, body: { version: 1, reason: "Called" } });
    const restored = await api.POST("/appointments/{id}/revert-status", { params: { path: { id } }, body: { version: cancelled.data!.version, status: "booked" } });
    expect(restored.response.status).toBe(200);
    expect(restored.data!.status).toBe("booked");

    // A patient joins online without a key; the waitlist shows them to the key.
    const joined = await clientWith().POST("/clinics/{clinicSlug}/waitlist", {
      params: { path: { clinicSlug: a.slug } },
      body: { serviceId: a.serviceId, fromDate: "2026-12-15", toDate: "2026-12-18", patient: { name: "Rest Waiting", email: `wait-${email}` } },
    });
    expect(joined.response.status).toBe(200);
    const waiting = await api.GET("/waitlist", { params: { query: { status: "waiting" } } });
    expect(waiting.data!.items.map((e) => e.patientName)).toContain("Rest Waiting");

    const duplicates = await api.GET("/patient-duplicates", { params: { query: { email } } });
    expect(duplicates.data!.items).toEqual([expect.objectContaining({ fullName: "Rest Follow", matchedOn: ["email"] })]);

    const patientId = duplicates.data!.items[0]!.id;
    const entry = waiting.data!.items.find((e) => e.patientName === "Rest Waiting")!;
    const merge = await api.POST("/patients/{sourceId}/merge", { params: { path: { sourceId: entry.patientId } }, body: { targetId: patientId } });
    expect(merge.response.status).toBe(403);
    expect(merge.error?.error).toMatchObject({ reason: "API_KEY_SCOPE", message: "This API key lacks the patients:merge scope" });
  });
});

describe("the public booking routes", () => {
  it("book without a key", async () => {
    const api = clientWith();
    const page = await api.GET("/clinics/{clinicSlug}", { params: { path: { clinicSlug: a.slug } } });
    expect(page.data?.services.map((s) => s.id)).toEqual([a.serviceId]);
    const slots = await api.GET("/clinics/{clinicSlug}/slots", { params: { path: { clinicSlug: a.slug }, query: { serviceId: a.serviceId, from: "2026-12-05", to: "2026-12-05" } } });
    const start = slots.data!.days[0]!.starts[0]!;
    const booked = await api.POST("/clinics/{clinicSlug}/bookings", {
      params: { path: { clinicSlug: a.slug } },
      body: { serviceId: a.serviceId, start, patient: { name: "Web Patient", email: "web@example.test" }, idempotencyKey: crypto.randomUUID() },
    });
    expect(booked.response.status).toBe(200);
    expect(Date.parse(booked.data!.appointment.start)).toBe(Date.parse(start));
  });
});
