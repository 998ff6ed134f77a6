// The live calendar feed over real HTTP (SSE), across two server processes sharing one database.
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createSession } from "@frontdesk/auth";
import { createDb, withTenant } from "@frontdesk/db";
import { appointmentEvents, memberships, users } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic, type TestClinic } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { createFetchHandler } from "../handler";
import type { ServerDeps } from "../ports";
import { hubFor, listenWith } from "../realtime/change-hub";
import { ACCESS_RECHECK_MS } from "./calendar-feed";
import { callerFor, createTestDeps, sessionFor } from "../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** One "server process": its own pool, its own LISTEN connection, its own port. */
async function startProcess() {
  const own = createDb(inject("database").appUrl, { max: 4 });
  const { deps } = createTestDeps(own.db, { listen: listenWith(own.client) });
  const server = serve({ fetch: createFetchHandler(deps, { clientIp: () => "203.0.113.50" }), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  cleanups.push(async () => {
    await hubFor(deps.listen!, deps.logger).close();
    (server as Server).closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await own.close();
  });
  return { deps, base: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` };
}

async function cookieFor(deps: ServerDeps, clinic: TestClinic) {
  const { token } = await createSession(deps.db, { userId: clinic.ownerUserId, activeClinicId: clinic.clinicId, userAgent: "vitest", ip: null }, deps.clock.now(), deps.sessions);
  return `frontdesk_session=${token}`;
}

interface SseEvent {
  id?: string;
  event?: string;
  data?: unknown;
  at: number;
}

/** An open `calendar.changes` stream, parsed into events as they arrive. */
async function subscribe(base: string, cookie: string, input: Record<string, unknown> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${base}/trpc/calendar.changes?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { Accept: "text/event-stream", Cookie: cookie },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  const pump = (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { at: performance.now() };
          for (const line of block.split("\n")) {
            const [field, ...rest] = line.split(":");
            const text = rest.join(":").replace(/^ /, "");
            if (field === "id") event.id = text;
            if (field === "event") event.event = text;
            if (field === "data") event.data = JSON.parse(text) as unknown;
          }
          events.push(event);
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  const changes = () => events.filter((e) => e.id !== undefined);
  const stream = {
    changes,
    /** Waits until `count` change events arrived (or the timeout passes) and returns them. */
    async waitFor(count: number, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (changes().length < count && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
      return changes();
    },
    /** Whether the server ended the stream within `timeoutMs`. */
    async endsWithin(timeoutMs: number) {
      return Promise.race([pump.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))]);
    },
    async close() {
      abort.abort();
      await pump;
    },
  };
  cleanups.push(() => stream.close());
  return stream;
}

/** A change as a staff mutation would record it (the appointment mutations insert the same row). */
async function recordChange(clinic: TestClinic, kind: "rescheduled" | "cancelled" | "status_changed" = "status_changed") {
  const [row] = await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) =>
    tx.insert(appointmentEvents).values({ clinicId: clinic.clinicId, appointmentId: clinic.appointmentId, practitionerId: clinic.practitionerId, kind }).returning({ id: appointmentEvents.id }),
  );
  return row!.id;
}

describe("calendar.changes over SSE, two server processes", () => {
  it("delivers a booking made through one process to a subscriber of the other within a second, and nothing to another clinic", async () => {
    const a = await startProcess();
    const b = await startProcess();
    const clinic = await createTestClinic(db);
    const otherClinic = await createTestClinic(db);
    const watcher = await subscribe(b.base, await cookieFor(b.deps, clinic));
    const outsider = await subscribe(b.base, await cookieFor(b.deps, otherClinic));
    const outsiderOnA = await subscribe(a.base, await cookieFor(a.deps, otherClinic));

    const sent = performance.now();
    const booking = await fetch(`${a.base}/trpc/public.book`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost:3000" },
      body: JSON.stringify({
        clinicSlug: clinic.slug,
        serviceId: clinic.serviceId,
        practitionerId: clinic.practitionerId,
        start: "2026-11-23T08:00:00Z",
        patient: { name: "Live Feed", email: "live-feed@example.test" },
        idempotencyKey: crypto.randomUUID(),
      }),
    });
    expect(booking.status).toBe(200);
    const booked = ((await booking.json()) as { result: { data: { appointment: { id: string } } } }).result.data.appointment;

    const [event] = await watcher.waitFor(1, 1000);
    expect(event?.data).toEqual({ eventId: Number(event?.id), appointmentId: booked.id, practitionerId: clinic.practitionerId, kind: "created" });
    expect(event!.at - sent).toBeLessThan(1000);
    // Ids and kind only: no patient data on the wire.
    expect(JSON.stringify(event?.data)).not.toContain("Live Feed");

    await recordChange(clinic);
    expect(await watcher.waitFor(2)).toHaveLength(2);
    expect(outsider.changes()).toEqual([]);
    expect(outsiderOnA.changes()).toEqual([]);
  });

  it("replays what a reconnecting subscriber missed, from its last event id, then goes on live", async () => {
    const a = await startProcess();
    const b = await startProcess();
    const clinic = await createTestClinic(db);
    const cookie = await cookieFor(b.deps, clinic);
    const first = await subscribe(b.base, cookie);
    const seen = await recordChange(clinic, "rescheduled");
    const [received] = await first.waitFor(1);
    expect(received?.id).toBe(String(seen));
    await first.close();

    const missed = [await recordChange(clinic, "cancelled"), await recordChange(clinic, "status_changed")];
    const again = await subscribe(a.base, cookie, { lastEventId: received!.id });
    expect((await again.waitFor(2)).map((e) => e.id)).toEqual(missed.map(String));
    const live = await recordChange(clinic);
    expect((await again.waitFor(3)).map((e) => e.id)).toEqual([...missed, live].map(String));
    expect(again.changes().map((e) => (e.data as { kind: string }).kind)).toEqual(["cancelled", "status_changed", "status_changed"]);
  });

  it("starts from now without a last event id: no history dump", async () => {
    const b = await startProcess();
    const clinic = await createTestClinic(db); // already has one "created" event
    const stream = await subscribe(b.base, await cookieFor(b.deps, clinic));
    const live = await recordChange(clinic);
    expect((await stream.waitFor(1)).map((e) => e.id)).toEqual([String(live)]);
  });

  it("refuses anonymous callers and ids that are not event ids", async () => {
    const b = await startProcess();
    const clinic = await createTestClinic(db);
    const anonymous = await fetch(`${b.base}/trpc/calendar.changes?input=${encodeURIComponent("{}")}`, { headers: { Accept: "text/event-stream" } });
    expect(await anonymous.text()).toContain("UNAUTHORIZED");
    const bad = await fetch(`${b.base}/trpc/calendar.changes?input=${encodeURIComponent(JSON.stringify({ lastEventId: "x".repeat(10_000) }))}`, {
      headers: { Accept: "text/event-stream", Cookie: await cookieFor(b.deps, clinic) },
    });
    expect(await bad.text()).toContain("BAD_REQUEST");
  });
});

describe("calendar.changes when access ends (issue 14, defect 5)", () => {
  it("an open stream closes after its session signs out, before sending the next change", async () => {
    const b = await startProcess();
    const clinic = await createTestClinic(db);
    const cookie = await cookieFor(b.deps, clinic);
    const stream = await subscribe(b.base, cookie);
    const signOut = await fetch(`${b.base}/trpc/auth.signOut`, { method: "POST", headers: { Origin: "http://localhost:3000", Cookie: cookie, "Content-Type": "application/json" }, body: "{}" });
    expect(signOut.status).toBe(200);
    await recordChange(clinic);
    expect(await stream.endsWithin(3000)).toBe(true);
    expect(stream.changes()).toEqual([]);
  });

  it("an open stream closes within seconds after the member is removed, even when nothing happens", async () => {
    const b = await startProcess();
    const clinic = await createTestClinic(db);
    const asOwner = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
    const [member] = await asOwner((tx) => tx.insert(users).values({ email: `removed-${crypto.randomUUID().slice(0, 8)}@example.test`, name: "Soon Removed" }).returning());
    await asOwner((tx) => tx.insert(memberships).values({ clinicId: clinic.clinicId, userId: member!.id, role: "receptionist" }));
    const { token } = await createSession(db, { userId: member!.id, activeClinicId: clinic.clinicId, userAgent: "vitest", ip: null }, b.deps.clock.now(), b.deps.sessions);
    const stream = await subscribe(b.base, `frontdesk_session=${token}`);
    await asOwner((tx) => tx.delete(memberships).where(eq(memberships.userId, member!.id)));
    expect(await stream.endsWithin(ACCESS_RECHECK_MS + 2000)).toBe(true);
    await recordChange(clinic);
    expect(stream.changes()).toEqual([]);
  });

  it("a stream whose session and membership stand goes on across re-checks", async () => {
    const b = await startProcess();
    const clinic = await createTestClinic(db);
    const stream = await subscribe(b.base, await cookieFor(b.deps, clinic));
    expect(await stream.endsWithin(ACCESS_RECHECK_MS + 1000)).toBe(false);
    await recordChange(clinic);
    expect(await stream.waitFor(1)).toHaveLength(1);
  });
});

describe("calendar.changes without LISTEN (edge runtimes)", () => {
  it("is a long poll: a change arrives within about a second, then the feed ends (the client comes back with its last event id)", async () => {
    const { deps } = createTestDeps(db);
    const clinic = await createTestClinic(db);
    const { caller } = callerFor(deps, await sessionFor(deps, clinic.ownerUserId, clinic.clinicId));
    const iterable = await caller.calendar.changes({});
    const iterator = iterable[Symbol.asyncIterator]();
    const next = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const id = await recordChange(clinic);
    const started = performance.now();
    const result = await next;
    expect(performance.now() - started).toBeLessThan(1500);
    const [eventId, data] = result.value as unknown as [string, unknown];
    expect(eventId).toBe(String(id));
    expect(data).toMatchObject({ eventId: id, kind: "status_changed", appointmentId: clinic.appointmentId });
    expect((await iterator.next()).done).toBe(true);
    // Coming back with the last event id: what came after it, then the end again.
    const later = await recordChange(clinic, "cancelled");
    const resumed = (await caller.calendar.changes({ lastEventId: String(id) }))[Symbol.asyncIterator]();
    expect(((await resumed.next()).value as unknown as [string, unknown])[0]).toBe(String(later));
    expect((await resumed.next()).done).toBe(true);
  });
});
