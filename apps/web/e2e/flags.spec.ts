// Feature flags end to end: the owner switches online booking off in the clinic settings, the
// patient's booking page says booking is closed and the REST API refuses a booking, then the
// owner switches it back on. The rollout flag is the operator's: shown, not offered.
import { expect, signIn, test } from "./fixtures";

test("an owner closes online booking and the booking page says so, until it is opened again", async ({ page, request, checkpoint }) => {
  await signIn(page, "owner@demo-newyork.frontdesk.test");

  await page.goto("/app/settings/features");
  await expect(page.getByRole("heading", { level: 2, name: "Features" })).toBeVisible();
  const booking = page.getByRole("checkbox", { name: "Online booking" });
  await expect(booking).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Calendar feeds (rollout)" })).toBeDisabled();
  await booking.click();
  await expect(booking).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Use the default for Online booking" })).toBeVisible();
  await checkpoint(page, "1-booking-off");

  const patient = await page.context().browser()!.newPage();
  try {
    await patient.goto("/book/demo-newyork?lang=en");
    await expect(patient.getByText("Online booking is closed")).toBeVisible();
    await expect(patient.getByRole("button", { name: /Consultation/ })).toHaveCount(0);
  } finally {
    await patient.close();
  }
  const clinic = (await (await request.get("/api/v1/clinics/demo-newyork")).json()) as { services: Array<{ id: string }>; features: { onlineBooking: boolean } };
  expect(clinic.features.onlineBooking).toBe(false);
  const refused = await request.post("/api/v1/clinics/demo-newyork/bookings", {
    data: { serviceId: clinic.services[0]!.id, start: "2030-01-07T15:00:00Z", patient: { name: "Ann Lee", email: "ann@example.test" }, idempotencyKey: crypto.randomUUID() },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { reason: string } }).error.reason).toBe("FEATURE_OFF");

  await page.getByRole("button", { name: "Use the default for Online booking" }).click();
  await expect(booking).toBeChecked();
  await expect(page.getByText(/Patients can book on the clinic's public page.*Default\./)).toBeVisible();
});
