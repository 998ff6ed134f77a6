// Webhooks end to end against the real database and a real HTTP receiver that checks every
// delivery with the Standard Webhooks reference implementation (the `standardwebhooks` package).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { withTenant } from "@frontdesk/db";
import { auditLog, webhookDeliveries } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runDueJobs } from "../jobs/worker";
import { callerFor, createBookableClinic, createTestClock, createTestDeps, sessionFor } from "../testing";
import { deliverWebhook } from "./deliver";
import type { WebhookSettings } from "./settings";

const { db, close } = connectAsApp();

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A receiver on this machine: answers `status` (changeable) and keeps what it was sent. */
let receiver: Server;
let receiverUrl: string;
let answer = 204;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await close();
});

/** Whether the reference implementation accepts `delivery` with `secret`. */
function verifies(delivery: Received, secret: string): boolean {
  try {
    new Webhook(secret).verify(delivery.body, delivery.headers);
    return true;
  } catch {
    return false;
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? `${error.code} ${(error.cause as { reason?: string } | undefined)?.reason ?? ""}`.trim() : String(error);
  }
}

const LOCAL: WebhookSettings = { allowPrivateTargets: true, baseDelayMs: 1_000, maxAttempts: 3, timeoutMs: 2_000 };

async function setup(webhooks: WebhookSettings = LOCAL) {
  const clinic = await createBookableClinic(db);
  // Signatures carry the clock's time, and receivers refuse one more than 5 minutes off theirs.
  const clock = createTestClock(new Date());
  const { deps, logger } = createTestDeps(db, { clock, webhooks });
  const owner = callerFor(deps, await sessionFor(deps, clinic.ownerUserId, clinic.clinicId)).caller;
  const desk = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
  const deliveries = () => inClinic((tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.clinicId, clinic.clinicId)).orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.eventType)));
  /** Runs every delivery that is due, as the queue's task would. */
  const deliverAll = async () => {
    for (const d of await deliveries()) await deliverWebhook(deps, { clinicId: clinic.clinicId, deliveryId: d.id });
  };
  const book = (start = "2030-03-04T09:00:00Z") =>
    desk.appointments.create({ newPatient: { name: "Robin Patient", email: "robin@example.test", phone: "+33 6 12 34 56 78" }, serviceId: clinic.serviceId, practitionerId: clinic.practitionerIds[0]!, start });
  return { clinic, clock, deps, logger, owner, desk, inClinic, deliveries, deliverAll, book };
}

describe("clinic.webhooks endpoints", () => {
  it("are created with a whsec_ secret shown once, listed without it, and audited without it", async () => {
    const { owner, inClinic } = await setup();
    const created = await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked", "appointment.booked"], description: "CRM" });
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.endpoint).toMatchObject({ url: receiverUrl, events: ["appointment.booked"], scopes: [], enabled: true, previousSecretValidUntil: null });
    const listed = await owner.clinic.webhooks.list();
    expect(listed).toEqual([created.endpoint]);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
    const audit = await inClinic((tx) => tx.select().from(auditLog).where(eq(auditLog.entity, "webhook_endpoint")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
  });

  it("refuse addresses that are not http(s), with a field error, and write nothing", async () => {
    const { owner } = await setup();
    for (const url of ["ftp://example.com/x", "javascript:alert(1)", "https://user:pw@example.com/x", "", "x".repeat(3000)]) {
      expect(await codeOf(owner.clinic.webhooks.create({ url, events: ["appointment.booked"] }))).toBe("BAD_REQUEST");
    }
    expect(await codeOf(owner.clinic.webhooks.create({ url: receiverUrl, events: [] }))).toBe("BAD_REQUEST");
    expect(await codeOf(owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.exploded" as never] }))).toBe("BAD_REQUEST");
    expect(await owner.clinic.webhooks.list()).toEqual([]);
  });

  it("refuse loopback and private addresses unless the deployment allows them", async () => {
    const { owner } = await setup({ allowPrivateTargets: false });
    for (const url of [receiverUrl, "http://localhost:9/x", "http://10.0.0.8/x", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/x"]) {
      expect(await codeOf(owner.clinic.webhooks.create({ url, events: ["appointment.booked"] }))).toBe("BAD_REQUEST WEBHOOK_TARGET_REFUSED");
    }
    const { endpoint } = await owner.clinic.webhooks.create({ url: "https://hooks.example.com/in", events: ["appointment.booked"] });
    expect(await codeOf(owner.clinic.webhooks.update({ endpointId: endpoint.id, url: "http://127.0.0.1:1/x" }))).toBe("BAD_REQUEST WEBHOOK_TARGET_REFUSED");
    expect((await owner.clinic.webhooks.list())[0]!.url).toBe("https://hooks.example.com/in");
  });

  it("are for admins only", async () => {
    const { desk } = await setup();
    expect(await codeOf(desk.clinic.webhooks.list())).toBe("FORBIDDEN ROLE_NOT_ALLOWED");
    expect(await codeOf(desk.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] }))).toBe("FORBIDDEN ROLE_NOT_ALLOWED");
  });

  it("are updated, turned off and deleted (with their deliveries); another clinic's id is not found", async () => {
    const { owner, book, deliveries } = await setup();
    const other = await setup();
    const { endpoint } = await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] });
    expect(await owner.clinic.webhooks.update({ endpointId: endpoint.id, events: ["appointment.cancelled"], enabled: false })).toMatchObject({ events: ["appointment.cancelled"], enabled: false });
    expect(await codeOf(other.owner.clinic.webhooks.update({ endpointId: endpoint.id, enabled: true }))).toBe("NOT_FOUND NOT_FOUND");
    expect(await codeOf(other.owner.clinic.webhooks.remove({ endpointId: endpoint.id }))).toBe("NOT_FOUND NOT_FOUND");
    await owner.clinic.webhooks.update({ endpointId: endpoint.id, events: ["appointment.booked"], enabled: true });
    await book();
    expect(await deliveries()).toHaveLength(1);
    await owner.clinic.webhooks.remove({ endpointId: endpoint.id });
    expect(await owner.clinic.webhooks.list()).toEqual([]);
    expect(await deliveries()).toEqual([]);
  });
});

