// clinic.brand.*: uploads are checked by their bytes (type, size, pixels), published by owners
// and admins of their own clinic only, served from /media with year-long caching, and shown on
// the booking page; everything else is a clear refusal or the same bare 404.
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createFetchHandler } from "../../handler";
import { callerFor } from "../../testing";
import { base64, GIF_BYTES, jpegBytes, pngBytes, SVG_WITH_SCRIPT } from "../../testing/images";
import { codeOf, createStaffWorld } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

let a: Awaited<ReturnType<typeof createStaffWorld>>;
let b: Awaited<ReturnType<typeof createStaffWorld>>;
beforeAll(async () => {
  a = await createStaffWorld(db);
  b = await createStaffWorld(db);
});

const logo = (bytes: Uint8Array) => ({ purpose: "logo" as const, contentBase64: base64(bytes) });

/** The message of a refused call, as a person reads it. */
async function refusedWith(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    // A failed parse's issues are the zod cause (the HTTP answer says the first in words).
    const cause = (error as Error).cause;
    return cause instanceof z.ZodError ? cause.issues[0]!.message : (error as Error).message;
  }
  return "accepted";
}

const fetchMedia = (url: string, headers: Record<string, string> = {}) => createFetchHandler(a.deps)(new Request(`http://localhost:3000${url}`, { headers }));

describe("clinic.brand.uploadImage", () => {
  it("stores a PNG or a JPEG with the type and size read from its bytes, unpublished", async () => {
    const admin = await a.as("admin");
    const png = await admin.clinic.brand.uploadImage(logo(pngBytes(120, 40)));
    expect(png).toMatchObject({ contentType: "image/png", width: 120, height: 40 });
    expect(png.url).toMatch(new RegExp(`^/media/${a.clinicId}/${png.id}\\.[0-9a-f]{16}\\.png$`));
    const jpeg = await admin.clinic.brand.uploadImage(logo(jpegBytes(300, 200)));
    expect(jpeg).toMatchObject({ contentType: "image/jpeg", width: 300, height: 200 });
    expect((await fetchMedia(png.url)).status).toBe(404);
  });

  it("refuses SVG, other types, files over the cap and images too small, saying why, and stores nothing", async () => {
    const { as, audited } = a;
    const admin = await as("admin");
    const attempts = await audited(async () => [
      await refusedWith(admin.clinic.brand.uploadImage(logo(SVG_WITH_SCRIPT))),
      await refusedWith(admin.clinic.brand.uploadImage(logo(GIF_BYTES))),
      await refusedWith(admin.clinic.brand.uploadImage(logo(pngBytes(64, 64, [0, 0, 0], 600 * 1024)))),
      await refusedWith(admin.clinic.brand.uploadImage(logo(pngBytes(8, 8)))),
      await refusedWith(admin.clinic.brand.uploadImage({ purpose: "logo", contentBase64: "not base64!" })),
    ]);
    expect(attempts.result).toEqual([
      "Use a PNG, JPG, WEBP image (SVG and other types are not accepted)",
      "Use a PNG, JPG, WEBP image (SVG and other types are not accepted)",
      "The image is larger than 512 kB",
      "The image must be between 16 and 2048 pixels on each side",
      "The image could not be read",
    ]);
    expect(attempts.rows).toEqual([]);
    // A photo may be larger than a logo.
    const [practitionerId] = [a.staffed.clinic.practitionerId];
    const photo = await admin.clinic.brand.uploadImage({ purpose: "practitioner", practitionerId, contentBase64: base64(pngBytes(64, 64, [0, 0, 0], 600 * 1024)) });
    expect(photo.contentType).toBe("image/png");
  });

  it("is for owners and admins, and for the clinic's own practitioners only", async () => {
    expect(await codeOf((await a.as("receptionist")).clinic.brand.uploadImage(logo(pngBytes(32, 32))))).toBe("FORBIDDEN");
    const other = await b.as("admin");
    expect(await codeOf(other.clinic.brand.uploadImage({ purpose: "practitioner", practitionerId: a.staffed.clinic.practitionerId, contentBase64: base64(pngBytes(64, 64)) }))).toBe("NOT_FOUND");
  });
});

