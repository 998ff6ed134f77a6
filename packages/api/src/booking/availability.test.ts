// The query behind every slot search and booking check, as PostgreSQL plans it for the app's role.
import { withTenant } from "@frontdesk/db";
import { appointments, patients } from "@frontdesk/db/schema";
import { connectAsApp, connectAsOwner, indexConditions } from "@frontdesk/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createBookableClinic } from "../testing";
import { availabilityQuery, loadCalendars } from "./availability";

const { db, close } = connectAsApp();
const owner = connectAsOwner();
afterAll(async () => {
  await close();
  await owner.close();
});

const DAY_MS = 24 * 60 * 60_000;

describe("availabilityQuery", () => {
  it("reads busy times through blocked_to bounded on both sides: neither a practitioner's history nor the months ahead", async () => {
    const clinic = await createBookableClinic(db);
    // Two years of appointments before December 2026 and three months from it, three a day for each practitioner.
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, async (tx) => {
      const [patient] = await tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Léa Martin" }).returning({ id: patients.id });
      const rows = [];
      for (let day = 730; day > -90; day--) {
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
    expect(conditions).toContainEqual(expect.stringMatching(/practitioner_id = ANY .*blocked_to > .*blocked_to < /));
  });

  it("still finds the longest appointment there can be when it starts blocking just before the range's end", async () => {
    const clinic = await createBookableClinic(db);
    const query = { clinic: { id: clinic.clinicId, timezone: "UTC", slotStepMinutes: 15, minNoticeMinutes: 0, horizonDays: 90 }, practitionerIds: clinic.practitionerIds, from: "2026-12-01", to: "2026-12-01" };
    // The query's window ends 3 days after `to` (any zone, a slot past midnight): 2026-12-04T00:00Z.
    const blockedFrom = new Date(Date.parse("2026-12-04T00:00:00Z") - 60_000);
    const startsAt = new Date(blockedFrom.getTime() + 4 * 60 * 60_000);
    const endsAt = new Date(startsAt.getTime() + DAY_MS);
    const blockedTo = new Date(endsAt.getTime() + 4 * 60 * 60_000);
    const busy = await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, async (tx) => {
      const [patient] = await tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Léa Martin" }).returning({ id: patients.id });
      await tx.insert(appointments).values({ clinicId: clinic.clinicId, practitionerId: clinic.practitionerIds[0]!, serviceId: clinic.serviceId, patientId: patient!.id, startsAt, endsAt, blockedFrom, blockedTo, source: "staff" });
      return (await loadCalendars(tx, query))[0]!.busy;
    });
    expect(busy).toEqual([{ start: blockedFrom.toISOString(), end: blockedTo.toISOString() }]);
  });
});