describe("webhook events", () => {
  it("are delivered signed for each change, with ids and times but no patient contact", async () => {
    const { owner, desk, book, deliverAll, deliveries, clinic } = await setup();
    const { endpoint, secret } = await owner.clinic.webhooks.create({
      url: receiverUrl,
      events: ["appointment.booked", "appointment.rescheduled", "appointment.cancelled", "appointment.status_changed", "patient.created"],
    });
    received.length = 0;
    const booked = await book();
    const moved = await desk.appointments.reschedule({ id: booked.id, version: booked.version, start: "2030-03-04T10:00:00Z" });
    const confirmed = await desk.appointments.setStatus({ id: booked.id, version: moved.version, status: "confirmed" });
    await desk.appointments.cancel({ id: booked.id, version: confirmed.version, reason: "Patient asked" });
    await deliverAll();
    expect((await deliveries()).map((d) => [d.eventType, d.status, d.attempts, d.responseStatus])).toEqual([
      ["appointment.booked", "delivered", 1, 204],
      ["patient.created", "delivered", 1, 204],
      ["appointment.rescheduled", "delivered", 1, 204],
      ["appointment.status_changed", "delivered", 1, 204],
      ["appointment.cancelled", "delivered", 1, 204],
    ]);
    expect(received).toHaveLength(5);
    for (const delivery of received) expect(verifies(delivery, secret)).toBe(true);
    const bodies = received.map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> });
    const rescheduled = bodies.find((b) => b.type === "appointment.rescheduled")!;
    expect(rescheduled.data).toEqual({
      clinicId: clinic.clinicId,
      appointmentId: booked.id,
      patientId: rescheduled.data.patientId,
      practitionerId: clinic.practitionerIds[0],
      serviceId: clinic.serviceId,
      start: "2030-03-04T10:00:00.000Z",
      end: "2030-03-04T10:30:00.000Z",
      status: "booked",
      source: "staff",
      version: moved.version,
    });
    expect(bodies.find((b) => b.type === "appointment.cancelled")!.data.status).toBe("cancelled");
    expect(rescheduled.data.patientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bodies.find((b) => b.type === "patient.created")!.data).toEqual({ clinicId: clinic.clinicId, patientId: rescheduled.data.patientId });
    const everything = received.map((r) => r.body).join("\n");
    for (const privateDetail of ["Robin", "robin@example.test", "+33 6", "Patient asked"]) expect(everything).not.toContain(privateDetail);
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(5);
    expect(endpoint.id).toBeTruthy();
  });

  it("carry the patient's name, e-mail and phone only for an endpoint with the patient.contact scope", async () => {
    const { owner, book, deliverAll } = await setup();
    await owner.clinic.webhooks.create({ url: receiverUrl, events: ["patient.created"], scopes: ["patient.contact"] });
    received.length = 0;
    await book();
    await deliverAll();
    expect(received).toHaveLength(1);
    expect((JSON.parse(received[0]!.body) as { data: { patient: unknown } }).data.patient).toEqual({ fullName: "Robin Patient", email: "robin@example.test", phone: "+33612345678" });
  });

  it("are queued only for enabled endpoints subscribed to them, and never by a change that rolls back", async () => {
    const { owner, book, deliveries } = await setup();
    const { endpoint } = await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.cancelled"] });
    await book();
    expect(await deliveries()).toEqual([]);
    await owner.clinic.webhooks.update({ endpointId: endpoint.id, events: ["appointment.booked", "patient.created"], enabled: false });
    await book("2030-03-05T09:00:00Z");
    expect(await deliveries()).toEqual([]);
    await owner.clinic.webhooks.update({ endpointId: endpoint.id, enabled: true });
    // The same time again: the booking fails, and so does everything it queued.
    expect(await codeOf(book("2030-03-05T09:00:00Z"))).toBe("CONFLICT SLOT_TAKEN");
    expect(await deliveries()).toEqual([]);
  });

  it("are also sent for online bookings and the patient's own cancellation", async () => {
    const { owner, deps, clinic, deliveries } = await setup();
    await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked", "appointment.cancelled", "patient.created"] });
    const visitor = callerFor(deps).caller;
    // Within the clinic's booking horizon from today (the clock is the real one here).
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const booked = await visitor.public.book({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      practitionerId: clinic.practitionerIds[0]!,
      start: `${day}T09:00:00Z`,
      patient: { name: "Online Patient", email: "online@example.test" },
      idempotencyKey: crypto.randomUUID(),
    });
    expect((await deliveries()).map((d) => d.eventType)).toEqual(expect.arrayContaining(["appointment.booked", "patient.created"]));
    await visitor.public.booking.cancel({ token: booked.manageToken });
    expect((await deliveries()).map((d) => d.eventType)).toContain("appointment.cancelled");
  });
});