describe("publishing the brand", () => {
  it("publishes the logo, accent and description on the booking page and serves the logo for good", async () => {
    const admin = await a.as("admin");
    const uploaded = await admin.clinic.brand.uploadImage(logo(pngBytes(120, 40)));
    const updated = await a.audited(() => admin.clinic.brand.update({ logoImageId: uploaded.id, accentColour: "#0B5E3A", description: "Physio and sports medicine." }));
    expect(updated.result).toMatchObject({ logo: { id: uploaded.id }, accentColour: "#0b5e3a", description: "Physio and sports medicine." });
    expect(updated.rows).toHaveLength(1);
    expect(updated.rows[0]).toMatchObject({ entity: "clinic_brand", changes: { accentColour: [null, "#0b5e3a"], logoImageId: [null, uploaded.id] } });

    const page = await callerFor(a.deps).caller.public.clinic({ clinicSlug: a.staffed.clinic.slug });
    expect(page.brand).toMatchObject({ logo: { url: uploaded.url, width: 120, height: 40 }, accentColour: "#0b5e3a", description: "Physio and sports medicine." });

    const served = await fetchMedia(uploaded.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = served.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(Buffer.from(await served.arrayBuffer()).equals(pngBytes(120, 40))).toBe(true);
    expect((await fetchMedia(uploaded.url, { "If-None-Match": etag })).status).toBe(304);

    // A wrong hash, extension or clinic in the address finds nothing.
    const wrongHash = uploaded.url.replace(/\.[0-9a-f]{16}\./, ".0000000000000000.");
    const wrongClinic = uploaded.url.replace(a.clinicId, b.clinicId);
    for (const url of [wrongHash, uploaded.url.replace(/\.png$/, ".jpg"), wrongClinic, "/media/not-a-clinic/x.png"]) {
      const answer = await fetchMedia(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).toBe("Not found");
    }

    // A new logo replaces the old one, which is gone.
    const next = await admin.clinic.brand.uploadImage(logo(pngBytes(60, 60)));
    await admin.clinic.brand.update({ logoImageId: next.id });
    expect((await fetchMedia(uploaded.url)).status).toBe(404);
    expect((await fetchMedia(next.url)).status).toBe(200);
  });

  it("refuses an accent colour hard to read, with the contrast it needs and a darker shade that has it", async () => {
    const admin = await a.as("owner");
    const message = await refusedWith(admin.clinic.brand.update({ accentColour: "#7fb0f5" }));
    expect(message).toMatch(/^This colour is hard to read: \d\.\d:1 against [a-z ]+, and it needs 4\.5:1\. Try a darker shade such as #[0-9a-f]{6}$/);
    const suggestion = /#[0-9a-f]{6}$/.exec(message)![0];
    expect((await admin.clinic.brand.update({ accentColour: suggestion })).accentColour).toBe(suggestion);
    expect(await refusedWith(admin.clinic.brand.update({ accentColour: "green" }))).toBe("Use a colour such as #1d5fb8");
    expect(await refusedWith(admin.clinic.brand.update({ description: "x".repeat(501) }))).toBe("At most 500 characters");
  });

  it("does not let another clinic publish, or read, a clinic's upload", async () => {
    const draft = await (await a.as("admin")).clinic.brand.uploadImage(logo(pngBytes(50, 50)));
    const other = await b.as("owner");
    expect(await codeOf(other.clinic.brand.update({ logoImageId: draft.id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.clinic.brand.setPractitioner({ practitionerId: b.staffed.clinic.practitionerId, photoImageId: draft.id }))).toBe("NOT_FOUND");
    expect((await fetchMedia(draft.url)).status).toBe(404);
    expect((await other.clinic.brand.get()).logo).toBeNull();
  });

  it("gives practitioners a photo and a bio, and services a description, on the booking page", async () => {
    const admin = await a.as("admin");
    const { practitionerId, serviceId, slug } = a.staffed.clinic;
    const photo = await admin.clinic.brand.uploadImage({ purpose: "practitioner", practitionerId, contentBase64: base64(jpegBytes(400, 400)) });
    // A practitioner's photo is not a logo.
    expect(await codeOf(admin.clinic.brand.update({ logoImageId: photo.id }))).toBe("NOT_FOUND");
    await admin.clinic.brand.setPractitioner({ practitionerId, photoImageId: photo.id, bio: "Sports physiotherapist since 2010." });
    const set = await a.audited(() => admin.clinic.brand.setService({ serviceId, description: "A first visit: 30 minutes." }));
    expect(set.rows[0]).toMatchObject({ entity: "service", entityId: serviceId, changes: { description: [null, "A first visit: 30 minutes."] } });
    const page = await callerFor(a.deps).caller.public.clinic({ clinicSlug: slug });
    expect(page.brand.practitioners[practitionerId]).toEqual({ bio: "Sports physiotherapist since 2010.", photo });
    expect(page.brand.services[serviceId]).toEqual({ description: "A first visit: 30 minutes." });
    expect((await fetchMedia(photo.url)).headers.get("content-type")).toBe("image/jpeg");
    expect(await refusedWith(admin.clinic.brand.setPractitioner({ practitionerId, bio: "x".repeat(1001) }))).toBe("At most 1000 characters");
  });
});

describe("the upload's body cap", () => {
  const post = (path: string, bytes: number) =>
    createFetchHandler(a.deps)(
      new Request(`http://localhost:3000/trpc/${path}`, {
        method: "POST",
        headers: { Origin: "http://localhost:3000", "Content-Type": "application/json" },
        body: JSON.stringify({ purpose: "logo", contentBase64: "A".repeat(bytes) }),
      }),
    );

  it("lets an image call carry a photo's size, and no more; every other call stays at 64 kB", async () => {
    expect((await post("clinic.brand.uploadImage", 200 * 1024)).status).toBe(401);
    expect((await post("clinic.brand.uploadImage", 3 * 1024 * 1024)).status).toBe(413);
    expect((await post("clinic.brand.update", 200 * 1024)).status).toBe(413);
  });
});
