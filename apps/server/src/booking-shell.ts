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
import {
  addDays,
  createDateFormat,
  endOfMonth,
  firstDayOfWeek,
  formatPrice,
  formattingLocale,
  LANGUAGE_NAMES,
  monthGrid,
  PATIENT_LANGUAGES,
  patientLanguage,
  startOfMonth,
  telHref,
  todayIn,
  type LocalDate,
  type PatientLanguage,
} from "@frontdesk/domain";
import { SHELL_CLASSES, SHELL_PLURAL_KEYS, SHELL_TEXT_KEYS, type BookingShellManifest, type ShellClass, type ShellPluralKey, type ShellTextKey } from "./booking-shell-manifest";
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
    ...PATIENT_LANGUAGES.flatMap((language) => SHELL_PLURAL_KEYS.filter((key) => typeof manifest.plurals?.[language]?.[key]?.other !== "string").map((key) => `${language} ${key}_other`)),
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
  features: { onlineBooking: boolean; waitlist?: boolean };
  policy?: { horizonDays: number };
  services: Array<{ id: string; name: string; durationMinutes: number; priceCents: number | null }>;
  practitioners?: Array<{ id: string; displayName: string; serviceIds: string[] }>;
  /** The clinic's brand (ADR 0049), as ClinicBrand.tsx shows it. */
  brand?: {
    logo: { url: string; width: number; height: number } | null;
    description: string | null;
    mapUrl: string | null;
    services: Record<string, { description: string | null }>;
    practitioners?: Record<string, { bio: string | null; photo: { url: string; width: number; height: number } | null }>;
  };
}