describe("webhook delivery", () => {
  it("retries a receiver that answers 500 with growing delays, then gives up; a retry by hand sends it again", async () => {
    const { owner, book, deliveries, deliverAll, clock, clinic, deps } = await setup();
    await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] });
    await book();
    received.length = 0;
    answer = 500;
    try {
      await deliverAll();
      let [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: "retrying", attempts: 1, responseStatus: 500, lastError: "The receiver answered HTTP 500" });
      expect(delivery!.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(1_000);
      // Not due yet: nothing is sent.
      await deliverAll();
      expect(received).toHaveLength(1);
      clock.advance(1_000);
      await deliverAll();
      [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: "retrying", attempts: 2 });
      expect(delivery!.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(2_000);
      clock.advance(2_000);
      await deliverAll();
      [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
      clock.advance(60_000);
      await deliverAll();
      expect(received).toHaveLength(3);
      // Every attempt is the same message: one webhook-id, so the receiver can drop repeats.
      expect(new Set(received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery!.eventId]));

      const problems = await owner.clinic.webhooks.deliveries({ problemsOnly: true });
      expect(problems.map((p) => p.id)).toEqual([delivery!.id]);
      expect(JSON.stringify(problems)).not.toContain("payload");
      answer = 200;
      expect(await owner.clinic.webhooks.retryDelivery({ deliveryId: delivery!.id })).toMatchObject({ status: "pending", attempts: 0 });
      await deliverWebhook(deps, { clinicId: clinic.clinicId, deliveryId: delivery!.id });
      expect((await deliveries())[0]).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 200, lastError: null });
      expect(await codeOf(owner.clinic.webhooks.retryDelivery({ deliveryId: delivery!.id }))).toBe("CONFLICT ALREADY_DONE");
      expect(await owner.clinic.webhooks.deliveries({ problemsOnly: true })).toEqual([]);
    } finally {
      answer = 204;
    }
  });

  it("counts a receiver that is down or silent as a failure to retry", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { owner, book, deliveries, deliverAll } = await setup({ ...LOCAL, timeoutMs: 200 });
      const port = (silent.address() as AddressInfo).port;
      await owner.clinic.webhooks.create({ url: `http://127.0.0.1:${port}/slow`, events: ["appointment.booked"] });
      await owner.clinic.webhooks.create({ url: "http://127.0.0.1:1/closed", events: ["appointment.booked"] });
      await book();
      await deliverAll();
      expect((await deliveries()).map((d) => d.lastError).sort()).toEqual(["Could not connect to the receiver", "No answer within 200 ms"]);
      expect((await deliveries()).every((d) => d.status === "retrying")).toBe(true);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("sends each delivery once, even when two workers run it at the same time or again after it is done", async () => {
    const { owner, book, deliveries, deps, clinic } = await setup();
    await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] });
    await book();
    received.length = 0;
    const [delivery] = await deliveries();
    const job = { clinicId: clinic.clinicId, deliveryId: delivery!.id };
    await Promise.all([deliverWebhook(deps, job), deliverWebhook(deps, job), deliverWebhook(deps, job)]);
    await deliverWebhook(deps, job);
    expect(received).toHaveLength(1);
    expect((await deliveries())[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("refuses, before each attempt, a host that resolves into the server's own network", async () => {
    const { owner, book, deliveries, deliverAll } = await setup({ allowPrivateTargets: false, resolveHost: () => Promise.resolve(["10.0.0.7"]) });
    await owner.clinic.webhooks.create({ url: "https://rebind.example.com/in", events: ["appointment.booked"] });
    received.length = 0;
    await book();
    await deliverAll();
    expect((await deliveries())[0]).toMatchObject({ status: "failed", lastError: "This address leads inside the server's own network: use a public address" });
    expect(received).toHaveLength(0);
  });

  it("logs ids and outcomes only: no address, payload or secret", async () => {
    const { owner, book, deliverAll, logger } = await setup();
    const { secret } = await owner.clinic.webhooks.create({ url: `${receiverUrl}?token=hush`, events: ["appointment.booked"], scopes: ["patient.contact"] });
    await book();
    await deliverAll();
    const lines = JSON.stringify(logger.lines);
    expect(logger.lines.some((l) => l.message === "webhook attempt")).toBe(true);
    for (const hidden of ["hush", "127.0.0.1", "Robin", "robin@example.test", secret.slice(6)]) expect(lines).not.toContain(hidden);
  });
});

