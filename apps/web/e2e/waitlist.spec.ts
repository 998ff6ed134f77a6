// The waitlist in a real browser against the real server and its job worker (ADR 0035): a patient
// who finds no time that suits joins the waitlist on the booking page; another patient's
// cancellation frees a time; the worker e-mails the waiting patient an offer (to the file sink),
// and its link books the time with one click.
import type { Page } from "@playwright/test";
import { expect, openFreeDay, pickLastTime, test } from "./fixtures";
import { mailTo } from "./mail";

async function toTheTimeStep(page: Page) {
  await page.goto("/book/demo-paris?lang=en");
  await page.getByRole("button", { name: /^Consultation 30 min/ }).click();
  await page.getByRole("button", { name: "Dr Claire Martin" }).click();
  await expect(page.getByRole("heading", { name: "Choose a day" })).toBeFocused();
}

test("a patient joins the waitlist online and takes a freed time from the offer's link", async ({ browser, baseURL, checkpoint }) => {
  const contexts = await Promise.all([browser.newContext({ baseURL }), browser.newContext({ baseURL })]);
  const [waiting, other] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page];
  const email = `wait-${Date.now()}@example.test`;
  try {
    // Nothing suits: the patient joins the waitlist for the next weeks, any time of day.
    await toTheTimeStep(waiting);
    await waiting.getByRole("button", { name: "No time suits you? Join the waitlist" }).click();
    const form = waiting.getByRole("form", { name: "Join the waitlist" });
    await form.getByLabel("Full name").fill("Wanda Waitlist");
    await form.getByLabel("E-mail").fill(email);
    await form.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(waiting.getByText("You are on the waitlist")).toBeVisible();
    await checkpoint(waiting, "1-joined");

    // Another patient books a time (the third day with free times: past the 24 h notice) and
    // cancels it. Near a month's end that day is in the next month.
    await toTheTimeStep(other);
    await openFreeDay(other, { skip: 2 });
    await pickLastTime(other);
    await other.getByLabel("Full name").fill("Carl Cancels");
    await other.getByLabel("E-mail").fill(`carl-${Date.now()}@example.test`);
    await other.getByRole("button", { name: "Continue" }).click();
    await other.getByRole("button", { name: "Confirm booking" }).click();
    await expect(other.getByRole("heading", { name: "You're booked" })).toBeFocused();
    await other.getByRole("link", { name: "Change or cancel" }).click();
    await other.getByRole("button", { name: "Cancel appointment" }).click();
    await other.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(other.getByText("Your appointment is cancelled. The clinic has been told.")).toBeVisible();

    // The worker offers the freed time by e-mail; its link books it.
    const offer = await mailTo(email, /^A time is free/);
    const link = /https?:\/\/[^\s]+\/waitlist\/([A-Za-z0-9._~-]+)/.exec(offer.replace(/=\r\n/g, ""));
    expect(link, "the offer carries a claim link").not.toBeNull();
    await waiting.goto(`/waitlist/${link![1]}`);
    await expect(waiting.getByRole("heading", { name: "A time has freed up" })).toBeVisible();
    await expect(waiting.getByText("Consultation")).toBeVisible();
    await checkpoint(waiting, "2-offer");
    await waiting.getByRole("button", { name: "Take this time" }).click();
    await expect(waiting.getByText(/^Booked: Consultation at Cabinet Demo Paris/)).toBeVisible();
    await checkpoint(waiting, "3-booked");

    // The link is spent: opening it again says the time is taken already.
    await waiting.reload();
    await expect(waiting.getByText("You have taken this time already.")).toBeVisible();
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
