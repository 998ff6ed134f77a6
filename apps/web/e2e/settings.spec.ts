// Clinic settings against the real server: an admin's change to a practitioner's week reaches the
// public booking page, every settings screen passes axe, and a practitioner is kept out.
import type { Page } from "@playwright/test";
import { addDays, expect, parisToday, signIn, test } from "./fixtures";

// The seeded demo staff (packages/db seed): one account per role at each demo clinic.
const staff = (role: string) => `${role}@demo-paris.frontdesk.test`;
// Dr Haddad: the other specs book with Dr Martin and Dr Lefèvre. Her Sundays are free in the seed,
// and this test gives her Sunday back before it ends.
const PRACTITIONER = "Dr Yasmine Haddad";

/** The next Sunday at least three days away on the clinic's calendar (clear of the minimum notice). */
function comingSunday(): string {
  const day = new Date(`${parisToday()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 3);
  while (day.getUTCDay() !== 0) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** How many free times the public booking page offers with the practitioner on `date`. */
async function publicFreeTimes(page: Page, date: string): Promise<number> {
  await page.goto("/book/demo-paris?lang=en");
  await page.getByRole("button", { name: /^Consultation 30 min/ }).click();
  await page.getByRole("button", { name: PRACTITIONER }).click();
  await expect(page.getByRole("heading", { name: "Choose a day" })).toBeFocused();
  const day = page.locator(`[role="grid"] button[data-date="${date}"]`);
  for (let month = 0; month < 2 && (await day.count()) === 0; month++) await page.getByRole("button", { name: "Next month" }).click();
  await expect(day).toHaveAttribute("aria-label", /free times?$/);
  const label = (await day.getAttribute("aria-label")) ?? "";
  return Number(/(\d+) free times?$/.exec(label)?.[1] ?? 0);
}

async function openSection(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
}

test("an admin gives a practitioner Sunday hours and the public booking page offers that Sunday, then takes them back", async ({ page, browser, baseURL, checkpoint }) => {
  const sunday = comingSunday();
  // The patient in a browser of their own (axe needs a page from a context).
  const patientContext = await browser.newContext({ baseURL });
  const patient = await patientContext.newPage();
  try {
    expect(await publicFreeTimes(patient, sunday), `free times on ${sunday} before`).toBe(0);

    await signIn(page, staff("admin"));
    await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Clinic settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clinic settings" })).toBeVisible();
    await checkpoint(page, "1-clinic");
    await openSection(page, "Practitioners");
    await checkpoint(page, "2-practitioners");
    await openSection(page, "Services");
    await checkpoint(page, "3-services");
    await openSection(page, "Staff");
    await checkpoint(page, "4-staff");
    await openSection(page, "Audit log");
    await checkpoint(page, "5-audit");

    await openSection(page, "Hours and time off");
    await page.getByLabel("Practitioner").selectOption({ label: PRACTITIONER });
    await expect(page.getByRole("heading", { name: `Weekly hours of ${PRACTITIONER}` })).toBeVisible();
    await expect(page.getByLabel("Monday interval 1 start")).toHaveValue("09:00");
    await checkpoint(page, "6-hours");

    // A slip first: the end before the start is refused in place and nothing is sent.
    await page.getByRole("button", { name: "Add interval on Sunday" }).click();
    const start = page.getByLabel("Sunday interval 1 start");
    const end = page.getByLabel("Sunday interval 1 end");
    await expect(start).toBeFocused();
    await start.fill("10:00");
    await end.fill("09:00");
    await page.getByRole("button", { name: "Save weekly hours" }).click();
    await expect(end).toHaveAccessibleDescription("End must be after start");
    await expect(end).toBeFocused();
    await checkpoint(page, "7-hours-refused");

    await end.fill("13:00");
    await page.getByRole("button", { name: "Save weekly hours" }).click();
    await expect(page.getByText(`Weekly hours saved for ${PRACTITIONER}.`)).toBeVisible();
    await checkpoint(page, "8-hours-saved");

    await expect.poll(() => publicFreeTimes(patient, sunday), { message: `free times on ${sunday} with Sunday hours` }).toBeGreaterThan(0);
    await checkpoint(patient, "9-public-sunday-open");

    // Sunday off again: the day disappears from the public page, and the seed's week is back.
    await page.getByRole("button", { name: "Remove Sunday interval 1" }).click();
    await page.getByRole("button", { name: "Save weekly hours" }).click();
    await expect(page.getByText(`Weekly hours saved for ${PRACTITIONER}.`)).toBeVisible();
    await expect.poll(() => publicFreeTimes(patient, sunday), { message: `free times on ${sunday} after` }).toBe(0);
  } finally {
    await patientContext.close();
  }
});

/**
 * The European Union's change days (last Sundays of March and October), the next ones on or after
 * today in Paris. Two change days of a kind are 52 or 53 weeks apart, so the next one can lie past
 * the year the hours page lists (from 26 to 30 March 2029 the next spring-forward night is 31
 * March 2030, 370 days away): the test then reads it where the server stored it, not in the list.
 */
function nextParisChanges(): { springForward: string; fallBack: string } {
  const today = parisToday();
  const lastSunday = (year: number, month: number) => {
    const day = new Date(Date.UTC(year, month, 0, 12)); // the month's last day
    day.setUTCDate(day.getUTCDate() - day.getUTCDay());
    return day.toISOString().slice(0, 10);
  };
  const next = (month: number) => {
    const year = Number(today.slice(0, 4));
    return lastSunday(year, month) >= today ? lastSunday(year, month) : lastSunday(year + 1, month);
  };
  return { springForward: next(3), fallBack: next(10) };
}

test("time off typed on a DST night is stored where the calendar and the engine put it", async ({ page, baseURL }) => {
  const { springForward, fallBack } = nextParisChanges();
  // The hours page lists the clinic's coming year: today and the 365 days after it (TimeOff.tsx).
  const listed = (date: string) => date < addDays(parisToday(), 366);
  await signIn(page, staff("admin"));
  await page.goto("/app/settings/hours");
  await page.getByLabel("Practitioner").selectOption({ label: PRACTITIONER });
  await expect(page.getByRole("heading", { name: `Weekly hours of ${PRACTITIONER}` })).toBeVisible();
  await expect(page).toHaveURL(/practitioner=/);
  const practitionerId = new URL(page.url()).searchParams.get("practitioner")!;
  const form = page.getByRole("form", { name: "Add time off" });
  const list = page.getByRole("list", { name: `Time off of ${PRACTITIONER}` });
  const row = (reason: string) => page.getByRole("listitem").filter({ hasText: reason });
  const addTimeOff = async (date: string, from: string, until: string, reason: string) => {
    await form.getByLabel("First day").fill(date);
    await form.getByLabel("From").fill(from);
    await form.getByLabel("Last day").fill(date);
    await form.getByLabel("Until").fill(until);
    await form.getByLabel("Reason (optional)").fill(reason);
    await form.getByRole("button", { name: "Add" }).click();
    // Saved: the form is blank again.
    await expect(form.getByLabel("Reason (optional)")).toHaveValue("");
    if (listed(date)) await expect(list).toContainText(reason);
  };
  // 02:30 does not exist on the spring-forward night: it is the instant after the gap, 03:30 summer time.
  await addTimeOff(springForward, "02:30", "04:00", "e2e DST gap");
  // 02:30 happens twice on the fall-back night: the first, still summer time.
  await addTimeOff(fallBack, "02:30", "03:30", "e2e DST repeat");
  // The page writes the gap's start as the clock read then (whenever the night is in the listed year).
  if (listed(springForward)) await expect(row("e2e DST gap")).toContainText(/at 03:30 – .* at 04:00/);

  // What the server stored, read back through the API with the admin's session.
  // From a day back (a change day may be today, its night already past) to the day after the later
  // one: at most 372 days, within the 400 the API serves at a time.
  const DAY = 24 * 60 * 60_000;
  const later = [springForward, fallBack].sort().at(-1)!;
  const window = { practitionerId, from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.parse(`${later}T12:00:00Z`) + DAY).toISOString() };
  const answer = await page.request.get(`/trpc/schedule.exceptions.list?input=${encodeURIComponent(JSON.stringify(window))}`);
  expect(answer.status()).toBe(200);
  const stored = ((await answer.json()) as { result: { data: Array<{ id: string; reason: string | null; startsAt: string; endsAt: string }> } }).result.data;
  const find = (reason: string) => stored.find((exception) => exception.reason === reason);
  // Europe changes its clocks at 01:00 UTC: summer time is UTC+2, winter time UTC+1.
  expect(find("e2e DST gap")).toMatchObject({ startsAt: `${springForward}T01:30:00.000Z`, endsAt: `${springForward}T02:00:00.000Z` });
  expect(find("e2e DST repeat")).toMatchObject({ startsAt: `${fallBack}T00:30:00.000Z`, endsAt: `${fallBack}T02:30:00.000Z` });

  // Leave the seed as it was for the other specs: with the page's button where the page lists it,
  // else through the API (the same-origin check wants the Origin header a browser sends).
  for (const [reason, date] of [["e2e DST gap", springForward], ["e2e DST repeat", fallBack]] as const) {
    if (listed(date)) {
      await row(reason).getByRole("button", { name: /^Remove time off/ }).click();
      await expect(row(reason)).toHaveCount(0);
    } else {
      const removed = await page.request.post("/trpc/schedule.exceptions.remove", { data: { exceptionId: find(reason)!.id }, headers: { origin: baseURL! } });
      expect(removed.status(), `removing ${reason}`).toBe(200);
    }
  }
});

test("a practitioner is offered no settings, and the settings address tells them why", async ({ page, checkpoint }) => {
  await signIn(page, staff("practitioner"));
  const nav = page.getByRole("navigation", { name: "Staff" });
  await expect(nav.getByRole("link").first()).toBeVisible();
  await expect(nav.getByRole("link", { name: "Clinic settings" })).toHaveCount(0);

  await page.goto("/app/settings/hours");
  await expect(page.getByRole("heading", { level: 1, name: "Clinic settings are for owners and admins" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save weekly hours" })).toHaveCount(0);
  await checkpoint(page, "refused");
});
