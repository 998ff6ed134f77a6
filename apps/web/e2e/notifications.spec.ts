// Against the real server and its in-process job worker: an admin changes when patients are
// reminded and the quiet hours for text messages, and the change is there after a reload; a
// receptionist's booking sends its confirmation (to the file sink) and the appointment shows it sent.
import { expect, signIn, test } from "./fixtures";
import { mailTo } from "./mail";

const newYork = (role: string) => `${role}@demo-newyork.frontdesk.test`;

test("an admin sets the reminders and quiet hours, and they are kept", async ({ page }) => {
  await signIn(page, newYork("admin"));
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

/** A New York weekday three weeks ahead (past the seeded appointments, not Thanksgiving). */
function quietNewYorkWeekday(): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 21);
  while ([0, 6].includes(day.getUTCDay()) || day.toISOString().slice(5, 10) === "11-26") day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test("a staff booking's confirmation is sent by the worker and listed on the appointment", async ({ page }) => {
  await signIn(page, newYork("receptionist"));
  const day = quietNewYorkWeekday();
  await page.getByLabel("Go to date").fill(day);
  await expect(page).toHaveURL(new RegExp(`date=${day}`));
  const brooks = page.getByRole("region", { name: "Dr Ethan Brooks" });
  await brooks.getByTitle("Book 10:00").click();
  const booking = page.getByRole("dialog", { name: "New appointment" });
  await booking.getByLabel(/Find a patient/).fill("Nora Notify");
  await booking.getByRole("button", { name: "New patient" }).click();
  await booking.getByLabel("Phone").fill("(212) 555-0147");
  await booking.getByLabel("E-mail (optional)").fill("nora.notify@example.test");
  await expect(booking.getByRole("checkbox", { name: /Notify the patient/ })).toBeChecked();
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking).toBeHidden();

  // The worker wrote the confirmation (with its calendar file) to the mail folder.
  expect(await mailTo("nora.notify@example.test", /./)).toContain("BEGIN:VCALENDAR");

  await brooks.getByRole("article", { name: "10:00 AM Nora Notify" }).getByRole("button").click();
  const opened = page.getByRole("dialog", { name: "Appointment" });
  const confirmation = opened.getByRole("list", { name: "Messages to the patient" }).getByRole("listitem").filter({ hasText: "Confirmation by e-mail" });
  // Queued for a moment, then sent: the list looks again while a message is in flight.
  await expect(confirmation).toHaveAttribute("data-status", "sent", { timeout: 20_000 });
  await expect(confirmation).toContainText("Sent");
});
