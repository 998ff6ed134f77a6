// The query behind every slot search and booking check, as PostgreSQL plans it for the app's role.
import { withTenant } from "@frontdesk/db";
import { appointments, patients } from "@frontdesk/db/schema";
import { connectAsApp, connectAsOwner, indexConditions } from "@frontdesk/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createBookableClinic } from "../testing";
import { availabilityQuery } from "./availability";

const { db, close } = connectAsApp();
const owner = connectAsOwner();
afterAll(async () => {
  await close();
  await owner.close();
});

const DAY_MS = 24 * 60 * 60_000;

describe("availabilityQuery", () => {
  it("reads busy times from the range on, through blocked_to, not all of a practitioner's history", async () => {
    const clinic = await createBookableClinic(db);
    // Two years of appointments before December 2026, three a day for each practitioner.
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, async (tx) => {
      const [patient] = await tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Léa Martin" }).returning({ id: patients.id });
      const rows = [];
      for (let day = 730; day > 0; day--) {
        for (const practitionerId of clinic.practitionerIds) {
          for (const hour of [9, 11, 14]) {
            const start = new Date(Date.UTC(2026, 11, 1, hour) - day * DAY_MS);
            const end = new Date(start.getTime() + 30 * 60_000);
            rows.push({ clinicId: clinic.clinicId, practitionerId, serviceId: clinic.serviceId, patientId: patient!.id, startsAt: start, endsAt: end, blockedFrom: start, blockedTo: end, source: "staff" as const });
          }
        }
      }
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(appointments).values(rows.slice(i, i + 1000));
    });
    await owner.db.execute(sql`analyze appointments`);

    const conditions = await indexConditions(db, { clinicId: clinic.clinicId, userId: null, role: "public" }, () =>
      availabilityQuery({
        clinic: { id: clinic.clinicId, timezone: "Europe/Paris", slotStepMinutes: 15, minNoticeMinutes: 0, horizonDays: 90 },
        practitionerIds: clinic.practitionerIds,
        from: "2026-12-01",
        to: "2026-12-31",
      }),
    );
    expect(conditions).toContainEqual(expect.stringMatching(/practitioner_id = ANY .*blocked_to > /));
  });
});
