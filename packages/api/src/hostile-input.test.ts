// Hostile input on every procedure, over real HTTP, as an owner (so that every staff procedure
// gets as far as its input check): each field of each input gets about 20 values an attacker would
// try, and the answer must be a 4xx naming that field, never a 5xx, with nothing of the value in
// the server's log. The procedures and their fields are read from the router, so a new procedure
// is covered without touching this file.
import { request as httpRequest } from "node:http";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import "@frontdesk/db/testing";
import { withTenant } from "@frontdesk/db";
import { memberships } from "@frontdesk/db/schema";
import { isAllowed, PERMISSIONS, type ProcedurePath } from "@frontdesk/domain";
import { appRouter } from "./root";
import { createTestDeps, mailedCode } from "./testing";
import { httpClient, listen, subscriptionError, TEST_ORIGIN } from "./testing/http";

const { db, close } = connectAsApp();

type Path = Array<string | number>;
interface Leaf {
  path: Path;
  schema: z.ZodType;
}
interface ZodInternals {
  _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType } };
}

/** The fields of an input schema that take a value (strings, numbers, enums...), with their paths. */
function leavesOf(schema: z.ZodType, path: Path = []): Leaf[] {
  const def = (schema as unknown as ZodInternals)._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      return leavesOf(def.innerType!, path);
    case "pipe":
      return leavesOf(def.in!, path);
    case "object":
      return Object.entries(def.shape!).flatMap(([key, field]) => leavesOf(field, [...path, key]));
    case "array":
      return leavesOf(def.element!, [...path, 0]);
    default:
      return [{ path, schema }];
  }
}

