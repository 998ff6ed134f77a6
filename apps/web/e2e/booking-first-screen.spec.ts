// The booking page's first screen, written by the server (ADR 0052), and the practitioner and time
// steps its links open (ADR 0063): they work before (and without) the app's JavaScript, they are
// accessible, and the app's screen replaces each with the same choices in the same place, without
// asking the API for the clinic (or the month's free times) again.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { catalogue, englishLeft, seriousFindings } from "./patient-checks";

const fr = JSON.parse(readFileSync(new URL("../src/i18n/locales/fr.json", import.meta.url), "utf8")) as Record<string, string>;
const de = JSON.parse(readFileSync(new URL("../src/i18n/locales/de.json", import.meta.url), "utf8")) as Record<string, string>;

test.describe("before the app runs", () => {
  // The app's scripts never arrive: what the patient has is the page the server wrote.
  test.beforeEach(async ({ page }) => {
    await page.route(/\/assets\/[^/]*\.js$/, (route) => route.abort());
  });

  test("the services are links to the next step, in the clinic's language, and accessible", async ({ page }) => {
    await page.goto("/book/demo-paris");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: fr["booking.service.heading"] })).toBeVisible();
    const first = page.getByRole("link", { name: /^Consultation/ });
    await expect(first).toHaveAttribute("href", /^\/book\/demo-paris\?step=practitioner&service=[0-9a-f-]{36}$/);
    const violations = (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze()).violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  test("the service's link opens the practitioners, and first available the month's free days, all written by the server and accessible", async ({ page }) => {
    const axe = async () =>
      (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze()).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id);
    await page.goto("/book/demo-paris");
    await page.getByRole("link", { name: /^Consultation/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: fr["booking.practitioner.heading"] })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toHaveText(fr["booking.step.practitioner"]!);
    await expect(page.getByRole("complementary").getByText(/^Consultation/)).toBeVisible();
    expect(await axe()).toEqual([]);
    const firstAvailable = page.getByRole("link", { name: new RegExp(`^${fr["common.firstAvailable"]}`) });
    await expect(firstAvailable).toHaveAttribute("href", /^\/book\/demo-paris\?step=time&service=[0-9a-f-]{36}&practitioner=any$/);
    await firstAvailable.click();
    await expect(page.getByRole("heading", { level: 2, name: fr["slots.heading"] })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toHaveText(fr["booking.step.time"]!);
    await expect(page.locator('[role="grid"] button[aria-disabled="false"]').first()).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/jours? avec des créneaux libres/);
    expect(await axe()).toEqual([]);
    // Back walks the written steps too.
    await page.goBack();
    await expect(page.getByRole("heading", { level: 2, name: fr["booking.practitioner.heading"] })).toBeVisible();
  });

  test("every written step, in every language, at 375 px and on a desktop, light and dark: no serious axe finding, no English left", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/book/demo-paris");
    const practitionerStep = new URL((await page.getByRole("link", { name: /^Consultation/ }).getAttribute("href"))!, "http://x");
    await page.goto(practitionerStep.pathname + practitionerStep.search);
    const timeStep = new URL((await page.getByRole("link", { name: new RegExp(`^${fr["common.firstAvailable"]}`) }).getAttribute("href"))!, "http://x");
    const findings: string[] = [];
    for (const language of ["en", "fr", "de", "es"]) {
      const text = catalogue(language);
      for (const [name, address] of [
        ["services", `/book/demo-paris?lang=${language}`],
        ["practitioners", `${practitionerStep.pathname}${practitionerStep.search}&lang=${language}`],
        ["month", `${timeStep.pathname}${timeStep.search}&lang=${language}`],
      ] as const) {
        await page.goto(address);
        await expect(page.locator("#root[data-first-screen] h2").first()).toBeVisible();
        if (language !== "en") for (const left of await englishLeft(page, text)) findings.push(`${name} (${language}): English left: "${left}"`);
        for (const colorScheme of ["light", "dark"] as const) {
          for (const width of [375, 1280]) {
            await page.emulateMedia({ colorScheme });
            await page.setViewportSize({ width, height: 800 });
            for (const finding of await seriousFindings(page)) findings.push(`${name} (${language}, ${colorScheme}, ${width} px): ${finding}`);
          }
        }
      }
    }
    expect(findings).toEqual([]);
  });

  test("the written language switcher opens the same step in the chosen language", async ({ page }) => {
    await page.goto("/book/demo-paris");
    await page.getByRole("link", { name: /^Consultation/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: fr["booking.practitioner.heading"] })).toBeVisible();
    await page.getByLabel(fr["language.label"]!).selectOption({ label: "Deutsch" });
    await expect(page).toHaveURL(/\?step=practitioner&service=[0-9a-f-]{36}&lang=de$/);
    await expect(page.getByRole("heading", { level: 2, name: de["booking.practitioner.heading"] })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    // As the app's switcher does, the language replaces the history entry: Back is the services.
    await page.goBack();
    await expect(page.getByRole("heading", { level: 2, name: fr["booking.service.heading"] })).toBeVisible();
  });

  test("a picked language is spoken and kept by the links", async ({ page }) => {
    await page.goto("/book/demo-paris?lang=de");
    await expect(page.getByRole("heading", { level: 2, name: de["booking.service.heading"] })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Consultation/ })).toHaveAttribute("href", /&lang=de$/);
  });
});