/** `public.slots`' answer: free start times per local day. */
export interface ShellSlots {
  durationMinutes: number;
  days: Array<{ date: string; starts: string[] }>;
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

/** Whether the address opens the services step: no step or "service", nothing chosen. */
export function opensServiceStep(search: URLSearchParams): boolean {
  const step = search.get("step");
  return (step === null || step === "service") && !search.has("service");
}

type Service = ShellClinic["services"][number];
type Practitioner = NonNullable<ShellClinic["practitioners"]>[number];

/** The step the server writes for this address, with its choices checked against the clinic's lists; null: none (the app draws it). */
export type WrittenStep = { step: "service" } | { step: "practitioner"; service: Service } | { step: "time"; service: Service; practitioner: Practitioner | null };

/**
 * The services step, and (ADR 0063) the practitioner and time steps as the services' and
 * practitioners' links open them: nothing chosen on the step itself yet. Any other address (a
 * chosen time, a later step, an id the clinic does not have) is the app's alone.
 */
export function writtenStep(clinic: ShellClinic, search: URLSearchParams): WrittenStep | null {
  if (!clinic.features.onlineBooking || clinic.services.length === 0) return null;
  if (opensServiceStep(search)) return { step: "service" };
  const step = search.get("step");
  const service = clinic.services.find((s) => s.id === search.get("service"));
  if (!service || search.has("time")) return null;
  if (step === "practitioner" && !search.has("practitioner")) return { step: "practitioner", service };
  const chosen = search.get("practitioner");
  if (step !== "time" || chosen === null || !clinic.policy) return null;
  if (chosen === ANY_PRACTITIONER) return { step: "time", service, practitioner: null };
  const practitioner = offering(clinic, service).find((p) => p.id === chosen);
  return practitioner ? { step: "time", service, practitioner } : null;
}

/** "First available" in the address (apps/web/src/booking/booking-steps.ts). */
const ANY_PRACTITIONER = "any";

function offering(clinic: ShellClinic, service: Service): Practitioner[] {
  return (clinic.practitioners ?? []).filter((p) => p.serviceIds.includes(service.id));
}

/** The month the time step opens on and `public.slots`' input for it, as the app's SlotPicker asks (slotsQueryInput). */
export function slotsRequest(clinic: ShellClinic, written: Extract<WrittenStep, { step: "time" }>, now: Date) {
  const today = todayIn(clinic.timezone, now);
  const month = startOfMonth(today);
  const last = addDays(today, clinic.policy?.horizonDays ?? 0);
  const to = endOfMonth(month) < last ? endOfMonth(month) : last;
  const input = { clinicSlug: clinic.slug, serviceId: written.service.id, ...(written.practitioner ? { practitionerId: written.practitioner.id } : {}), from: today, to };
  return { today, month, lastMonth: startOfMonth(last), input };
}

export interface ShellInput {
  indexHtml: string;
  manifest: BookingShellManifest;
  /** `public.clinic`'s answer for the page's clinic. */
  clinic: ShellClinic;
  search: URLSearchParams;
  /** For the time step: `public.slots`' answer for the month it opens on (the page is written without a step when absent). */
  slots?: ShellSlots;
  now?: Date;
}

/** index.html with the clinic answer, the catalogue's preload and, on the steps the server writes, the step. */
export function renderBookingPage({ indexHtml, manifest, clinic, search, slots, now = new Date() }: ShellInput): string {
  const picked = search.get("lang") ?? undefined;
  const language = patientLanguage(clinic.locale, picked);
  const text = manifest.text[language];
  const written = writtenStep(clinic, search);
  // A month without free times is the app's to show (its notice offers the next month).
  const time = written?.step === "time" && slots?.days.some((day) => day.starts.length > 0) ? { written, ...slotsRequest(clinic, written, now), slots } : undefined;
  const head = [
    `<script type="application/json" id="frontdesk-clinic">${scriptJson({ slug: clinic.slug, clinic })}</script>`,
    // The free times the time step shows, for the app's query cache (src/booking/preloaded-clinic.ts): it takes over without asking again.
    time ? `<script type="application/json" id="frontdesk-slots">${scriptJson({ input: time.input, answer: time.slots })}</script>` : "",
    `<link rel="modulepreload" crossorigin href="${escapeHtml(manifest.catalogues[language])}">`,
  ].join("");
  const screen = new Screen(manifest, clinic, language, search);
  const shown: [WrittenStep["step"], string] | undefined =
    written?.step === "service"
      ? ["service", screen.page("service", screen.services(), "")]
      : written?.step === "practitioner"
        ? ["practitioner", screen.page("practitioner", screen.practitioners(written.service), screen.summary(written.service, undefined))]
        : time
          ? ["time", screen.page("time", screen.month(time), screen.summary(time.written.service, time.written.practitioner))]
          : undefined;
  // The written step is named on <html>, the one element parsed before the entry's loader runs
  // (apps/web/scripts/entry-loader.ts): on steps of links it starts the app later.
  const htmlTag = `<html lang="${language}"${shown ? ` data-step="${shown[0]}"` : ""}>`;
  // After the charset (which must come within the first kilobyte), before index.html's scripts (which look for the block).
  let html = indexHtml.replace(/<html lang="[^"]*">/, htmlTag).replace(/<meta charset="[^"]*"\s*\/?>/i, (meta) => `${meta}${head}`);
  html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(fill(text["booking.title"], { clinic: clinic.name }))}</title>`);
  if (shown) html = html.replace('<div id="root"></div>', `<div id="root" data-first-screen="booking">${shown[1]}</div>`);
  return html;
}

type DateFormat = ReturnType<typeof createDateFormat>;

/**
 * The markup the app's AppShell, ClinicHeader, progress, Summary and the steps' views render
 * (BookingPage.tsx, ChoiceSteps.tsx, SlotPicker.tsx), with links for the choices' buttons. What
 * only works with the app (the language switcher, a day of the month) is there so that nothing
 * moves when the app takes over, and does nothing until then.
 */
class Screen {
  private readonly t: Record<ShellTextKey, string>;
  private readonly locale: string;
  private readonly plural: Intl.PluralRules;

  constructor(
    private readonly manifest: BookingShellManifest,
    private readonly clinic: ShellClinic,
    private readonly language: PatientLanguage,
    private readonly search: URLSearchParams,
  ) {
    this.t = manifest.text[language];
    this.locale = formattingLocale(language, clinic.locale);
    this.plural = new Intl.PluralRules(language);
  }

  private c(name: ShellClass): string {
    return escapeHtml(this.manifest.classes[name]);
  }

  /** An entry with a count, in the form i18next would pick. */
  private count(key: ShellPluralKey, values: Record<string, string | number> & { count: number }): string {
    const forms = this.manifest.plurals[this.language][key];
    return fill(forms[this.plural.select(values.count)] ?? forms.other, values);
  }

  /** A step's address, as the app's navigation writes it (the patient's language kept). */
  private stepUrl(values: Record<string, string>): string {
    const next = new URLSearchParams(values);
    const lang = this.search.get("lang");
    if (lang) next.set("lang", lang);
    return escapeHtml(`/book/${encodeURIComponent(this.clinic.slug)}?${next.toString()}`);
  }

  /** The whole page: the shell, the clinic's header, the progress at `current`, the step's panel and the summary. */
  page(current: (typeof STEPS)[number], panel: string, summary: string): string {
    const { t, clinic, language } = this;
    const c = (name: ShellClass) => this.c(name);
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
    const steps = STEPS.map((step) => `<li${step === current ? ' aria-current="step"' : ""}>${escapeHtml(t[`booking.step.${step}`])}</li>`).join("");
    return [
      `<a class="${c("shell.skipLink")}" href="#main">${escapeHtml(t["shell.skipToContent"])}</a>`,
      `<header class="${c("shell.header")}"><div class="${c("shell.headerInner")}"><a class="${c("shell.brand")}" href="/">Frontdesk</a></div></header>`,
      `<div role="main" id="main" tabindex="-1" class="${c("shell.main")}">`,
      `<header class="${c("booking.clinicHeader")}">${switcher}${logo}<h1>${escapeHtml(clinic.name)}</h1><p class="${c("booking.clinicMeta")}">${meta}</p>${phone}${about}${myLink}</header>`,
      `<ol class="${c("booking.progress")}" aria-label="${escapeHtml(t["booking.steps"])}">${steps}</ol>`,
      `<div class="${c("booking.layout")}"><div class="${c("booking.panel")}">${panel}</div>${summary}</div>`,
      "</div>",
      `<footer class="${c("shell.footer")}"><div class="${c("shell.footerInner")}">${escapeHtml(t["shell.footer"])}</div></footer>`,
    ].join("");
  }

  private heading(key: ShellTextKey): string {
    return `<h2 tabindex="-1" class="${this.c("ui.stepHeading")}">${escapeHtml(this.t[key])}</h2>`;
  }

  /** ServiceStep: each service links to the practitioner step. */
  services(): string {
    const { t, clinic } = this;
    const c = (name: ShellClass) => this.c(name);
    const duration = (minutes: number) => {
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      if (hours === 0) return fill(t["duration.minutes"], { minutes: rest });
      return rest === 0 ? fill(t["duration.hours"], { hours }) : fill(t["duration.hoursMinutes"], { hours, minutes: rest });
    };
    const serviceAbout = (serviceId: string) => {
      const description = clinic.brand?.services[serviceId]?.description;
      return description ? `<p class="${c("brand.about")}">${escapeHtml(description)}</p>` : "";
    };
    const services = clinic.services
      .map((service) => {
        const price = formatPrice(service.priceCents, clinic.currency, this.locale);
        const details = `${duration(service.durationMinutes)}${price ? ` · ${price}` : ""}`;
        const href = this.stepUrl({ step: "practitioner", service: service.id });
        return `<li><a class="${c("booking.choice")}" href="${href}"><span class="${c("booking.choiceName")}">${escapeHtml(service.name)}</span> <span class="${c("booking.choiceMeta")}">${escapeHtml(details)}</span></a>${serviceAbout(service.id)}</li>`;
      })
      .join("");
    return `${this.heading("booking.service.heading")}<ul class="${c("booking.choices")}">${services}</ul>`;
  }

  /** PractitionerStep: "first available" and each practitioner who offers the service link to the time step. */
  practitioners(service: Service): string {
    const { t, clinic } = this;
    const c = (name: ShellClass) => this.c(name);
    const link = (practitioner: string) => this.stepUrl({ step: "time", service: service.id, practitioner });
    const about = (practitioner: Practitioner) => {
      const profile = clinic.brand?.practitioners?.[practitioner.id];
      if (!profile?.photo && !profile?.bio) return "";
      const photo = profile.photo
        ? `<img class="${c("brand.photo")}" src="${escapeHtml(profile.photo.url)}" width="${profile.photo.width}" height="${profile.photo.height}" loading="lazy" alt="${escapeHtml(fill(t["brand.photoAlt"], { name: practitioner.displayName }))}">`
        : "";
      return `<div class="${c("brand.person")}">${photo}${profile.bio ? `<p class="${c("brand.about")}">${escapeHtml(profile.bio)}</p>` : ""}</div>`;
    };
    const anyone = `<li><a class="${c("booking.choice")}" href="${link(ANY_PRACTITIONER)}"><span class="${c("booking.choiceName")}">${escapeHtml(t["common.firstAvailable"])}</span> <span class="${c("booking.choiceMeta")}">${escapeHtml(fill(t["booking.practitioner.anyone"], { service: service.name }))}</span></a></li>`;
    // The colour dot is the app's inline style, which the page's CSP does not allow in markup: it is coloured when the app runs.
    const people = offering(clinic, service)
      .map(
        (p) =>
          `<li><a class="${c("booking.choice")}" href="${link(p.id)}"><span class="${c("booking.choiceName")}"><span class="${c("booking.swatch")}" aria-hidden="true"></span>${escapeHtml(p.displayName)}</span></a>${about(p)}</li>`,
      )
      .join("");
    return `${this.heading("booking.practitioner.heading")}<ul class="${c("booking.choices")}">${anyone}${people}</ul>`;
  }

  /** The summary beside the step: what was chosen, each with a link back to its step. */
  summary(service: Service, practitioner: Practitioner | null | undefined): string {
    const { t } = this;
    const c = (name: ShellClass) => this.c(name);
    const change = (step: string, label: ShellTextKey, values: Record<string, string>) =>
      `<a class="${c("ui.button")} ${c("ui.link")}" href="${this.stepUrl({ step, ...values })}" aria-label="${escapeHtml(t[label])}">${escapeHtml(t["common.change"])}</a>`;
    const chosen = { service: service.id, ...(practitioner !== undefined ? { practitioner: practitioner?.id ?? ANY_PRACTITIONER } : {}) };
    const rows = [
      `<div><dt>${escapeHtml(t["common.service"])}</dt><dd>${escapeHtml(service.name)} ${change("service", "booking.summary.changeService", chosen)}</dd></div>`,
      practitioner !== undefined
        ? `<div><dt>${escapeHtml(t["booking.summary.practitioner"])}</dt><dd>${escapeHtml(practitioner?.displayName ?? t["common.firstAvailable"])} ${change("practitioner", "booking.summary.changePractitioner", chosen)}</dd></div>`
        : "",
    ];
    return `<aside class="${c("booking.summary")}" aria-labelledby="booking-summary"><h2 id="booking-summary">${escapeHtml(t["booking.summary.heading"])}</h2><dl>${rows.join("")}</dl></aside>`;
  }

  /** SlotPicker's month: the days with free times marked. A day is chosen once the app runs (its times are the app's). */
  month(time: { today: LocalDate; month: LocalDate; lastMonth: LocalDate; slots: ShellSlots }): string {
    const { t, clinic } = this;
    const c = (name: ShellClass) => this.c(name);
    const fmt: DateFormat = createDateFormat({ locale: this.locale, timeZone: clinic.timezone, patientTimeZone: clinic.timezone });
    const free = new Map(time.slots.days.filter((day) => day.starts.length > 0).map((day) => [day.date, day.starts.length]));
    const weekStartsOn = firstDayOfWeek(this.locale);
    const monthName = fmt.month(time.month);
    const tabStop = [...free.keys()].sort()[0] ?? time.today;
    const titleId = "first-screen-month";
    const nav = (key: ShellTextKey, symbol: string, disabled: boolean) =>
      `<button type="button" class="${c("slots.navButton")}"${disabled ? " disabled" : ""} aria-label="${escapeHtml(t[key])}">${symbol}</button>`;
    const weekdays = fmt
      .weekdays(weekStartsOn)
      .map((day) => `<th scope="col" abbr="${escapeHtml(day.long)}">${escapeHtml(day.short)}</th>`)
      .join("");
    const weeks = monthGrid(time.month, weekStartsOn)
      .map((week) => {
        const cells = week.map((date) => {
          if (!date) return "<td></td>";
          const count = free.get(date) ?? 0;
          const label = count > 0 ? this.count("slots.dayFree", { date: fmt.date(date), count }) : fill(t["slots.dayNone"], { date: fmt.date(date) });
          const classes = [c("slots.day"), count > 0 ? c("slots.available") : "", date === time.today ? c("slots.today") : ""].filter(Boolean).join(" ");
          const current = date === time.today ? ' aria-current="date"' : "";
          return `<td role="gridcell" aria-selected="false"><button type="button" data-date="${date}" tabindex="${date === tabStop ? 0 : -1}" aria-disabled="${count === 0}" aria-label="${escapeHtml(label)}"${current} class="${classes}">${Number(date.slice(8))}</button></td>`;
        });
        return `<tr>${cells.join("")}</tr>`;
      })
      .join("");
    const waitlist = clinic.features.waitlist
      ? `<div class="${c("ui.actions")}"><button type="button" class="${c("ui.button")} ${c("ui.secondary")}">${escapeHtml(t["waitlist.open"])}</button></div>`
      : "";
    return [
      `<div>${this.heading("slots.heading")}`,
      `<div class="${c("slots.monthNav")}">${nav("slots.previousMonth", "‹", time.month <= startOfMonth(time.today))}<h3 id="${titleId}" class="${c("slots.monthTitle")}">${escapeHtml(monthName)}</h3>${nav("slots.nextMonth", "›", time.month >= time.lastMonth)}</div>`,
      `<table role="grid" class="${c("slots.grid")}" aria-labelledby="${titleId}"><thead><tr>${weekdays}</tr></thead><tbody>${weeks}</tbody></table>`,
      `<p role="status" class="${c("slots.status")}">${escapeHtml(this.count("slots.daysInMonth", { count: free.size, month: monthName }))}</p>`,
      `</div>${waitlist}`,
    ].join("");
  }
}

const BOOKING_PATH = /^\/book\/([a-z0-9-]{1,63})\/?$/;

export interface BookingPagesOptions {
  indexHtml: string;
  manifest: BookingShellManifest;
  /** Answers an API request as the API would answer the visitor (their address counts for the rate limit). */
  askApi: (request: Request, visitor: Request) => Promise<Response>;
  /** The clock for "today" on the time step; the system's by default. */
  now?: () => Date;
}

/**
 * The answer for a GET of /book/:slug with the clinic written in, or null for any other request
 * and whenever the clinic cannot be read (the app then asks for it and shows its own error page).
 * The time step also asks `public.slots` (as the visitor, like the app would); when that fails,
 * the page goes without the step and the app asks again.
 */
export function createBookingPages({ indexHtml, manifest, askApi, now = () => new Date() }: BookingPagesOptions) {
  const ask = async <T,>(visitor: Request, procedure: string, input: unknown): Promise<T | undefined> => {
    const url = new URL(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, visitor.url);
    const answer = await askApi(new Request(url, { headers: { accept: "application/json" } }), visitor);
    if (!answer.ok) return undefined;
    return ((await answer.json()) as { result?: { data?: T } }).result?.data;
  };
  return async (request: Request): Promise<Response | null> => {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    const url = new URL(request.url);
    const slug = BOOKING_PATH.exec(url.pathname)?.[1];
    if (!slug) return null;
    const clinic = await ask<ShellClinic>(request, "public.clinic", { clinicSlug: slug });
    if (!clinic) return null;
    const at = now();
    const written = writtenStep(clinic, url.searchParams);
    const slots = written?.step === "time" ? await ask<ShellSlots>(request, "public.slots", slotsRequest(clinic, written, at).input) : undefined;
    const html = renderBookingPage({ indexHtml, manifest, clinic, search: url.searchParams, slots, now: at });
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
