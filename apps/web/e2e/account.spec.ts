import { expect, test } from "./fixtures";
import { codeIn, mailTo } from "./mail";

// The seeded demo staff (packages/db seed): one account per role at each demo clinic.
const DEMO_PASSWORD = "frontdesk-demo";

test("a new owner signs up, creates a clinic at a checked address and lands in its empty calendar", async ({ page, checkpoint }) => {
  await page.goto("/app/sign-up");
  await expect(page.getByRole("heading", { name: "Create your Frontdesk account" })).toBeVisible();
  await page.getByLabel("Your name").fill("Inès Fabre");
  const email = `ines.fabre.${Date.now()}@example.test`;
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  // The server's policy, on the field.
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await checkpoint(page, "sign-up-refused");

  await page.getByLabel("Password", { exact: true }).fill("a long enough phrase");
  await page.getByRole("button", { name: "Create account" }).click();
  // The address is proved before anything opens: the code from the e-mail.
  await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeVisible();
  await page.getByLabel("Confirmation code").fill(codeIn(await mailTo(email, /Confirm your e-mail/)));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Create your clinic" })).toBeVisible();
  await expect(page).toHaveURL(/\/app\/new-clinic$/);
  // The browser's own zone is the default (Playwright runs it in Los Angeles).
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Los_Angeles");

  await page.getByLabel("Clinic name").fill("Cabinet Santé Lyon");
  const address = page.getByLabel("Booking page address");
  await expect(address).toHaveValue("cabinet-sante-lyon");
  await expect(page.getByText("cabinet-sante-lyon is available")).toBeVisible();

  await address.fill("demo-paris");
  await expect(page.getByText('The address "demo-paris" is taken. Try another.')).toBeVisible();
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await checkpoint(page, "address-taken");

  await address.fill("sante-lyon");
  await expect(page.getByText("sante-lyon is available")).toBeVisible();
  await page.getByLabel("Time zone").fill("Europe/Paris");
  await checkpoint(page, "create-clinic");

  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page).toHaveURL(/\/app\/setup/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your clinic" })).toBeVisible();
  await expect(page.getByText("Cabinet Santé Lyon")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff" }).getByRole("link")).toHaveText(["Calendar", "Patients", "Waitlist", "Clinic settings", "Setup checklist", "Reports"]);
  await checkpoint(page, "setup-checklist");
});

test("a receptionist comes back to the patients after signing in, finds a patient without accents, opens the record and changes the phone", async ({
  page,
  checkpoint,
}) => {
  await page.goto("/app/patients");
  await expect(page.getByRole("heading", { name: "Sign in to Frontdesk" })).toBeVisible();
  await page.getByLabel("E-mail address").fill("receptionist@demo-paris.frontdesk.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app\/patients$/);
  await expect(page.getByRole("heading", { name: "Patients", level: 1 })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search patients" }).fill("ines moreau");
  await expect(page).toHaveURL(/q=ines(\+|%20)moreau/);
  const result = page.getByRole("list", { name: "Patients" }).getByRole("link", { name: "Inès Moreau" });
  await expect(result).toBeVisible();
  await checkpoint(page, "patient-search");

  await result.click();
  await expect(page.getByRole("heading", { name: "Inès Moreau", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Contact details" })).toContainText("ines.moreau@exemple.fr");
  await checkpoint(page, "patient-record");

  await page.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Inès Moreau" });
  await dialog.getByLabel("Phone").fill("not a phone");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByText("Enter a phone number with digits only")).toBeVisible();
  await checkpoint(page, "edit-refused");

  await dialog.getByLabel("Phone").fill("+33 6 12 34 56 78");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await expect(page.getByRole("link", { name: "06 12 34 56 78" })).toBeVisible();
  await checkpoint(page, "patient-saved");

  // The change is the server's, not only the page's.
  await page.reload();
  await expect(page.getByRole("link", { name: "06 12 34 56 78" })).toBeVisible();
});
