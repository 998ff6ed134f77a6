// A new owner's way from sign-up to the first online booking (issue 21), at a desktop's 1440 px,
// with the checklist also judged at a tablet's 1024 px at every stage: each step's link reaches a
// screen where the step is done, the progress and warnings follow, and the booking a patient makes
// through the shared link appears on the owner's open calendar without a reload.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DESKTOP, judge } from "./judge";
import { codeIn, mailTo } from "./mail";

const SCREENS = "onboarding";
const SERVICE = "Bilan initial";
const PRACTITIONER = "Dr Nadia Roussel";
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

async function backToChecklist(page: Page, completed: number) {
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Setup checklist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up your clinic" })).toBeVisible();
  await expect(page.getByText(`${completed} of 4 steps done`)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Setup progress" })).toHaveAttribute("value", String(completed));
}

const step = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: new RegExp(`^${title}`) }) });
const warnings = (page: Page) => page.getByRole("region", { name: "What stops patients from booking" });

test("a new owner follows the setup checklist from sign-up to a first online booking, which reaches the open calendar live", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: DESKTOP, height: 900 });

  // Sign-up, the e-mailed code, the clinic: and the owner lands on the checklist.
  await page.goto("/app/sign-up");
  await page.getByLabel("Your name").fill("Nadia Roussel");
  const email = `nadia.roussel.${Date.now()}@example.test`;
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a long enough phrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Confirmation code").fill(codeIn(await mailTo(email, /Confirm your e-mail/)));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Create your clinic" })).toBeVisible();
  const slug = `roussel-${Date.now().toString(36)}`;
  await page.getByLabel("Clinic name").fill("Cabinet Roussel");
  await page.getByLabel("Booking page address").fill(slug);
  await expect(page.getByText(`${slug} is available`)).toBeVisible();
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page).toHaveURL(/\/app\/setup$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your clinic" })).toBeVisible();
  await expect(page).toHaveTitle("Setup checklist · Cabinet Roussel");
  await expect(page.getByText("0 of 4 steps done")).toBeVisible();
  await expect(warnings(page)).toContainText("Your booking page has nothing patients can book online yet.");
  await judge(page, SCREENS, "1-checklist-new-clinic");

  // Services: the step's link opens the screen where one is added.
  await step(page, "Add your services").getByRole("link", { name: "Open services" }).click();
  await expect(page).toHaveURL(/\/app\/settings\/services$/);
  await page.getByRole("button", { name: "Add service" }).click();
  const serviceDialog = page.getByRole("dialog", { name: "Add service" });
  await serviceDialog.getByLabel("Name").fill(SERVICE);
  await serviceDialog.getByLabel("Duration (minutes)").fill("30");
  await expect(serviceDialog.getByLabel("Patients can book it online")).toBeChecked();
  await serviceDialog.getByRole("button", { name: "Add service" }).click();
  await expect(serviceDialog).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Services" })).toContainText(SERVICE);
  await backToChecklist(page, 1);
  await expect(step(page, "Add your services")).toContainText("Done");
  await expect(warnings(page)).toContainText(`Nobody offers ${SERVICE}: it cannot be booked.`);
  await judge(page, SCREENS, "2-checklist-service-added");

  // Practitioners: one who offers the service, and the checklist warns that they have no hours.
  await step(page, "Add your practitioners").getByRole("link", { name: "Open practitioners" }).click();
  await expect(page).toHaveURL(/\/app\/settings\/practitioners$/);
  await page.getByRole("button", { name: "Add practitioner" }).click();
  const practitionerDialog = page.getByRole("dialog", { name: "Add practitioner" });
  await practitionerDialog.getByLabel("Name").fill(PRACTITIONER);
  await practitionerDialog.getByRole("group", { name: "Services offered" }).getByLabel(SERVICE).check();
  await practitionerDialog.getByRole("button", { name: "Add practitioner" }).click();
  await expect(practitionerDialog).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Practitioners" })).toContainText(PRACTITIONER);
  await backToChecklist(page, 2);
  const withoutHours = `${PRACTITIONER} offers services but has no working hours: patients see no free times.`;
  await expect(warnings(page)).toContainText(withoutHours);
  await expect(warnings(page)).not.toContainText("Nobody offers");
  await judge(page, SCREENS, "3-checklist-practitioner-without-hours");

  // Hours, through the warning's own link: it opens that practitioner's week.
  await warnings(page).getByRole("listitem").filter({ hasText: withoutHours }).getByRole("link", { name: "Open working hours" }).click();
  await expect(page).toHaveURL(/\/app\/settings\/hours\?practitioner=/);
  await expect(page.getByRole("heading", { name: `Weekly hours of ${PRACTITIONER}` })).toBeVisible();
  for (const day of DAYS) {
    await page.getByRole("button", { name: `Add interval on ${day}` }).click();
    await page.getByLabel(`${day} interval 1 start`).fill("08:00");
    await page.getByLabel(`${day} interval 1 end`).fill("20:00");
  }
  await page.getByRole("button", { name: "Save weekly hours" }).click();
  await expect(page.getByText(`Weekly hours saved for ${PRACTITIONER}.`)).toBeVisible();
  await backToChecklist(page, 3);
  // The warning went with its cause; nothing is left but sharing the page.
  await expect(warnings(page)).toHaveCount(0);
  await expect(step(page, "Share your booking page")).toContainText("To do");
  await judge(page, SCREENS, "4-checklist-ready-to-share");

  // Embedding: the link opens the screen where the clinic's website is allowed to show the page.
  await step(page, "Share your booking page").getByRole("link", { name: "Choose the websites that may show it" }).click();
  await expect(page).toHaveURL(/\/app\/settings\/embed$/);
  await expect(page.getByLabel("Websites that may show your booking page")).toBeEditable();
  await backToChecklist(page, 3);

  // Share: the checklist's link is what the owner sends; a patient opens it in a browser of their own.
  const link = step(page, "Share your booking page").getByRole("link", { name: `${baseURL}/book/${slug}` });
  const bookingUrl = await link.getAttribute("href");
  expect(bookingUrl).toBe(`${baseURL}/book/${slug}`);
  const patientContext = await browser.newContext({ baseURL });
  try {
    const patient = await patientContext.newPage();
    await patient.goto(`${bookingUrl}?lang=en`);
    await expect(patient.getByRole("heading", { level: 1, name: "Cabinet Roussel" })).toBeVisible();
    await patient.getByRole("button", { name: new RegExp(`^${SERVICE}`) }).click();
    const choosePractitioner = patient.getByRole("heading", { name: "Choose a practitioner" });
    const chooseDay = patient.getByRole("heading", { name: "Choose a day" });
    await expect(choosePractitioner.or(chooseDay)).toBeVisible();
    if (await choosePractitioner.isVisible()) await patient.getByRole("button", { name: PRACTITIONER }).click();
    await expect(chooseDay).toBeFocused();
    // The first day with free times two days out at least: the owner's calendar opens on it.
    await expect(patient.getByRole("status").filter({ hasText: /free times in/ })).toBeVisible();
    let day = patient.locator('[role="grid"] button[aria-disabled="false"]').nth(2);
    if ((await day.count()) === 0) {
      await patient.getByRole("button", { name: "Next month" }).click();
      day = patient.locator('[role="grid"] button[aria-disabled="false"]').first();
    }
    const date = await day.getAttribute("data-date");
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await day.click();
    const time = patient.getByRole("group").getByRole("button").last();
    await time.click();
    await patient.getByLabel("Full name").fill("Paul Onboarding");
    await patient.getByLabel("E-mail").fill("paul.onboarding@example.test");
    await patient.getByRole("button", { name: "Continue" }).click();
    await expect(patient.getByRole("heading", { name: "Confirm your appointment" })).toBeVisible();

    // The owner has that day's calendar open, empty, while the patient confirms.
    await page.goto(`/app/calendar?date=${date}`);
    await expect(page.getByRole("group", { name: "Day calendar" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const block = page.locator("article").filter({ hasText: "Paul Onboarding" });
    await expect(block).toHaveCount(0);
    await patient.getByRole("button", { name: "Confirm booking" }).click();
    await expect(patient.getByRole("heading", { name: "You're booked" })).toBeFocused();
    // No reload: the calendar's live feed brings it in.
    await expect(block).toBeVisible();
    await judge(page, SCREENS, "5-calendar-first-booking");
  } finally {
    await patientContext.close();
  }

  // The first online booking ticks the last step.
  await backToChecklist(page, 4);
  await expect(step(page, "Share your booking page")).toContainText("Done");
  await judge(page, SCREENS, "6-checklist-complete");
});
