// One black-box HTTP suite for every target (ADR 0045): what a browser or a script sees of sign-up
// and sign-in, sessions and CSRF, public booking under a race, idempotent retries, the manage
// link, the staff calendar and its changes, rate limits, bad input and health. It knows the
// target only by its base URL and mailbox; the database is used to arrange, and to count rows.
import { argon2Hasher } from "@frontdesk/auth/argon2";
import { createBookableClinic, type BookableClinic } from "@frontdesk/api/testing";
import { createDb, withTenant } from "@frontdesk/db";
import { appointmentEvents, appointments, users } from "@frontdesk/db/schema";
import { eq, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTarget, type Target, type TargetKind } from "./targets";

const PASSWORD = "correct horse battery";
const newEmail = (what: string) => `${what}-${crypto.randomUUID().slice(0, 8)}@example.test`;
const DAY_MS = 24 * 60 * 60_000;

type Answer<T> = { result: { data: T } };
type Failure = { error: { message: string; data: { httpStatus: number; reason?: string; fieldErrors?: Record<string, string[]> } } };

/** A browser: keeps its cookie, sends our Origin on changes. */
function browser(target: Target) {
  let cookie = "";
  const remember = (response: Response) => {
    for (const set of response.headers.getSetCookie()) cookie = /Max-Age=0/.test(set) ? "" : set.split(";")[0]!;
    return response;
  };
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    mutate: async (procedure: string, input: unknown, headers: Record<string, string> = { Origin: target.origin }) =>
      remember(
        await fetch(`${target.base}/trpc/${procedure}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...headers, ...(cookie ? { Cookie: cookie } : {}) },
          body: JSON.stringify(input),
        }),
      ),
    query: async (procedure: string, input?: unknown) =>
      remember(await fetch(`${target.base}/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers: cookie ? { Cookie: cookie } : {} })),
  };
}
type Browser = ReturnType<typeof browser>;

const data = async <T>(response: Response) => ((await response.json()) as Answer<T>).result.data;

/** A UTC instant `days` from today at hh:mm UTC (the clinics here are open 07:00-20:00 UTC every day). */
const at = (days: number, hhmm: string) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + days * DAY_MS + Date.parse(`1970-01-01T${hhmm}:00Z`))
    .toISOString()
    .replace(".000Z", "Z");
const dateOf = (instant: string) => instant.slice(0, 10);