describe("on the job queue", () => {
  it("a booking's event reaches the receiver through the worker, once, however often the worker runs", async () => {
    const { owner, book, deliveries, deps } = await setup();
    const { secret } = await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] });
    received.length = 0;
    await book();
    const worker = { connectionString: inject("database").adminUrl, deps: { ...deps, channels: {}, webhooks: LOCAL } };
    await runDueJobs(worker);
    await runDueJobs(worker);
    // (The queue is shared by the whole file: other tests' jobs ran too.)
    const [delivery] = await deliveries();
    const ours = received.filter((r) => r.headers["webhook-id"] === delivery!.eventId);
    expect(ours).toHaveLength(1);
    expect(verifies(ours[0]!, secret)).toBe(true);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1 });
  });
});

describe("secret rotation", () => {
  it("signs with both secrets during the overlap, then with the new one only", async () => {
    const { owner, book, deliverAll, clock, deliveries, deps, clinic } = await setup();
    const { endpoint, secret: oldSecret } = await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] });
    const rotated = await owner.clinic.webhooks.rotateSecret({ endpointId: endpoint.id, overlapHours: 24 });
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.endpoint.previousSecretValidUntil).toBe(new Date(clock.now().getTime() + 24 * 3_600_000).toISOString());
    received.length = 0;
    await book();
    await deliverAll();
    expect(verifies(received[0]!, oldSecret)).toBe(true);
    expect(verifies(received[0]!, rotated.secret)).toBe(true);

    // After the overlap: only the new secret signs (checked against the reference signer, as the
    // delivery's timestamp is now a day ahead of the receiver's clock).
    clock.advance(24 * 3_600_000 + 1);
    await book("2030-03-05T09:00:00Z");
    const later = (await deliveries()).find((d) => d.status === "pending")!;
    await deliverWebhook(deps, { clinicId: clinic.clinicId, deliveryId: later.id });
    const last = received.at(-1)!;
    const expected = (secret: string) => new Webhook(secret).sign(last.headers["webhook-id"]!, new Date(Number(last.headers["webhook-timestamp"]) * 1000), last.body);
    expect(last.headers["webhook-signature"]).toBe(expected(rotated.secret));
    expect(last.headers["webhook-signature"]).not.toContain(expected(oldSecret).slice(3));
    expect((await owner.clinic.webhooks.list())[0]!.previousSecretValidUntil).toBeNull();
  });

  it("with no overlap, ends the old secret at once", async () => {
    const { owner, book, deliverAll } = await setup();
    const { endpoint, secret: oldSecret } = await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] });
    const rotated = await owner.clinic.webhooks.rotateSecret({ endpointId: endpoint.id, overlapHours: 0 });
    received.length = 0;
    await book();
    await deliverAll();
    expect(verifies(received[0]!, rotated.secret)).toBe(true);
    expect(verifies(received[0]!, oldSecret)).toBe(false);
  });

  it("sends a test event that the receiver verifies, even to a turned-off endpoint", async () => {
    const { owner, deps, clinic } = await setup();
    const { endpoint, secret } = await owner.clinic.webhooks.create({ url: receiverUrl, events: ["appointment.booked"] });
    await owner.clinic.webhooks.update({ endpointId: endpoint.id, enabled: false });
    received.length = 0;
    const queued = await owner.clinic.webhooks.sendTest({ endpointId: endpoint.id });
    expect(queued).toMatchObject({ eventType: "webhook.test", status: "pending" });
    await deliverWebhook(deps, { clinicId: clinic.clinicId, deliveryId: queued.id });
    expect(received).toHaveLength(1);
    expect(verifies(received[0]!, secret)).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: "webhook.test", data: { endpointId: endpoint.id } });
  });
});
