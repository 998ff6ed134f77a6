// The booking page's first screen, written into index.html by the server (ADR 0052). On a slow
// phone the app needs seconds to download and run; the patient sees the clinic and its services
// at once instead, in the clinic's language, as links to the next step's address (they work before
// and without JavaScript). The app then replaces this markup with its own, which looks the same.
// The clinic answer travels in the page too, so the app does not ask for it again, and the page's
// catalogue is preloaded with the scripts.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { formatPrice, formattingLocale, LANGUAGE_NAMES, PATIENT_LANGUAGES, patientLanguage, telHref, type PatientLanguage } from "@frontdesk/domain";
import { SHELL_CLASSES, SHELL_TEXT_KEYS, type BookingShellManifest, type ShellClass } from "./booking-shell-manifest";
import { chooseEncoding } from "./static-files";

/**
 * The build's manifest, or null when the build wrote none (the page is then index.html as it is).
 * A manifest that lacks a language, an entry or a class stops the server at start-up.
 */
export async function readBookingShellManifest(webRoot: string): Promise<BookingShellManifest | null> {
  const file = path.join(webRoot, "booking-shell.json");
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(await readFile(file, "utf8")) as BookingShellManifest;
  const missing = [
    ...PATIENT_LANGUAGES.filter((language) => typeof manifest.catalogues?.[language] !== "string").map((language) => `catalogue ${language}`),
    ...PATIENT_LANGUAGES.flatMap((language) => SHELL_TEXT_KEYS.filter((key) => typeof manifest.text?.[language]?.[key] !== "string").map((key) => `${language} ${key}`)),
    ...SHELL_CLASSES.filter((name) => typeof manifest.classes?.[name] !== "string"),
  ];
  if (missing.length > 0) throw new Error(`${file}: missing ${missing.join(", ")} (rebuild the web app)`);
  return manifest;
}

/** The part of `public.clinic`'s answer the first screen shows. */
export interface ShellClinic {
  slug: string;
  name: string;
  locale: string;
  currency: string;
  timezone: string;
  address?: string | null;
  phone?: string | null;
  features: { onlineBooking: boolean };
  services: Array<{ id: string; name: string; durationMinutes: number; priceCents: number | null }>;
  /** The clinic's brand (ADR 0049), as ClinicBrand.tsx shows it. */
  brand?: {
    logo: { url: string; width: number; height: number } | null;
    description: string | null;
    mapUrl: string | null;
    services: Record<string, { description: string | null }>;
  };
}

