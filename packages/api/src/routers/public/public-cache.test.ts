// The public pages' caches (cache/clinic-cache.ts) against the real database and its
// notifications: a change made by another server process, or straight in the database, reaches
// the cached answers, including those sent before the framework runs (cached-reads.ts).
import { sessionCookieName } from "@frontdesk/auth";
import { createDb, withTenant } from "@frontdesk/db";
import { clinics, workingHours } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { closeClinicCaches } from "../../cache/clinic-cache";
import { answerFromCache } from "../../cached-reads";
import { listenWith } from "../../realtime/change-hub";
import type { RateLimitSettings } from "../../ports";
import { callerFor, createBookableClinic, createTestDeps, type BookableClinic } from "../../testing";
import { listen } from "../../testing/http";

const { db, close } = connectAsApp();
afterAll(() => close());

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// The test clock says 2026-11-22T09:00Z; 2026-12-01 is a Tuesday; Paris is UTC+1 in winter.
const DAY = "2026-12-01";
const at = (localTime: string) => new Date(`${DAY}T${localTime}:00+01:00`).toISOString();

/** A server process with its own pool and LISTEN connection, so its caches are on. */
function startProcess(rateLimits: RateLimitSettings | null = null) {
  const own = createDb(inject("database").appUrl, { max: 2 });
  const test = createTestDeps(own.db, { listen: listenWith(own.client), rateLimits });
  cleanups.push(async () => {
    await closeClinicCaches(test.deps.listen!);
    await own.close();
  });
  return test;
}

async function setup(options: { rateLimits?: RateLimitSettings } = {}) {
  const clinic = await createBookableClinic(db);
  const reader = startProcess(options.rateLimits);
  const writer = startProcess();
  const slots = async () => {
    const { days } = await callerFor(reader.deps).caller.public.slots({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: DAY });
    return days[0]!.starts;
  };
  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
  // The first answer starts the process listening; from the second on, answers are kept.
  await slots();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { clinic, reader, writer, slots, inClinic };
}

/** Both practitioners take the 09:00 time, through the `writer` process. */
async function takeNineOclock(clinic: BookableClinic, writer: ReturnType<typeof startProcess>) {
  for (const practitionerId of clinic.practitionerIds) {
    await callerFor(writer.deps).caller.public.book({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      practitionerId,
      start: at("09:00"),
      patient: { name: "Léa Martin", email: `lea-${crypto.randomUUID().slice(0, 8)}@example.test` },
      idempotencyKey: crypto.randomUUID(),
    });
  }
}

