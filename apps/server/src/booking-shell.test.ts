import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { PATIENT_LANGUAGES } from "@frontdesk/domain";
import { describe, expect, it } from "vitest";
import { createBookingPages, readBookingShellManifest, renderBookingPage, type ShellClinic } from "./booking-shell";
import { SHELL_CLASSES, SHELL_TEXT_KEYS, type BookingShellManifest } from "./booking-shell-manifest";

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Frontdesk</title>
    <script>inline()</script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

/** Every entry is "<language>:<key>", with the placeholders the real catalogue uses. */
function manifest(): BookingShellManifest {
  const placeholders: Partial<Record<string, string>> = {
    "booking.title": " {{clinic}}",
    "booking.timesIn": " {{zone}}",
    "duration.minutes": " {{minutes}}",
    "duration.hours": " {{hours}}",
    "duration.hoursMinutes": " {{hours}} {{minutes}}",
    "common.phone": " {{phone}}",
    "common.callClinicAt": " {{clinic}} {{phone}}",
    "brand.logoAlt": " {{clinic}}",
  };
  const text = Object.fromEntries(
    PATIENT_LANGUAGES.map((language) => [language, Object.fromEntries(SHELL_TEXT_KEYS.map((key) => [key, `${language}:${key}${placeholders[key] ?? ""}`]))]),
  ) as BookingShellManifest["text"];
  const catalogues = Object.fromEntries(PATIENT_LANGUAGES.map((language) => [language, `/assets/${language}-hash.js`])) as BookingShellManifest["catalogues"];
  const classes = Object.fromEntries(SHELL_CLASSES.map((name) => [name, `_${name.replace(".", "_")}_x`])) as BookingShellManifest["classes"];
  return { catalogues, text, classes };
}

const clinic: ShellClinic = {
  slug: "demo-paris",
  name: `Cabinet "Demo" <script>alert(1)</script> & Co`,
  locale: "fr-FR",
  currency: "EUR",
  timezone: "Europe/Paris",
  address: "12 rue de la Santé",
  phone: "+33 1 42 00 00 00",
  features: { onlineBooking: true },
  services: [
    { id: "s1", name: "Consultation </script><b>", durationMinutes: 30, priceCents: 3000 },
    { id: "s2", name: "Kiné", durationMinutes: 90, priceCents: null },
  ],
};

function render(search = "", overrides: Partial<ShellClinic> = {}) {
  return renderBookingPage({ indexHtml: INDEX, manifest: manifest(), clinic: { ...clinic, ...overrides }, search: new URLSearchParams(search) });
}

/** The JSON block's text, as the browser's parser would end it: at the first "</script". */
function clinicBlock(html: string): string {
  const start = html.indexOf('<script type="application/json" id="frontdesk-clinic">');
  const text = html.slice(start).replace(/^<script[^>]*>/, "");
  return text.slice(0, text.toLowerCase().indexOf("</script"));
}

describe("the booking page's first screen", () => {
  it("shows the clinic and its services as links to the next step, in the clinic's language", () => {
    const html = render();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<div id="root" data-first-screen="booking">');
    expect(html).toContain('<li aria-current="step">fr:booking.step.service</li>');
    expect(html).toContain('href="/book/demo-paris?step=practitioner&#38;service=s1"');
    expect(html).toContain("fr:duration.minutes 30 · 30,00\u00a0€");
    // 90 minutes, no price: hours and minutes, and nothing after them.
    expect(html).toContain('<span class="_booking_choiceMeta_x">fr:duration.hoursMinutes 1 30</span>');
    expect(html).toContain('<a href="tel:+33142000000"');
    expect(html).toContain('<option value="fr" lang="fr" selected>Français</option>');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/fr-hash.js">');
  });

  it("escapes the clinic's words in the markup and cannot be ended early in the JSON block", () => {
    const html = render();
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<b>");
    expect(html).toContain("<h1>Cabinet &#34;Demo&#34; &#60;script&#62;alert(1)&#60;/script&#62; &#38; Co</h1>");
    expect(html).toContain("<title>fr:booking.title Cabinet &#34;Demo&#34;");
    // The block parses back to the whole answer: nothing in it closed the script element.
    expect(JSON.parse(clinicBlock(html))).toEqual({ slug: "demo-paris", clinic });
  });

  it("speaks the patient's pick and keeps it in the links", () => {
    const html = render("lang=de");
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("de:booking.service.heading");
    expect(html).toContain("service=s1&#38;lang=de");
    expect(html).toContain("/assets/de-hash.js");
    // An unknown pick is the clinic's language.
    expect(render("lang=xx")).toContain('<html lang="fr">');
  });

  it("shows the brand and the patient's own list as the app does, escaped", () => {
    const brand = {
      logo: { url: "/media/c1/i1.abcd.png", width: 200, height: 80 },
      description: "Soins <em>doux</em>",
      mapUrl: "https://www.openstreetmap.org/search?query=12%20rue",
      services: { s1: { description: "Premier \"bilan\"" } },
    };
    const html = render("lang=es", { brand });
    expect(html).toContain('<img class="_brand_logo_x" src="/media/c1/i1.abcd.png" width="200" height="80" alt="es:brand.logoAlt Cabinet');
    expect(html).toContain('<p class="_brand_about_x">Soins &#60;em&#62;doux&#60;/em&#62;</p>');
    expect(html).toContain('<a href="https://www.openstreetmap.org/search?query=12%20rue" target="_blank" rel="noreferrer">es:brand.map</a>');
    expect(html).toContain('</a><p class="_brand_about_x">Premier &#34;bilan&#34;</p></li>');
    expect(html).toContain('<a href="/book/demo-paris/my?lang=es">es:my.link</a>');
    // Without a brand: no image, no description, still the list.
    const plain = render();
    expect(plain).not.toContain("<img");
    expect(plain).toContain('<a href="/book/demo-paris/my?lang=fr">fr:my.link</a>');
  });

  it.each([
    ["another step is asked for", "step=time&service=s1", {}],
    ["a service is chosen already", "service=s1", {}],
    ["the clinic has no services", "", { services: [] }],
    ["online booking is off", "", { features: { onlineBooking: false } }],
  ])("writes no screen when %s (the app shows that), but still the clinic answer", (_, search, overrides) => {
    const html = render(search, overrides);
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('id="frontdesk-clinic"');
  });
});

