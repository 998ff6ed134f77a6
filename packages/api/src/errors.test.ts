// The error mapping against real PostgreSQL failures, and the defects an attacker found (issue 14,
// items 2-4): SQL text in a subscription's error, patient data in a log line, 500s on values the
// database refuses.
import { sql } from "drizzle-orm";
import { connectAsApp } from "@frontdesk/db/testing";
import { REASONS } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import "@frontdesk/db/testing";
import { createContext } from "./context";
import { describeForLog, toTRPCError } from "./errors";
import { createBookableClinic, createTestDeps, mailedCode } from "./testing";
import { httpClient, listen, subscriptionError } from "./testing/http";
import { createCallerFactory, publicProcedure, router } from "./trpc";

const { db, close } = connectAsApp();
afterAll(() => close());

/** What a failed query throws, as Drizzle wraps it. */
async function failureOf(query: ReturnType<typeof sql>): Promise<unknown> {
  return db.execute(query).then(
    () => {
      throw new Error("the query was expected to fail");
    },
    (error: unknown) => error,
  );
}

const PATIENT = "Jeanne Confidential-Patient";

describe("database errors that input can cause", () => {
  it.each([
    ["22021 (a NUL byte in text)", sql`select convert_from('\\x6100'::bytea, 'UTF8')`],
    ["22003 (a number out of range)", sql`select ${"99999999999999999999"}::bigint`],
    ["22008 (a date out of range)", sql`select ${"294277-01-01"}::timestamptz`],
    ["22P02 (a malformed value)", sql`select ${PATIENT}::int`],
  ])("%s answer 400 INVALID_VALUE with a generic message", async (_label, query) => {
    const mapped = toTRPCError(await failureOf(query), "req-1");
    expect(mapped.code).toBe("BAD_REQUEST");
    expect((mapped.cause as { reason?: string }).reason).toBe("INVALID_VALUE");
    expect(mapped.message).toBe("One of the values was refused. Check them and try again.");
    expect(mapped.message).not.toContain(PATIENT);
  });

  it.each([
    ["23502 (a missing value)", null],
    ["23514 (a check constraint)", -1],
  ])("%s answer 400 INVALID_VALUE too", async (_label, value) => {
    const error = await db
      .transaction(async (tx) => {
        await tx.execute(sql`create temp table probe (v int not null check (v > 0)) on commit drop`);
        await tx.execute(sql`insert into probe values (${value})`);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const mapped = toTRPCError(error, "req-2");
    expect(mapped.code).toBe("BAD_REQUEST");
    expect((mapped.cause as { reason?: string }).reason).toBe("INVALID_VALUE");
  });

  it("maps the exclusion, unique and foreign-key violations to their reasons", () => {
    const pg = (code: string) => Object.assign(new Error("failed"), { cause: Object.assign(new Error("driver"), { code }) });
    const reasonOf = (error: TRPCError) => (error.cause as { reason?: string }).reason;
    expect([toTRPCError(pg("23P01"), "r").code, reasonOf(toTRPCError(pg("23P01"), "r"))]).toEqual(["CONFLICT", "SLOT_TAKEN"]);
    expect([toTRPCError(pg("23505"), "r").code, reasonOf(toTRPCError(pg("23505"), "r"))]).toEqual(["CONFLICT", "ALREADY_EXISTS"]);
    expect([toTRPCError(pg("23503"), "r").code, reasonOf(toTRPCError(pg("23503"), "r"))]).toEqual(["NOT_FOUND", "REFERENCE_NOT_FOUND"]);
    // A lost connection is nobody's input: the database is away, and the caller may retry (503).
    expect(toTRPCError(pg("08006"), "r").code).toBe("SERVICE_UNAVAILABLE");
    expect(toTRPCError(pg("XX000"), "r").code).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("log lines of failed queries", () => {
  it("keep the error's codes, statement and stack frames, never the query's parameters (patient data)", async () => {
    const error = await failureOf(sql`select * from patients where full_name = ${PATIENT} and date_of_birth = ${"not a date"}::date`);
    const logged = JSON.stringify(describeForLog(error));
    expect(logged).not.toContain(PATIENT);
    expect(logged).not.toContain("not a date");
    expect(logged).not.toMatch(/params|full_name/);
    expect(describeForLog(error)).toMatchObject({ sqlstate: "22007", statement: "select patients" });
    expect(describeForLog(error).stack).toMatch(/^\s+at /);
  });
});

describe("subscriptions", () => {
  it("refuse a lastEventId beyond bigint with a field message, not the failed query (calendar.changes)", async () => {
    const test = createTestDeps(db);
    const server = await listen(test.deps);
    try {
      const owner = httpClient(server.base);
      const email = `feed-${crypto.randomUUID().slice(0, 8)}@example.test`;
      await owner.mutate("auth.signUp", { name: "Owner", email, password: "correct horse battery" });
      await owner.mutate("auth.verifyEmail", { email, code: mailedCode(test.deps.mailer, email) });
      const created = await owner.mutate("clinics.create", { name: "Feed Clinic", slug: `feed-${crypto.randomUUID().slice(0, 8)}`, timezone: "Europe/Paris" });
      const { result } = (await created.json()) as { result: { data: { id: string } } };
      const error = await subscriptionError(await owner.query("calendar.changes", { lastEventId: "99999999999999999999" }));
      expect(error?.data).toMatchObject({ httpStatus: 400, reason: "INVALID_INPUT", fieldErrors: { lastEventId: ["Not an event id"] } });
      expect(JSON.stringify(error)).not.toContain(result.data.id);
      expect(JSON.stringify(error)).not.toMatch(/select|Failed query|params/i);
    } finally {
      await server.close();
    }
  });

  it("map a failure inside a running stream like a call's: generic message, logged without parameters", async () => {
    const { deps, logger } = createTestDeps(db);
    const failing = router({
      feed: publicProcedure.subscription(async function* () {
        yield 1;
        await db.execute(sql`select ${PATIENT}::int`);
      }),
    });
    const caller = createCallerFactory(failing)(createContext({ deps, requestId: "req-stream-1" }));
    const seen: unknown[] = [];
    const failure = await (async () => {
      try {
        for await (const event of await caller.feed()) seen.push(event);
      } catch (error) {
        return error;
      }
    })();
    expect(seen).toEqual([1]);
    expect(failure).toBeInstanceOf(TRPCError);
    expect((failure as TRPCError).code).toBe("BAD_REQUEST");
    expect((failure as TRPCError).message).not.toContain(PATIENT);
    expect(JSON.stringify(logger.lines)).not.toContain(PATIENT);
    expect(logger.lines.some((line) => line.fields.requestId === "req-stream-1")).toBe(true);
  });
});

describe("text with a NUL byte on public.book", () => {
  it("is refused at its field, before anything is written", async () => {
    const clinic = await createBookableClinic(db);
    const { deps, logger } = createTestDeps(db);
    const server = await listen(deps);
    try {
      const response = await httpClient(server.base).mutate("public.book", {
        clinicSlug: clinic.slug,
        serviceId: clinic.serviceId,
        start: "2026-12-01T09:00:00+01:00",
        patient: { name: "Léa\u0000Martin", email: "lea@example.test" },
        note: "a lone \uD800 surrogate",
        idempotencyKey: crypto.randomUUID(),
      });
      const body = (await response.json()) as { error: { data: { reason: string; fieldErrors: Record<string, string[]> } } };
      expect(response.status).toBe(400);
      expect(body.error.data.reason).toBe("INVALID_INPUT");
      expect(Object.keys(body.error.data.fieldErrors).sort()).toEqual(["note", "patient.name"]);
      expect(JSON.stringify(logger.lines)).not.toContain("Léa");
    } finally {
      await server.close();
    }
  });
});

describe("docs/api.md", () => {
  it("lists every reason the API gives", () => {
    const guide = readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8");
    for (const reason of Object.keys(REASONS)) expect(guide, reason).toContain(`\`${reason}\``);
  });
});
