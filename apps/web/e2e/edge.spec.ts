// The web app served by the edge build: the worker in local workerd (as `pnpm edge` runs it), with
// the SPA from Workers static assets, on the e2e stack's database. A patient books through the SPA;
// the receptionist's calendar, open in another browser, shows it through the edge's long-poll
// feed (replay from Last-Event-ID, ADR 0046).
/* eslint-disable no-restricted-properties -- test tooling: the database and web build come from the global setup */
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { startWorkerd, type RunningWorkerd } from "../../server/src/edge/workerd";
import { DEMO_PASSWORD, goToDate, openFreeDay, PARIS_STAFF, pickLastTime } from "./fixtures";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let edge: RunningWorkerd;
let base: string;

test.beforeAll(async () => {
  const appUrl = process.env.FRONTDESK_E2E_APP_URL;
  const webDir = process.env.FRONTDESK_E2E_WEB_DIR;
  if (!appUrl || !webDir) throw new Error("FRONTDESK_E2E_APP_URL/WEB_DIR are not set: run through playwright.config.ts (global setup)");
  const port = await freePort();
  base = `http://localhost:${port}`;
  edge = await startWorkerd({ databaseUrl: appUrl, port, assetsDir: webDir, vars: { NODE_ENV: "test", PUBLIC_URL: base, LOG_LEVEL: "warn" } });
});

test.afterAll(async () => {
  await edge?.stop();
});

test("served by workerd: a client route gets the app, a patient books, and the staff calendar shows it through the replay feed", async ({ browser }) => {
  const staffContext = await browser.newContext({ baseURL: base });
  const patientContext = await browser.newContext({ baseURL: base });
  try {
    const staff = await staffContext.newPage();
    // A client route: index.html from static assets (not a 404), with the page's security headers.
    const page = await staff.goto("/app/calendar");
    expect(page?.status()).toBe(200);
    expect(page?.headers()["content-security-policy"]).toMatch(/script-src 'self'.*frame-ancestors 'none'/);
    expect(page?.headers()["x-content-type-options"]).toBe("nosniff");
    await staff.getByLabel("E-mail address").fill(PARIS_STAFF.receptionist);
    await staff.getByLabel("Password").fill(DEMO_PASSWORD);
    await staff.getByRole("button", { name: "Sign in" }).click();
    await expect(staff.getByRole("group", { name: "Day calendar" })).toBeVisible();

    const patient = await patientContext.newPage();
    await patient.goto("/book/demo-paris?lang=en");
    await patient.getByRole("button", { name: /^Consultation 30 min/ }).click();
    await patient.getByRole("button", { name: "Dr Yasmine Haddad" }).click();
    const chosen = { date: await openFreeDay(patient), time: await pickLastTime(patient) };
    await patient.getByLabel("Full name").fill("Edna Edge");
    await patient.getByLabel("E-mail").fill("edna.edge@example.test");
    await patient.getByRole("button", { name: "Continue" }).click();

    await goToDate(staff, chosen.date);
    const haddad = staff.getByRole("region", { name: "Dr Yasmine Haddad" });
    await expect(haddad).toBeVisible();
    await expect(haddad.getByRole("article", { name: `${chosen.time} Edna Edge` })).toHaveCount(0);
    // Marks the page: a reload would drop the mark, so the update must come from the feed.
    await staff.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    await patient.getByRole("button", { name: "Confirm booking" }).click();
    await expect(patient.getByRole("heading", { name: "You're booked" })).toBeVisible();
    await expect(haddad.getByRole("article", { name: `${chosen.time} Edna Edge` })).toBeVisible({ timeout: 10_000 });
    expect(await staff.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  } finally {
    await patientContext.close();
    await staffContext.close();
  }
});
