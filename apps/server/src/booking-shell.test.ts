import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { PATIENT_LANGUAGES } from "@frontdesk/domain";
import { describe, expect, it } from "vitest";
import { createBookingPages, readBookingShellManifest, renderBookingPage, type ShellClinic, type ShellSlots } from "./booking-shell";
import { SHELL_CLASSES, SHELL_PLURAL_KEYS, SHELL_TEXT_KEYS, type BookingShellManifest } from "./booking-shell-manifest";

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
    "brand.photoAlt": " {{name}}",
    "booking.practitioner.anyone": " {{service}}",
    "slots.dayNone": " {{date}}",
  };
  const text = Object.fromEntries(
    PATIENT_LANGUAGES.map((language) => [language, Object.fromEntries(SHELL_TEXT_KEYS.map((key) => [key, `${language}:${key}${placeholders[key] ?? ""}`]))]),
  ) as BookingShellManifest["text"];
  const catalogues = Object.fromEntries(PATIENT_LANGUAGES.map((language) => [language, `/assets/${language}-hash.js`])) as BookingShellManifest["catalogues"];
  const classes = Object.fromEntries(SHELL_CLASSES.map((name) => [name, `_${name.replace(".", "_")}_x`])) as BookingShellManifest["classes"];
  // French has "one", "many" and "other" (i18next's fr keys); the others "one" and "other".
  const plurals = Object.fromEntries(
    PATIENT_LANGUAGES.map((language) => [
      language,
      Object.fromEntries(
        SHELL_PLURAL_KEYS.map((key) => [key, Object.fromEntries((language === "fr" ? ["one", "many", "other"] : ["one", "other"]).map((form) => [form, `${language}:${key}_${form} {{count}} ${key === "slots.dayFree" ? "{{date}}" : "{{month}}"}`]))]),
      ),
    ]),
  ) as BookingShellManifest["plurals"];
  return { catalogues, text, plurals, classes };
}

const clinic: ShellClinic = {
  slug: "demo-paris",
  name: `Cabinet "Demo" <script>alert(1)</script> & Co`,
  locale: "fr-FR",
  currency: "EUR",
  timezone: "Europe/Paris",
  address: "12 rue de la Santé",
  phone: "+33 1 42 00 00 00",
  features: { onlineBooking: true, waitlist: false },
  policy: { horizonDays: 60 },
  services: [
    { id: "s1", name: "Consultation </script><b>", durationMinutes: 30, priceCents: 3000 },
    { id: "s2", name: "Kiné", durationMinutes: 90, priceCents: null },
  ],
  practitioners: [
    { id: "p1", displayName: "Dr <i>Martin</i>", serviceIds: ["s1"] },
    { id: "p2", displayName: "Dr Kiné", serviceIds: ["s2"] },
  ],
};

/** 10:00 in Paris on Wednesday 2 December 2026: the time step opens on December, from the 2nd. */
const NOW = new Date("2026-12-02T09:00:00Z");

const SLOTS: ShellSlots = {
  durationMinutes: 30,
  days: [
    { date: "2026-12-02", starts: [] },
    { date: "2026-12-03", starts: ["2026-12-03T08:00:00Z"] },
    { date: "2026-12-04", starts: ["2026-12-04T08:00:00Z", "2026-12-04T08:30:00Z", "2026-12-04T09:00:00Z"] },
  ],
};

function render(search = "", overrides: Partial<ShellClinic> = {}, slots?: ShellSlots) {
  return renderBookingPage({ indexHtml: INDEX, manifest: manifest(), clinic: { ...clinic, ...overrides }, search: new URLSearchParams(search), slots, now: NOW });
}