/** An input with `value` at `path` and nothing else. */
function inputWith(path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") return [inputWith(rest, value)];
  // Built with JSON.parse so that a "__proto__" value stays an own property, as on the wire.
  const container = JSON.parse("{}") as Record<string, unknown>;
  container[head!] = inputWith(rest, value);
  return container;
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
const MARK = "hostile";
const ownObject = (json: string) => JSON.parse(json) as unknown;

/** Refused by every field whatever its type: broken text, absurd sizes, objects and numbers no field takes. */
const EVERY_FIELD: Array<[string, unknown]> = [
  ["a NUL byte", `${MARK}\u0000nul`],
  ["a lone high surrogate", `${MARK}\uD800high`],
  ["a lone low surrogate", `${MARK}\uDC00low`],
  ["a bell", `${MARK}\u0007bell`],
  ["an escape sequence", `${MARK}\u001b[31mred`],
  ["a C1 control", `${MARK}\u0085next`],
  ["6000 characters", `${MARK}${"x".repeat(6000)}`],
  ["500 levels of arrays", JSON.parse("[".repeat(500) + `"${MARK}"` + "]".repeat(500)) as unknown],
  ["200 levels of objects", JSON.parse('{"a":'.repeat(200) + `"${MARK}"` + "}".repeat(200)) as unknown],
  ["a __proto__ object", ownObject(`{"__proto__":{"${MARK}Polluted":true}}`)],
  ["a constructor.prototype object", ownObject(`{"constructor":{"prototype":{"${MARK}Polluted":true}}}`)],
  ["1e308", 1e308],
  ["-1e308", -1e308],
  ["1e20", 99999999999999999999],
  ["2^53 + 2", 2 ** 53 + 2],
  ["-1", -1],
  ["0.5", 0.5],
];

/** For fields that are a date or an instant: dates outside 1900-2200. */
const DATES = ["0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"];
const INSTANTS = ["0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "9999-12-31T23:30:00Z", "+275760-09-13T00:00:00Z"];
/** For fields that are digits in a string (a bigint id): beyond what a bigint or a JavaScript number holds. */
const DIGITS = ["99999999999999999999", "9007199254740993"];

/** The values a field must refuse: the universal ones, and those its kind calls for. */
function hostileFor(leaf: Leaf): Array<[string, unknown]> {
  const formatted = !accepts(leaf.schema, "Hello there");
  const extra: Array<[string, unknown]> = [];
  if (formatted && accepts(leaf.schema, "2026-03-02") && !accepts(leaf.schema, "2026-02-30")) extra.push(...DATES.map((d): [string, unknown] => [`date ${d}`, d]));
  if (formatted && accepts(leaf.schema, "2026-03-02T09:00:00Z")) extra.push(...INSTANTS.map((d): [string, unknown] => [`instant ${d}`, d]));
  if (accepts(leaf.schema, "123") && !accepts(leaf.schema, "abc")) extra.push(...DIGITS.map((d): [string, unknown] => [`digits ${d}`, d]));
  return [...EVERY_FIELD, ...extra];
}

/** Whole inputs no procedure takes (beyond the per-field cases), as JSON text. */
const WHOLE_INPUTS: Array<[string, string]> = [
  ["null", "null"],
  ["a number", "42"],
  ["a string", JSON.stringify(`${MARK} string`)],
  ["an array", JSON.stringify([MARK])],
  ["2000 levels of arrays", "[".repeat(2000) + "]".repeat(2000)],
];

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)
  .filter(([, p]) => p._def.inputs.length > 0)
  .map(([path, p]) => ({ path, type: p._def.type, input: p._def.inputs[0]! }));

interface Answer {
  status: number;
  body: string;
  reason?: string;
  fieldErrors?: Record<string, string[]>;
  message?: string;
}

const test = createTestDeps(db);
let server: Awaited<ReturnType<typeof listen>>;
let owner: ReturnType<typeof httpClient>;
/** For the procedures an owner may not call (writing clinical notes): a practitioner of the same clinic. */
let practitioner: ReturnType<typeof httpClient>;
const cookieFor = (path: string) => (isAllowed(PERMISSIONS[path as ProcedurePath], "owner") ? owner.cookie : practitioner.cookie);
const bodies: string[] = [];

/** Calls `path` with `json` as its input text (sent as is: some inputs are too deep for JSON.stringify). */
async function call(path: string, type: Procedure["_def"]["type"], json: string): Promise<Answer> {
  const response =
    type === "mutation"
      ? await fetch(`${server.base}/trpc/${path}`, { method: "POST", headers: { "Content-Type": "application/json", Origin: TEST_ORIGIN, Cookie: cookieFor(path) }, body: json })
      : await fetch(`${server.base}/trpc/${path}?input=${encodeURIComponent(json)}`, { headers: { Cookie: cookieFor(path) } });
  if (type === "subscription") {
    // Over SSE the answer is 200 with the failure as the stream's error event.
    const error = await subscriptionError(response);
    const body = JSON.stringify(error ?? null);
    bodies.push(body);
    return { status: error?.data?.httpStatus ?? 0, body, reason: error?.data?.reason, fieldErrors: error?.data?.fieldErrors, message: error?.message };
  }
  const body = await response.text();
  bodies.push(body);
  const parsed = (() => {
    try {
      return JSON.parse(body) as { error?: { message?: string; data?: { reason?: string; fieldErrors?: Record<string, string[]> } } };
    } catch {
      return {};
    }
  })();
  return { status: response.status, body, reason: parsed.error?.data?.reason, fieldErrors: parsed.error?.data?.fieldErrors, message: parsed.error?.message };
}

/**
 * The status of a request too large to send whole: the server may answer and close the connection
 * part-way (fetch would then fail), so this reads the status line with node:http and ignores the
 * broken pipe after it.
 */
function rawStatus(path: string, type: Procedure["_def"]["type"], json: string): Promise<number> {
  const url = new URL(`${server.base}/trpc/${path}`);
  if (type !== "mutation") url.searchParams.set("input", json);
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: type === "mutation" ? "POST" : "GET",
      // A connection of its own: the server will not read the rest of this one.
      agent: false,
      headers: {
        "Content-Type": "application/json",
        Origin: TEST_ORIGIN,
        Cookie: cookieFor(path),
        ...(type === "mutation" ? { "Content-Length": String(Buffer.byteLength(json)) } : {}),
      },
    });
    request.on("response", (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    request.on("error", (error) => setTimeout(() => reject(error), 1000));
    request.end(type === "mutation" ? json : undefined);
  });
}

/** Runs `work` over `items`, a few at a time (the server is real; so is its connection pool). */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>, size = 6) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

