// Every patient page, in every language, at 375 px and at desktop width, in light and dark mode:
// axe finds no serious or critical issue, nothing scrolls sideways on the phone, and (in French,
// German and Spanish) no English sentence of the catalogue is left (issue 20, ADR 0059). The
// booking flow is walked once (in English, on a service that asks intake questions) to reach each
// step's address; each address is then opened in each language, and judged in both colour schemes
// at both widths without reloading. About 3 minutes here, more under load (ADR 0059).
import type { Browser, Page } from "@playwright/test";
import { expect, PHONE, test } from "./fixtures";
import { codeIn, mailTo } from "./mail";
import { catalogue, englishLeft, seriousFindings, settled, type Catalogue } from "./patient-checks";

const LANGUAGES = ["en", "fr", "de", "es"] as const;
const DESKTOP = { width: 1280, height: 800 };
/** A service no other browser test books online: it gets an intake question here. */
const SERVICE = "Première consultation";

type Look = { colorScheme: "light" | "dark"; size: { width: number; height: number } };
/** Both schemes at both widths, in an order that changes one thing at a time. */
const EVERY_LOOK: Look[] = [
  { colorScheme: "light", size: DESKTOP },
  { colorScheme: "light", size: PHONE },
  { colorScheme: "dark", size: PHONE },
  { colorScheme: "dark", size: DESKTOP },
];

/** The page as it is now, judged in each look; every finding is named. */
async function judge(page: Page, label: string, findings: string[]) {
  const found = (finding: string) => {
    findings.push(`${label}: ${finding}`);
    // Every finding at once, not only the first (the assertion comes after the last page).
    process.stdout.write(`${findings.at(-1)}\n`);
  };
  for (const { colorScheme, size } of EVERY_LOOK) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(size);
    for (const finding of await seriousFindings(page)) found(`${colorScheme}, ${size.width} px: ${finding}`);
    if (size === PHONE) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) found(`${colorScheme}, ${size.width} px: the page is ${width} px wide and scrolls sideways`);
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

/** The third day with free times (clear of the clinic's notice), this month or a later one, open. */
async function openFreeDay(page: Page, text: Catalogue) {
  await expect(page.locator('[role="grid"]')).toBeVisible();
  for (let month = 0; month < 3; month++) {
    // The month's free days have arrived once the grid is no longer busy.
    await expect(page.locator('[role="grid"][aria-busy]')).toHaveCount(0);
    const day = page.locator('[role="grid"] button[aria-disabled="false"]').nth(2);
    if ((await day.count()) > 0) {
      await day.click();
      await expect(page.getByRole("group").getByRole("button").first()).toBeVisible();
      return;
    }
    await page.getByRole("button", { name: text["slots.nextMonth"] }).click({ timeout: 10_000 });
  }
  throw new Error("no free day in three months");
}

/** A patient page: the tab it opens in, and how it is reached in a language. */
type PatientPage = { name: string; tab: Page; url: string; ready?: (page: Page, text: Catalogue) => Promise<void> };

