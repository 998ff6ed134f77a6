// Reminder settings against the real server: an admin changes when patients are reminded and the
// quiet hours for text messages, and the change is there after a reload.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PASSWORD = "frontdesk-demo";

async function signIn(page: Page, role: string) {
  await page.goto("/app/sign-in");
  await page.getByLabel("E-mail address").fill(`${role}@demo-newyork.frontdesk.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app\/calendar/);
}

test("an admin sets the reminders and quiet hours, and they are kept", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/app/settings/notifications");
  const first = page.getByLabel("Reminder 1: hours before");
  await expect(first).toHaveValue("24");
  await first.fill("48");
  await page.getByRole("checkbox", { name: "No SMS or WhatsApp between" }).check();
  await page.getByLabel("From").fill("20:00");
  await page.getByLabel("Until").fill("09:00");
  await page.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reminder settings saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Reminder 1: hours before")).toHaveValue("48");
  await expect(page.getByLabel("From")).toHaveValue("20:00");
  // Back to the defaults for the other specs.
  await page.getByLabel("Reminder 1: hours before").fill("24");
  await page.getByRole("checkbox", { name: "No SMS or WhatsApp between" }).uncheck();
  await page.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reminder settings saved" })).toBeVisible();
});
