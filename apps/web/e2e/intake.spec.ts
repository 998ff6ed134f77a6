// Intake forms (ADR 0037) end to end: an admin asks a required question for a service, a patient
// must answer it to book, and the answer is part of what the clinic holds (the patient's export).
import { readFile } from "node:fs/promises";
import { expect, openFreeDay, pickLastTime, signIn, test } from "./fixtures";

const PATIENT = { name: "Ida Intake", email: `ida.intake.${Date.now()}@example.test` };

test("a patient must answer the service's required intake question to book, and the clinic holds the answer", async ({ page, browser, baseURL, checkpoint }) => {
  // Three people's flows in one test (admin, patient, admin again): more than one booking's time.
  test.slow();
  // The admin asks one required question for vaccinations (no other test books that service).
  await signIn(page, "admin@demo-paris.frontdesk.test", "/app/settings/intake");
  await expect(page.getByRole("heading", { name: "Intake forms and patient data" })).toBeVisible();
  await page.getByLabel("Service").selectOption({ label: "Vaccination" });
  await expect(page.getByText("This service asks no questions yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByLabel("Question", { exact: true }).fill("Any allergies to vaccines?");
  await page.getByLabel("Help text").fill("Eggs, gelatine, latex, earlier reactions");
  await page.getByLabel("Patients must answer").check();
  await page.getByRole("button", { name: "Save the questions" }).click();
  await expect(page.getByText("Saved as version 1")).toBeVisible();
  await checkpoint(page, "intake-form-saved");

  // The patient, in a browser of their own.
  const context = await browser.newContext({ baseURL });
  const patient = await context.newPage();
  try {
    await patient.goto("/book/demo-paris?lang=en");
    await patient.getByRole("button", { name: /^Vaccination/ }).click();
    await patient.getByRole("button", { name: /^First available/ }).click();
    await openFreeDay(patient);
    await pickLastTime(patient);
    await patient.getByLabel("Full name").fill(PATIENT.name);
    await patient.getByLabel("E-mail").fill(PATIENT.email);
    await patient.getByRole("button", { name: "Continue" }).click();

    await expect(patient.getByRole("heading", { name: "A few questions before your visit" })).toBeVisible();
    const question = patient.getByLabel("Any allergies to vaccines? (required)");
    await expect(question).toHaveAccessibleDescription(/Eggs, gelatine, latex/);
    // Unanswered, the step does not let the patient on.
    await patient.getByRole("button", { name: "Continue" }).click();
    await expect(question).toHaveAccessibleDescription(/Please answer this question\./);
    await checkpoint(patient, "intake-required");
    await question.fill("Mild reaction to the flu shot in 2019");
    await patient.getByRole("button", { name: "Continue" }).click();
    await expect(patient.getByRole("heading", { name: "Confirm your appointment" })).toBeVisible();
    await patient.getByRole("button", { name: "Confirm booking" }).click();
    await expect(patient.getByRole("heading", { name: "You're booked" })).toBeFocused();
    await checkpoint(patient, "intake-booked");
  } finally {
    await context.close();
  }

  // What the clinic holds about the patient now includes the answer, with its question.
  await page.goto("/app/patients");
  await page.getByRole("searchbox", { name: "Search patients" }).fill("ida intake");
  // The search settles into the address first (as account.spec waits): a click before that is undone by it.
  await expect(page).toHaveURL(/q=ida(\+|%20)intake/);
  await page.getByRole("list", { name: "Patients" }).getByRole("link", { name: PATIENT.name }).first().click();
  await page.getByRole("button", { name: "Export data" }).click();
  await expect(page.getByRole("status")).toContainText("Export ready");
  const [readable] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "readable document" }).click()]);
  const text = await readFile(await readable.path(), "utf8");
  expect(text).toContain("INTAKE ANSWERS (1)");
  expect(text).toContain("Any allergies to vaccines? Mild reaction to the flu shot in 2019");
});