/** The first screen's markup in #root, or null. */
function screenOf(html: string): string | null {
  return /<div id="root" data-first-screen="booking">([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? null;
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
    // The step is named for the entry's loader, which starts the app later on steps of links.
    expect(html).toContain('<html lang="fr" data-step="service">');
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
    expect(html).toContain('<html lang="de" data-step="service">');
    expect(html).toContain("de:booking.service.heading");
    expect(html).toContain("service=s1&#38;lang=de");
    expect(html).toContain("/assets/de-hash.js");
    // An unknown pick is the clinic's language.
    expect(render("lang=xx")).toContain('<html lang="fr" data-step="service">');
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

  it("writes the practitioner step a service's link opens: first available and who offers the service, linking to the time step", () => {
    const html = render("step=practitioner&service=s1&lang=de");
    const screen = screenOf(html) ?? "";
    expect(html).toContain('<html lang="de" data-step="practitioner">');
    expect(screen).toContain('<li aria-current="step">de:booking.step.practitioner</li>');
    expect(screen).toContain("de:booking.practitioner.heading");
    expect(screen).toContain('href="/book/demo-paris?step=time&#38;service=s1&#38;practitioner=any&#38;lang=de"><span class="_booking_choiceName_x">de:common.firstAvailable</span> <span class="_booking_choiceMeta_x">de:booking.practitioner.anyone Consultation &#60;/script&#62;&#60;b&#62;</span>');
    expect(screen).toContain('href="/book/demo-paris?step=time&#38;service=s1&#38;practitioner=p1&#38;lang=de"');
    expect(screen).toContain("Dr &#60;i&#62;Martin&#60;/i&#62;");
    // Only those who offer the service.
    expect(screen).not.toContain("Dr Kiné");
    // The summary: the service, with a way back to its step.
    expect(screen).toContain('<aside class="_booking_summary_x" aria-labelledby="booking-summary">');
    expect(screen).toContain('href="/book/demo-paris?step=service&#38;service=s1&#38;lang=de" aria-label="de:booking.summary.changeService"');
    expect(screen).not.toContain("booking.summary.practitioner");
    expect(html).not.toContain("frontdesk-slots");
  });

  it("shows a practitioner's photo and bio as the app does", () => {
    const brand = { logo: null, description: null, mapUrl: null, services: {}, practitioners: { p1: { bio: "Ostéo <b>", photo: { url: "/media/c1/p1.png", width: 64, height: 64 } } } };
    const screen = screenOf(render("step=practitioner&service=s1", { brand })) ?? "";
    expect(screen).toContain('<div class="_brand_person_x"><img class="_brand_photo_x" src="/media/c1/p1.png" width="64" height="64" loading="lazy" alt="fr:brand.photoAlt Dr &#60;i&#62;Martin&#60;/i&#62;"><p class="_brand_about_x">Ostéo &#60;b&#62;</p></div>');
  });

  it("writes the time step with the month's free days marked, from public.slots' answer, and that answer for the app", () => {
    const html = render("step=time&service=s1&practitioner=any", {}, SLOTS);
    const screen = screenOf(html) ?? "";
    expect(html).toContain('<html lang="fr" data-step="time">');
    expect(screen).toContain('<li aria-current="step">fr:booking.step.time</li>');
    expect(screen).toContain("fr:slots.heading");
    expect(screen).toContain('<h3 id="first-screen-month" class="_slots_monthTitle_x">décembre 2026</h3>');
    expect(screen).toContain('<table role="grid" class="_slots_grid_x" aria-labelledby="first-screen-month">');
    // Monday first in France.
    expect(screen).toContain('<thead><tr><th scope="col" abbr="lundi">lun.</th>');
    // Today, without free times; the 3rd with one (fr "one"), the 4th with three (fr "other"); the first free day is the grid's tab stop.
    expect(screen).toContain('data-date="2026-12-02" tabindex="-1" aria-disabled="true" aria-label="fr:slots.dayNone mercredi 2 décembre 2026" aria-current="date" class="_slots_day_x _slots_today_x">2</button>');
    expect(screen).toContain('data-date="2026-12-03" tabindex="0" aria-disabled="false" aria-label="fr:slots.dayFree_one 1 jeudi 3 décembre 2026" class="_slots_day_x _slots_available_x">3</button>');
    expect(screen).toContain('aria-label="fr:slots.dayFree_other 3 vendredi 4 décembre 2026"');
    expect(screen).toContain('<p role="status" class="_slots_status_x">fr:slots.daysInMonth_other 2 décembre 2026</p>');
    // December is the first month: no way back; the horizon (60 days) reaches January.
    expect(screen).toContain('class="_slots_navButton_x" disabled aria-label="fr:slots.previousMonth"');
    expect(screen).toContain('class="_slots_navButton_x" aria-label="fr:slots.nextMonth"');
    expect(screen).toContain("<dd>fr:common.firstAvailable ");
    const block = /<script type="application\/json" id="frontdesk-slots">([^<]*)<\/script>/.exec(html)?.[1] ?? "";
    expect(JSON.parse(block)).toEqual({ input: { clinicSlug: "demo-paris", serviceId: "s1", from: "2026-12-02", to: "2026-12-31" }, answer: SLOTS });
  });

  it("names the chosen practitioner on the time step, and offers the waitlist where the clinic has one", () => {
    const screen = screenOf(render("step=time&service=s1&practitioner=p1", { features: { onlineBooking: true, waitlist: true } }, SLOTS)) ?? "";
    expect(screen).toContain("<dd>Dr &#60;i&#62;Martin&#60;/i&#62; ");
    expect(screen).toContain('<button type="button" class="_ui_button_x _ui_secondary_x">fr:waitlist.open</button>');
  });

  it.each([
    ["another step is asked for", "step=details&service=s1&practitioner=any", {}, SLOTS],
    ["a service is chosen already", "service=s1", {}, undefined],
    ["a practitioner is chosen already", "step=practitioner&service=s1&practitioner=p1", {}, undefined],
    ["a time is chosen already", "step=time&service=s1&practitioner=any&time=2026-12-03T08:00:00Z", {}, SLOTS],
    ["the service is not the clinic's", "step=practitioner&service=s9", {}, undefined],
    ["the practitioner does not offer the service", "step=time&service=s1&practitioner=p2", {}, SLOTS],
    ["no practitioner is chosen for the time step", "step=time&service=s1", {}, SLOTS],
    ["the free times could not be read", "step=time&service=s1&practitioner=any", {}, undefined],
    ["the month has no free time (the app offers the next)", "step=time&service=s1&practitioner=any", {}, { durationMinutes: 30, days: [{ date: "2026-12-03", starts: [] }] }],
    ["the clinic has no services", "", { services: [] }, undefined],
    ["online booking is off", "", { features: { onlineBooking: false } }, undefined],
  ])("writes no screen when %s (the app shows that), but still the clinic answer", (_, search, overrides, slots) => {
    const html = render(search, overrides, slots);
    expect(html).toContain('<div id="root"></div>');
    // The loader starts the app at once: nothing is written for the patient to tap before it.
    expect(html).not.toContain("data-step");
    expect(html).toContain('id="frontdesk-clinic"');
    expect(html).not.toContain("frontdesk-slots");
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

  it("asks public.slots as the visitor for the time step, for the month the app would ask", async () => {
    const asked: string[] = [];
    const pages = createBookingPages({
      indexHtml: INDEX,
      manifest: manifest(),
      now: () => NOW,
      askApi: (request) => {
        const url = new URL(request.url);
        asked.push(`${url.pathname} ${url.searchParams.get("input")}`);
        return url.pathname === "/trpc/public.slots" ? answer(200, { result: { data: SLOTS } }) : answer(200, { result: { data: clinic } });
      },
    });
    const response = await pages(new Request("http://localhost/book/demo-paris?step=time&service=s1&practitioner=p1"));
    expect(asked).toEqual([
      '/trpc/public.clinic {"clinicSlug":"demo-paris"}',
      '/trpc/public.slots {"clinicSlug":"demo-paris","serviceId":"s1","practitionerId":"p1","from":"2026-12-02","to":"2026-12-31"}',
    ]);
    expect(await response!.text()).toContain('aria-label="fr:slots.dayFree_other 3 vendredi 4 décembre 2026"');
  });

  it("sends the time step's page without the step when public.slots refuses (the rate limit, say)", async () => {
    const pages = createBookingPages({
      indexHtml: INDEX,
      manifest: manifest(),
      now: () => NOW,
      askApi: (request) => (new URL(request.url).pathname === "/trpc/public.slots" ? answer(429, { error: { message: "Too many requests" } }) : answer(200, { result: { data: clinic } })),
    });
    const html = await (await pages(new Request("http://localhost/book/demo-paris?step=time&service=s1&practitioner=any")))!.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('id="frontdesk-clinic"');
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
    delete (broken.plurals.en as Partial<Record<string, unknown>>)["slots.dayFree"];
    await writeFile(path.join(folder, "booking-shell.json"), JSON.stringify(broken));
    await expect(readBookingShellManifest(folder)).rejects.toThrow(/missing catalogue es, de booking.service.heading, en slots.dayFree_other, booking.choice/);
  });
});
