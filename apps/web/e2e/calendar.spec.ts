import type { Page } from "@playwright/test";
import { expect, goToDate, openFreeDay, PARIS_STAFF, pickLastTime, quietDay, signIn, test } from "./fixtures";

const TUESDAY = 2;

/** A patient books online with Dr Yasmine Haddad on her first day with free times (today, just after midnight); returns the day and the time. */
async function startOnlineBooking(page: Page) {
  await page.goto("/book/demo-paris?lang=en");
  await page.getByRole("button", { name: /^Consultation 30 min/ }).click();
  await page.getByRole("button", { name: "Dr Yasmine Haddad" }).click();
  await expect(page.getByRole("heading", { name: "Choose a day" })).toBeFocused();
  const date = await openFreeDay(page);
  const time = await pickLastTime(page);
  await page.getByLabel("Full name").fill("Olivia Online");
  await page.getByLabel("E-mail").fill("olivia.online@example.test");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your appointment" })).toBeVisible();
  return { date, time };
}

test("a receptionist books a phone patient, moves the appointment (dialog, then drag) and marks it arrived; an online booking appears live", async ({ page, browser, baseURL, checkpoint }) => {
  await signIn(page, PARIS_STAFF.receptionist);
  await checkpoint(page, "1-today");

  // A phone call: a new patient, booked by clicking 10:00 in Dr Martin's column.
  // A Tuesday three weeks ahead or later: past the seeded appointments (two weeks), so its hours are free.
  await goToDate(page, quietDay(21, TUESDAY));
  const martin = page.getByRole("region", { name: "Dr Claire Martin" });
  await martin.getByTitle("Book 10:00").click();
  const booking = page.getByRole("dialog", { name: "New appointment" });
  await expect(booking.getByLabel("Practitioner")).toHaveValue(/.+/);
  await expect(booking.getByLabel(/^Start/)).toHaveValue("10:00");
  await expect(booking.getByLabel(/Find a patient/)).toBeFocused();
  await booking.getByLabel(/Find a patient/).fill("Paul Telephone");
  await expect(booking.getByText("No patient matches “Paul Telephone”.")).toBeVisible();
  await booking.getByRole("button", { name: "New patient" }).click();
  await expect(booking.getByLabel("Full name")).toHaveValue("Paul Telephone");
  await booking.getByLabel("Phone").fill("06 11 22 33 44");
  await checkpoint(page, "2-booking-dialog");
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking).toBeHidden();
  const booked = martin.getByRole("article", { name: "10:00 Paul Telephone" });
  await expect(booked).toBeVisible();
  await checkpoint(page, "3-booked");

  // The patient asks for later that morning: moved with the reschedule dialog.
  await booked.getByRole("button").click();
  const opened = page.getByRole("dialog", { name: "Appointment" });
  await expect(opened.getByRole("link", { name: "Paul Telephone" })).toHaveAttribute("href", /\/app\/patients\//);
  await checkpoint(page, "4-appointment");
  await opened.getByRole("button", { name: "Reschedule…" }).click();
  const moving = page.getByRole("dialog", { name: "Reschedule appointment" });
  await moving.getByLabel(/^New start/).fill("11:30");
  await checkpoint(page, "5-reschedule");
  await moving.getByRole("button", { name: "Move the appointment" }).click();
  await expect(opened.getByRole("status")).toHaveText("The appointment is moved.");
  await expect(martin.getByRole("article", { name: "11:30 Paul Telephone" })).toBeVisible();

  await opened.getByRole("button", { name: "Close" }).click();

  // Then for the afternoon: dragged with the mouse onto 14:00 (grabbed near its top edge).
  const block = martin.getByRole("article", { name: "11:30 Paul Telephone" });
  const from = (await block.boundingBox())!;
  const to = (await martin.getByTitle("Book 14:00").boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 3);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 40, { steps: 4 });
  await page.mouse.move(to.x + 20, to.y + 3, { steps: 8 });
  await page.mouse.up();
  const afternoon = martin.getByRole("article", { name: "14:00 Paul Telephone" });
  await expect(afternoon).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Marked arrived days ahead by mistake: refused, with the reason; confirming is fine.
  await afternoon.getByRole("button").click();
  await opened.getByRole("button", { name: "Mark arrived" }).click();
  await expect(opened.getByText(/has not started yet/)).toBeVisible();
  await opened.getByRole("button", { name: "Confirm" }).click();
  await expect(opened.getByRole("status")).toHaveText("Marked confirmed.");
  await opened.getByRole("button", { name: "Close" }).click();
  await expect(afternoon).toHaveAttribute("data-status", "confirmed");
  // Saved, not just drawn: a fresh load shows the same.
  await page.reload();
  await expect(martin.getByRole("article", { name: "14:00 Paul Telephone" })).toHaveAttribute("data-status", "confirmed");

  // Dr Martin's week, then back to the day.
  await page.getByRole("button", { name: "Week", exact: true }).click();
  await expect(page.getByRole("group", { name: "Week calendar" })).toBeVisible();
  await checkpoint(page, "6-week");
  await page.getByRole("button", { name: "Day", exact: true }).click();

  // Meanwhile a patient books online in another browser; the receptionist's calendar shows it live.
  const patientContext = await browser.newContext({ baseURL });
  try {
    const patient = await patientContext.newPage();
    const online = await startOnlineBooking(patient);
    await goToDate(page, online.date);
    const haddad = page.getByRole("region", { name: "Dr Yasmine Haddad" });
    await expect(haddad).toBeVisible();
    await expect(haddad.getByRole("article", { name: `${online.time} Olivia Online` })).toHaveCount(0);
    // Marks this page: a reload would drop the mark.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await patient.getByRole("button", { name: "Confirm booking" }).click();
    await expect(patient.getByRole("heading", { name: "You're booked" })).toBeVisible();
    await expect(haddad.getByRole("article", { name: `${online.time} Olivia Online` })).toBeVisible({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await checkpoint(page, "7-online-booking-live");
  } finally {
    await patientContext.close();
  }

  // Shortcuts wait until the focus leaves the date field.
  await page.getByRole("group", { name: "Day calendar" }).focus();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await checkpoint(page, "8-shortcuts");
});
