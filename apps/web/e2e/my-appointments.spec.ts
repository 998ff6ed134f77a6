// A patient's own list (ADR 0050): two bookings made beforehand, then, in the browser, sign in
// with the code read from the mail the server wrote, cancel one, and book again with the details
// filled in from the clinic's record.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { codeIn, mailTo } from "./mail";

const DAY = 24 * 60 * 60_000;

/** Books `count` free times at least three days away (past the clinic's 24 h notice) through the REST booking route. */
async function bookAhead(request: APIRequestContext, patient: { name: string; email: string }, count: number) {
  const clinic = (await (await request.get("/api/v1/clinics/demo-paris")).json()) as { services: Array<{ id: string; name: string }> };
  const serviceId = clinic.services.find((s) => s.name === "Consultation")!.id;
  const from = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
  const slots = (await (await request.get(`/api/v1/clinics/demo-paris/slots?serviceId=${serviceId}&from=${from}&to=${to}`)).json()) as { days: Array<{ starts: string[] }> };
  // The last time of each day: other tests book the first ones.
  const candidates = slots.days.map((day) => day.starts.at(-1)).filter((start): start is string => start !== undefined);
  const booked: string[] = [];
  for (const start of candidates) {
    if (booked.length === count) break;
    const answer = await request.post("/api/v1/clinics/demo-paris/bookings", { data: { serviceId, start, patient, idempotencyKey: crypto.randomUUID() } });
    if (answer.ok()) booked.push(start);
  }
  expect(booked).toHaveLength(count);
}

async function pickFreeTime(page: Page) {
  const status = page.getByRole("status").filter({ hasText: /free times in|No free times/ });
  await expect(status).toBeVisible();
  for (let month = 0; month < 3; month++) {
    await expect(status).not.toHaveText(/Loading/);
    const days = page.locator('[role="grid"] button[aria-disabled="false"]');
    if ((await days.count()) >= 3) {
      await days.nth(2).click();
      await page.getByRole("group").getByRole("button").last().click();
      return;
    }
    await page.getByRole("button", { name: "Next month" }).click();
  }
  throw new Error("no free days in three months");
}

test("a patient signs in with an e-mailed code, cancels one appointment and books again with the details filled in", async ({ page, request, checkpoint }) => {
  const email = `my-${crypto.randomUUID().slice(0, 8)}@example.test`;
  await bookAhead(request, { name: "Margaux Liste", email }, 2);

  await page.goto("/book/demo-paris?lang=en");
  await page.getByRole("link", { name: "My appointments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My appointments at Cabinet Demo Paris" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeFocused();
  await checkpoint(page, "1-code");
  await page.getByLabel("Code").fill(codeIn(await mailTo(email, /sign-in code/)));
  await page.getByRole("button", { name: "Sign in" }).click();

  const upcoming = page.getByRole("region", { name: "Upcoming" });
  await expect(upcoming.getByRole("listitem")).toHaveCount(2);
  await expect(upcoming.getByText("Consultation with Dr", { exact: false }).first()).toBeVisible();
  await checkpoint(page, "2-list");

  const first = upcoming.getByRole("listitem").first();
  await first.getByRole("button", { name: "Cancel appointment" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("Your appointment is cancelled. The clinic has been told.")).toBeVisible();
  await expect(upcoming.getByText("Status: Cancelled")).toHaveCount(1);
  await expect(upcoming.getByRole("button", { name: "Cancel appointment" })).toHaveCount(1);
  await checkpoint(page, "3-cancelled");

  await upcoming.getByRole("listitem").first().getByRole("button", { name: "Book again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeVisible();
  await pickFreeTime(page);
  await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();
  await expect(page.getByLabel("Full name")).toHaveValue("Margaux Liste");
  await expect(page.getByLabel("E-mail")).toHaveValue(email);
  await checkpoint(page, "4-details-filled");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeFocused();

  // Back on the list, still signed in: the new booking is there too.
  await page.goto("/book/demo-paris/my?lang=en");
  await expect(page.getByRole("region", { name: "Upcoming" }).getByRole("listitem")).toHaveCount(3);
});
