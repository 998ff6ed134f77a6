// A patient books in French (the Paris demo clinic's own language) and in German (picked with the
// switcher), and no English sentence of the catalogue is left anywhere on the patient pages:
// neither on screen nor in what a screen reader hears (labels, names).
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

type Catalogue = Record<string, string>;
const catalogue = (language: string): Catalogue => JSON.parse(readFileSync(new URL(`../src/i18n/locales/${language}.json`, import.meta.url), "utf8")) as Catalogue;
const en = catalogue("en");
const fr = catalogue("fr");
const de = catalogue("de");

/**
 * The English catalogue's words that must not appear: each text's fixed parts (between the
 * placeholders), long enough to be a sentence rather than a word two languages share.
 */
function englishFragments(target: Catalogue): string[] {
  const fragments = new Set<string>();
  for (const [key, text] of Object.entries(en)) {
    if (target[key] === text) continue;
    for (const part of text.split(/\{\{\w+\}\}/)) {
      const fragment = part.trim().replace(/^[,.:;()·\s]+|[,.:;()·\s]+$/g, "");
      // Names shared by every language ("Frontdesk") are not English.
      if (fragment.length >= 8 && !(target[key] ?? "").includes(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

async function expectNoEnglish(page: Page, target: Catalogue, step: string) {
  await page.waitForLoadState("networkidle");
  const heard = await page.evaluate(() => {
    const labels = [...document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")].map((el) =>
      ["aria-label", "title", "alt", "placeholder"].map((name) => el.getAttribute(name) ?? "").join(" "),
    );
    return `${document.title}\n${document.body.innerText}\n${labels.join("\n")}`;
  });
  const left = englishFragments(target).filter((fragment) => heard.includes(fragment));
  expect(left, `English left on step "${step}"`).toEqual([]);
}

/** The first day with free times past the clinic's notice (the third one), then its last time. */
async function chooseDayAndTime(page: Page) {
  const grid = page.locator('[role="grid"][aria-busy]');
  await expect(page.locator('[role="grid"]')).toBeVisible();
  await expect(grid).toHaveCount(0);
  for (let month = 0; month < 3; month++) {
    await expect(grid).toHaveCount(0);
    const days = page.locator('[role="grid"] button[aria-disabled="false"]');
    if ((await days.count()) >= 3) {
      await days.nth(2).click();
      const last = page.getByRole("group").getByRole("button").last();
      await last.click();
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
  test(`a patient books in ${language} with no English left on the patient pages`, async ({ page, checkpoint }) => {
    const t = (key: string) => words[key]!;
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
    await page.getByRole("button", { name: new RegExp(`^${t("common.firstAvailable")}`) }).click();
    await expect(page.getByRole("heading", { name: t("slots.heading") })).toBeFocused();
    await expectNoEnglish(page, words, "day");
    await chooseDayAndTime(page);

    await expect(page.getByRole("heading", { name: t("details.heading") })).toBeFocused();
    await page.getByRole("button", { name: t("details.continue") }).click();
    await expect(page.getByLabel(t("details.name"))).toHaveAccessibleDescription(t("details.error.nameMissing"));
    await expectNoEnglish(page, words, "details with errors");
    await page.getByLabel(t("details.name")).fill(`Patient ${language}`);
    await page.getByLabel(t("details.email")).fill(`patient.${language}@example.test`);
    await page.getByRole("button", { name: t("details.continue") }).click();

    await expect(page.getByRole("heading", { name: t("confirm.heading") })).toBeVisible();
    await expectNoEnglish(page, words, "confirm");
    await checkpoint(page, `${language}-2-confirm`);
    await page.getByRole("button", { name: t("confirm.book") }).click();

    await expect(page.getByRole("heading", { name: t("done.heading") })).toBeFocused();
    await expectNoEnglish(page, words, "booked");
    await page.getByRole("link", { name: t("done.changeOrCancel") }).click();

    await expect(page.getByRole("heading", { level: 1, name: t("manage.heading").replace("{{clinic}}", "Cabinet Demo Paris") })).toBeVisible();
    await expect(page.getByText(t("manage.status.booked"), { exact: true })).toBeVisible();
    await expectNoEnglish(page, words, "manage");
    await checkpoint(page, `${language}-3-manage`);
  });
}

test("Back walks back through the French steps with every choice kept, and a reload keeps them too", async ({ page }) => {
  const t = (key: string) => fr[key]!;
  await page.goto("/book/demo-paris");
  await page.getByRole("button", { name: /^Consultation/ }).click();
  await page.getByRole("button", { name: new RegExp(`^${t("common.firstAvailable")}`) }).click();
  await expect(page.getByRole("heading", { name: t("slots.heading") })).toBeFocused();
  await chooseDayAndTime(page);
  await expect(page.getByRole("heading", { name: t("details.heading") })).toBeFocused();
  await page.getByLabel(t("details.name")).fill("Patiente Retour");
  await page.getByLabel(t("details.email")).fill("retour@example.test");
  await page.getByRole("button", { name: t("details.continue") }).click();
  await expect(page.getByRole("heading", { name: t("confirm.heading") })).toBeVisible();
  await expect(page).toHaveURL(/step=confirm/);

  // A reload on the last step keeps the time and the details.
  await page.reload();
  await expect(page.getByRole("heading", { name: t("confirm.heading") })).toBeVisible();
  await expect(page.getByText("retour@example.test")).toBeVisible();

  await page.goBack();
  await expect(page.getByRole("heading", { name: t("details.heading") })).toBeVisible();
  await expect(page.getByLabel(t("details.name"))).toHaveValue("Patiente Retour");
  await expectNoEnglish(page, fr, "details after Back");
  await page.goBack();
  await expect(page.getByRole("heading", { name: t("slots.heading") })).toBeVisible();
  await expect(page.locator('[role="group"] button[aria-pressed="true"]')).toHaveCount(1);
  await expectNoEnglish(page, fr, "time after Back");
  await page.goBack();
  await expect(page.getByRole("button", { name: new RegExp(`^${t("common.firstAvailable")}`) })).toHaveAttribute("aria-pressed", "true");
  await page.goBack();
  await expect(page.getByRole("button", { name: /^Consultation/ })).toHaveAttribute("aria-pressed", "true");
  await expectNoEnglish(page, fr, "service after Back");

  // Forward returns to the same steps, and the details are still there.
  await page.goForward();
  await page.goForward();
  await page.goForward();
  await expect(page.getByRole("heading", { name: t("details.heading") })).toBeVisible();
  await expect(page.getByLabel(t("details.email"))).toHaveValue("retour@example.test");
});
