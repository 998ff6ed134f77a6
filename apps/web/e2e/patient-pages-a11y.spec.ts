// Every patient page, in every language, at 375 px and at desktop width, in light and dark mode:
// axe finds no serious or critical issue (issue 20; see OTHER_LANGUAGES_LOOKS for what the other languages get). The booking flow is walked once (in English,
// on a service that asks intake questions) to reach each step's address; each address is then
// opened in each language, and judged in both colour schemes at both widths without reloading.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, PHONE, test } from "./fixtures";

const LANGUAGES = ["en", "fr", "de", "es"] as const;
const DESKTOP = { width: 1280, height: 800 };
const catalogue = (language: string) => JSON.parse(readFileSync(new URL(`../src/i18n/locales/${language}.json`, import.meta.url), "utf8")) as Record<string, string>;
/** A service no other browser test books online: it gets an intake question here. */
const SERVICE = "Première consultation";

async function serious(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

type Look = { colorScheme: "light" | "dark"; size: { width: number; height: number } };
/** Both schemes at both widths. */
const EVERY_LOOK: Look[] = [
  { colorScheme: "light", size: DESKTOP },
  { colorScheme: "light", size: PHONE },
  { colorScheme: "dark", size: PHONE },
  { colorScheme: "dark", size: DESKTOP },
];
/**
 * On two shared cores one axe run takes seconds: the other languages (same styles, other words)
 * are judged in the look where a longer word or a colour is likeliest to fail, dark on a phone.
 * Set FULL to every language for the whole matrix (about 15 minutes here).
 */
const OTHER_LANGUAGES_LOOKS: Look[] = [EVERY_LOOK[2]!];
const FULL: readonly string[] = ["en"];

/** The page as it is now, judged in each look; every finding is named. */
async function judge(page: Page, label: string, looks: Look[], findings: string[]) {
  await page.waitForLoadState("networkidle");
  for (const { colorScheme, size } of looks) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(size);
    for (const finding of await serious(page)) {
      findings.push(`${label}, ${colorScheme}, ${size.width} px: ${finding}`);
      // Every finding at once, not only the first (the assertion comes after the last page).
      process.stdout.write(`${findings.at(-1)}\n`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(DESKTOP);
}

async function signedInContext(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/app/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill("frontdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app\/calendar/);
  const call = async (procedure: string, input: unknown) => {
    const answer = await context.request.post(`/trpc/${procedure}`, { data: input, headers: { origin: baseURL } });
    expect(answer.status(), `${procedure}: ${await answer.text()}`).toBe(200);
  };
  return { context, call };
}

const withLanguage = (address: string, language: string) => {
  const url = new URL(address);
  url.searchParams.set("lang", language);
  return url.pathname + url.search;
};

test("axe finds no serious issue on any patient page, in any language, width or colour scheme", async ({ page, browser, baseURL }) => {
  test.setTimeout(900_000);
  const clinic = (await (await page.request.get("/api/v1/clinics/demo-paris")).json()) as { services: Array<{ id: string; name: string }> };
  const serviceId = clinic.services.find((s) => s.name === SERVICE)!.id;
  const admin = await signedInContext(browser, baseURL!, "admin@demo-paris.frontdesk.test");
  await admin.call("intake.saveForm", {
    serviceId,
    basedOnVersion: null,
    questions: [
      { id: "allergies", kind: "short_text", label: "Any allergies?", help: "Medicines, latex, food", required: true },
      { id: "first", kind: "yes_no", label: "Is this your first visit?", required: false },
    ],
  });
  await admin.context.close();
  // A clinic whose online booking is off, for the "booking closed" page (switched back at the end).
  const owner = await signedInContext(browser, baseURL!, "owner@demo-newyork.frontdesk.test");
  await owner.call("clinic.flags.set", { name: "onlineBooking", value: false });

  const en = catalogue("en");
  const findings: string[] = [];
  /** Each step's address (in English), reached by booking as a patient would. */
  const steps: Array<{ name: string; url: string; ready?: (page: Page, text: Record<string, string>) => Promise<void> }> = [];
  const here = () => page.url();
  try {
    await page.goto("/book/demo-paris?lang=en");
    steps.push({ name: "service", url: here() });
    await page.getByRole("button", { name: new RegExp(`^${SERVICE}`) }).click();
    await expect(page.getByRole("heading", { name: "Choose a practitioner" })).toBeFocused();
    steps.push({ name: "practitioner", url: here() });
    await page.getByRole("button", { name: /^First available/ }).click();
    await expect(page.getByRole("heading", { name: "Choose a day" })).toBeFocused();
    /** The third day with free times (clear of the clinic's notice), this month or a later one. */
    const openFreeDay = async (on: Page, text: Record<string, string>) => {
      for (let month = 0; month < 3; month++) {
        // The month's free days have arrived once its summary no longer says it is loading.
        await expect(on.getByRole("status").filter({ hasText: /\d/ }).first()).toBeVisible();
        await on.waitForLoadState("networkidle");
        const day = on.locator('[role="grid"] button[aria-disabled="false"]').nth(2);
        if ((await day.count()) > 0) {
          await day.click();
          await expect(on.getByRole("group").getByRole("button").first()).toBeVisible();
          return;
        }
        await on.getByRole("button", { name: text["slots.nextMonth"] }).click({ timeout: 10_000 });
      }
      throw new Error("no free day in three months");
    };
    steps.push({ name: "time", url: here(), ready: openFreeDay });
    steps.push({
      name: "waitlist join",
      url: here(),
      ready: async (on, text) => {
        await on.getByRole("button", { name: text["waitlist.open"] }).click();
        await expect(on.getByRole("form")).toBeVisible();
      },
    });
    await openFreeDay(page, en);
    await page.getByRole("group").getByRole("button").last().click();
    await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();
    steps.push({ name: "details", url: here() });
    await page.getByLabel("Full name").fill("Ada Axe");
    await page.getByLabel("E-mail").fill(`ada.axe.${Date.now()}@example.test`);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "A few questions before your visit" })).toBeVisible();
    steps.push({ name: "intake", url: here() });
    await page.getByLabel(/^Any allergies\?/).fill("None");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Confirm your appointment" })).toBeVisible();
    steps.push({ name: "confirm", url: here() });
    await page.getByRole("button", { name: en["confirm.book"] }).click();
    await expect(page.getByRole("heading", { name: "You're booked" })).toBeFocused();
    steps.push({ name: "booked", url: here() });
    const manage = new URL((await page.getByRole("link", { name: "Change or cancel" }).getAttribute("href"))!, baseURL).href;
    steps.push({ name: "manage link, with its intake answers", url: manage });
    steps.push({ name: "booking closed", url: new URL("/book/demo-newyork?lang=en", baseURL).href });

    for (const step of steps) {
      for (const language of LANGUAGES) {
        await page.goto(withLanguage(step.url, language));
        await expect(page.locator("h1").first()).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${language}`));
        await step.ready?.(page, catalogue(language));
        await judge(page, `${step.name} (${language})`, FULL.includes(language) ? EVERY_LOOK : OTHER_LANGUAGES_LOOKS, findings);
      }
    }
    // The message links' pages (reminder's confirm, opt-out, waitlist offer) speak English only
    // today: judged once each, with a link that is no longer valid.
    for (const [name, address] of [
      ["waitlist offer", "/waitlist/expired-or-unknown-offer-token"],
      ["confirm link", "/confirm/expired-or-unknown-confirm-token"],
      ["opt-out link", "/opt-out/expired-or-unknown-opt-out-token"],
    ] as const) {
      await page.goto(address);
      await expect(page.locator("h1").first()).toBeVisible();
      await judge(page, name, EVERY_LOOK, findings);
    }
  } finally {
    await owner.call("clinic.flags.set", { name: "onlineBooking", value: null });
    await owner.context.close();
  }
  expect(findings).toEqual([]);
});
