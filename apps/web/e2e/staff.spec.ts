import { expect, test } from "./fixtures";

// The seeded demo staff (packages/db seed): one account per role at each demo clinic.
const PASSWORD = "frontdesk-demo";
const staff = (role: string) => `${role}@demo-paris.frontdesk.test`;

test("a receptionist signs in, sees the day's calendar and moves between days; an owner is also offered settings", async ({ page, checkpoint }) => {
  await page.goto("/app/calendar");
  await expect(page.getByRole("heading", { name: "Sign in to Frontdesk" })).toBeVisible();

  await page.getByLabel("E-mail address").fill(staff("receptionist"));
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("do not match");
  await checkpoint(page, "sign-in-refused");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app\/calendar/);
  const nav = page.getByRole("navigation", { name: "Staff" });
  await expect(nav.getByRole("link")).toHaveText(["Calendar", "Patients", "Waitlist"]);
  await expect(page.getByRole("banner").getByText("Cabinet Demo Paris")).toBeVisible();
  await expect(page.getByRole("region").first()).toBeVisible();

  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/date=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(heading ?? "");
  await expect(page.getByRole("group", { name: "Day calendar" })).toBeVisible();
  await checkpoint(page, "calendar");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Frontdesk" })).toBeVisible();

  await page.getByLabel("E-mail address").fill(staff("owner"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(nav.getByRole("link")).toHaveText(["Calendar", "Patients", "Waitlist", "Clinic settings", "Setup checklist", "Reports"]);
});
