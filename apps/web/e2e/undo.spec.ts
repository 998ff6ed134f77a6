// Undo restores a dragged appointment (issue 17, ADR 0034): by the toast's button and by Ctrl+Z,
// and the appointment is back at its first time after a reload (saved, not just drawn).
import type { Locator, Page } from "@playwright/test";
import { expect, goToDate, PARIS_STAFF, quietDay, signIn, test } from "./fixtures";

const PATIENT = "Ugo Undo";
const WEDNESDAY = 3;

/** Drags a block by its top edge onto the row of `time` in the same column. */
async function drag(page: Page, column: Locator, block: Locator, time: string) {
  const from = (await block.boundingBox())!;
  const to = (await column.getByTitle(`Book ${time}`).boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 3);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 40, { steps: 4 });
  await page.mouse.move(to.x + 20, to.y + 3, { steps: 8 });
  await page.mouse.up();
}

test("undo puts a dragged appointment back, by the toast's button and by Ctrl+Z, and it stays back after a reload", async ({ page }) => {
  await signIn(page, PARIS_STAFF.receptionist);

  // A Wednesday five weeks ahead or later: a day no other browser test books.
  await goToDate(page, quietDay(35, WEDNESDAY));
  const column = page.getByRole("region", { name: "Dr Antoine Lefèvre" });
  await column.getByTitle("Book 10:00").click();
  const booking = page.getByRole("dialog", { name: "New appointment" });
  await booking.getByLabel(/Find a patient/).fill(PATIENT);
  await booking.getByRole("button", { name: "New patient" }).click();
  await booking.getByLabel("Phone").fill("06 33 44 55 66");
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking).toBeHidden();
  const atTen = column.getByRole("article", { name: `10:00 ${PATIENT}` });
  const atEleven = column.getByRole("article", { name: `11:00 ${PATIENT}` });
  const toast = page.getByRole("status").filter({ hasText: `Moved ${PATIENT}.` });

  // By the button.
  await drag(page, column, atTen, "11:00");
  await expect(atEleven).toBeVisible();
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(atTen).toBeVisible();
  await expect(toast).toBeHidden();
  await page.reload();
  await expect(atTen).toBeVisible();
  await expect(atEleven).toHaveCount(0);

  // By the keyboard.
  await drag(page, column, atTen, "11:00");
  await expect(atEleven).toBeVisible();
  await expect(toast).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(atTen).toBeVisible();
  await expect(toast).toBeHidden();
  await page.reload();
  await expect(atTen).toBeVisible();
  await expect(atEleven).toHaveCount(0);
});
