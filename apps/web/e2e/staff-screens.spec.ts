// Every staff screen at a desktop's 1440 px and a tablet's 1024 px (issue 21): no serious or
// critical axe finding, and a screenshot of each. The screens are the staff routes of the web app
// (src/staff/*/routes.ts); the calendar's views, the patients list, the hours and the checklist are
// judged at these widths, with their work, by reception-desk.spec.ts, the audit log by
// audit.spec.ts. Screens only: each spec that works in a screen judges its dialogs.
import type { Page } from "@playwright/test";
import { expect, PARIS_STAFF, signIn, test } from "./fixtures";
import { judge } from "./judge";

const SCREENS = "staff-screens";

/** Waits until the screen has drawn what it loads (no skeleton, no "Loading…"). */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

async function visit(page: Page, path: string, name: string, title: RegExp) {
  await page.goto(path);
  await settled(page);
  await expect(page).toHaveTitle(title);
  await judge(page, SCREENS, name, undefined, () => settled(page));
}

test("the screens before signing in pass axe at 1440 and 1024 px", async ({ page }) => {
  for (const [path, name, heading] of [
    ["/app/sign-in", "sign-in", "Sign in to Frontdesk"],
    ["/app/sign-up", "sign-up", "Create your Frontdesk account"],
    ["/app/forgot-password", "forgot-password", /password/i],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await judge(page, SCREENS, name);
  }
});

test("every screen an owner can open passes axe at 1440 and 1024 px", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, PARIS_STAFF.owner);

  const clinic = / · Cabinet Demo Paris$/;
  await visit(page, "/app/waitlist", "waitlist", clinic);
  await visit(page, "/app/account", "account", clinic);
  // A patient's record, opened from the list.
  await page.goto("/app/patients?q=moreau");
  await page.getByRole("list", { name: "Patients" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/app\/patients\/[0-9a-f-]{36}$/);
  await settled(page);
  await judge(page, SCREENS, "patient-record", undefined, () => settled(page));

  for (const [section, name] of [
    ["", "settings-clinic"],
    ["/practitioners", "settings-practitioners"],
    ["/services", "settings-services"],
    ["/staff", "settings-staff"],
    ["/security", "settings-security"],
    ["/notifications", "settings-reminders"],
    ["/templates", "settings-templates"],
    ["/failures", "settings-failed-deliveries"],
    ["/webhooks", "settings-webhooks"],
    ["/api-keys", "settings-api-keys"],
    ["/features", "settings-features"],
    ["/calendar-feeds", "settings-calendar-feeds"],
    ["/intake", "settings-intake"],
  ] as const) {
    await visit(page, `/app/settings${section}`, name, clinic);
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  }
});

test("a practitioner reaches their calendar feeds from the navigation, and makes their own", async ({ page }) => {
  await signIn(page, "practitioner@demo-paris.frontdesk.test");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Calendar feeds" }).click();
  await expect(page).toHaveURL(/\/app\/calendar-feeds$/);
  await expect(page.getByRole("heading", { level: 1, name: "Calendar feeds" })).toBeVisible();
  await expect(page).toHaveTitle("Calendar feeds · Cabinet Demo Paris");
  // Their own calendar only: the whole clinic's is for owners and admins.
  const calendar = page.getByRole("combobox", { name: "Calendar", exact: true });
  await expect(calendar.locator("option")).toHaveCount(1);
  await page.getByRole("button", { name: "Create feed" }).click();
  await expect(page.getByTestId("new-feed-url")).toHaveText(/\/ical\/.+\.ics$/);
  await judge(page, SCREENS, "practitioner-calendar-feeds");
});
