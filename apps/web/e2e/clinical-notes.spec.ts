import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "./fixtures";

test("a practitioner writes a note (saved as they type), signs it, and amends it: the original stays as signed", async ({ page, checkpoint }) => {
  await signIn(page, "practitioner@demo-paris.frontdesk.test", "/app/patients");
  await page.getByRole("searchbox", { name: "Search patients" }).fill("ines moreau");
  await expect(page).toHaveURL(/q=ines(\+|%20)moreau/);
  await page.getByRole("list", { name: "Patients" }).getByRole("link", { name: "Inès Moreau" }).click();
  await expect(page.getByRole("heading", { name: "Inès Moreau", level: 1 })).toBeVisible();

  const notes = page.getByRole("region", { name: "Clinical notes" });
  await notes.getByRole("button", { name: "New note" }).click();
  await notes.getByLabel("Note", { exact: true }).fill("Lower back pain for two weeks, worse in the morning.");
  await expect(notes.getByRole("status")).toHaveText("Draft saved");
  // Saved on the server as typed: a reload brings the draft back.
  await page.reload();
  await expect(notes.getByLabel("Note", { exact: true })).toHaveValue("Lower back pain for two weeks, worse in the morning.");
  await checkpoint(page, "note-draft");

  await notes.getByRole("button", { name: "Sign note" }).click();
  const signed = notes.getByRole("article", { name: "Signed note" });
  await expect(signed).toContainText("Lower back pain for two weeks, worse in the morning.");
  await expect(signed.getByRole("textbox")).toHaveCount(0);

  await signed.getByRole("button", { name: "Amend" }).click();
  await signed.getByLabel("Amendment", { exact: true }).fill("Correction: three weeks, not two.");
  await signed.getByRole("button", { name: "Sign note" }).click();
  const amendment = signed.getByRole("group", { name: "Amendment", exact: true });
  await expect(amendment).toContainText("Amendment by");
  await expect(amendment).toContainText("Correction: three weeks, not two.");
  await expect(signed).toContainText("Lower back pain for two weeks, worse in the morning.");
  await expect(signed.getByRole("textbox")).toHaveCount(0);
  await checkpoint(page, "note-amended");
});

test("an admin exports a patient: a readable document and JSON of everything the clinic holds", async ({ page, checkpoint }) => {
  await signIn(page, "admin@demo-paris.frontdesk.test", "/app/patients");
  await page.getByRole("searchbox", { name: "Search patients" }).fill("ines moreau");
  await expect(page).toHaveURL(/q=ines(\+|%20)moreau/);
  await page.getByRole("list", { name: "Patients" }).getByRole("link", { name: "Inès Moreau" }).click();
  await expect(page.getByRole("heading", { name: "Inès Moreau", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Export data" }).click();
  await expect(page.getByRole("status")).toContainText("Export ready");
  await checkpoint(page, "patient-export");
  const [readable] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "readable document" }).click()]);
  const text = await readFile(await readable.path(), "utf8");
  expect(text).toContain("What Cabinet Demo Paris holds about Inès Moreau");
  expect(text).toContain("ines.moreau@exemple.fr");
  // Notes are the practitioners' unless the clinic opens them to admins (it does not, by default).
  expect(text).toContain("Kept by the practitioners");
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "JSON" }).click()]);
  const data = JSON.parse(await readFile(await json.path(), "utf8")) as { patient: { fullName: string }; appointments: unknown[] };
  expect(data.patient.fullName).toBe("Inès Moreau");
  expect(Array.isArray(data.appointments)).toBe(true);
});
