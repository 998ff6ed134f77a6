// A patient books in French (the Paris demo clinic's own language) and in German (picked with the
// switcher), and no English sentence of the catalogue is left on any patient page on the way:
// neither on screen nor in what a screen reader hears (labels, names). On the way, Back walks back
// through the steps with every choice kept (and a reload keeps them too); after booking, the
// manage link and the patient's own list (signed in with the e-mailed code) speak the language too.
// The pages this booking does not pass through (intake questions, the waitlist form, a clinic whose
// booking is closed) get the same English check in French, German and Spanish in
// patient-pages-a11y.spec.ts.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { codeIn, mailTo } from "./mail";
import { catalogue, englishLeft, settled, type Catalogue } from "./patient-checks";

const fr = catalogue("fr");
const de = catalogue("de");

async function expectNoEnglish(page: Page, target: Catalogue, step: string) {
  await settled(page);
  expect(await englishLeft(page, target), `English left on step "${step}"`).toEqual([]);
}

/** The first day with free times past the clinic's notice (the third one), opened. */
async function chooseDay(page: Page) {
  const grid = page.locator('[role="grid"][aria-busy]');
  await expect(page.locator('[role="grid"]')).toBeVisible();
  for (let month = 0; month < 3; month++) {
    await expect(grid).toHaveCount(0);
    const days = page.locator('[role="grid"] button[aria-disabled="false"]');
    if ((await days.count()) >= 3) {
      await days.nth(2).click();
      await expect(page.getByRole("group").getByRole("button").first()).toBeVisible();
      return;
    }
    await page.locator("button[aria-label]").filter({ hasText: "›" }).click();
  }
  throw new Error("no free days in three months");
}

for (const { language, words, pick } of [
  { language: "fr", words: fr, pick: undefined },
  { language: "de", words: de, pick: "Deutsch" },
]) {
  test(`a patient books in ${language} with no English left on the patient pages, and Back keeps every choice`, async ({ page, checkpoint }) => {
    const t = (key: string) => words[key]!;
    const email = `patient.${language}.${crypto.randomUUID().slice(0, 8)}@example.test`;
    // The clinic is French: the page speaks French until the patient picks another language.
    await page.goto("/book/demo-paris");
    await expect(page.getByRole("heading", { name: fr["booking.service.heading"]! })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    if (pick) {
      await page.getByLabel(fr["language.label"]!).selectOption({ label: pick });
      await expect(page).toHaveURL(new RegExp(`lang=${language}`));
      await expect(page.getByRole("heading", { name: t("booking.service.heading") })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", language);
    }
    await expectNoEnglish(page, words, "service");
    await checkpoint(page, `${language}-1-service`);

    await page.getByRole("button", { name: /^Consultation/ }).click();
    await expect(page.getByRole("heading", { name: t("booking.practitioner.heading") })).toBeFocused();
    await expectNoEnglish(page, words, "practitioner");
    await page.getByRole("button", { name: new RegExp(`^${t("common.firstAvailable")}`) }).click();
    await expect(page.getByRole("heading", { name: t("slots.heading") })).toBeFocused();
    await expectNoEnglish(page, words, "day");
    await chooseDay(page);
    await expectNoEnglish(page, words, "times of the day");
    await page.getByRole("group").getByRole("button").last().click();

    await expect(page.getByRole("heading", { name: t("details.heading") })).toBeFocused();
    await page.getByRole("button", { name: t("details.continue") }).click();
    await expect(page.getByLabel(t("details.name"))).toHaveAccessibleDescription(t("details.error.nameMissing"));
    await expectNoEnglish(page, words, "details with errors");
    await page.getByLabel(t("details.name")).fill(`Patient ${language}`);
    await page.getByLabel(t("details.email")).fill(email);
    await page.getByRole("button", { name: t("details.continue") }).click();
    await expect(page.getByRole("heading", { name: t("confirm.heading") })).toBeVisible();
    await expect(page).toHaveURL(/step=confirm/);
    await expectNoEnglish(page, words, "confirm");

    // A reload on the last step keeps the time and the details.
    await page.reload();
    await expect(page.getByRole("heading", { name: t("confirm.heading") })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    // Back walks through each step with its choice kept, still in the patient's language.
    await page.goBack();
    await expect(page.getByRole("heading", { name: t("details.heading") })).toBeVisible();
    await expect(page.getByLabel(t("details.name"))).toHaveValue(`Patient ${language}`);
    await expectNoEnglish(page, words, "details after Back");
    await page.goBack();
    await expect(page.getByRole("heading", { name: t("slots.heading") })).toBeVisible();
    await expect(page.locator('[role="group"] button[aria-pressed="true"]')).toHaveCount(1);
    await expectNoEnglish(page, words, "time after Back");
    await page.goBack();
    await expect(page.getByRole("button", { name: new RegExp(`^${t("common.firstAvailable")}`) })).toHaveAttribute("aria-pressed", "true");
    await expectNoEnglish(page, words, "practitioner after Back");
    await page.goBack();
    await expect(page.getByRole("button", { name: /^Consultation/ })).toHaveAttribute("aria-pressed", "true");
    await expectNoEnglish(page, words, "service after Back");
    // Forward returns to the same steps, and the details are still there.
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await expect(page.getByRole("heading", { name: t("details.heading") })).toBeVisible();
    await expect(page.getByLabel(t("details.email"))).toHaveValue(email);
    await page.getByRole("button", { name: t("details.continue") }).click();

    await expect(page.getByRole("heading", { name: t("confirm.heading") })).toBeVisible();
    await checkpoint(page, `${language}-2-confirm`);
    await page.getByRole("button", { name: t("confirm.book") }).click();
    await expect(page.getByRole("heading", { name: t("done.heading") })).toBeFocused();
    await expectNoEnglish(page, words, "booked");

    await page.getByRole("link", { name: t("done.changeOrCancel") }).click();
    await expect(page.getByRole("heading", { level: 1, name: t("manage.heading").replace("{{clinic}}", "Cabinet Demo Paris") })).toBeVisible();
    await expect(page.getByText(t("manage.status.booked"), { exact: true })).toBeVisible();
    await expectNoEnglish(page, words, "manage");
    await checkpoint(page, `${language}-3-manage`);

    // The patient's own list, from the booking page's link: the code's form, then the list.
    await page.goBack();
    await page.getByRole("link", { name: t("my.link") }).click();
    await expect(page.getByRole("heading", { level: 1, name: t("my.heading").replace("{{clinic}}", "Cabinet Demo Paris") })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expectNoEnglish(page, words, "my appointments, signing in");
    await page.getByLabel(t("details.email")).fill(email);
    await page.getByRole("button", { name: t("my.sendCode") }).click();
    await expect(page.getByRole("heading", { name: t("my.codeHeading") })).toBeFocused();
    await expectNoEnglish(page, words, "my appointments, the code");
    // The code is in the mail's subject, whatever language the mail is in.
    await page.getByLabel(t("my.code")).fill(codeIn(await mailTo(email, /\b\d{6}\b/)));
    await page.getByRole("button", { name: t("my.signIn") }).click();
    await expect(page.getByRole("region", { name: t("my.upcoming") }).getByRole("listitem")).toHaveCount(1);
    await expectNoEnglish(page, words, "my appointments, the list");
  });
}
