// Test doubles at the edges (clock, mailer, hasher, logger) around the real database.
import { createInsecureTestHasher, createSession, type SessionRecord } from "@frontdesk/auth";
import type { Database } from "@frontdesk/db";
import { createContext, type Context } from "../context";
import { environmentKeyProvider } from "../encryption/key-provider";
import { createVault } from "../encryption/vault";
import type { Clock, Logger, MailMessage, ServerDeps } from "../ports";
import { appRouter } from "../root";
import { createCallerFactory } from "../trpc";

/** A clock tests move by hand. */
export function createTestClock(start = new Date("2026-11-22T09:00:00Z")) {
  let now = start.getTime();
  const clock: Clock & { advance(ms: number): void; set(date: Date): void } = {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (date) => void (now = date.getTime()),
  };
  return clock;
}

export function createTestMailer() {
  const sent: MailMessage[] = [];
  return {
    sent,
    send: (message: MailMessage) => {
      sent.push(message);
      return Promise.resolve();
    },
    /** The last message to `to`; fails the test if there is none. */
    lastTo(to: string): MailMessage {
      const message = sent.filter((m) => m.to === to).at(-1);
      if (!message) throw new Error(`no mail to ${to}`);
      return message;
    },
  };
}

/** Keeps every log line, so tests can check what was (and was not) logged. */
export function createTestLogger() {
  const lines: Array<{ level: string; message?: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, message?: string) => void lines.push({ level, message, fields });
  const logger: Logger & { lines: typeof lines } = { info: at("info"), warn: at("warn"), error: at("error"), lines };
  return logger;
}

/** A fixed test master key, shared by the suite's servers so one process can read another's rows. */
export const TEST_MASTER_KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const testVault = createVault(environmentKeyProvider(TEST_MASTER_KEY));

export function createTestDeps(db: Database, overrides: Partial<ServerDeps> = {}) {
  const clock = createTestClock();
  const mailer = createTestMailer();
  const logger = createTestLogger();
  const deps = {
    db,
    clock,
    mailer,
    logger,
    hasher: createInsecureTestHasher(),
    publicUrl: "http://localhost:3000",
    sessions: { idleTimeoutMs: 12 * 60 * 60_000, absoluteTimeoutMs: 30 * 24 * 60 * 60_000 },
    rateLimits: null,
    vault: testVault,
    ...overrides,
  } satisfies ServerDeps;
  return { deps, clock, mailer, logger };
}

const createCaller = createCallerFactory(appRouter);

/** A caller as if the request came with `session` (or none). */
export function callerFor(deps: ServerDeps, session: SessionRecord | null = null, extra: Partial<Context> = {}) {
  // A fresh client address per caller, so per-IP sign-in throttling never leaks between tests.
  const ip = `2001:db8::${crypto.randomUUID().slice(0, 4)}`;
  const ctx = { ...createContext({ deps, session, ip, userAgent: "vitest" }), ...extra };
  return { caller: createCaller(ctx), ctx };
}

/** Signs `userId` in directly (no password round trip) with `clinicId` active. */
export async function sessionFor(deps: ServerDeps, userId: string, clinicId: string | null): Promise<SessionRecord> {
  const { session } = await createSession(deps.db, { userId, activeClinicId: clinicId, userAgent: "vitest", ip: "198.51.100.7" }, deps.clock.now(), deps.sessions);
  return session;
}

/** A test clinic with one user per staff role, plus a signed-up user who belongs to no clinic. */
export async function createStaffedClinic(db: Database) {
  const { createTestClinic } = await import("@frontdesk/db/testing");
  const { withTenant } = await import("@frontdesk/db");
  const { memberships, users } = await import("@frontdesk/db/schema");
  const clinic = await createTestClinic(db);
  const people = await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, async (tx) => {
    const make = async (role: "admin" | "receptionist" | "practitioner" | null) => {
      const label = role ?? "patient";
      const [user] = await tx
        .insert(users)
        .values({ email: `${label}-${crypto.randomUUID().slice(0, 8)}@${clinic.slug}.test`, name: `Test ${label}` })
        .returning({ id: users.id, email: users.email });
      if (role) await tx.insert(memberships).values({ clinicId: clinic.clinicId, userId: user!.id, role });
      return user!;
    };
    return { admin: await make("admin"), receptionist: await make("receptionist"), practitioner: await make("practitioner"), patient: await make(null) };
  });
  const userIds = {
    owner: clinic.ownerUserId,
    admin: people.admin.id,
    receptionist: people.receptionist.id,
    practitioner: people.practitioner.id,
    patient: people.patient.id,
  };
  return { clinic, userIds, emails: { admin: people.admin.email, receptionist: people.receptionist.email, practitioner: people.practitioner.email, patient: people.patient.email } };
}