describe("createBookingPages", () => {
  const answer = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

  it("asks the API for the clinic as the visitor and sends the page compressed, never cached without asking", async () => {
    const asked: string[] = [];
    const pages = createBookingPages({
      indexHtml: INDEX,
      manifest: manifest(),
      askApi: (request, visitor) => {
        asked.push(`${new URL(request.url).pathname}${new URL(request.url).search} for ${visitor.url}`);
        return answer(200, { result: { data: clinic } });
      },
    });
    const visitor = new Request("http://localhost/book/demo-paris?lang=es", { headers: { "accept-encoding": "gzip, br" } });
    const response = await pages(visitor);
    expect(asked).toEqual([`/trpc/public.clinic?input=${encodeURIComponent('{"clinicSlug":"demo-paris"}')} for http://localhost/book/demo-paris?lang=es`]);
    expect(response?.status).toBe(200);
    expect(response?.headers.get("content-encoding")).toBe("br");
    expect(response?.headers.get("cache-control")).toBe("no-cache");
    expect(response?.headers.get("vary")).toBe("Accept-Encoding");
    const html = brotliDecompressSync(Buffer.from(await response!.arrayBuffer())).toString("utf8");
    expect(html).toContain("es:booking.service.heading");
  });

  it("leaves other pages, unknown clinics and failed reads to index.html as it is", async () => {
    let calls = 0;
    const pages = createBookingPages({
      indexHtml: INDEX,
      manifest: manifest(),
      askApi: () => {
        calls++;
        return answer(404, { error: { message: "No such clinic" } });
      },
    });
    expect(await pages(new Request("http://localhost/app/calendar"))).toBeNull();
    expect(await pages(new Request("http://localhost/book/Not_A_Slug"))).toBeNull();
    expect(await pages(new Request("http://localhost/book/demo-paris", { method: "POST" }))).toBeNull();
    expect(calls).toBe(0);
    expect(await pages(new Request("http://localhost/book/nowhere"))).toBeNull();
    expect(calls).toBe(1);
  });
});

describe("readBookingShellManifest", () => {
  it("reads the build's manifest, and is null without one", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "booking-shell-"));
    expect(await readBookingShellManifest(folder)).toBeNull();
    await writeFile(path.join(folder, "booking-shell.json"), JSON.stringify(manifest()));
    expect(await readBookingShellManifest(folder)).toEqual(manifest());
  });

  it("stops the server on a manifest that lacks an entry, a catalogue or a class", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "booking-shell-"));
    const broken = manifest();
    delete (broken.text.de as Partial<Record<string, string>>)["booking.service.heading"];
    delete (broken.catalogues as Partial<Record<string, string>>).es;
    delete (broken.classes as Partial<Record<string, string>>)["booking.choice"];
    await writeFile(path.join(folder, "booking-shell.json"), JSON.stringify(broken));
    await expect(readBookingShellManifest(folder)).rejects.toThrow(/missing catalogue es, de booking.service.heading, booking.choice/);
  });
});
