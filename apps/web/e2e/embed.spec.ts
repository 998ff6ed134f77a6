// The booking widget on a clinic's own website (ADR 0051): pages served from two other local
// origins (ports started here) embed the booking page with /embed.js. On the registered origin the
// frame books and takes its content's height, and the "Book" link opens it in a dialog; on an
// unregistered origin Chromium refuses to show it (CSP frame-ancestors).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FrameLocator, Page } from "@playwright/test";
import { expect, PHONE, test } from "./fixtures";

/** A tiny website: `/inline` and `/button` carry the snippets the settings screen gives. */
async function startWebsite(frontdesk: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const booking = `${frontdesk}/book/demo-paris`;
  const script = `<script src="${frontdesk}/embed.js" async></script>`;
  const pages: Record<string, string> = {
    "/inline": `<h1>Our clinic</h1><div data-frontdesk-booking="${booking}?lang=en"></div>${script}`,
    "/button": `<h1>Our clinic</h1><p><a href="${booking}?lang=en" data-frontdesk-dialog>Book an appointment</a></p>${script}`,
  };
  const server: Server = createServer((request, response) => {
    const body = pages[request.url ?? ""];
    response.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(body ? `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Clinic site</title></head><body>${body}</body></html>` : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let registered: Awaited<ReturnType<typeof startWebsite>>;
let unregistered: Awaited<ReturnType<typeof startWebsite>>;

test.beforeAll(async ({ baseURL }) => {
  registered = await startWebsite(baseURL!);
  unregistered = await startWebsite(baseURL!);
});
test.afterAll(async () => {
  await registered.close();
  await unregistered.close();
});

async function registerOrigin(page: Page, origin: string) {
  await page.goto("/app/sign-in");
  await page.getByLabel("E-mail address").fill("owner@demo-paris.frontdesk.test");
  await page.getByLabel("Password").fill("frontdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app\/calendar/);
  await page.goto("/app/settings/embed");
  await page.getByLabel("Websites that may show your booking page").fill(origin);
  await page.getByRole("button", { name: "Save websites" }).click();
  await expect(page.getByRole("status")).toHaveText("Websites saved");
}

/** The last free time of the third day with free times (clear of the clinic's notice), in the frame. */
async function chooseTime(frame: FrameLocator) {
  const status = frame.getByRole("status").filter({ hasText: /free times in|No free times/ });
  await expect(status).not.toHaveText(/Loading/);
  let skip = 2;
  for (let month = 0; month < 3; month++) {
    for (const day of await frame.locator('[role="grid"] button[aria-disabled="false"]').all()) {
      if (!/\d+ free times?$/.test((await day.getAttribute("aria-label")) ?? "") || skip-- > 0) continue;
      await day.click();
      await frame.getByRole("group").getByRole("button").last().click();
      return;
    }
    await frame.getByRole("button", { name: "Next month" }).click();
    await expect(status).not.toHaveText(/Loading/);
  }
  throw new Error("no free day in three months");
}

/** The frame's height on the website, and its page's own height. */
async function heights(page: Page, frame: FrameLocator) {
  const outer = await page.locator("iframe").evaluate((element) => element.getBoundingClientRect().height);
  const inner = await frame.locator("html").evaluate((element) => Math.ceil(element.getBoundingClientRect().height));
  return { outer: Math.round(outer), inner };
}

test("the widget books on the clinic's registered website, on a phone, and takes its content's height", async ({ page }) => {
  await registerOrigin(page, registered.origin);
  await page.setViewportSize(PHONE);
  await page.goto(`${registered.origin}/inline`);
  const frame = page.frameLocator("iframe[title='Book an appointment']");
  await expect(frame.getByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeVisible();
  // Sized to the page (not the snippet's first 40rem), and again after each step changes it.
  await expect.poll(async () => { const h = await heights(page, frame); return Math.abs(h.outer - h.inner) <= 1 && h.outer !== 640; }).toBe(true);
  const first = (await heights(page, frame)).outer;
  // Nothing scrolls sideways inside the frame on a 375 px phone.
  expect(await frame.locator("html").evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

  await frame.getByRole("button", { name: /^Consultation 30 min/ }).click();
  await frame.getByRole("button", { name: "Dr Claire Martin" }).click();
  await expect(frame.getByRole("heading", { name: "Choose a day" })).toBeFocused();
  await expect.poll(async () => (await heights(page, frame)).outer).not.toBe(first);
  await chooseTime(frame);
  await expect(frame.getByRole("heading", { name: "Your details" })).toBeFocused();
  await frame.getByLabel("Full name").fill("Widget Patient");
  await frame.getByLabel("E-mail").fill("widget.patient@example.test");
  await frame.getByRole("button", { name: "Continue" }).click();
  await frame.getByRole("button", { name: "Confirm booking" }).click();
  await expect(frame.getByRole("heading", { name: "You're booked" })).toBeFocused();
  await expect(frame.getByText("Consultation with Dr Claire Martin")).toBeVisible();
  await expect.poll(async () => { const h = await heights(page, frame); return Math.abs(h.outer - h.inner) <= 1; }).toBe(true);
});

test("a website the clinic did not register cannot frame the booking page", async ({ page }) => {
  const answers: Array<string | null> = [];
  page.on("response", (response) => {
    if (response.url().includes("/book/demo-paris")) answers.push(response.headers()["content-security-policy"] ?? null);
  });
  await page.goto(`${unregistered.origin}/inline`);
  // Chromium blocks the framed document and shows its error page in the frame instead.
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url() ?? "").toMatch(/^chrome-error:/);
  expect(answers.length).toBeGreaterThan(0);
  expect(answers[0]).toContain("frame-ancestors 'self' ");
  expect(answers[0]).not.toContain(unregistered.origin);
  // Never sized: no message came from the page.
  expect(await page.locator("iframe").evaluate((element) => element.style.height)).toBe("40rem");
});

test("the Book link opens the widget in a dialog: focus moves in, Escape closes it and focus returns", async ({ page }) => {
  await page.goto(`${registered.origin}/button`);
  const link = page.getByRole("link", { name: "Book an appointment" });
  await link.click();
  const dialog = page.getByRole("dialog", { name: "Book an appointment" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  const frame = page.frameLocator("dialog iframe");
  await frame.getByRole("button", { name: /^Consultation 30 min/ }).click();
  await frame.getByRole("button", { name: "Dr Claire Martin" }).click();
  await expect(frame.getByRole("heading", { name: "Choose a day" })).toBeFocused();
  // Escape pressed inside the (cross-origin) frame reaches the dialog through the page's message.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();
  // Opened again: the same booking, where the patient left it; the close button works too.
  await link.click();
  await expect(frame.getByRole("heading", { name: "Choose a day" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();
});