/** Gives a clinic the locale its owner would set in its settings (its messages' language, ADR 0057). */
export async function setClinicLocale(db: Database, clinicId: string, locale: string): Promise<void> {
  const { withTenant } = await import("@frontdesk/db");
  const { clinics } = await import("@frontdesk/db/schema");
  const { eq } = await import("drizzle-orm");
  await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set({ locale }).where(eq(clinics.id, clinicId)));
}

export interface BookableClinic {
  clinicId: string;
  slug: string;
  timezone: string;
  serviceId: string;
  practitionerIds: string[];
  ownerUserId: string;
  receptionistUserId: string;
  practitionerUserId: string;
}

/**
 * A clinic ready to book: `practitioners` people (named "A …", "B …" in that order) working every
 * day from `hours`, all offering one service. Policy defaults are small so tests control them.
 */
export async function createBookableClinic(
  db: Database,
  options: {
    timezone?: string;
    practitioners?: number;
    hours?: { start: string; end: string };
    service?: { durationMinutes?: number; bufferBeforeMinutes?: number; bufferAfterMinutes?: number };
    policy?: { minNoticeMinutes?: number; horizonDays?: number; slotStepMinutes?: number; cancellationNoticeMinutes?: number };
  } = {},
): Promise<BookableClinic> {
  const { withTenant } = await import("@frontdesk/db");
  const s = await import("@frontdesk/db/schema");
  const clinicId = crypto.randomUUID();
  const slug = `book-${crypto.randomUUID().slice(0, 8)}`;
  const timezone = options.timezone ?? "Europe/Paris";
  return withTenant(db, { clinicId, userId: null, role: "owner" }, async (tx) => {
    await tx.insert(s.clinics).values({
      id: clinicId,
      slug,
      name: `Clinic ${slug}`,
      timezone,
      minNoticeMinutes: 0,
      horizonDays: 365,
      slotStepMinutes: 30,
      cancellationNoticeMinutes: 24 * 60,
      ...options.policy,
    });
    const staff = await tx
      .insert(s.users)
      .values(["owner", "receptionist", "practitioner"].map((role) => ({ email: `${role}-${crypto.randomUUID().slice(0, 8)}@${slug}.test`, name: `Test ${role}` })))
      .returning({ id: s.users.id });
    const roles = ["owner", "receptionist", "practitioner"] as const;
    await tx.insert(s.memberships).values(staff.map((u, i) => ({ clinicId, userId: u.id, role: roles[i]! })));
    const [service] = await tx
      .insert(s.services)
      .values({ clinicId, name: "Consultation", durationMinutes: 30, ...options.service })
      .returning({ id: s.services.id });
    const people = await tx
      .insert(s.practitioners)
      .values(Array.from({ length: options.practitioners ?? 2 }, (_, i) => ({ clinicId, displayName: `${String.fromCharCode(65 + i)} Practitioner` })))
      .returning({ id: s.practitioners.id });
    await tx.insert(s.practitionerServices).values(people.map((p) => ({ clinicId, practitionerId: p.id, serviceId: service!.id })));
    const hours = options.hours ?? { start: "09:00", end: "17:00" };
    await tx
      .insert(s.workingHours)
      .values(people.flatMap((p) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ clinicId, practitionerId: p.id, weekday, startTime: hours.start, endTime: hours.end }))));
    return {
      clinicId,
      slug,
      timezone,
      serviceId: service!.id,
      practitionerIds: people.map((p) => p.id),
      ownerUserId: staff[0]!.id,
      receptionistUserId: staff[1]!.id,
      practitionerUserId: staff[2]!.id,
    };
  });
}

type TestMailer = ReturnType<typeof createTestMailer>;

/** The 6-digit code in the last mail to `to`; `mailer` must be the test mailer of createTestDeps. */
export function mailedCode(mailer: ServerDeps["mailer"], to: string): string {
  if (!("lastTo" in mailer)) throw new Error("mailedCode needs the test mailer");
  const code = /\b(\d{6})\b/.exec((mailer as TestMailer).lastTo(to).text)?.[1];
  if (!code) throw new Error(`no code in the last mail to ${to}`);
  return code;
}

/** Signs up and confirms the address with the mailed code, as a new staff member would; returns the signed-in caller. */
export async function signUpVerified(
  deps: ServerDeps,
  input: { name: string; email: string; password: string },
) {
  await callerFor(deps).caller.auth.signUp(input);
  const signedIn = callerFor(deps);
  const outcome = await signedIn.caller.auth.verifyEmail({ email: input.email, code: mailedCode(deps.mailer, input.email.toLowerCase()) });
  if (outcome.status !== "signed_in") throw new Error(`expected a signed-in account, got ${outcome.status}`);
  return { ...signedIn, user: outcome.user };
}

/** The dashboard's statement, for the benchmark that times it (apps/server/bench/reports.bench.ts). */
export { dashboardQuery, runDashboard } from "../routers/reports/dashboard";
