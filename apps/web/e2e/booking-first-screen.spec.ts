// The booking page's first screen, written by the server (ADR 0052): it works before (and without)
// the app's JavaScript, it is accessible, and the app's screen replaces it with the same services in the
// same place, without asking the API for the clinic again.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

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
