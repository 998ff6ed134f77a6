// Calendar feeds end to end: an owner makes a practitioner's subscription URL in the clinic
// settings, chooses what it shows, a calendar app fetches it, and revoking it makes it 404.
import { expect, PARIS_STAFF, signIn, test } from "./fixtures";

test("an owner makes a calendar feed, a calendar fetches it, and revoking it makes it 404", async ({ page, request, checkpoint }) => {
  await signIn(page, PARIS_STAFF.owner);

  await page.goto("/app/settings/calendar-feeds");
  await expect(page.getByRole("heading", { level: 2, name: "Calendar feeds" })).toBeVisible();
  const calendar = page.getByRole("combobox", { name: "Calendar", exact: true });
  await expect(calendar.locator("option").first()).toHaveText("Whole clinic");
  const options = await calendar.locator("option").allTextContents();
  const practitioner = options[1]!;
  await calendar.selectOption({ label: practitioner });
  // What this practitioner's appointments show: initials.
  const detail = page.getByRole("combobox", { name: practitioner, exact: true });
  await detail.selectOption({ label: "Service and patient initials" });
  await expect(detail).toHaveValue("initials");
  await page.getByRole("button", { name: "Create feed" }).click();
  const shown = page.getByTestId("new-feed-url");
  await expect(shown).toHaveText(/\/ical\/[0-9a-f-]{36}_[0-9a-f-]{36}_[a-z2-7]{32}\.ics$/);
  const path = new URL((await shown.textContent())!).pathname;
  await expect(page.getByRole("row", { name: new RegExp(practitioner) }).first()).toBeVisible();
  await checkpoint(page, "1-feed-created");

  const feed = await request.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const ics = await feed.text();
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain(`X-WR-CALNAME:Cabinet`);

  const hint = (await page.getByRole("row", { name: new RegExp(practitioner) }).first().getByRole("cell").first().textContent())!;
  await page.getByRole("button", { name: `Revoke the feed of ${practitioner} ending ${hint}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(practitioner) }).first()).toContainText("Revoked");
  expect((await request.get(path)).status()).toBe(404);
});