test("axe finds no serious issue on any patient page, in any language, width or colour scheme", async ({ page, browser, baseURL }) => {
  test.setTimeout(600_000);
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
  // The patient's own list is judged in a tab of its own: signed out first, then signed in.
  const patient = await browser.newContext({ baseURL: baseURL!, viewport: DESKTOP });
  const patientTab = await patient.newPage();

  const en = catalogue("en");
  const email = `ada.axe.${Date.now()}@example.test`;
  const findings: string[] = [];
  const judgeInEveryLanguage = async (pages: PatientPage[]) => {
    for (const { name, tab, url, ready } of pages) {
      for (const language of LANGUAGES) {
        const text = catalogue(language);
        await tab.goto(withLanguage(url, language));
        await expect(tab.locator("h1").first()).toBeVisible();
        await expect(tab.locator("html")).toHaveAttribute("lang", new RegExp(`^${language}`));
        await ready?.(tab, text);
        await settled(tab);
        if (language !== "en") for (const left of await englishLeft(tab, text)) findings.push(`${name} (${language}): English left: "${left}"`);
        await judge(tab, `${name} (${language})`, findings);
      }
    }
  };
  try {
    /** Each step's address (in English), reached by booking as a patient would. */
    const steps: PatientPage[] = [];
    const step = (name: string, ready?: PatientPage["ready"]) => steps.push({ name, tab: page, url: page.url(), ...(ready ? { ready } : {}) });
    await page.goto("/book/demo-paris?lang=en");
    // The server's first screen has the services as links; the app's own page, as buttons.
    const service = (on: Page) => expect(on.getByRole("button", { name: new RegExp(`^${SERVICE}`) })).toBeVisible();
    step("service", service);
    await page.getByRole("button", { name: new RegExp(`^${SERVICE}`) }).click();
    await expect(page.getByRole("heading", { name: "Choose a practitioner" })).toBeFocused();
    step("practitioner");
    await page.getByRole("button", { name: /^First available/ }).click();
    await expect(page.getByRole("heading", { name: "Choose a day" })).toBeFocused();
    step("time", openFreeDay);
    step("waitlist join", async (on, text) => {
      await on.getByRole("button", { name: text["waitlist.open"] }).click();
      await expect(on.getByRole("form")).toBeVisible();
    });
    await openFreeDay(page, en);
    await page.getByRole("group").getByRole("button").last().click();
    await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();
    step("details");
    await page.getByLabel("Full name").fill("Ada Axe");
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "A few questions before your visit" })).toBeVisible();
    step("intake");
    await page.getByLabel(/^Any allergies\?/).fill("None");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Confirm your appointment" })).toBeVisible();
    step("confirm");
    await page.getByRole("button", { name: en["confirm.book"] }).click();
    await expect(page.getByRole("heading", { name: "You're booked" })).toBeFocused();
    step("booked");
    const manage = new URL((await page.getByRole("link", { name: "Change or cancel" }).getAttribute("href"))!, baseURL).href;
    steps.push({ name: "manage link, with its intake answers", tab: page, url: manage });
    steps.push({ name: "booking closed", tab: page, url: new URL("/book/demo-newyork?lang=en", baseURL).href });
    const myAppointments = new URL("/book/demo-paris/my?lang=en", baseURL).href;
    steps.push({ name: "my appointments, signing in", tab: patientTab, url: myAppointments });
    steps.push({
      name: "my appointments, the code",
      tab: patientTab,
      url: myAppointments,
      ready: async (on, text) => {
        // Another address each time: asking for codes is throttled per address.
        await on.getByLabel(text["details.email"]!).fill(`nobody.${crypto.randomUUID().slice(0, 8)}@example.test`);
        await on.getByRole("button", { name: text["my.sendCode"] }).click();
        await expect(on.getByRole("heading", { name: text["my.codeHeading"] })).toBeFocused();
      },
    });
    await judgeInEveryLanguage(steps);

    // Signed in as the patient who booked above: their list, with the appointment on it.
    await patientTab.goto(myAppointments);
    await patientTab.getByLabel("E-mail").fill(email);
    await patientTab.getByRole("button", { name: en["my.sendCode"] }).click();
    await patientTab.getByLabel(en["my.code"]!).fill(codeIn(await mailTo(email, /sign-in code/)));
    await patientTab.getByRole("button", { name: en["my.signIn"] }).click();
    await expect(patientTab.getByRole("region", { name: en["my.upcoming"] }).getByRole("listitem")).toHaveCount(1);
    await judgeInEveryLanguage([{ name: "my appointments, the list", tab: patientTab, url: myAppointments }]);

    // The message links' pages (reminder's confirm, opt-out, waitlist offer), each with a link that
    // is no longer valid: the offer's page has asked and says the link did not work.
    const offerAnswered: PatientPage["ready"] = (on, text) => expect(on.getByRole("alert")).toContainText(text["link.failed"]!);
    await judgeInEveryLanguage([
      { name: "waitlist offer", tab: page, url: new URL("/waitlist/expired-or-unknown-offer-token", baseURL).href, ready: offerAnswered },
      { name: "confirm link", tab: page, url: new URL("/confirm/expired-or-unknown-confirm-token", baseURL).href },
      { name: "opt-out link", tab: page, url: new URL("/opt-out/expired-or-unknown-opt-out-token", baseURL).href },
    ]);
  } finally {
    await owner.call("clinic.flags.set", { name: "onlineBooking", value: null });
    await owner.context.close();
    await patient.close();
  }
  expect(findings).toEqual([]);
});

test("the page checks find what they look for: low contrast in both schemes, a sideways scroll on the phone, English in French", async ({ page }) => {
  await page.goto("/book/demo-newyork?lang=fr");
  await expect(page.locator("h1").first()).toBeVisible();
  await settled(page);
  await page.evaluate(() => {
    const sentence = document.createElement("p");
    sentence.textContent = "Choose a practitioner";
    sentence.style.cssText = "color: #777; background: #888";
    const wide = document.createElement("p");
    wide.textContent = "Terminvereinbarungsbestätigungsnachricht";
    wide.style.cssText = "width: 30rem";
    document.body.append(sentence, wide);
  });
  const findings: string[] = [];
  await judge(page, "planted", findings);
  expect(findings.filter((finding) => finding.includes("color-contrast"))).toHaveLength(EVERY_LOOK.length);
  expect(findings.filter((finding) => finding.includes("scrolls sideways"))).toHaveLength(2);
  expect(await englishLeft(page, catalogue("fr"))).toContain("Choose a practitioner");
});
