// Calendar feeds (ADR 0040) over real HTTP, read back with a real iCalendar parser (ical.js):
// what the practitioner's privacy setting allows, in the right instants; revoked, foreign, bad or
// switched-off feeds are one and the same 404; an unchanged feed is a 304.
import { connectAsApp, connectAsOwner } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setOperatorFlag } from "../flags/operator";
import { callerFor, createBookableClinic, createTestDeps, sessionFor, type BookableClinic } from "../testing";
import { codeOf } from "../testing/staff-world";
import { listen } from "../testing/http";

const { db, close } = connectAsApp();
const owner = connectAsOwner();
const { deps } = createTestDeps(db);
let server: Awaited<ReturnType<typeof listen>>;
let clinic: BookableClinic;
let other: BookableClinic;

beforeAll(async () => {
  server = await listen(deps);
  // New York: 10:00 local on 2026-12-01 is 15:00Z (the test clock says 2026-11-22T09:00Z).
  clinic = await createBookableClinic(db, { timezone: "America/New_York" });
  other = await createBookableClinic(db);
});
afterAll(async () => {
  await server.close();
  await close();
  await owner.close();
});

const ownerOf = async (c: BookableClinic) => callerFor(deps, await sessionFor(deps, c.ownerUserId, c.clinicId)).caller;
const book = (c: BookableClinic, practitionerId: string, start: string, name: string) =>
  callerFor(deps).caller.public.book({ clinicSlug: c.slug, serviceId: c.serviceId, practitionerId, start, patient: { name, email: `p-${crypto.randomUUID().slice(0, 8)}@example.test` }, idempotencyKey: crypto.randomUUID() });
/** The feed's URL on the test server (the answer names the configured public URL). */
const onServer = (url: string) => url.replace(deps.publicUrl, server.base);
const events = (ics: string) => new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