export function httpSuite(kind: TargetKind, urls: () => { appUrl: string; superUrl: string }) {
  describe(`the HTTP API on ${kind}`, () => {
    let target: Target;
    let su: ReturnType<typeof createDb>;
    beforeAll(async () => {
      su = createDb(urls().superUrl, { max: 4 });
      target = await startTarget(kind, urls());
    }, 90_000);
    afterAll(async () => {
      await target?.stop();
      await su?.close();
    });

    const clinic = (options: Parameters<typeof createBookableClinic>[1] = {}) =>
      createBookableClinic(su.db, { timezone: "UTC", hours: { start: "07:00", end: "20:00" }, practitioners: 1, ...options });
    const stored = (c: BookableClinic) => withTenant(su.db, { clinicId: c.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(appointments).where(eq(appointments.clinicId, c.clinicId)));
    const book = (c: BookableClinic, start: string, idempotencyKey: string = crypto.randomUUID(), email = newEmail("patient")) =>
      browser(target).mutate("public.book", { clinicSlug: c.slug, serviceId: c.serviceId, start, patient: { name: "Pat Black-Box", email }, idempotencyKey });

    // The superuser bypasses row-level security: every read here names its clinic.
    /** The clinic's owner, signed in with a password whose hash Node's native argon2 made. */
    async function staffOf(c: BookableClinic): Promise<Browser> {
      const email = newEmail("owner");
      await su.db.update(users).set({ email, passwordHash: await argon2Hasher.hash(PASSWORD), emailVerifiedAt: new Date() }).where(eq(users.id, c.ownerUserId));
      const staff = browser(target);
      const signedIn = await staff.mutate("auth.signIn", { email, password: PASSWORD });
      expect(signedIn.status).toBe(200);
      expect((await staff.mutate("auth.switchClinic", { clinicId: c.clinicId })).status).toBe(200);
      return staff;
    }

    describe("health", () => {
      it("answers /healthz and /readyz, and 404 for an unknown procedure (never a 500)", async () => {
        expect(await (await fetch(`${target.base}/healthz`)).json()).toEqual({ status: "ok" });
        expect(await (await fetch(`${target.base}/readyz`)).json()).toEqual({ status: "ready" });
        expect((await browser(target).query("no.such.procedure")).status).toBe(404);
      });
    });

    describe("sign-up, sessions and CSRF", () => {
      it("signs up with the mailed code; the cookie is HttpOnly and SameSite=Lax; signing out kills it even when replayed", async () => {
        const b = browser(target);
        const email = newEmail("signup");
        expect((await b.mutate("auth.signUp", { name: "Web User", email, password: PASSWORD })).status).toBe(200);
        const mail = await target.lastMailTo(email);
        const code = /: (\S+)$/.exec(mail?.subject ?? "")?.[1];
        expect(code, "the sign-up mail names its code").toBeTruthy();
        const verified = await b.mutate("auth.verifyEmail", { email, code });
        expect(verified.status).toBe(200);
        const cookie = verified.headers.getSetCookie().find((c) => c.startsWith("frontdesk_session="))!;
        expect(cookie).toMatch(/; HttpOnly/i);
        expect(cookie).toMatch(/; SameSite=Lax/i);
        expect(await data<{ user: { email: string } } | null>(await b.query("auth.me"))).toMatchObject({ user: { email } });
        const stolen = b.cookie;
        await b.mutate("auth.signOut", undefined);
        b.cookie = stolen;
        expect(await data(await b.query("auth.me"))).toBeNull();
      });

      it("refuses a change without our Origin or from another site, and lets reads through", async () => {
        const input = { name: "A", email: newEmail("csrf"), password: PASSWORD };
        expect((await browser(target).mutate("auth.signUp", input, {})).status).toBe(403);
        expect((await browser(target).mutate("auth.signUp", input, { Origin: "https://evil.example" })).status).toBe(403);
        expect((await browser(target).mutate("auth.signUp", input, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
        expect((await browser(target).query("auth.me")).status).toBe(200);
      });

      it("refuses a tampered cookie, and throttles repeated wrong passwords with 429 and Retry-After", async () => {
        const b = browser(target);
        b.cookie = `frontdesk_session=${"a".repeat(40)}.${"b".repeat(40)}`;
        expect(await data(await b.query("auth.me"))).toBeNull();
        const email = newEmail("throttle");
        const statuses: number[] = [];
        let retryAfter: string | null = null;
        for (let i = 0; i < 6; i++) {
          const response = await browser(target).mutate("auth.signIn", { email, password: `wrong password ${i}` });
          statuses.push(response.status);
          retryAfter = response.headers.get("retry-after");
        }
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
        expect(Number(retryAfter)).toBeGreaterThan(0);
      });
    });

    describe("public booking", () => {
      it("lists free times, and of 20 people booking the same one at once exactly one gets it, the others 409 with other times", async () => {
        const c = await clinic();
        const start = at(3, "09:00");
        const slots = await data<{ days: Array<{ date: string; starts: string[] }> }>(
          await browser(target).query("public.slots", { clinicSlug: c.slug, serviceId: c.serviceId, from: dateOf(start), to: dateOf(start) }),
        );
        expect(slots.days[0]!.starts).toContain(start);
        const answers = await Promise.all(Array.from({ length: 20 }, () => book(c, start)));
        const statuses = answers.map((r) => r.status);
        expect(statuses.filter((s) => s === 200)).toHaveLength(1);
        expect(statuses.filter((s) => s === 409)).toHaveLength(19);
        const conflict = (await answers.find((r) => r.status === 409)!.json()) as { error: { data: { details: { nextSlots: unknown[] } } } };
        expect(conflict.error.data.details.nextSlots.length).toBeGreaterThan(0);
        expect(await stored(c)).toHaveLength(1);
      });

      it("books once for one idempotency key sent five times at once, and every answer names that booking", async () => {
        const c = await clinic();
        const key = crypto.randomUUID();
        const email = newEmail("retry");
        const answers = await Promise.all(Array.from({ length: 5 }, () => book(c, at(4, "10:00"), key, email)));
        expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
        const ids = new Set(await Promise.all(answers.map(async (r) => (await data<{ appointment: { id: string } }>(r)).appointment.id)));
        expect(ids.size).toBe(1);
        expect(await stored(c)).toHaveLength(1);
      });

      it("lets the manage link show, move and cancel the booking, and refuses a made-up link", async () => {
        const c = await clinic();
        const booked = await data<{ manageToken: string; appointment: { id: string } }>(await book(c, at(5, "09:00")));
        const patient = browser(target);
        const shown = await patient.query("public.booking.get", { token: booked.manageToken });
        expect(shown.status).toBe(200);
        const moved = await patient.mutate("public.booking.reschedule", { token: booked.manageToken, start: at(5, "11:00") });
        expect(moved.status).toBe(200);
        expect(Date.parse((await data<{ appointment: { start: string } }>(moved)).appointment.start)).toBe(Date.parse(at(5, "11:00")));
        expect((await patient.mutate("public.booking.cancel", { token: booked.manageToken })).status).toBe(200);
        const [row] = await stored(c);
        expect([row!.status, row!.startsAt.toISOString()]).toEqual(["cancelled", new Date(at(5, "11:00")).toISOString()]);
        expect((await patient.query("public.booking.get", { token: "not-a-real-link-token-0000000000" })).status).toBe(404);
      });

      it("limits bookings per e-mail: the sixth in an hour is 429 with Retry-After, and books nothing", async () => {
        const c = await clinic();
        const email = newEmail("limited");
        const statuses: number[] = [];
        let last: Response | undefined;
        for (let i = 0; i < 6; i++) {
          last = await book(c, at(6, `${String(8 + i).padStart(2, "0")}:00`), crypto.randomUUID(), email);
          statuses.push(last.status);
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(await stored(c)).toHaveLength(5);
      });

      it("answers bad input with 400 and the fields at fault, never a 500 or internals", async () => {
        const c = await clinic();
        const bad = await browser(target).mutate("public.book", { clinicSlug: c.slug, serviceId: "not-a-uuid", start: "tomorrow", patient: { name: "", email: "nope" }, idempotencyKey: "x" });
        expect(bad.status).toBe(400);
        const body = (await bad.json()) as Failure;
        expect(Object.keys(body.error.data.fieldErrors ?? {})).toEqual(expect.arrayContaining(["serviceId", "start", "idempotencyKey"]));
        const garbage = await fetch(`${target.base}/trpc/public.book`, { method: "POST", headers: { "Content-Type": "application/json", Origin: target.origin }, body: "{not json" });
        expect(garbage.status).toBe(400);
        const text = JSON.stringify(body) + (await garbage.text());
        expect(text).not.toMatch(/select|postgres|stack|at \/|node_modules/i);
        expect(await stored(c)).toHaveLength(0);
      });
    });

    describe("staff calendar", () => {
      it("shows an online booking, moves and cancels it, and the change feed replays what came after a last event id", async () => {
        const c = await clinic();
        const staff = await staffOf(c);
        const day = at(7, "09:00");
        const booked = await data<{ appointment: { id: string } }>(await book(c, day));
        const range = await data<{ appointments: Array<{ id: string; version: number }> }>(await staff.query("calendar.range", { from: dateOf(day), to: dateOf(day) }));
        const shown = range.appointments.find((a) => a.id === booked.appointment.id)!;
        expect(shown).toBeDefined();
        const [latest] = await withTenant(su.db, { clinicId: c.clinicId, userId: null, role: "owner" }, (tx) => tx.select({ id: max(appointmentEvents.id) }).from(appointmentEvents).where(eq(appointmentEvents.clinicId, c.clinicId)));
        const lastEventId = String(latest!.id);
        const moved = await staff.mutate("appointments.reschedule", { id: shown.id, version: shown.version, start: at(7, "12:00") });
        expect(moved.status).toBe(200);
        const stale = await staff.mutate("appointments.cancel", { id: shown.id, version: shown.version, reason: "Too late" });
        expect(stale.status).toBe(409);
        expect((await staff.mutate("appointments.cancel", { id: shown.id, version: shown.version + 1, reason: "Patient called" })).status).toBe(200);
        // Replay: the two changes after the last event id, whatever the runtime's live mode.
        const abort = new AbortController();
        const feed = await fetch(`${target.base}/trpc/calendar.changes?input=${encodeURIComponent(JSON.stringify({ lastEventId }))}`, {
          headers: { Accept: "text/event-stream", Cookie: staff.cookie },
          signal: abort.signal,
        });
        expect(feed.headers.get("content-type")).toContain("text/event-stream");
        const reader = feed.body!.pipeThrough(new TextDecoderStream()).getReader();
        let text = "";
        const deadline = Date.now() + 10_000;
        while ((text.match(/^id: /gm)?.length ?? 0) < 2 && Date.now() < deadline) {
          const { value, done } = await reader.read();
          if (done) break;
          text += value;
        }
        abort.abort();
        const kinds = text
          .split("\n\n")
          .filter((block) => /^id: /m.test(block))
          .map((block) => (JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { kind: string }).kind);
        expect(kinds, text).toEqual(["rescheduled", "cancelled"]);
        const [row] = await stored(c);
        expect(row!.status).toBe("cancelled");
      });

      it("refuses the calendar to someone signed out, and to a member of another clinic", async () => {
        const c = await clinic();
        const other = await clinic();
        expect((await browser(target).query("calendar.range", { from: "2030-01-01", to: "2030-01-01" })).status).toBe(401);
        const outsider = await staffOf(other);
        const refused = await outsider.mutate("auth.switchClinic", { clinicId: c.clinicId });
        expect([403, 404]).toContain(refused.status);
        const own = await data<{ practitioners: Array<{ id: string }> }>(await outsider.query("calendar.range", { from: "2030-01-01", to: "2030-01-01" }));
        expect(own.practitioners.map((p) => p.id)).toEqual(other.practitionerIds);
      });
    });
  });
}
