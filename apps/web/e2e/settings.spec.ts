// Clinic settings against the real server: an admin's change to a practitioner's week reaches the
// public booking page, every settings screen passes axe, and a practitioner is kept out.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The seeded demo staff (packages/db seed): one account per role at each demo clinic.
const PASSWORD = "frontdesk-demo";
const staff = (role: string) => `${role}@demo-paris.frontdesk.test`;
// Dr Haddad: the other specs book with Dr Martin and Dr Lefèvre. Her Sundays are free in the seed,
// and this test gives her Sunday back before it ends.
const PRACTITIONER = "Dr Yasmine Haddad";

async function signIn(page: Page, role: string) {
  await page.goto("/app/sign-in");
  await page.getByLabel("E-mail address").fill(staff(role));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app\/calendar/);
}

/** The next Sunday at least three days away on the clinic's calendar (clear of the minimum notice). */
function comingSunday(): string {
  const todayInParis = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const day = new Date(`${todayInParis}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 3);
  while (day.getUTCDay() !== 0) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** How many free times the public booking page offers with the practitioner on `date`. */
async function publicFreeTimes(page: Page, date: string): Promise<number> {
  await page.goto("/book/demo-paris");
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

    await signIn(page, "admin");
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

test("a practitioner is offered no settings, and the settings address tells them why", async ({ page, checkpoint }) => {
  await signIn(page, "practitioner");
  const nav = page.getByRole("navigation", { name: "Staff" });
  await expect(nav.getByRole("link").first()).toBeVisible();
  await expect(nav.getByRole("link", { name: "Clinic settings" })).toHaveCount(0);

  await page.goto("/app/settings/hours");
  await expect(page.getByRole("heading", { level: 1, name: "Clinic settings are for owners and admins" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save weekly hours" })).toHaveCount(0);
  await checkpoint(page, "refused");
});
