// `pnpm db:seed`: writes the demo world through the app role and the same scoped transactions the
// server uses, so the seed exercises row-level security instead of going around it.
import { addDays, instantAt, isoWeekday, STAFF_ROLES, todayIn } from "@frontdesk/domain";
import { hash } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { withTenant } from "../scope";
import {
  appointments,
  auditLog,
  clinics,
  memberships,
  patients,
  practitionerServices,
  practitioners,
  scheduleExceptions,
  services,
  users,
  workingHours,
  type AppointmentStatus,
  type MembershipRole,
} from "../schema";
import { DEMO_CLINICS, DEMO_WEEK, type DemoClinic } from "./demo-world";

export const DEMO_PASSWORD = "frontdesk-demo";
const MINUTE_MS = 60_000;

export interface SeedResult {
  created: boolean;
  clinics: Array<{ slug: string; name: string; timezone: string; users: Array<{ role: MembershipRole; email: string }> }>;
}

/** Deterministic pseudo-random numbers, so every seeded database looks alike. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoEmail(clinic: Pick<DemoClinic, "slug">, role: MembershipRole): string {
  return `${role}@${clinic.slug}.frontdesk.test`;
}

// Demo addresses are ours (frontdesk.test): they count as verified, or their passwords would not open anything.
async function ensureUser(tx: Transaction, email: string, name: string, passwordHash: string, now: Date): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (existing) return existing.id;
  const [created] = await tx.insert(users).values({ email, name, passwordHash, emailVerifiedAt: now }).returning({ id: users.id });
  if (!created) throw new Error(`could not create ${email}`);
  return created.id;
}

function slugify(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]+/g, ".");
}

/** The demo sign-ins, as printed by `pnpm db:seed` and `pnpm dev`. */
export function describeDemo(result: SeedResult): string {
  const lines = [`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`];
  for (const clinic of result.clinics) {
    lines.push(`  ${clinic.name} (/book/${clinic.slug}, ${clinic.timezone})`);
    for (const user of clinic.users) lines.push(`    ${user.role.padEnd(13)} ${user.email}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function seedDemo(db: Database, options: { now: Date }): Promise<SeedResult> {
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  let created = false;
  const result: SeedResult["clinics"] = [];
  for (const [index, demo] of DEMO_CLINICS.entries()) {
    const clinicId = await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, demo.slug));
      return existing?.id;
    });
    if (!clinicId) {
      await seedClinic(db, demo, passwordHash, options.now, index + 1);
      created = true;
    }
    result.push({
      slug: demo.slug,
      name: demo.name,
      timezone: demo.timezone,
      users: STAFF_ROLES.map((role) => ({ role, email: demoEmail(demo, role) })),
    });
  }
  return { created, clinics: result };
}

async function seedClinic(db: Database, demo: DemoClinic, passwordHash: string, now: Date, seed: number) {
  const next = random(seed);
  const clinicId = crypto.randomUUID();
  // Clinic and accounts first: they are global rows; the clinic becomes the scope for the rest.
  await withTenant(db, { clinicId, userId: null, role: "owner" }, async (tx) => {
    await tx.insert(clinics).values({
      id: clinicId,
      slug: demo.slug,
      name: demo.name,
      timezone: demo.timezone,
      locale: demo.locale,
      currency: demo.currency,
      address: demo.address,
      email: `hello@${demo.slug}.frontdesk.test`,
    });
    const userIds = new Map<MembershipRole, string>();
    for (const role of STAFF_ROLES) {
      const userId = await ensureUser(tx, demoEmail(demo, role), `Demo ${role}`, passwordHash, now);
      userIds.set(role, userId);
      await tx.insert(memberships).values({ clinicId, userId, role });
    }

    const serviceRows = await tx
      .insert(services)
      .values(demo.services.map((service) => ({ clinicId, ...service })))
      .returning();
    const practitionerRows = await tx
      .insert(practitioners)
      .values(
        demo.practitioners.map((p, i) => ({
          clinicId,
          displayName: p.displayName,
          colour: p.colour,
          // The demo practitioner account sees the first practitioner's calendar.
          userId: i === 0 ? (userIds.get("practitioner") ?? null) : null,
        })),
      )
      .returning();
    await tx.insert(practitionerServices).values(
      demo.practitioners.flatMap((p, i) =>
        p.services.map((s) => ({ clinicId, practitionerId: practitionerRows[i]!.id, serviceId: serviceRows[s]!.id })),
      ),
    );
    await tx.insert(workingHours).values(
      practitionerRows.flatMap((p) =>
        DEMO_WEEK.map((w) => ({ clinicId, practitionerId: p.id, weekday: w.weekday, startTime: w.start, endTime: w.end })),
      ),
    );

    // The holiday, the next time it comes round, for everyone.
    const today = todayIn(demo.timezone, now);
    const holidayIn = (year: number) => `${year}-${String(demo.holiday.month).padStart(2, "0")}-${String(demo.holiday.day).padStart(2, "0")}`;
    const thisYears = holidayIn(Number(today.slice(0, 4)));
    const holiday = thisYears < today ? holidayIn(Number(today.slice(0, 4)) + 1) : thisYears;
    await tx.insert(scheduleExceptions).values(
      practitionerRows.map((p) => ({
        clinicId,
        practitionerId: p.id,
        kind: "unavailable" as const,
        startsAt: new Date(instantAt(holiday, 0, demo.timezone)),
        endsAt: new Date(instantAt(addDays(holiday, 1), 0, demo.timezone)),
        reason: demo.holiday.reason,
      })),
    );

    const patientRows = await tx
      .insert(patients)
      .values(
        demo.patientNames.map((fullName, i) => ({
          clinicId,
          fullName,
          email: `${slugify(fullName)}@${demo.emailDomain}`,
          phone: `+${demo.currency === "EUR" ? "336" : "1212"}${String(5550000 + i * 137).padStart(8, "0")}`,
          dateOfBirth: `${1950 + Math.floor(next() * 60)}-${String(1 + Math.floor(next() * 12)).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`,
        })),
      )
      .returning({ id: patients.id });

    // Appointments from two weeks ago to two weeks ahead, packed into working hours without overlap.
    const rows: Array<typeof appointments.$inferInsert> = [];
    for (let offset = -14; offset <= 14; offset++) {
      const day = addDays(today, offset);
      if (day === holiday) continue;
      for (const [pi, practitioner] of practitionerRows.entries()) {
        const offered = demo.practitioners[pi]!.services;
        for (const interval of DEMO_WEEK.filter((w) => w.weekday === isoWeekday(day))) {
          let cursor = Date.parse(instantAt(day, interval.start, demo.timezone));
          const end = Date.parse(instantAt(day, interval.end, demo.timezone));
          while (true) {
            const service = serviceRows[offered[Math.floor(next() * offered.length)]!]!;
            const gap = [0, 0, 15, 30, 60][Math.floor(next() * 5)]!;
            const start = cursor + (gap + service.bufferBeforeMinutes) * MINUTE_MS;
            const finish = start + service.durationMinutes * MINUTE_MS;
            const blockedTo = finish + service.bufferAfterMinutes * MINUTE_MS;
            if (blockedTo > end) break;
            cursor = blockedTo;
            if (next() < 0.35) continue; // leave free time to book
            rows.push({
              clinicId,
              practitionerId: practitioner.id,
              serviceId: service.id,
              patientId: patientRows[Math.floor(next() * patientRows.length)]!.id,
              startsAt: new Date(start),
              endsAt: new Date(finish),
              blockedFrom: new Date(start - service.bufferBeforeMinutes * MINUTE_MS),
              blockedTo: new Date(blockedTo),
              status: demoStatus(start, now.getTime(), next()),
              source: next() < 0.5 ? "online" : "staff",
              // Booked 1 to 14 days before it starts (and never after the seed runs), so the
              // reports' lead times look like a clinic's; from the start time, not the random
              // sequence, which the rest of the demo depends on.
              createdAt: new Date(Math.min(now.getTime(), start - (1 + (Math.floor(start / MINUTE_MS / 15) % 14)) * 24 * 60 * MINUTE_MS)),
            });
          }
        }
      }
    }
    for (const row of rows) if (row.status === "cancelled") row.cancelReason = "Patient called to cancel";
    for (let i = 0; i < rows.length; i += 500) await tx.insert(appointments).values(rows.slice(i, i + 500));

    await tx.insert(auditLog).values({
      clinicId,
      actorKind: "system",
      action: "seed",
      entity: "clinic",
      entityId: clinicId,
      changes: { appointments: [0, rows.length] },
    });
  });
}

function demoStatus(startMs: number, nowMs: number, roll: number): AppointmentStatus {
  const hour = 60 * 60_000;
  if (startMs >= nowMs) {
    if (roll < 0.1) return "cancelled";
    return roll < 0.55 ? "confirmed" : "booked";
  }
  // The last three days still show patients checked in but not yet closed by their practitioner.
  if (startMs >= nowMs - 72 * hour && roll < 0.3) return "arrived";
  if (roll < 0.38) return "no_show";
  if (roll < 0.46) return "cancelled";
  return "completed";
}

export { DEMO_CLINICS } from "./demo-world";
