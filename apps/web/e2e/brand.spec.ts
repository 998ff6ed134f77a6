// The clinic's brand end to end (ADR 0049): an owner uploads a logo and a practitioner's photo,
// sets an accent colour (a light one is refused first), a description and a service's
// description; the patient's booking page shows them, with the map link, and the images come
// from /media with year-long caching. The clinic is put back as it was at the end.
import { deflateSync } from "node:zlib";
import { expect, signIn, test } from "./fixtures";

/** A real, decodable PNG of one colour (the browser must be able to draw it). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [11, 94, 58]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

test("an owner brands the booking page and the patient sees it", async ({ page, request, browser, baseURL, checkpoint }) => {
  await signIn(page, "owner@demo-newyork.frontdesk.test");

  await page.goto("/app/settings/brand");
  await expect(page.getByRole("heading", { level: 2, name: "Booking page" })).toBeVisible();
  await page.getByLabel("Choose a logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png(160, 48) });
  await expect(page.getByRole("img", { name: "Your clinic's logo" })).toBeVisible();
  await page.getByLabel("Choose a photo of Dr Maya Patel").setInputFiles({ name: "maya.png", mimeType: "image/png", buffer: png(96, 96) });
  await expect(page.getByRole("img", { name: "Photo of Dr Maya Patel" })).toBeVisible();

  const accent = page.getByLabel("Accent colour");
  await accent.fill("#ffd966");
  await expect(accent).toHaveAccessibleDescription(/hard to read/);
  await accent.fill("#0b5e3a");
  await page.getByLabel("About the clinic").fill("Family medicine in Midtown since 1998.");
  await page.getByRole("button", { name: "Save colour and description" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByLabel("About Dr Maya Patel").fill("Family physician; speaks English and Gujarati.");
  await page.getByRole("button", { name: "Save the bio of Dr Maya Patel" }).click();
  await page.getByLabel("Description of Check-up").fill("A yearly visit: history, exam and advice.");
  await page.getByRole("button", { name: "Save the description of Check-up" }).click();
  await expect(page.getByText("Saved", { exact: true }).first()).toBeVisible();
  await checkpoint(page, "1-settings");

  const patientContext = await browser.newContext({ baseURL });
  const patient = await patientContext.newPage();
  try {
    await patient.goto("/book/demo-newyork?lang=en");
    const logo = patient.getByRole("img", { name: "Demo Health New York logo" });
    await expect(logo).toBeVisible();
    await expect(logo).toHaveAttribute("width", "160");
    await expect(patient.getByText("Family medicine in Midtown since 1998.")).toBeVisible();
    await expect(patient.getByRole("link", { name: "See the address on a map" })).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/search\?query=350%205th%20Ave/);
    await expect(patient.getByText("A yearly visit: history, exam and advice.")).toBeVisible();
    // The accent is the clinic's on the light theme.
    expect(await patient.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim())).toBe("#0b5e3a");
    // And before the app runs (its scripts never arrive here): the server's page is in that colour from its first paint.
    const written = await patientContext.newPage();
    await written.route(/\/assets\/[^/]*\.js$/, (route) => route.abort());
    await written.goto("/book/demo-newyork?lang=en");
    await expect(written.getByText("Family medicine in Midtown since 1998.")).toBeVisible();
    expect(await written.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim())).toBe("#0b5e3a");
    await written.close();

    const src = await logo.getAttribute("src");
    const served = await request.get(src!);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/png");
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(served.headers()["x-content-type-options"]).toBe("nosniff");

    await patient.getByRole("button", { name: /Check-up/ }).click();
    const photo = patient.getByRole("img", { name: "Photo of Dr Maya Patel" });
    await expect(photo).toHaveAttribute("loading", "lazy");
    await expect(photo).toBeVisible();
    await expect(patient.getByText("Family physician; speaks English and Gujarati.")).toBeVisible();
    await checkpoint(patient, "2-booking-page");
  } finally {
    await patientContext.close();
  }

  // Put the clinic back as the other tests know it.
  await page.getByRole("button", { name: "Remove the image" }).first().click();
  await expect(page.getByRole("img", { name: "Your clinic's logo" })).toHaveCount(0);
  await page.getByRole("button", { name: "Remove the image" }).first().click();
  await expect(page.getByRole("img", { name: "Photo of Dr Maya Patel" })).toHaveCount(0);
  await accent.fill("");
  await page.getByLabel("About the clinic").fill("");
  await page.getByRole("button", { name: "Save colour and description" }).click();
  await page.getByLabel("About Dr Maya Patel").fill("");
  await page.getByRole("button", { name: "Save the bio of Dr Maya Patel" }).click();
  await page.getByLabel("Description of Check-up").fill("");
  await page.getByRole("button", { name: "Save the description of Check-up" }).click();
  await expect.poll(async () => ((await (await request.get("/api/v1/clinics/demo-newyork")).json()) as { brand: { description: string | null; logo: unknown } }).brand).toMatchObject({ description: null, logo: null });
});