beforeAll(async () => {
  server = await listen(test.deps);
  owner = httpClient(server.base);
  const email = `hostile-owner-${crypto.randomUUID().slice(0, 8)}@example.test`;
  expect((await owner.mutate("auth.signUp", { name: "Owner", email, password: "correct horse battery" })).status).toBe(200);
  expect((await owner.mutate("auth.verifyEmail", { email, code: mailedCode(test.deps.mailer, email) })).status).toBe(200);
  const slug = `hostile-${crypto.randomUUID().slice(0, 8)}`;
  const created = await owner.mutate("clinics.create", { name: "Hostile Clinic", slug, timezone: "Europe/Paris" });
  expect(created.status).toBe(200);
  const clinicId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
  practitioner = httpClient(server.base);
  const practitionerEmail = `hostile-practitioner-${crypto.randomUUID().slice(0, 8)}@example.test`;
  expect((await practitioner.mutate("auth.signUp", { name: "Practitioner", email: practitionerEmail, password: "correct horse battery" })).status).toBe(200);
  const verified = await practitioner.mutate("auth.verifyEmail", { email: practitionerEmail, code: mailedCode(test.deps.mailer, practitionerEmail) });
  const userId = ((await verified.json()) as { result: { data: { user: { id: string } } } }).result.data.user.id;
  await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => tx.insert(memberships).values({ clinicId, userId, role: "practitioner" }));
  expect((await practitioner.mutate("auth.switchClinic", { clinicId })).status).toBe(200);
});

afterAll(async () => {
  await server.close();
  await close();
});

describe("hostile input on every procedure, over HTTP", () => {
  it("walks enough of the router to mean something", () => {
    expect(procedures.length).toBeGreaterThan(30);
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(["public.book", "calendar.changes", "patients.update", "auth.signUp"]));
  });

  it.each(procedures)("$path refuses each hostile value at its field with a 400 and a message", async ({ path, type, input }) => {
    const cases = leavesOf(input).flatMap((leaf) => hostileFor(leaf).map(([label, value]) => ({ leaf, label, value })));
    expect(cases.length).toBeGreaterThanOrEqual(EVERY_FIELD.length);
    await inBatches(cases, async ({ leaf, label, value }) => {
      const answer = await call(path, type, JSON.stringify(inputWith(leaf.path, value)));
      const field = leaf.path.join(".");
      expect(answer.status, `${path} ${field} with ${label} answered ${answer.status}: ${answer.body.slice(0, 200)}`).toBe(400);
      expect(answer.reason, `${path} ${field} with ${label}`).toBe("INVALID_INPUT");
      expect(answer.fieldErrors?.[field]?.[0], `${path} ${field} with ${label}: ${answer.body.slice(0, 300)}`).toEqual(expect.any(String));
      expect(answer.message, `${path} ${field} with ${label}`).not.toMatch(/^\s*[[{]/);
    });
  });

  it.each(procedures)("$path refuses wrong whole inputs, a 1 MB string and broken JSON with a 4xx", async ({ path, type }) => {
    await inBatches(WHOLE_INPUTS, async ([label, json]) => {
      const answer = await call(path, type, json);
      expect(answer.status, `${path} with ${label}: ${answer.body.slice(0, 200)}`).toBe(400);
      expect(answer.reason).toBe("INVALID_INPUT");
      expect(answer.message).not.toMatch(/^\s*[[{]/);
    });
    // Past the body limit (mutations: 413) or the URL limit (queries: 431): refused before tRPC.
    const huge = JSON.stringify({ value: `${MARK}${"x".repeat(1024 * 1024)}` });
    const status = await rawStatus(path, type, huge);
    expect(status, `${path} with 1 MB`).toBeGreaterThanOrEqual(400);
    expect(status, `${path} with 1 MB`).toBeLessThan(500);
    if (type === "mutation") {
      const broken = await call(path, type, `{"${MARK}": [1, 2`);
      expect(broken.status).toBe(400);
      expect(broken.body).not.toContain(MARK);
    }
  });

  it("lets a top-level __proto__ key pollute nothing", async () => {
    await inBatches(procedures, async ({ path, type }) => {
      const answer = await call(path, type, `{"__proto__":{"${MARK}Polluted":true}}`);
      expect(answer.status, `${path}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
    });
    expect(({} as Record<string, unknown>)[`${MARK}Polluted`]).toBeUndefined();
  });

  it("logs none of the values sent, no failure, and answers with no SQL", () => {
    const log = JSON.stringify(test.logger.lines);
    expect(test.logger.lines.filter((line) => line.level === "error")).toEqual([]);
    for (const sent of [MARK, "\\u0000", "\\ud800", "1e+308", "9007199254740994", "99999999999999999999", "9999-12-31", "275760"]) {
      expect(log).not.toContain(sent);
    }
    // A marker that did reach the log would show the test can see one.
    expect(log).toContain("auth.signUp");
    for (const body of bodies) expect(body).not.toMatch(/Failed query|params:|\bselect\b.*\bfrom\b|insert into|sqlstate|at \//i);
  });
});