/** Asks until `check` passes: notifications arrive asynchronously, within milliseconds. */
async function eventually(check: () => Promise<void>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe("public.slots and public.book through the caches", () => {
  it("keeps the answer, and drops it when another process books one of its times", async () => {
    const { clinic, writer, slots } = await setup();
    const before = await slots();
    expect(before).toContain(at("09:00").replace(".000Z", "Z"));

    await takeNineOclock(clinic, writer);
    await eventually(async () => expect(await slots()).not.toContain(at("09:00").replace(".000Z", "Z")));
    expect((await slots()).length).toBe(before.length - 1);
  });

  it("follows working hours changed straight in the database", async () => {
    const { slots, inClinic, clinic } = await setup();
    expect((await slots())[0]).toBe(at("09:00").replace(".000Z", "Z"));
    // Tuesday hours start at 11:00 for everyone.
    await inClinic((tx) =>
      tx
        .update(workingHours)
        .set({ startTime: "11:00" })
        .where(and(eq(workingHours.clinicId, clinic.clinicId), eq(workingHours.weekday, 2))),
    );
    await eventually(async () => expect((await slots())[0]).toBe(at("11:00").replace(".000Z", "Z")));
  });

  it("follow the clinic's booking policy, in the free times and in what a booking accepts", async () => {
    const { slots, inClinic, clinic, reader } = await setup();
    const before = await slots();
    await inClinic((tx) => tx.update(clinics).set({ horizonDays: 2 }).where(eq(clinics.id, clinic.clinicId)));
    await eventually(async () => expect(await slots()).toEqual([]));
    expect(before.length).toBeGreaterThan(0);
    // The booking reads the clinic's rules from the clinic cache: the new horizon applies there too.
    const refused = await callerFor(reader.deps)
      .caller.public.book({
        clinicSlug: clinic.slug,
        serviceId: clinic.serviceId,
        start: at("10:00"),
        patient: { name: "Léa Martin", email: "lea@example.test" },
        idempotencyKey: crypto.randomUUID(),
      })
      .then(
        () => "booked",
        (error: unknown) => (error as { code?: string }).code,
      );
    expect(refused).toBe("CONFLICT");
  });
});

describe("public.slots answered from memory before the framework (cached-reads.ts)", () => {
  /** Serves `deps` over HTTP for the rest of the test. */
  async function serve(deps: Parameters<typeof listen>[0]) {
    const server = await listen(deps);
    cleanups.push(server.close);
    return server.base;
  }
  const slotsUrl = (base: string, input: object, batched: boolean) =>
    batched
      ? `${base}/trpc/public.slots?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`
      : `${base}/trpc/public.slots?input=${encodeURIComponent(JSON.stringify(input))}`;
  const fromCache = (deps: Parameters<typeof answerFromCache>[0], url: string, init?: RequestInit) =>
    answerFromCache(deps, new Request(url, init), new URL(url), "203.0.113.9");

  it("sends a kept answer byte for byte as tRPC does, batched or not, with tRPC's headers", async () => {
    const { clinic, reader, slots } = await setup();
    await slots();
    const cached = await serve(reader.deps);
    // A process without caches computes every answer through tRPC.
    const uncached = await serve(createTestDeps(db).deps);
    const input = { clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: DAY };
    for (const batched of [false, true]) {
      const direct = await fromCache(reader.deps, slotsUrl(cached, input, batched));
      const expected = await fetch(slotsUrl(uncached, input, batched));
      const sent = await fetch(slotsUrl(cached, input, batched));
      const body = await expected.text();
      expect(body).toContain(at("09:00").replace(".000Z", "Z"));
      expect(await direct?.text()).toBe(body);
      expect(await sent.text()).toBe(body);
      for (const header of ["content-type", "vary"]) expect(sent.headers.get(header)).toBe(expected.headers.get(header));
      expect(sent.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("leaves everything else to the full path", async () => {
    const { clinic, reader, slots } = await setup();
    await slots();
    const base = "http://localhost";
    const input = { clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: DAY };
    const cachedUrl = slotsUrl(base, input, true);
    expect(await fromCache(reader.deps, cachedUrl)).toBeDefined();

    const notTaken = [
      // Not held by this process.
      slotsUrl(base, { ...input, to: "2026-12-02" }, true),
      // Not a single public.slots call.
      `${base}/trpc/public.slots?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input, 1: input }))}`,
      `${base}/trpc/public.slots?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: input }))}`,
      `${base}/trpc/public.clinic,public.slots?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { clinicSlug: clinic.slug }, 1: input }))}`,
      `${base}/trpc/public.clinic?input=${encodeURIComponent(JSON.stringify({ clinicSlug: clinic.slug }))}`,
      // Input that does not parse or does not validate: the full path answers BAD_REQUEST.
      `${base}/trpc/public.slots?batch=1&input=%7B%220%22%3A`,
      `${base}/trpc/public.slots?batch=1`,
      slotsUrl(base, { ...input, serviceId: "not-a-uuid" }, true),
      // tRPC refuses an array as a batch's input.
      `${base}/trpc/public.slots?batch=1&input=${encodeURIComponent(JSON.stringify([input]))}`,
      // Parameters only tRPC understands.
      `${cachedUrl}&connectionParams=${encodeURIComponent("{}")}`,
    ];
    for (const url of notTaken) expect(await fromCache(reader.deps, url), url).toBeUndefined();
    const notPlain: RequestInit[] = [
      { method: "POST", body: "{}" },
      // Streaming asked for, in either of the ways tRPC reads.
      { headers: { "trpc-accept": "application/jsonl" } },
      { headers: { accept: "text/html, application/jsonl" } },
      { headers: { "content-type": "application/octet-stream" } },
      // The full path renews a session cookie, or clears a dead one.
      { headers: { cookie: `theme=dark; ${sessionCookieName(reader.deps.publicUrl)}=abcdefghijklmnopqrstuvwxyz234567` } },
    ];
    for (const init of notPlain) expect(await fromCache(reader.deps, cachedUrl, init), JSON.stringify(init)).toBeUndefined();
    // Other cookies and a browser's usual accept header do not matter.
    expect(await fromCache(reader.deps, cachedUrl, { headers: { cookie: "theme=dark", accept: "*/*" } })).toBeDefined();
  });

  it("stops answering once another process books one of the kept times", async () => {
    const { clinic, reader, writer } = await setup();
    const base = await serve(reader.deps);
    const url = slotsUrl(base, { clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: DAY }, true);
    const nine = at("09:00").replace(".000Z", "Z");
    expect(await (await fetch(url)).text()).toContain(nine);
    await takeNineOclock(clinic, writer);
    await eventually(async () => expect(await (await fetch(url)).text()).not.toContain(nine));
  });

  it("counts the per-IP limit as the procedure does, and lets the full path refuse", async () => {
    const limits = { slotsPerIpPerMinute: 3, bookPerIpPerHour: 100, bookPerEmailPerHour: 100, managePerIpPerHour: 100 };
    const { clinic, reader } = await setup({ rateLimits: limits });
    const base = await serve(reader.deps);
    const url = slotsUrl(base, { clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: DAY }, true);
    // Every one of these is a kept answer: were the cached ones not counted, all four would pass.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(url)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await fetch(url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("TOO_MANY_REQUESTS");
  });
});
