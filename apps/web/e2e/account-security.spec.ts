// Accounts you can trust (issue 14), in a real browser against the real server: sign-up proves
// the address, a forgotten password is reset by an e-mailed link, and two-step verification is
// set up and then used with an authenticator code and with a recovery code.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { codeIn, mailTo, totp } from "./mail";

const PASSWORD = "a long enough phrase";

/** Signs up through the pages, confirms the address with the mailed code, and opens a clinic through the API. */
async function newMember(page: Page, label: string) {
  const email = `${label}.${Date.now()}@example.test`;
  await page.goto("/app/sign-up");
  await page.getByLabel("Your name").fill(`Test ${label}`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Confirmation code").fill(codeIn(await mailTo(email, /Confirm your e-mail/)));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Create your clinic" })).toBeVisible();
  const slug = `${label}-${Date.now()}`;
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/trpc/clinics.create", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: { name: `Clinic ${label}`, slug, timezone: "Europe/Paris" },
  });
  expect(created.status()).toBe(200);
  return email;
}

async function signInWithPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto("/app/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Frontdesk" })).toBeVisible();
}

test("a new account is usable only once the code mailed to its address comes back", async ({ page, checkpoint }) => {
  const email = `verify.${Date.now()}@example.test`;
  await page.goto("/app/sign-up");
  await page.getByLabel("Your name").fill("Verified Person");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(`We sent a 6-digit code to ${email}`);
  await checkpoint(page, "confirm-address");

  // Until then the password opens nothing.
  const early = await page.request.post("/trpc/auth.signIn", {
    headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" },
    data: { email, password: PASSWORD },
  });
  expect(early.status()).toBe(401);

  await page.getByLabel("Confirmation code").fill("000000");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right");
  await page.getByLabel("Confirmation code").fill(codeIn(await mailTo(email, /Confirm your e-mail/)));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Create your clinic" })).toBeVisible();
});

test("a forgotten password is replaced through the e-mailed link, which works once", async ({ page, checkpoint }) => {
  const email = await newMember(page, "forgetful");
  await page.goto("/app/calendar");
  await signOut(page);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${email} has a Frontdesk account`);
  // The member's clinic is in Europe/Paris, so French (fr-FR): the mail speaks its language (ADR 0072).
  const link = /(http\S+\/app\/reset-password\/\S+)/.exec(await mailTo(email, /^Choisissez un nouveau mot de passe Frontdesk$/))![1]!;

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a different long phrase");
  await page.getByLabel("Repeat the new password").fill("a different long phrase");
  await checkpoint(page, "reset-password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("heading", { name: "Your password is changed" })).toBeVisible();

  await signInWithPassword(page, email, PASSWORD);
  await expect(page.getByRole("alert")).toContainText("do not match an account");
  await signInWithPassword(page, email, "a different long phrase");
  await expect(page).toHaveURL(/\/app\/calendar/);

  // The link was used up.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("yet another long phrase");
  await page.getByLabel("Repeat the new password").fill("yet another long phrase");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("alert")).toContainText("This link is no longer valid");
});

test("two-step verification: set up with the key, then sign in with an app code and with a recovery code", async ({ page, checkpoint }) => {
  const email = await newMember(page, "careful");
  await page.goto("/app/account");
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: "QR code to add Frontdesk to your authenticator app" })).toBeVisible();
  await checkpoint(page, "mfa-setup");
  const key = (await page.getByLabel("Key").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(totp(key));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  const codes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("10 recovery codes left")).toBeVisible();
  await signOut(page);

  // The password alone is not enough any more. The app's next code: the one just used is spent.
  await signInWithPassword(page, email);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await checkpoint(page, "mfa-step");
  await page.getByLabel("Authentication code").fill(totp(key, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/app\/calendar/);
  await signOut(page);

  await signInWithPassword(page, email);
  await page.getByLabel("Authentication code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/app\/calendar/);
  await page.goto("/app/account");
  await expect(page.getByText("9 recovery codes left")).toBeVisible();
  // The account's recent activity shows what happened.
  await expect(page.getByRole("list", { name: "Recent activity" })).toContainText("Recovery code used");
  await expect(page.getByRole("list", { name: "Recent activity" })).toContainText("Two-step verification turned on");

  // A recovery code works once.
  await signOut(page);
  await signInWithPassword(page, email);
  await page.getByLabel("Authentication code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right");
});
