// The audit log read by a person (issue 21): an admin changes a patient's phone, then finds that
// patient in the log's filter by typing part of the name, and reads names (never ids) and times on
// the clinic's clock (Paris, fr-FR) although this browser is in Los Angeles.
import { expect, signIn, test } from "./fixtures";
import { DESKTOP, judge } from "./judge";

// A seeded Paris patient no other spec touches; "rous" also finds Victor Roussel.
const PATIENT = "Agathe Rousseau";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test("an admin filters the audit log by a patient found by typing part of the name, and reads names and the clinic's local times", async ({ page }) => {
  await page.setViewportSize({ width: DESKTOP, height: 900 });
  await signIn(page, "admin@demo-paris.frontdesk.test");

  // Something to find: the admin changes the patient's phone on their record.
  await page.goto("/app/patients?q=agathe");
  await page.getByRole("list", { name: "Patients" }).getByRole("link", { name: PATIENT }).click();
  await expect(page.getByRole("heading", { level: 1, name: PATIENT })).toBeVisible();
  await page.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: `Edit ${PATIENT}` });
  await dialog.getByLabel("Phone").fill("+33 6 98 76 54 32");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved" })).toBeVisible();

  await page.goto("/app/settings/audit");
  await expect(page.getByRole("list", { name: "Audit entries, newest first" })).toBeVisible();
  await expect(page).toHaveTitle(/^Clinic settings · Cabinet Demo Paris$/);

  // Part of the name, then the keyboard: the results are announced, the second one is chosen.
  const field = page.getByRole("combobox", { name: "Patient" });
  await field.fill("rous");
  await expect(page.getByRole("status").filter({ hasText: "2 patients match. Use the arrow keys to choose." })).toBeVisible();
  const options = page.getByRole("listbox", { name: "Matching patients" }).getByRole("option");
  await expect(options).toHaveCount(2);
  await expect(field).toHaveAttribute("aria-expanded", "true");
  await judge(page, "audit", "patient-search-open");
  const index = (await options.allInnerTexts()).findIndex((text) => text.startsWith(PATIENT));
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await field.press("ArrowDown");
  await expect(field).toHaveAttribute("aria-activedescendant", (await options.nth(index).getAttribute("id"))!);
  await field.press("Enter");
  await expect(field).toHaveValue(PATIENT);
  await expect(page.getByText(/^Only entries about/)).toHaveText(`Only entries about ${PATIENT} (their record and appointments). Show every patient`);

  // Only that patient's entries, with names and no ids.
  const log = page.getByRole("list", { name: "Audit entries, newest first" });
  const change = log.locator(":scope > li").filter({ hasText: "Phone:" }).first();
  await expect(change).toContainText(`update · Patients · ${PATIENT}`);
  // The phone as the clinic's country writes it, not as stored (E.164).
  await expect(change).toContainText(/Phone: .+ → 06 98 76 54 32/);
  for (const text of await log.locator(":scope > li").allInnerTexts()) {
    expect(text).toContain(PATIENT);
    expect(text).not.toMatch(UUID);
  }
  // On the clinic's clock and in its language: Paris time, French words, not Los Angeles.
  const time = change.locator("time");
  const at = new Date((await time.getAttribute("datetime"))!);
  const inParis = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(at);
  const weekday = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "long" }).format(at);
  const inLosAngeles = new Intl.DateTimeFormat("fr-FR", { timeZone: "America/Los_Angeles", hour: "2-digit", minute: "2-digit" }).format(at);
  await expect(time).toContainText(inParis);
  await expect(time).toContainText(weekday);
  await expect(time).not.toContainText(inLosAngeles);
  expect(Math.abs(Date.now() - at.getTime()), "the entry is the change just made").toBeLessThan(10 * 60_000);
  await judge(page, "audit", "filtered-by-patient");
});