test("the app takes over the same services in the same place, with the clinic that came with the page", async ({ page }) => {
  const clinicRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/trpc/public.clinic")) clinicRequests.push(request.url());
  });
  // The app's entry waits until the first screen has been read: the test sees both, every time.
  let release = () => {};
  const firstScreenRead = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await firstScreenRead;
    await route.continue();
  });
  // Not "domcontentloaded": that waits for the module scripts, which are held back.
  await page.goto("/book/demo-paris", { waitUntil: "commit" });
  await expect(page.locator("#main ul > li > a").last()).toBeAttached();
  const services = page.locator("#main ul > li > :is(a, button)");
  const read = () => services.evaluateAll((items) => items.map((item) => ({ tag: item.tagName, text: item.textContent, top: Math.round(item.getBoundingClientRect().top) })));
  const written = await read();
  expect(written.length).toBeGreaterThan(1);
  expect(written.every((item) => item.tag === "A")).toBe(true);
  release();
  await expect(page.locator("#main ul > li > button[aria-pressed]").first()).toBeVisible();
  const app = await read();
  expect(app).toEqual(written.map((item) => ({ ...item, tag: "BUTTON" })));
  await expect(page.locator("#frontdesk-clinic")).toHaveCount(0);
  expect(clinicRequests).toEqual([]);

  // And it books on as before: the first service leads to the practitioners.
  await services.first().click();
  await expect(page.getByRole("heading", { level: 2, name: fr["booking.practitioner.heading"] })).toBeVisible();
});

test("a written link opens the next step, where the app takes over", async ({ browser, baseURL, page }) => {
  const withoutScripts = await browser.newContext({ baseURL });
  const plain = await withoutScripts.newPage();
  await plain.route(/\/assets\/[^/]*\.js$/, (route) => route.abort());
  await plain.goto("/book/demo-paris");
  const href = await plain.getByRole("link", { name: /^Consultation/ }).getAttribute("href");
  await withoutScripts.close();
  await page.goto(href ?? "");
  await expect(page.getByRole("heading", { level: 2, name: fr["booking.practitioner.heading"] })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^${fr["common.firstAvailable"]}`) })).toBeVisible();
});

test("the app takes over the written time step with the same days in the same place, from the free times that came with the page", async ({ browser, baseURL, page }) => {
  // The time step's address, as the written practitioner step links it.
  const withoutScripts = await browser.newContext({ baseURL });
  const plain = await withoutScripts.newPage();
  await plain.route(/\/assets\/[^/]*\.js$/, (route) => route.abort());
  await plain.goto("/book/demo-paris");
  await plain.getByRole("link", { name: /^Consultation/ }).click();
  const href = await plain.getByRole("link", { name: new RegExp(`^${fr["common.firstAvailable"]}`) }).getAttribute("href");
  await withoutScripts.close();

  const slotsRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/trpc/public.slots") || request.url().includes("/trpc/public.clinic")) slotsRequests.push(request.url());
  });
  let release = () => {};
  const firstScreenRead = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await firstScreenRead;
    await route.continue();
  });
  await page.goto(href ?? "", { waitUntil: "commit" });
  const days = page.locator('[role="grid"] button');
  await expect(page.locator("#first-screen-month")).toBeAttached();
  await expect(days.last()).toBeAttached();
  const read = () =>
    days.evaluateAll((items) =>
      items.map((item) => ({ date: item.getAttribute("data-date"), free: item.getAttribute("aria-disabled"), label: item.getAttribute("aria-label"), top: Math.round(item.getBoundingClientRect().top) })),
    );
  const written = await read();
  expect(written.some((day) => day.free === "false")).toBe(true);
  release();
  // The app's month: its heading has the app's own id.
  await expect(page.locator("#first-screen-month")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 3 })).toBeVisible();
  expect(await read()).toEqual(written);
  await expect(page.locator("#frontdesk-slots")).toHaveCount(0);
  expect(slotsRequests).toEqual([]);

  // And a day works as before: its times show.
  await days.and(page.locator('[aria-disabled="false"]')).first().click();
  await expect(page.getByRole("heading", { level: 3, name: /^Choisissez une heure/ })).toBeVisible();
});

test("every inline script of the page runs under its security policy (the route preloads, the clinic request)", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => w.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto("/book/demo-paris");
  await expect(page.locator("#main ul > li > button[aria-pressed]").first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
