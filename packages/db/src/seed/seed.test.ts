import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../client";
import { withTenant } from "../scope";
import { clinics } from "../schema";
import { createFreshDatabase } from "../testing";
import { DEMO_CLINICS, seedDemo } from ".";

describe("the demo seed", () => {
  it("builds both demo clinics with every appointment status, and a second run duplicates nothing", async () => {
    const urls = await createFreshDatabase("seed_twice");
    const { db, close } = createDb(urls.appUrl, { max: 2 });
    const now = new Date("2026-11-18T10:00:00Z");
    try {
      const first = await seedDemo(db, { now });
      const count = async (slug: string) => {
        const [clinic] = await db.transaction((tx) => tx.select().from(clinics).where(sql`${clinics.slug} = ${slug}`));
        return withTenant(db, { clinicId: clinic!.id, userId: null, role: "owner" }, async (tx) => {
          const [row] = await tx.execute<{ practitioners: number; services: number; patients: number; appointments: number; statuses: string; members: number; holidays: number }>(sql`
            select
              (select count(*)::int from practitioners) as practitioners,
              (select count(*)::int from services) as services,
              (select count(*)::int from patients) as patients,
              (select count(*)::int from appointments) as appointments,
              (select string_agg(distinct status::text, ',' order by status::text) from appointments) as statuses,
              (select count(*)::int from memberships) as members,
              (select count(*)::int from schedule_exceptions where kind = 'unavailable') as holidays`);
          return { timezone: clinic!.timezone, ...row };
        });
      };
      const paris = await count("demo-paris");
      const newYork = await count("demo-newyork");
      expect(first.created).toBe(true);
      for (const clinic of [paris, newYork]) {
        expect(clinic.practitioners).toBeGreaterThanOrEqual(3);
        expect(clinic.practitioners).toBeLessThanOrEqual(4);
        expect(clinic.services).toBeGreaterThanOrEqual(4);
        expect(clinic.patients).toBeGreaterThanOrEqual(40);
        expect(clinic.appointments).toBeGreaterThanOrEqual(200);
        expect(clinic.statuses).toBe("arrived,booked,cancelled,completed,confirmed,no_show");
        expect(clinic.members).toBe(4);
        expect(clinic.holidays).toBe(clinic.practitioners);
      }
      expect([paris.timezone, newYork.timezone]).toEqual(["Europe/Paris", "America/New_York"]);

      const second = await seedDemo(db, { now });
      expect(second.created).toBe(false);
      expect(second.clinics.map((c) => c.slug)).toEqual(DEMO_CLINICS.map((c) => c.slug));
      expect(await count("demo-paris")).toEqual(paris);
      expect(await count("demo-newyork")).toEqual(newYork);
    } finally {
      await close();
    }
  });
});
