import { expect, PARIS_STAFF, signIn, test } from "./fixtures";

test("a receptionist finds the next free time and books it in under five interactions", async ({ page }) => {
  await signIn(page, PARIS_STAFF.receptionist);

  // The patient on the phone wants the first free time with anyone.
  let interactions = 0;
  await page.getByRole("button", { name: "New appointment" }).click();
  interactions++;
  const booking = page.getByRole("dialog", { name: "New appointment" });
  await booking.getByLabel(/Find a patient/).fill("Finder Caller");
  interactions++;
  await booking.getByRole("button", { name: "New patient" }).click();
  interactions++;
  const first = booking.getByRole("list", { name: /Free times/ }).getByRole("button").first();
  const label = (await first.innerText()).trim();
  await first.click();
  interactions++;
  expect(interactions).toBeLessThan(5);
  await expect(booking).toBeHidden();
  // The calendar says what was booked, at the time the finder offered.
  const time = /\d{2}:\d{2}/.exec(label)![0];
  await expect(page.getByRole("status").filter({ hasText: /^Booked:/ })).toContainText(time);
});