describe("calendar feeds", () => {
  it("wait for the rollout flag, then list the practitioner's appointments as their privacy setting allows", async () => {
    const admin = await ownerOf(clinic);
    const [a, b] = clinic.practitionerIds as [string, string];
    const refused = await admin.clinic.calendarFeeds.create({ practitionerId: a }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect(((refused as TRPCError).cause as { reason?: string }).reason).toBe("FEATURE_OFF");
    expect((await admin.clinic.calendarFeeds.list()).enabled).toBe(false);
    await setOperatorFlag(owner.db, clinic.slug, "calendarFeeds", true, new Date());
    await setOperatorFlag(owner.db, other.slug, "calendarFeeds", true, new Date());

    await book(clinic, a, "2026-12-01T15:00:00Z", "Léa Martin-Dubois");
    await book(clinic, a, "2026-12-02T14:30:00Z", "Omar Haddad");
    const cancelled = await book(clinic, a, "2026-12-03T15:00:00Z", "Nina Cancel");
    await callerFor(deps).caller.public.booking.cancel({ token: new URL(cancelled.manageUrl).pathname.split("/").pop()!, reason: "" }).catch(() => undefined);
    await book(clinic, b, "2026-12-01T15:00:00Z", "Someone Else");

    const feed = await admin.clinic.calendarFeeds.create({ practitionerId: a });
    expect(feed.url).toMatch(new RegExp(`^${deps.publicUrl}/ical/${clinic.clinicId}_${feed.id}_[a-z2-7]{32}\\.ics$`));
    const first = await fetch(onServer(feed.url));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("private, max-age=900");
    const ics = await first.text();
    const parsed = events(ics);
    // Time only by default: no service, no patient.
    expect(parsed.map((e) => [e.startDate.toJSDate().toISOString(), e.summary])).toEqual([
      ["2026-12-01T15:00:00.000Z", "Booked"],
      ["2026-12-02T14:30:00.000Z", "Booked"],
    ]);
    // In the clinic's zone, 10:00 and 09:30.
    expect(parsed.map((e) => e.startDate.convertToZone(ICAL.Timezone.utcTimezone).toJSDate().toLocaleTimeString("en-US", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit" }))).toEqual(["10:00 AM", "09:30 AM"]);
    expect(ics).not.toContain("Léa");

    // Unchanged: 304 on the ETag.
    const again = await fetch(onServer(feed.url), { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);

    await admin.clinic.calendarFeeds.setDetail({ practitionerId: a, detail: "initials" });
    expect(events(await (await fetch(onServer(feed.url))).text()).map((e) => e.summary)).toEqual(["Consultation, L. M.", "Consultation, O. H."]);
    await admin.clinic.calendarFeeds.setDetail({ practitionerId: a, detail: "name" });
    expect(events(await (await fetch(onServer(feed.url))).text()).map((e) => e.summary)).toEqual(["Consultation, Léa Martin-Dubois", "Consultation, Omar Haddad"]);

    // The clinic's feed: everyone's, each saying whose.
    const whole = await admin.clinic.calendarFeeds.create({});
    expect(events(await (await fetch(onServer(whole.url))).text()).map((e) => e.summary)).toEqual([
      "Consultation, Léa Martin-Dubois (A Practitioner)",
      "Booked (B Practitioner)",
      "Consultation, Omar Haddad (A Practitioner)",
    ]);

    // Revoked: 404, and the list says so.
    await admin.clinic.calendarFeeds.revoke({ id: feed.id });
    expect((await fetch(onServer(feed.url))).status).toBe(404);
    expect((await admin.clinic.calendarFeeds.list()).feeds.find((f) => f.id === feed.id)!.revokedAt).not.toBeNull();
    expect((await fetch(onServer(whole.url))).status).toBe(200);
  });

  it("answer the same 404 to every wrong URL: bad, unknown, another clinic's secret, the flag off", async () => {
    const theirs = await (await ownerOf(other)).clinic.calendarFeeds.create({ practitionerId: other.practitionerIds[0]! });
    const ours = await (await ownerOf(clinic)).clinic.calendarFeeds.create({});
    const token = (url: string) => url.slice(url.lastIndexOf("/") + 1, -".ics".length);
    const [, theirFeed, theirSecret] = token(theirs.url).split("_") as [string, string, string];
    const [, ourFeed] = token(ours.url).split("_") as [string, string, string];
    const wrong = [
      "nonsense.ics",
      `${token(ours.url)}`,
      `${clinic.clinicId}_${ourFeed}_${"a".repeat(32)}.ics`,
      // Their feed and secret under our clinic's id, and our feed with their secret.
      `${clinic.clinicId}_${theirFeed}_${theirSecret}.ics`,
      `${clinic.clinicId}_${ourFeed}_${theirSecret}.ics`,
      `${crypto.randomUUID()}_${crypto.randomUUID()}_${"b".repeat(32)}.ics`,
    ];
    for (const path of wrong) {
      const answer = await fetch(`${server.base}/ical/${path}`);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(await answer.text()).toBe("Not found\n");
    }
    expect((await fetch(onServer(theirs.url))).status).toBe(200);
    await setOperatorFlag(owner.db, other.slug, "calendarFeeds", false, new Date());
    expect((await fetch(onServer(theirs.url))).status).toBe(404);
  });

  it("are made only by those allowed: a practitioner not for others nor the whole clinic; bad input refused", async () => {
    const practitioner = callerFor(deps, await sessionFor(deps, clinic.practitionerUserId, clinic.clinicId)).caller;
    expect(await codeOf(practitioner.clinic.calendarFeeds.create({ practitionerId: clinic.practitionerIds[0]! }))).toBe("FORBIDDEN");
    expect(await codeOf(practitioner.clinic.calendarFeeds.create({}))).toBe("FORBIDDEN");
    const receptionist = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
    expect(await codeOf(receptionist.clinic.calendarFeeds.list())).toBe("FORBIDDEN");
    const admin = await ownerOf(clinic);
    expect(await codeOf(admin.clinic.calendarFeeds.create({ practitionerId: other.practitionerIds[0]! }))).toBe("NOT_FOUND");
    // @ts-expect-error -- bad input on purpose
    expect(await codeOf(admin.clinic.calendarFeeds.setDetail({ practitionerId: clinic.practitionerIds[0]!, detail: "everything" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.clinic.calendarFeeds.revoke({ id: crypto.randomUUID() }))).toBe("NOT_FOUND");
  });
});