/** The step ids of the booking flow, in order (apps/web/src/booking/booking-steps.ts). */
const STEPS = ["service", "practitioner", "time", "details", "intake", "confirm"] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A catalogue entry with its {{placeholders}} filled in (the first screen's entries have no plurals). */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** JSON inside a <script type="application/json">: no "<", so no "</script>" can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** Whether the address opens the services step (the only one written ahead): no step or "service", nothing chosen. */
export function opensServiceStep(search: URLSearchParams): boolean {
  const step = search.get("step");
  return (step === null || step === "service") && !search.has("service");
}

export interface ShellInput {
  indexHtml: string;
  manifest: BookingShellManifest;
  /** `public.clinic`'s answer for the page's clinic. */
  clinic: ShellClinic;
  search: URLSearchParams;
}

/** index.html with the clinic answer, the catalogue's preload and, on the services step, the services. */
export function renderBookingPage({ indexHtml, manifest, clinic, search }: ShellInput): string {
  const picked = search.get("lang") ?? undefined;
  const language = patientLanguage(clinic.locale, picked);
  const text = manifest.text[language];
  const head = [
    `<script type="application/json" id="frontdesk-clinic">${scriptJson({ slug: clinic.slug, clinic })}</script>`,
    `<link rel="modulepreload" crossorigin href="${escapeHtml(manifest.catalogues[language])}">`,
  ].join("");
  // After the charset (which must come within the first kilobyte), before index.html's scripts (which look for the block).
  let html = indexHtml.replace(/<html lang="[^"]*">/, `<html lang="${language}">`).replace(/<meta charset="[^"]*"\s*\/?>/i, (meta) => `${meta}${head}`);
  html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(fill(text["booking.title"], { clinic: clinic.name }))}</title>`);
  if (clinic.features.onlineBooking && clinic.services.length > 0 && opensServiceStep(search)) {
    html = html.replace('<div id="root"></div>', `<div id="root" data-first-screen="booking">${servicesScreen(manifest, clinic, language, search)}</div>`);
  }
  return html;
}

/** The markup the app's AppShell, ClinicHeader, progress and ServiceStep render, with links for buttons. */
function servicesScreen(manifest: BookingShellManifest, clinic: ShellClinic, language: PatientLanguage, search: URLSearchParams): string {
  const t = manifest.text[language];
  const c = (name: ShellClass) => escapeHtml(manifest.classes[name]);
  const locale = formattingLocale(language, clinic.locale);
  const duration = (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return fill(t["duration.minutes"], { minutes: rest });
    return rest === 0 ? fill(t["duration.hours"], { hours }) : fill(t["duration.hoursMinutes"], { hours, minutes: rest });
  };
  const lang = search.get("lang");
  const stepUrl = (serviceId: string) => {
    const next = new URLSearchParams({ step: "practitioner", service: serviceId });
    if (lang) next.set("lang", lang);
    return `/book/${encodeURIComponent(clinic.slug)}?${next.toString()}`;
  };
  const switcher = [
    `<div class="${c("booking.languageSwitcher")}"><label for="first-screen-language">${escapeHtml(t["language.label"])}</label><select id="first-screen-language">`,
    ...PATIENT_LANGUAGES.map((code) => `<option value="${code}" lang="${code}"${code === language ? " selected" : ""}>${escapeHtml(LANGUAGE_NAMES[code])}</option>`),
    "</select></div>",
  ].join("");
  const meta = `${clinic.address ? `${escapeHtml(clinic.address)} · ` : ""}${escapeHtml(fill(t["booking.timesIn"], { zone: clinic.timezone }))}`;
  const phone = clinic.phone
    ? `<p class="${c("booking.clinicMeta")}"><a href="${escapeHtml(telHref(clinic.phone))}" aria-label="${escapeHtml(fill(t["common.callClinicAt"], { clinic: clinic.name, phone: clinic.phone }))}">${escapeHtml(fill(t["common.phone"], { phone: clinic.phone }))}</a></p>`
    : "";
  // The brand and the patient's own list, as ClinicHeader shows them (BookingPage.tsx, ClinicBrand.tsx).
  const brand = clinic.brand;
  const logo = brand?.logo
    ? `<img class="${c("brand.logo")}" src="${escapeHtml(brand.logo.url)}" width="${brand.logo.width}" height="${brand.logo.height}" alt="${escapeHtml(fill(t["brand.logoAlt"], { clinic: clinic.name }))}">`
    : "";
  const about = [
    brand?.description ? `<p class="${c("brand.about")}">${escapeHtml(brand.description)}</p>` : "",
    brand?.mapUrl ? `<p class="${c("brand.meta")}"><a href="${escapeHtml(brand.mapUrl)}" target="_blank" rel="noreferrer">${escapeHtml(t["brand.map"])}</a></p>` : "",
  ].join("");
  const myLink = `<p class="${c("booking.clinicMeta")}"><a href="/book/${encodeURIComponent(clinic.slug)}/my?lang=${language}">${escapeHtml(t["my.link"])}</a></p>`;
  const serviceAbout = (serviceId: string) => {
    const description = brand?.services[serviceId]?.description;
    return description ? `<p class="${c("brand.about")}">${escapeHtml(description)}</p>` : "";
  };
  const steps = STEPS.map((step, index) => `<li${index === 0 ? ' aria-current="step"' : ""}>${escapeHtml(t[`booking.step.${step}`])}</li>`).join("");
  const services = clinic.services
    .map((service) => {
      const price = formatPrice(service.priceCents, clinic.currency, locale);
      const details = `${duration(service.durationMinutes)}${price ? ` · ${price}` : ""}`;
      return `<li><a class="${c("booking.choice")}" href="${escapeHtml(stepUrl(service.id))}"><span class="${c("booking.choiceName")}">${escapeHtml(service.name)}</span> <span class="${c("booking.choiceMeta")}">${escapeHtml(details)}</span></a>${serviceAbout(service.id)}</li>`;
    })
    .join("");
  return [
    `<a class="${c("shell.skipLink")}" href="#main">${escapeHtml(t["shell.skipToContent"])}</a>`,
    `<header class="${c("shell.header")}"><div class="${c("shell.headerInner")}"><a class="${c("shell.brand")}" href="/">Frontdesk</a></div></header>`,
    `<div role="main" id="main" tabindex="-1" class="${c("shell.main")}">`,
    `<header class="${c("booking.clinicHeader")}">${switcher}${logo}<h1>${escapeHtml(clinic.name)}</h1><p class="${c("booking.clinicMeta")}">${meta}</p>${phone}${about}${myLink}</header>`,
    `<ol class="${c("booking.progress")}" aria-label="${escapeHtml(t["booking.steps"])}">${steps}</ol>`,
    `<div class="${c("booking.layout")}"><div class="${c("booking.panel")}">`,
    `<h2 tabindex="-1" class="${c("ui.stepHeading")}">${escapeHtml(t["booking.service.heading"])}</h2>`,
    `<ul class="${c("booking.choices")}">${services}</ul>`,
    "</div></div></div>",
    `<footer class="${c("shell.footer")}"><div class="${c("shell.footerInner")}">${escapeHtml(t["shell.footer"])}</div></footer>`,
  ].join("");
}

const BOOKING_PATH = /^\/book\/([a-z0-9-]{1,63})\/?$/;

export interface BookingPagesOptions {
  indexHtml: string;
  manifest: BookingShellManifest;
  /** Answers an API request as the API would answer the visitor (their address counts for the rate limit). */
  askApi: (request: Request, visitor: Request) => Promise<Response>;
}

/**
 * The answer for a GET of /book/:slug with the clinic written in, or null for any other request
 * and whenever the clinic cannot be read (the app then asks for it and shows its own error page).
 */
export function createBookingPages({ indexHtml, manifest, askApi }: BookingPagesOptions) {
  return async (request: Request): Promise<Response | null> => {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    const url = new URL(request.url);
    const slug = BOOKING_PATH.exec(url.pathname)?.[1];
    if (!slug) return null;
    const input = encodeURIComponent(JSON.stringify({ clinicSlug: slug }));
    const answer = await askApi(new Request(new URL(`/trpc/public.clinic?input=${input}`, url), { headers: { accept: "application/json" } }), request);
    if (!answer.ok) return null;
    const clinic = ((await answer.json()) as { result?: { data?: ShellClinic } }).result?.data;
    if (!clinic) return null;
    const html = renderBookingPage({ indexHtml, manifest, clinic, search: url.searchParams });
    return compressedPage(request, html);
  };
}

function compressedPage(request: Request, html: string): Response {
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache", Vary: "Accept-Encoding" });
  const encoding = chooseEncoding(request.headers.get("accept-encoding"), ["br", "gzip"]);
  // A few kilobytes, compressed per request at a fast setting (the page holds public data only).
  const body =
    encoding === "br" ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : encoding === "gzip" ? gzipSync(html) : Buffer.from(html);
  if (encoding) headers.set("Content-Encoding", encoding);
  headers.set("Content-Length", String(body.byteLength));
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
}
