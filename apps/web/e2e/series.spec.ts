// A receptionist books a weekly series with one clash resolved by an alternative (issue 17,
// ADR 0033): every occurrence lands, and nothing overlaps on the practitioner's calendar.
/* eslint-disable no-restricted-properties -- test tooling: the database URL comes from the global setup */
import { createDb, withTenant } from "@frontdesk/db";
import { appointments, patients } from "@frontdesk/db/schema";
import { addDays, expect, goToDate, PARIS_STAFF, quietDay, signIn, test } from "./fixtures";

// A seeded Paris patient no other browser test changes.
const SERIES_PATIENT = "Nathan Bertrand";
const WEEKS = 4;
const THURSDAY = 4;

test("a receptionist books a weekly series with one clash resolved by an alternative; every occurrence lands and none overlaps", async ({ page, checkpoint }) => {
  await signIn(page, PARIS_STAFF.receptionist);

  // The second Thursday's 16:00 with Dr Haddad is already taken by another patient.
  // Thursdays six weeks ahead or later: days no other browser test books.
  const first = quietDay(42, THURSDAY, WEEKS);
  const second = addDays(first, 7);
  await goToDate(page, second);
  const haddad = page.getByRole("region", { name: "Dr Yasmine Haddad" });
  await haddad.getByTitle("Book 16:00").click();
  const booking = page.getByRole("dialog", { name: "New appointment" });
  await booking.getByLabel(/Find a patient/).fill("Carla Clash");
  await booking.getByRole("button", { name: "New patient" }).click();
  await booking.getByLabel("Phone").fill("06 22 33 44 55");
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking).toBeHidden();
  await expect(haddad.getByRole("article", { name: "16:00 Carla Clash" })).toBeVisible();

  // The series: every Thursday at 16:00 for four weeks.
  await goToDate(page, first);
  await haddad.getByTitle("Book 16:00").click();
  await booking.getByLabel(/Find a patient/).fill(SERIES_PATIENT);
  await booking.getByRole("list", { name: "Matching patients" }).getByRole("button", { name: new RegExp(SERIES_PATIENT) }).click();
  await booking.getByLabel("Repeat (a series of appointments)").check();
  await booking.getByLabel("Number of appointments", { exact: true }).fill(String(WEEKS));
  await booking.getByRole("button", { name: "Check the series" }).click();

  const list = booking.getByRole("list", { name: "Appointments of the series" });
  await expect(list.getByRole("listitem")).toHaveCount(WEEKS);
  await expect(booking.getByText(`1 of ${WEEKS} appointments are not free`)).toBeVisible();
  await expect(list.getByRole("listitem").nth(1)).toContainText("Taken by another appointment");
  await checkpoint(page, "1-series-preview");

  const clash = booking.getByRole("group", { name: "Instead of appointment 2" });
  const alternative = clash.getByRole("radio").first();
  const picked = (await alternative.locator("xpath=..").innerText()).trim();
  const pickedTime = /\d{2}:\d{2}/.exec(picked)![0];
  await alternative.check();
  await booking.getByRole("button", { name: `Book all ${WEEKS}` }).click();
  await expect(booking).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /^Booked a series of 4/ })).toBeVisible();

  // On the calendar: the first Thursday at 16:00, the second at the alternative, beside the clash.
  await expect(haddad.getByRole("article", { name: `16:00 ${SERIES_PATIENT}` })).toBeVisible();
  await goToDate(page, second);
  await expect(haddad.getByRole("article", { name: "16:00 Carla Clash" })).toBeVisible();
  await expect(haddad.getByRole("article", { name: `${pickedTime} ${SERIES_PATIENT}` })).toBeVisible();

  // In the database: one series of four, each on its own Thursday, and Dr Haddad's open
  // appointments on those days never overlap.
  // As the app's own role, in the clinic's tenant scope: row-level security applies as in production.
  const { db, close } = createDb(process.env.FRONTDESK_E2E_APP_URL!, { max: 1 });
  try {
    // Read whole (a seeded clinic is small) and filtered here: the web app has no query builder of its own.
    // The receptionist's clinic, as the signed-in session names it.
    const me = (await (await page.request.get("/trpc/auth.me")).json()) as { result: { data: { activeClinicId: string } } };
    const { named, all } = await withTenant(db, { clinicId: me.result.data.activeClinicId, userId: null, role: "owner" }, async (tx) => ({
      named: new Set((await tx.select({ id: patients.id, fullName: patients.fullName }).from(patients)).filter((p) => p.fullName === SERIES_PATIENT).map((p) => p.id)),
      all: await tx.select().from(appointments),
    }));
    expect(named.size).toBe(1);
    const rows = all.filter((a) => named.has(a.patientId) && a.seriesId !== null).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(rows).toHaveLength(WEEKS);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    const days = rows.map((r) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(r.startsAt));
    expect(days).toEqual(Array.from({ length: WEEKS }, (_, i) => addDays(first, 7 * i)));

    const busy = all
      .filter((a) => a.practitionerId === rows[0]!.practitionerId && ["booked", "confirmed", "arrived"].includes(a.status))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (const [i, next] of busy.slice(1).entries()) expect(next.startsAt.getTime(), `appointment ${i + 1} overlaps the one before`).toBeGreaterThanOrEqual(busy[i]!.endsAt.getTime());
  } finally {
    await close();
  }
});
