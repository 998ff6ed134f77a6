// Shared by the end-to-end tests: the stack's URL, and a checkpoint per step that runs axe-core
// (no serious or critical violations), saves a screenshot at desktop and phone width, and checks
// that nothing scrolls sideways on a 320 px phone.
/* eslint-disable no-restricted-properties -- test tooling: the URL comes from the global setup */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import { seriousFindings } from "./patient-checks";

export const ARTIFACTS = fileURLToPath(new URL("./artifacts", import.meta.url));
export const PHONE = { width: 375, height: 812 };
/** The narrowest phone we support: nothing may scroll sideways there. */
export const SMALLEST = { width: 320, height: 640 };

export const test = base.extend<{ checkpoint: (page: Page, step: string) => Promise<void> }>({
  baseURL: async ({}, use) => {
    const url = process.env.FRONTDESK_E2E_URL;
    if (!url) throw new Error("FRONTDESK_E2E_URL is not set: run through playwright.config.ts (global setup)");
    await use(url);
  },
  checkpoint: async ({}, use, testInfo) => {
    await use((page, step) => checkpoint(page, step, testInfo));
  },
});

export { expect };

async function checkpoint(page: Page, step: string, testInfo: TestInfo) {
  const folder = path.join(ARTIFACTS, testInfo.titlePath.slice(1).join(" - ").replace(/[^\w.-]+/g, "_").slice(0, 100));
  await mkdir(folder, { recursive: true });
  const desktop = page.viewportSize();
  // Let the focus move and any skeleton settle before judging the page.
  await page.waitForLoadState("networkidle");
  // axe injected once per page (patient-checks.ts): a second of AxeBuilder saved at each width.
  expect(await seriousFindings(page), `axe at desktop width, step "${step}"`).toEqual([]);
  await page.screenshot({ path: path.join(folder, `${step}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  expect(await seriousFindings(page), `axe at 375 px, step "${step}"`).toEqual([]);
  await page.screenshot({ path: path.join(folder, `${step}-phone.png`), fullPage: true });
  await page.setViewportSize(SMALLEST);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at 320 px, step "${step}"`).toBeLessThanOrEqual(SMALLEST.width);
  if (desktop) await page.setViewportSize(desktop);
}

// The staff specs' common start: the seeded demo staff (packages/db seed, one account per role at
// each demo clinic, one password), signing in, and days on the Paris clinic's calendar.
export const DEMO_PASSWORD = "frontdesk-demo";
export const PARIS_STAFF = {
  owner: "owner@demo-paris.frontdesk.test",
  receptionist: "receptionist@demo-paris.frontdesk.test",
} as const;

/**
 * Signs in from `path` (the staff area asks a visitor to sign in, then shows the page asked for)
 * and waits until the form is gone; from the calendar or the sign-in page, until the day calendar
 * is drawn.
 */
export async function signIn(page: Page, email: string, path = "/app/calendar") {
  await page.goto(path);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  if (path === "/app/calendar" || path === "/app/sign-in") await expect(page.getByRole("group", { name: "Day calendar" })).toBeVisible();
}

/** Today in Paris, whatever the machine's zone (the browser runs in Los Angeles). */
export function parisToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/**
 * The first `weekday` (0 Sunday … 6 Saturday) at least `daysAhead` days after today in Paris whose
 * `weeks` weekly repeats all miss the year's end (20 December to 1 January):
 * with `daysAhead` past the seeded appointments and other specs' days, a day only the calling spec books.
 */
export function quietDay(daysAhead: number, weekday: number, weeks = 1): string {
  const yearEnd = /-(12-2\d|12-3\d|01-01)$/;
  const repeats = (first: string) => Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
  let day = addDays(parisToday(), daysAhead);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== weekday || repeats(day).some((d) => yearEnd.test(d))) day = addDays(day, 1);
  return day;
}

/**
 * Types `date` into the Paris calendar's date field and waits for the address to follow. The
 * calendar leaves its own today out of the address, and a page already on today does not move:
 * just after midnight in Paris a patient's first free day is today.
 */
export async function goToDate(page: Page, date: string) {
  await page.getByLabel("Go to date").fill(date);
  await expect(page).toHaveURL((url) => (url.searchParams.get("date") ?? parisToday()) === date);
}

/**
 * On the booking page's "Choose a day" step (in English): opens the first day with free times
 * after passing over `skip` of them, this month or one of the next two, and returns its date.
 * Near a month's end the month shown may have none or too few left. With `skip: 2` the day is two
 * days away at least: its last time is past the clinic's 24 h notice for changes made online.
 */
export async function openFreeDay(page: Page, { skip = 0 } = {}): Promise<string> {
  const status = page.getByRole("status").filter({ hasText: /free times in|No free times/ });
  let left = skip;
  for (let month = 0; month < 3; month++) {
    await expect(status).not.toHaveText(/Loading/);
    const days = page.locator('[role="grid"] button[aria-disabled="false"]');
    const count = await days.count();
    if (left < count) {
      const day = days.nth(left);
      const date = (await day.getAttribute("data-date"))!;
      await day.click();
      return date;
    }
    left -= count;
    await page.getByRole("button", { name: "Next month" }).click();
  }
  throw new Error(`fewer than ${skip + 1} days with free times in three months`);
}

/** Picks the open day's last time (the first ones may pass the minimum notice while a test runs); returns it as shown, e.g. "17:30". */
export async function pickLastTime(page: Page): Promise<string> {
  const last = page.getByRole("group").getByRole("button").last();
  const time = (await last.innerText()).split("\n")[0]!.trim();
  await last.click();
  return time;
}
