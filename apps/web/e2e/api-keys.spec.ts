// API keys end to end: an owner creates a key in the clinic settings, another program calls the
// REST API with it, and once the owner revokes it the API refuses it.
import { expect, PARIS_STAFF, signIn, test } from "./fixtures";

test("an owner creates an API key, a program uses it, and revoking it locks the program out", async ({ page, request, checkpoint }) => {
  await signIn(page, PARIS_STAFF.owner);

  await page.goto("/app/settings/api-keys");
  await expect(page.getByRole("heading", { level: 2, name: "API keys" })).toBeVisible();
  const name = `Website widget ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  // calendar:read is ticked by default; nothing else.
  await expect(page.getByRole("checkbox", { name: /^calendar:read/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^patients:read/ })).not.toBeChecked();
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^fdk_[0-9a-f-]{36}_[a-z2-7]{32}$/);
  const key = (await shown.textContent())!;
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("calendar:read");
  // Cells: key, scopes, last used, expires, status (the name is the row's header).
  await expect(row.getByRole("cell").nth(2)).toHaveText("Never");
  // The list shows only the start of the secret, never the key.
  await expect(row.getByRole("cell").first()).toHaveText(/^fdk_…[a-z2-7]{8}$/);
  await checkpoint(page, "1-key-created");

  const withKey = { headers: { Authorization: `Bearer ${key}` } };
  const services = await request.get("/api/v1/services", withKey);
  expect(services.status()).toBe(200);
  expect(((await services.json()) as Array<{ name: string }>).map((s) => s.name)).toContain("Consultation");
  const refused = await request.get("/api/v1/patients", withKey);
  expect(refused.status()).toBe(403);

  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByRole("cell").nth(2)).not.toHaveText("Never");
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  expect((await request.get("/api/v1/services", withKey)).status()).toBe(401);
});
