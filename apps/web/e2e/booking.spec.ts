import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Opens the month with free times (this one or a later one) and picks its first day with at least
 * `minTimes` free times, after passing over `skip` such days. Returns the day's label, e.g.
 * "mardi 24 novembre 2026".
 */
async function pickFreeDay(page: Page, { minTimes = 1, skip = 0 } = {}) {
  const status = page.getByRole("status").filter({ hasText: /free times in|No free times/ });
  await expect(status).toBeVisible();
  let toSkip = skip;
  for (let month = 0; month < 3; month++) {
    await expect(status).not.toHaveText(/Loading/);
    for (const day of await page.locator('[role="grid"] button[aria-disabled="false"]').all()) {
      const label = (await day.getAttribute("aria-label")) ?? "";
      const free = Number(/(\d+) free times?$/.exec(label)?.[1] ?? 0);
      if (free < minTimes) continue;
      if (toSkip-- > 0) continue;
      await day.click();
      return label.split(",")[0]!;
    }
    await page.getByRole("button", { name: "Next month" }).click();
  }
  throw new Error(`no day with ${minTimes} free times in three months`);
}

async function chooseServiceAndPractitioner(page: Page, practitioner: string) {
  await page.getByRole("button", { name: /^Consultation 30 min/ }).click();
  await page.getByRole("button", { name: practitioner }).click();
  await expect(page.getByRole("heading", { name: "Choose a day" })).toBeFocused();
}

async function fillDetails(page: Page, name: string, email: string) {
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your appointment" })).toBeVisible();
}

test("a patient books on the demo clinic, finds it on the manage page, and cancels it there", async ({ page, checkpoint }) => {
  await page.goto("/book/demo-paris?lang=en");
  await expect(page.getByRole("heading", { level: 1, name: "Cabinet Demo Paris" })).toBeVisible();
  await checkpoint(page, "1-service");

  await page.getByRole("button", { name: /^Consultation 30 min/ }).click();
  await expect(page.getByRole("heading", { name: "Choose a practitioner" })).toBeFocused();
  await checkpoint(page, "2-practitioner");

  await page.getByRole("button", { name: "Dr Claire Martin" }).click();
  await expect(page.getByRole("heading", { name: "Choose a day" })).toBeFocused();
  // The third day with free times is at least two days away: past the clinic's 24 h notice, so
  // the booking can still be changed online. (In the evening the first one is tomorrow, inside it.)
  await pickFreeDay(page, { skip: 2 });
  await expect(page.getByRole("heading", { name: /^Choose a time on / })).toBeFocused();
  // The patient's browser is in Los Angeles: each time shows the clinic's clock and theirs.
  await expect(page.getByText("Times are in the clinic's time zone (Europe/Paris). Your own time (America/Los_Angeles) is shown under each.")).toBeVisible();
  await checkpoint(page, "3-day-and-time");

  // The day's last time: the first ones may pass the clinic's minimum notice while the test runs.
  const lastTime = page.getByRole("group").getByRole("button").last();
  const timeLabel = (await lastTime.innerText()).split("\n")[0]!.trim();
  await lastTime.click();
  await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();

  // Validation errors first, then the real details.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Full name")).toHaveAccessibleDescription("Enter your name");
  await checkpoint(page, "4-details-errors");
  await fillDetails(page, "Élodie E2E", "elodie.e2e@example.test");
  await checkpoint(page, "5-confirm");

  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeFocused();
  await expect(page.getByText("Consultation with Dr Claire Martin")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add to calendar" })).toHaveAttribute("href", /^data:text\/calendar/);
  await checkpoint(page, "6-booked");

  // The appointment exists: the server shows it on the manage link's page.
  await page.getByRole("link", { name: "Change or cancel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment at Cabinet Demo Paris" })).toBeVisible();
  await expect(page.getByText(`at ${timeLabel}`).first()).toBeVisible();
  await expect(page.getByText("Booked", { exact: true })).toBeVisible();
  await expect(page.getByText(/asks for .* notice: you can move or cancel online until/)).toBeVisible();
  const manageUrl = page.url();
  await checkpoint(page, "7-manage");

  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await page.getByLabel("Reason (optional)").fill("Plans changed");
  await checkpoint(page, "8-cancel-confirm");
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("Your appointment is cancelled. The clinic has been told.")).toBeVisible();
  await checkpoint(page, "9-cancelled");

  // Not just on screen: a fresh load of the link shows it cancelled, with nothing left to change.
  await page.goto(manageUrl);
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("This appointment is cancelled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel appointment" })).toHaveCount(0);
});

test("two patients racing for the same time: one is booked, the other is told it was just taken and books the next", async ({ browser, baseURL, checkpoint }) => {
  const contexts = await Promise.all([browser.newContext({ baseURL }), browser.newContext({ baseURL })]);
  const [alice, bob] = await Promise.all(contexts.map((context) => context.newPage())) as [Page, Page];
  try {
    const picks: string[] = [];
    for (const [page, who] of [
      [alice, "alice"],
      [bob, "bob"],
    ] as const) {
      await page.goto("/book/demo-paris?lang=en");
      await chooseServiceAndPractitioner(page, "Dr Antoine Lefèvre");
      // A day with several times, and its last one: far from the minimum-notice edge, and the loser
      // still has other times to be offered that day.
      const day = await pickFreeDay(page, { minTimes: 3 });
      const lastTime = page.getByRole("group").getByRole("button").last();
      picks.push(`${day} ${(await lastTime.innerText()).split("\n")[0]!.trim()}`);
      await lastTime.click();
      await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();
      await fillDetails(page, `Racer ${who}`, `racer.${who}@example.test`);
    }
    // Both are about to book the very same time with the same practitioner.
    expect(picks[0]).toBe(picks[1]);

    await Promise.all([alice.getByRole("button", { name: "Confirm booking" }).click(), bob.getByRole("button", { name: "Confirm booking" }).click()]);

    const outcome = async (page: Page) => {
      const booked = page.getByRole("heading", { name: "You're booked" });
      const taken = page.getByRole("alert").filter({ hasText: /was just taken/ });
      await expect(booked.or(taken)).toBeVisible();
      return (await booked.isVisible()) ? "booked" : "taken";
    };
    const [aliceResult, bobResult] = await Promise.all([outcome(alice), outcome(bob)]);
    expect([aliceResult, bobResult].sort()).toEqual(["booked", "taken"]);

    const loser = aliceResult === "taken" ? alice : bob;
    await checkpoint(loser, "just-taken");

    // The loser keeps their details and takes the next free time offered.
    await loser.getByRole("list", { name: "Next free times" }).getByRole("button").first().click();
    await expect(loser.getByRole("group", { name: "Appointment to confirm" })).toContainText(/racer\.(alice|bob)@example\.test/);
    await loser.getByRole("button", { name: "Confirm booking" }).click();
    await expect(loser.getByRole("heading", { name: "You're booked" })).toBeVisible();
    await checkpoint(loser, "booked-next-time");
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
